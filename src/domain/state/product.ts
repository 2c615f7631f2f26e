import type { Category } from "../../category/Category.ts"
import { productCategory as product, projections } from "../../category/constructions/product.ts"
import type { Functor } from "../../functors/Functor.ts"
import type { Carrier } from "../../laws/Carrier.ts"
import { law } from "../../laws/Law.ts"
import { bind, suite, type Suite } from "../../laws/Suite.ts"

/**
 * The product category 𝒞 × 𝒟 (S3.3): objects are pairs, arrows are pairs of arrows composed
 * componentwise, with the projection functors π₁, π₂ (built by `src/category/constructions`)
 * and the pairing ⟨f, g⟩, bundled with the laws that make it a product.
 *
 * @since 0.1.0
 */

/** An arrow of 𝒞 × 𝒟. @since 0.1.0 @category model */
export type Pair<A, B> = readonly [A, B]

/** 𝒞 × 𝒟 with its projections and pairing. @since 0.1.0 @category model */
export interface ProductCategory<O1, A1, O2, A2> {
  readonly category: Category<Pair<O1, O2>, Pair<A1, A2>>
  readonly first: Functor<Pair<O1, O2>, Pair<A1, A2>, O1, A1>
  readonly second: Functor<Pair<O1, O2>, Pair<A1, A2>, O2, A2>
  /** ⟨f, g⟩: the unique arrow whose projections are f and g. */
  readonly pair: (f: A1, g: A2) => Pair<A1, A2>
}

/**
 * The product of two categories.
 *
 * @example
 * import { freeCategory, productCategory, seedPodMachine, seedVmMachine } from "catcluster/domain/state"
 * const R = productCategory(freeCategory(seedPodMachine), freeCategory(seedVmMachine))
 * R.first.onObjects(["Running", "Paused"]) // "Running"
 *
 * @since 0.1.0
 * @category constructors
 */
export const productCategory = <O1, A1, O2, A2>(C: Category<O1, A1>, D: Category<O2, A2>): ProductCategory<O1, A1, O2, A2> => {
  // The construction itself is the category layer's; this adds the pairing the laws need.
  const category = product(C, D)
  const [first, second] = projections(C, D, category)
  return { category, first, second, pair: (f, g) => [f, g] }
}

/**
 * The laws of the projections and the pairing on given arrows of 𝒞 × 𝒟: π₁, π₂ preserve
 * identities and composites, π₁⟨f, g⟩ = f, π₂⟨f, g⟩ = g, and ⟨π₁ h, π₂ h⟩ = h (uniqueness).
 *
 * @since 0.1.0
 * @category laws
 */
export const productLaws = <O1, A1, O2, A2>(
  P: ProductCategory<O1, A1, O2, A2>,
  carriers: {
    readonly arrows: Carrier<Pair<A1, A2>>
    readonly pairs: Carrier<readonly [Pair<A1, A2>, Pair<A1, A2>]>
    readonly components: Carrier<readonly [A1, A2]>
  },
): Suite => {
  const C = P.first.target
  const D = P.second.target
  const PC = P.category
  return suite("product", PC.name, [
    bind(
      law("product.π₁.identity", "π₁(id x) = id(π₁ x)", (h: Pair<A1, A2>) => ({ lhs: P.first.onArrows(PC.id(PC.dom(h))), rhs: C.id(P.first.onObjects(PC.dom(h))) })),
      carriers.arrows,
      C.equalArrows,
    ),
    bind(
      law("product.π₂.identity", "π₂(id x) = id(π₂ x)", (h: Pair<A1, A2>) => ({ lhs: P.second.onArrows(PC.id(PC.dom(h))), rhs: D.id(P.second.onObjects(PC.dom(h))) })),
      carriers.arrows,
      D.equalArrows,
    ),
    bind(
      law("product.π₁.composition", "π₁(k ∘ h) = π₁ k ∘ π₁ h", ([h, k]: readonly [Pair<A1, A2>, Pair<A1, A2>]) => ({
        lhs: P.first.onArrows(PC.compose(k, h)),
        rhs: C.compose(P.first.onArrows(k), P.first.onArrows(h)),
      })),
      carriers.pairs,
      C.equalArrows,
    ),
    bind(
      law("product.π₂.composition", "π₂(k ∘ h) = π₂ k ∘ π₂ h", ([h, k]: readonly [Pair<A1, A2>, Pair<A1, A2>]) => ({
        lhs: P.second.onArrows(PC.compose(k, h)),
        rhs: D.compose(P.second.onArrows(k), P.second.onArrows(h)),
      })),
      carriers.pairs,
      D.equalArrows,
    ),
    bind(
      law("product.pairing.first", "π₁⟨f, g⟩ = f", ([f, g]: readonly [A1, A2]) => ({ lhs: P.first.onArrows(P.pair(f, g)), rhs: f })),
      carriers.components,
      C.equalArrows,
    ),
    bind(
      law("product.pairing.second", "π₂⟨f, g⟩ = g", ([f, g]: readonly [A1, A2]) => ({ lhs: P.second.onArrows(P.pair(f, g)), rhs: g })),
      carriers.components,
      D.equalArrows,
    ),
    bind(
      law("product.pairing.unique", "⟨π₁ h, π₂ h⟩ = h", (h: Pair<A1, A2>) => ({ lhs: P.pair(P.first.onArrows(h), P.second.onArrows(h)), rhs: h })),
      carriers.arrows,
      PC.equalArrows,
    ),
  ])
}
