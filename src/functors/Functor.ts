import type { Category } from "../category/Category.ts"

/**
 * A functor F : 𝒞 → 𝒟: an object map and an arrow map.
 *
 * Laws (checked by `src/laws/functor`, never assumed):
 * - identity:    `F(id x) = id (F x)`
 * - composition: `F(g ∘ f) = F g ∘ F f`
 * - endpoints:   `F(dom f) = dom (F f)` and `F(cod f) = cod (F f)`
 *
 * @since 0.1.0
 * @category model
 */
export interface Functor<O1, A1, O2, A2> {
  readonly name: string
  readonly source: Category<O1, A1>
  readonly target: Category<O2, A2>
  /** F on objects: x ↦ F x. */
  readonly onObjects: (x: O1) => O2
  /** F on arrows: (f : x → y) ↦ (F f : F x → F y). */
  readonly onArrows: (f: A1) => A2
}

/** A functor from a category to itself. @since 0.1.0 @category model */
export type Endofunctor<O, A> = Functor<O, A, O, A>

/**
 * The identity functor 1_𝒞.
 *
 * @example
 * import { FinSet, finSet } from "catcluster/category/finset"
 * import { identityFunctor } from "catcluster/functors"
 * const I = identityFunctor(FinSet)
 * I.name                        // "1_FinSet"
 * I.onObjects(finSet(3)).size   // 3
 *
 * @since 0.1.0
 * @category constructors
 */
export const identityFunctor = <O, A>(C: Category<O, A>): Endofunctor<O, A> => ({
  name: `1_${C.name}`,
  source: C,
  target: C,
  onObjects: (x) => x,
  onArrows: (f) => f,
})

/**
 * `G ∘ F`: first F : 𝒞 → 𝒟, then G : 𝒟 → ℰ. Data-last: `pipe(F, then(G))`.
 *
 * @example
 * import { FinSet, finSet, finFunction } from "catcluster/category/finset"
 * import { composeFunctors, identityFunctor } from "catcluster/functors"
 * const I = identityFunctor(FinSet)
 * const II = composeFunctors(I, I)
 * II.name                                                     // "1_FinSet∘1_FinSet"
 * II.onArrows(finFunction(finSet(2), finSet(3), [2, 0])).map  // Int32Array [2, 0]
 *
 * @since 0.1.0
 * @category combinators
 */
export const composeFunctors = <O1, A1, O2, A2, O3, A3>(
  G: Functor<O2, A2, O3, A3>,
  F: Functor<O1, A1, O2, A2>,
): Functor<O1, A1, O3, A3> => ({
  name: `${G.name}∘${F.name}`,
  source: F.source,
  target: G.target,
  onObjects: (x) => G.onObjects(F.onObjects(x)),
  onArrows: (f) => G.onArrows(F.onArrows(f)),
})

/**
 * Data-last functor composition for `pipe`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const thenFunctor =
  <O2, A2, O3, A3>(G: Functor<O2, A2, O3, A3>) =>
  <O1, A1>(F: Functor<O1, A1, O2, A2>): Functor<O1, A1, O3, A3> =>
    composeFunctors(G, F)
