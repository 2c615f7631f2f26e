/**
 * The one interface every category in catcluster implements.
 *
 * A category 𝒞 has objects `O`, arrows `A`, for every arrow a domain and a codomain,
 * identities `id(x): x → x` and a composition `g ∘ f` defined when `cod(f) = dom(g)`.
 * The laws (checked by `src/laws`, never assumed):
 *
 * - left identity:  `id(cod f) ∘ f = f`
 * - right identity: `f ∘ id(dom f) = f`
 * - associativity:  `h ∘ (g ∘ f) = (h ∘ g) ∘ f`
 *
 * Equality of arrows is the category's business: decided exactly in a finite category
 * (`FinCat`, `FinSet`), sampled or enumerated on a carrier in `Type`. That is why
 * `equalArrows` returns an {@link ArrowEquality} with a witness instead of a boolean.
 *
 * @since 0.1.0
 * @category model
 */
export interface Category<O, A> {
  /** A name for messages and pictures. */
  readonly name: string
  /** The domain of an arrow. */
  readonly dom: (f: A) => O
  /** The codomain of an arrow. */
  readonly cod: (f: A) => O
  /** The identity arrow on an object. */
  readonly id: (x: O) => A
  /**
   * `g ∘ f` ("g after f"). Callers guarantee `cod(f) = dom(g)`; use {@link composeChecked}
   * when the arrows come from outside.
   */
  readonly compose: (g: A, f: A) => A
  /** Equality of objects. */
  readonly equalObjects: (x: O, y: O) => boolean
  /** Equality of two parallel arrows, with a witness when they differ. */
  readonly equalArrows: (f: A, g: A) => ArrowEquality
  /** Shows an object to a person. */
  readonly showObject: (x: O) => string
  /** Shows an arrow to a person. */
  readonly showArrow: (f: A) => string
}

/**
 * The answer to "are these two parallel arrows equal?".
 *
 * `witness` is whatever the category can show for a difference, e.g. the input on which two
 * functions differ, or the two normal forms of two paths.
 *
 * @since 0.1.0
 * @category model
 */
export type ArrowEquality =
  | { readonly equal: true }
  | { readonly equal: false; readonly witness: unknown; readonly message: string }

/**
 * The verdict that two arrows are equal.
 *
 * @since 0.1.0
 * @category constructors
 */
export const equal: ArrowEquality = { equal: true }

/**
 * The verdict that two arrows differ, with a message and an optional witness.
 *
 * @since 0.1.0
 * @category constructors
 */
export const different = (message: string, witness: unknown = undefined): ArrowEquality => ({
  equal: false,
  witness,
  message,
})

/**
 * A category whose objects can be listed and whose hom-sets can be listed:
 * the law suites check such a category exhaustively.
 *
 * @since 0.1.0
 * @category model
 */
export interface FiniteCategory<O, A> extends Category<O, A> {
  /** Every object, each once. */
  readonly objects: () => ReadonlyArray<O>
  /** Every arrow x → y, each once (equal arrows are listed once). */
  readonly hom: (x: O, y: O) => ReadonlyArray<A>
}

/**
 * Two arrows that do not compose: `cod(f) ≠ dom(g)`.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotComposableError extends Error {
  readonly _tag = "NotComposable" as const
  constructor(
    readonly first: string,
    readonly second: string,
    readonly codomainOfFirst: string,
    readonly domainOfSecond: string,
  ) {
    super(
      `cannot compose ${second} after ${first}: codomain of ${first} is ${codomainOfFirst} but domain of ${second} is ${domainOfSecond}`,
    )
    this.name = "NotComposableError"
  }
}

/**
 * `g ∘ f` with the composability check done at run time, for arrows that come from user data.
 *
 * @example
 * import { composeChecked } from "catcluster/category"
 * // composeChecked(C)(g, f) throws NotComposableError naming both arrows when cod f ≠ dom g
 *
 * @since 0.1.0
 * @category combinators
 */
export const composeChecked =
  <O, A>(C: Category<O, A>) =>
  (g: A, f: A): A => {
    if (!C.equalObjects(C.cod(f), C.dom(g))) {
      throw new NotComposableError(
        C.showArrow(f),
        C.showArrow(g),
        C.showObject(C.cod(f)),
        C.showObject(C.dom(g)),
      )
    }
    return C.compose(g, f)
  }

/**
 * Composes a path given first-arrow-first: `composePath(C)([f, g, h]) = h ∘ g ∘ f`.
 * An empty path needs its object: `composePath(C)([], x) = id(x)`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const composePath =
  <O, A>(C: Category<O, A>) =>
  (path: ReadonlyArray<A>, start?: O): A => {
    const first = path[0]
    if (first === undefined) {
      if (start === undefined) throw new Error("composePath: an empty path needs its object")
      return C.id(start)
    }
    const checked = composeChecked(C)
    let acc: A = first as A
    for (let i = 1; i < path.length; i++) acc = checked(path[i] as A, acc)
    return acc
  }
