import { different, equal, type Category, type FiniteCategory } from "../Category.ts"
import type { Functor } from "../../functors/Functor.ts"

/**
 * The product category 𝒞 × 𝒟: objects are pairs (x, y), arrows are pairs (f, g) composed
 * componentwise, (f′, g′) ∘ (f, g) = (f′ ∘ f, g′ ∘ g), with projection functors π₁ : 𝒞 × 𝒟 → 𝒞
 * and π₂ : 𝒞 × 𝒟 → 𝒟 (S3.3: the product of the Pod and VM state categories). Two arrows are
 * equal iff both components are; the witness says which component differs.
 *
 * @example
 * import { productCategory, projections } from "catcluster/category/constructions"
 * // const PodVm = productCategory(podStates, vmStates)
 * // const [first, second] = projections(podStates, vmStates)
 *
 * @since 0.1.0
 */

/**
 * 𝒞 × 𝒟; finite when both are (hom((x, y), (x′, y′)) = hom(x, x′) × hom(y, y′)).
 *
 * @example
 * import { productCategory, thinCategory } from "catcluster/category/constructions"
 * const two = thinCategory([0, 1], (a, b) => a <= b, { name: "2" })
 * const three = thinCategory([0, 1, 2], (a, b) => a <= b, { name: "3" })
 * const P = productCategory(two, three)
 * P.name                          // "2×3"
 * P.objects().length              // 6
 * P.hom([0, 0], [1, 2]).length    // 1
 *
 * @since 0.1.0
 * @category constructions
 */
export function productCategory<O1, A1, O2, A2>(
  C: FiniteCategory<O1, A1>,
  D: FiniteCategory<O2, A2>,
): FiniteCategory<readonly [O1, O2], readonly [A1, A2]>
export function productCategory<O1, A1, O2, A2>(C: Category<O1, A1>, D: Category<O2, A2>): Category<readonly [O1, O2], readonly [A1, A2]>
export function productCategory<O1, A1, O2, A2>(
  C: Category<O1, A1>,
  D: Category<O2, A2>,
): Category<readonly [O1, O2], readonly [A1, A2]> {
  const product: Category<readonly [O1, O2], readonly [A1, A2]> = {
    name: `${C.name}×${D.name}`,
    dom: ([f, g]) => [C.dom(f), D.dom(g)] as const,
    cod: ([f, g]) => [C.cod(f), D.cod(g)] as const,
    id: ([x, y]) => [C.id(x), D.id(y)] as const,
    compose: ([f2, g2], [f1, g1]) => [C.compose(f2, f1), D.compose(g2, g1)] as const,
    equalObjects: ([x1, y1], [x2, y2]) => C.equalObjects(x1, x2) && D.equalObjects(y1, y2),
    equalArrows: ([f1, g1], [f2, g2]) => {
      const first = C.equalArrows(f1, f2)
      if (!first.equal) return different(`first component: ${first.message}`, { component: 1, witness: first.witness })
      const second = D.equalArrows(g1, g2)
      if (!second.equal) return different(`second component: ${second.message}`, { component: 2, witness: second.witness })
      return equal
    },
    showObject: ([x, y]) => `(${C.showObject(x)}, ${D.showObject(y)})`,
    showArrow: ([f, g]) => `(${C.showArrow(f)}, ${D.showArrow(g)})`,
  }
  if (!("hom" in C) || !("hom" in D)) return product
  const FC = C as FiniteCategory<O1, A1>
  const FD = D as FiniteCategory<O2, A2>
  const finite: FiniteCategory<readonly [O1, O2], readonly [A1, A2]> = {
    ...product,
    objects: () => FC.objects().flatMap((x) => FD.objects().map((y) => [x, y] as const)),
    hom: ([x1, y1], [x2, y2]) => {
      const gs = FD.hom(y1, y2)
      return FC.hom(x1, x2).flatMap((f) => gs.map((g) => [f, g] as const))
    },
  }
  return finite
}

/**
 * The projection functors π₁ : 𝒞 × 𝒟 → 𝒞 and π₂ : 𝒞 × 𝒟 → 𝒟.
 *
 * @example
 * import { productCategory, projections, thinCategory } from "catcluster/category/constructions"
 * const two = thinCategory([0, 1], (a, b) => a <= b, { name: "2" })
 * const three = thinCategory([0, 1, 2], (a, b) => a <= b, { name: "3" })
 * const [first, second] = projections(two, three, productCategory(two, three))
 * first.onObjects([1, 2])  // 1
 * second.onObjects([1, 2]) // 2
 *
 * @since 0.1.0
 * @category constructions
 */
export const projections = <O1, A1, O2, A2>(
  C: Category<O1, A1>,
  D: Category<O2, A2>,
  product: Category<readonly [O1, O2], readonly [A1, A2]> = productCategory(C, D),
): readonly [Functor<readonly [O1, O2], readonly [A1, A2], O1, A1>, Functor<readonly [O1, O2], readonly [A1, A2], O2, A2>] => [
  { name: "π₁", source: product, target: C, onObjects: ([x]) => x, onArrows: ([f]) => f },
  { name: "π₂", source: product, target: D, onObjects: ([, y]) => y, onArrows: ([, g]) => g },
]

/**
 * The pairing ⟨F, G⟩ : ℰ → 𝒞 × 𝒟 of two functors out of one category — the mediating functor of
 * the product in Cat (π₁ ∘ ⟨F, G⟩ = F, π₂ ∘ ⟨F, G⟩ = G).
 *
 * @since 0.1.0
 * @category constructions
 */
export const pairing = <O0, A0, O1, A1, O2, A2>(
  F: Functor<O0, A0, O1, A1>,
  G: Functor<O0, A0, O2, A2>,
  product: Category<readonly [O1, O2], readonly [A1, A2]> = productCategory(F.target, G.target),
): Functor<O0, A0, readonly [O1, O2], readonly [A1, A2]> => ({
  name: `⟨${F.name}, ${G.name}⟩`,
  source: F.source,
  target: product,
  onObjects: (x) => [F.onObjects(x), G.onObjects(x)] as const,
  onArrows: (f) => [F.onArrows(f), G.onArrows(f)] as const,
})
