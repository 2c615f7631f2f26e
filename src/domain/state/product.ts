import { different, equal, type Category } from "../../category/Category.ts"
import type { Functor } from "../../functors/Functor.ts"
import type { Carrier } from "../../laws/Carrier.ts"
import { law } from "../../laws/Law.ts"
import { bind, suite, type Suite } from "../../laws/Suite.ts"

/**
 * The product category 𝒞 × 𝒟 (S3.3): objects are pairs, arrows are pairs of arrows composed
 * componentwise, with the projection functors π₁, π₂ and the pairing ⟨f, g⟩.
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
  const category: Category<Pair<O1, O2>, Pair<A1, A2>> = {
    name: `${C.name} × ${D.name}`,
    dom: ([f, g]) => [C.dom(f), D.dom(g)],
    cod: ([f, g]) => [C.cod(f), D.cod(g)],
    id: ([x, y]) => [C.id(x), D.id(y)],
    compose: ([f2, g2], [f1, g1]) => [C.compose(f2, f1), D.compose(g2, g1)],
    equalObjects: ([x1, y1], [x2, y2]) => C.equalObjects(x1, x2) && D.equalObjects(y1, y2),
    equalArrows: ([f1, g1], [f2, g2]) => {
      const l = C.equalArrows(f1, f2)
      if (!l.equal) return different(`first components differ: ${l.message}`, l.witness)
      const r = D.equalArrows(g1, g2)
      if (!r.equal) return different(`second components differ: ${r.message}`, r.witness)
      return equal
    },
    showObject: ([x, y]) => `(${C.showObject(x)}, ${D.showObject(y)})`,
    showArrow: ([f, g]) => `⟨${C.showArrow(f)}, ${D.showArrow(g)}⟩`,
  }
  return {
    category,
    first: { name: "π₁", source: category, target: C, onObjects: ([x]) => x, onArrows: ([f]) => f },
    second: { name: "π₂", source: category, target: D, onObjects: ([, y]) => y, onArrows: ([, g]) => g },
    pair: (f, g) => [f, g],
  }
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
