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
 *   `"C" | "P"` to make a wrong composite fit.
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

/**
 * A generating arrow `name : dom → cod`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const arrow = <const Dom extends string, const Cod extends string>(
  name: string,
  dom: Dom,
  cod: Cod,
): Arrow<Dom, Cod> => ({ _tag: "Arrow", dom, cod, path: [name] })

/**
 * The identity arrow on `x`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const identity = <const X extends string>(x: X): Arrow<X, X> => ({
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
  g: Arrow<B, C>,
  f: Arrow<A, NoInfer<B>>,
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
  <B extends string, C extends string>(g: Arrow<B, C>) =>
  <A extends string>(f: Arrow<A, B>): Arrow<A, C> =>
    compose(g, f)

/**
 * The composite of a path of arrows, or `never` when two neighbours do not meet.
 *
 * @since 0.1.0
 * @category type-level
 */
export type Composite<Fs extends ReadonlyArray<AnyArrow>> = Fs extends readonly [
  infer F extends AnyArrow,
]
  ? F
  : Fs extends readonly [infer F extends AnyArrow, infer G extends AnyArrow, ...infer Rest extends ReadonlyArray<AnyArrow>]
    ? [CodomainOf<F>] extends [DomainOf<G>]
      ? [DomainOf<G>] extends [CodomainOf<F>]
        ? Composite<[Arrow<DomainOf<F>, CodomainOf<G>>, ...Rest]>
        : never
      : never
    : never

/**
 * Checks a path at the type level: each arrow's domain must equal the previous codomain.
 * Non-meeting neighbours turn the offending position into a descriptive error type.
 *
 * @since 0.1.0
 * @category type-level
 */
export type ComposablePath<Fs extends ReadonlyArray<AnyArrow>, Prev extends string | null = null> =
  Fs extends readonly [infer F extends AnyArrow, ...infer Rest extends ReadonlyArray<AnyArrow>]
    ? [
        Prev extends string
          ? [DomainOf<F>] extends [Prev]
            ? [Prev] extends [DomainOf<F>]
              ? F
              : { readonly error: "arrow's domain is not the previous codomain"; readonly expected: Prev }
            : { readonly error: "arrow's domain is not the previous codomain"; readonly expected: Prev }
          : F,
        ...ComposablePath<Rest, CodomainOf<F>>,
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
