/**
 * Arrows that carry their domain and codomain in their types.
 *
 * An `Arrow<"C", "Pod">` is an arrow C → Pod. Composition only type-checks when the codomain
 * of the first arrow *is* the domain of the second. Two encodings make that hold even when
 * objects are members of one union of literal types:
 *
 * - the type parameters are invariant (`in out`), so `Arrow<"C", "P">` is not an
 *   `Arrow<"C", "C" | "P">`;
 * - the middle object is read from one side only (`NoInfer`), so TypeScript cannot widen it to
 *   `"C" | "P"` to make a wrong composite fit;
 * - every object where an arrow is built or composed must be *one* string literal type
 *   ({@link SingletonObject}): `string`, a union (`"C" | "V"`), a template literal
 *   (`` `node-${number}` ``) or an unresolved generic is a compile error naming the object,
 *   because any two arrows between such types would compose;
 * - {@link path} and {@link Composite} do not distribute over a union of arrows: a path through
 *   "one of these arrows" is an error, not a silent `never`.
 *
 * Arrows from untyped data (config files, manifests) are built by {@link arrowFromData} and
 * {@link pathFromData}, which check the objects at run time and return an `Either` with the
 * mismatch, so such input never needs a cast. (`any` defeats every check: it is assignable to
 * the error types too.)
 *
 * At run time an arrow also keeps its labels and the path of generating arrows it was
 * composed from, so the free category on typed arrows can compare and show composites.
 *
 * @example
 * import { arrow, compose } from "catcluster/category"
 * const containerize = arrow("containerize", "P", "C") // Ψ : P → C
 * const wrap = arrow("wrap", "C", "Pod")               // Ω : C → Pod
 * const podOnMachine = compose(wrap, containerize)      // Ω ∘ Ψ : P → Pod
 * // compose(containerize, wrap)                       // compile error: Pod is not P
 *
 * @since 0.1.0
 */

import * as E from "fp-ts/lib/Either.js"

/**
 * A typed arrow `Dom → Cod`.
 *
 * @since 0.1.0
 * @category model
 */
export interface Arrow<in out Dom extends string, in out Cod extends string> {
  readonly _tag: "Arrow"
  readonly dom: Dom
  readonly cod: Cod
  /** Names of the generating arrows, first applied first; empty for an identity. */
  readonly path: ReadonlyArray<string>
}

/** Any arrow, whatever its objects. @since 0.1.0 @category model */
export type AnyArrow = Arrow<any, any>

/** The domain of an arrow type. @since 0.1.0 @category type-level */
export type DomainOf<F> = F extends Arrow<infer D, any> ? D : never
/** The codomain of an arrow type. @since 0.1.0 @category type-level */
export type CodomainOf<F> = F extends Arrow<any, infer C> ? C : never

/** `true` when `T` is `any` (a distributive test on `any` gives both branches). */
type IsAny<T> = boolean extends (T extends never ? true : false) ? true : false

/** `true` when `T` is a union of two or more types. */
type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never

/**
 * The error type a non-singleton object turns into: TypeScript's message names it, e.g.
 * `Argument of type '"C" | "V"' is not assignable to parameter of type 'SingletonObject<"C" | "V">'`.
 *
 * @since 0.1.0
 * @category type-level
 */
export interface NotASingletonObject<X> {
  readonly "catcluster: an object must be one string literal type, not": X
}

/**
 * `unknown` when `X` is one string literal type, otherwise {@link NotASingletonObject}`<X>`.
 * `{}` extends `Record<X, 1>` exactly when `X` has infinitely many members (`string`, a
 * template literal with a hole), because the record is then an index signature.
 *
 * @since 0.1.0
 * @category type-level
 */
export type SingletonCheck<X extends string> = true extends IsAny<X>
  ? unknown // `any`: the untyped escape hatch (AnyArrow); composition checks it at run time
  : [X] extends [never]
    ? NotASingletonObject<never>
    : true extends IsUnion<X>
      ? NotASingletonObject<X>
      : {} extends Record<X, 1>
        ? NotASingletonObject<X>
        : unknown

/**
 * An object where an arrow is built: `X` itself when it is one string literal type. Generic
 * helpers that build arrows take their objects as `SingletonObject<X>` too, so a union passed
 * to the helper is caught at its call.
 *
 * @example
 * import { arrow, type Arrow, type SingletonObject } from "catcluster/category"
 * const loop = <const X extends string>(x: SingletonObject<X>): Arrow<X, X> => arrow("loop", x, x)
 * loop("P")                           // Arrow<"P", "P">
 * // loop(Math.random() < 0.5 ? "P" : "V") // compile error: SingletonObject<"P" | "V">
 *
 * @since 0.1.0
 * @category type-level
 */
export type SingletonObject<X extends string> = X & SingletonCheck<X>

/**
 * `unknown` when both objects of an arrow type are singletons and the type is one arrow (not a
 * union of arrows), otherwise an error type naming the culprit.
 *
 * @since 0.1.0
 * @category type-level
 */
export type ArrowCheck<F> = true extends IsAny<F>
  ? unknown
  : true extends IsUnion<F>
    ? { readonly "catcluster: one arrow is needed, not a union of arrows": F }
    : F extends Arrow<infer D, infer C>
      ? unknown extends SingletonCheck<D> & SingletonCheck<C>
        ? unknown
        : { readonly "catcluster: an arrow's objects must each be one string literal type": F }
      : unknown

/**
 * A generating arrow `name : dom → cod`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const arrow = <const Dom extends string, const Cod extends string>(
  name: string,
  dom: SingletonObject<Dom>,
  cod: SingletonObject<Cod>,
): Arrow<Dom, Cod> => ({ _tag: "Arrow", dom, cod, path: [name] })

/**
 * The identity arrow on `x`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const identity = <const X extends string>(x: SingletonObject<X>): Arrow<X, X> => ({
  _tag: "Arrow",
  dom: x,
  cod: x,
  path: [],
})

/**
 * `g ∘ f`: first `f : A → B`, then `g : B → C`. The `B` of `f` must be exactly the `B` of `g`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const compose = <A extends string, B extends string, C extends string>(
  g: Arrow<B, C> & ArrowCheck<Arrow<B, C>>,
  f: Arrow<A, NoInfer<B>> & SingletonCheck<A>, // B is checked on g's side
): Arrow<A, C> => {
  if ((f.cod as string) !== g.dom) {
    // Unreachable from typed code; guards arrows built from untyped data.
    throw new TypeError(`cannot compose ${show(g)} after ${show(f)}: ${f.cod} ≠ ${g.dom}`)
  }
  return { _tag: "Arrow", dom: f.dom, cod: g.cod, path: [...f.path, ...g.path] }
}

/**
 * Data-last `g ∘ f` for `pipe`: `pipe(f, andThen(g))`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const andThen =
  <B extends string, C extends string>(g: Arrow<B, C> & ArrowCheck<Arrow<B, C>>) =>
  <A extends string>(f: Arrow<A, B> & SingletonCheck<A>): Arrow<A, C> =>
    compose<A, B, C>(g, f)

/**
 * The composite of a path of arrows, or `never` when two neighbours do not meet. Not
 * distributive: a union of arrows anywhere in the path gives `never`, never a union of
 * composites.
 *
 * @since 0.1.0
 * @category type-level
 */
export type Composite<Fs extends ReadonlyArray<AnyArrow>> = Fs extends readonly [infer F extends AnyArrow]
  ? unknown extends ArrowCheck<F>
    ? F
    : never
  : Fs extends readonly [infer F extends AnyArrow, infer G extends AnyArrow, ...infer Rest extends ReadonlyArray<AnyArrow>]
    ? unknown extends ArrowCheck<F> & ArrowCheck<G>
      ? [CodomainOf<F>] extends [DomainOf<G>]
        ? [DomainOf<G>] extends [CodomainOf<F>]
          ? Composite<[Arrow<DomainOf<F>, CodomainOf<G>>, ...Rest]>
          : never
        : never
      : never
    : never

/** The error an arrow of a path turns into when its domain is not the previous codomain. */
interface DomainMismatch<Expected, Found> {
  readonly error: "arrow's domain is not the previous codomain"
  readonly expected: Expected
  readonly found: Found
}

/**
 * Checks a path at the type level: each arrow must be one arrow between singleton objects
 * ({@link ArrowCheck}) and its domain must equal the previous codomain. An offending position
 * turns into a descriptive error type. Every test is wrapped in `[…]`, so a union never
 * distributes.
 *
 * @since 0.1.0
 * @category type-level
 */
export type ComposablePath<Fs extends ReadonlyArray<AnyArrow>, Prev extends string | null = null> =
  Fs extends readonly [infer F extends AnyArrow, ...infer Rest extends ReadonlyArray<AnyArrow>]
    ? [
        unknown extends ArrowCheck<F>
          ? [Prev] extends [null]
            ? F
            : [DomainOf<F>] extends [Prev]
              ? [Prev] extends [DomainOf<F>]
                ? F
                : DomainMismatch<Prev, DomainOf<F>>
              : DomainMismatch<Prev, DomainOf<F>>
          : ArrowCheck<F>,
        ...ComposablePath<Rest, [F] extends [Arrow<any, infer C>] ? C : never>,
      ]
    : []

/**
 * Composes a path given in diagram order: `path(f, g, h) = h ∘ g ∘ f`.
 *
 * @example
 * import { arrow, path } from "catcluster/category"
 * const Ψ = arrow("containerize", "P", "C")
 * const Ω = arrow("wrap", "C", "Pod")
 * const σ = arrow("schedule", "Pod", "P")
 * const roundTrip = path(Ψ, Ω, σ) // Arrow<"P", "P">
 *
 * @since 0.1.0
 * @category combinators
 */
export const path = <const Fs extends readonly [AnyArrow, ...AnyArrow[]]>(
  ...fs: Fs & ComposablePath<Fs>
): Composite<Fs> => {
  const arrows = fs as unknown as ReadonlyArray<AnyArrow>
  let acc = arrows[0] as AnyArrow
  for (let i = 1; i < arrows.length; i++) acc = compose(arrows[i] as AnyArrow, acc)
  return acc as Composite<Fs>
}

/**
 * Shows an arrow: `wrap∘containerize : P → Pod`.
 *
 * @since 0.1.0
 * @category destructors
 */
export const show = (f: AnyArrow): string =>
  `${f.path.length === 0 ? `id_${f.dom}` : [...f.path].reverse().join("∘")} : ${f.dom} → ${f.cod}`

/**
 * Equality of arrows in the free category: same endpoints, same path of generators.
 *
 * @since 0.1.0
 * @category equality
 */
export const equals = (f: AnyArrow, g: AnyArrow): boolean =>
  f.dom === g.dom &&
  f.cod === g.cod &&
  f.path.length === g.path.length &&
  f.path.every((name, i) => name === g.path[i])

/**
 * Why untyped data is not the arrow that was asked for: where (`at`, e.g. `[2].dom`), what was
 * expected and what was found.
 *
 * @since 0.1.0
 * @category errors
 */
export interface ArrowMismatch {
  readonly _tag: "ArrowMismatch"
  /** Where in the input: `dom`, `[2].cod`, `length` … (empty for the input itself). */
  readonly at: string
  readonly expected: string
  readonly found: unknown
  readonly message: string
}

const mismatch = (at: string, expected: string, found: unknown): ArrowMismatch => ({
  _tag: "ArrowMismatch",
  at,
  expected,
  found,
  message: `${at === "" ? "arrow" : at}: expected ${expected}, found ${found === undefined ? "nothing" : JSON.stringify(found)}`,
})

/** The generating arrows of an untyped `{ name, dom, cod }` or an `Arrow` value. */
const readArrow = (
  input: unknown,
  at: string,
): E.Either<ArrowMismatch, { readonly dom: string; readonly cod: string; readonly path: ReadonlyArray<string> }> => {
  const where = (k: string) => (at === "" ? k : `${at}.${k}`)
  if (typeof input !== "object" || input === null) return E.left(mismatch(at, "an object { name, dom, cod }", input))
  const r = input as Record<string, unknown>
  if (typeof r["dom"] !== "string") return E.left(mismatch(where("dom"), "an object name (a string)", r["dom"]))
  if (typeof r["cod"] !== "string") return E.left(mismatch(where("cod"), "an object name (a string)", r["cod"]))
  if (r["_tag"] === "Arrow" && Array.isArray(r["path"]) && r["path"].every((n) => typeof n === "string")) {
    return E.right({ dom: r["dom"], cod: r["cod"], path: r["path"] as ReadonlyArray<string> })
  }
  if (typeof r["name"] !== "string" || r["name"] === "") return E.left(mismatch(where("name"), "an arrow name (a non-empty string)", r["name"]))
  return E.right({ dom: r["dom"], cod: r["cod"], path: [r["name"]] })
}

/**
 * Reads an arrow `Dom → Cod` from untyped data (a parsed config file or manifest): an object
 * `{ name, dom, cod }` (or an `Arrow` value) whose objects are checked at run time against the
 * expected ones. The result is typed `Arrow<Dom, Cod>` without a cast, or the mismatch.
 *
 * @example
 * import { arrowFromData } from "catcluster/category"
 * arrowFromData("P", "C")(JSON.parse('{"name":"containerize","dom":"P","cod":"C"}')) // right(Arrow<"P","C">)
 * arrowFromData("P", "C")({ name: "wrap", dom: "C", cod: "Pod" }) // left: dom: expected "P", found "C"
 *
 * @since 0.1.0
 * @category constructors
 */
export const arrowFromData =
  <const Dom extends string, const Cod extends string>(dom: SingletonObject<Dom>, cod: SingletonObject<Cod>) =>
  (input: unknown): E.Either<ArrowMismatch, Arrow<Dom, Cod>> => {
    const read = readArrow(input, "")
    if (E.isLeft(read)) return read
    const a = read.right
    if (a.dom !== dom) return E.left(mismatch("dom", JSON.stringify(dom), a.dom))
    if (a.cod !== cod) return E.left(mismatch("cod", JSON.stringify(cod), a.cod))
    return E.right({ _tag: "Arrow", dom, cod, path: a.path })
  }

/**
 * Reads a path of arrows from untyped data (an array of `{ name, dom, cod }`, first applied
 * first) and composes it into an arrow `Dom → Cod`, checking at run time that it starts at
 * `Dom`, that each arrow starts where the previous one ends, and that it ends at `Cod`. An empty
 * array is the identity and needs `Dom = Cod`.
 *
 * @example
 * import { pathFromData } from "catcluster/category"
 * const steps: unknown = [{ name: "containerize", dom: "P", cod: "C" }, { name: "wrap", dom: "C", cod: "Pod" }]
 * pathFromData("P", "Pod")(steps) // right(Arrow<"P", "Pod">), path containerize, wrap
 *
 * @since 0.1.0
 * @category constructors
 */
export const pathFromData =
  <const Dom extends string, const Cod extends string>(dom: SingletonObject<Dom>, cod: SingletonObject<Cod>) =>
  (input: unknown): E.Either<ArrowMismatch, Arrow<Dom, Cod>> => {
    if (!Array.isArray(input)) return E.left(mismatch("", "an array of arrows", input))
    let at: string = dom
    const names: string[] = []
    for (let i = 0; i < input.length; i++) {
      const read = readArrow(input[i], `[${i}]`)
      if (E.isLeft(read)) return read
      const a = read.right
      if (a.dom !== at) {
        const expected = i === 0 ? `${JSON.stringify(at)} (the path's domain)` : `${JSON.stringify(at)} (the codomain of [${i - 1}])`
        return E.left(mismatch(`[${i}].dom`, expected, a.dom))
      }
      at = a.cod
      names.push(...a.path)
    }
    if (at !== cod) {
      const where = input.length === 0 ? "dom" : `[${input.length - 1}].cod`
      return E.left(mismatch(where, `${JSON.stringify(cod)} (the path's codomain)`, at))
    }
    return E.right({ _tag: "Arrow", dom, cod, path: names })
  }
