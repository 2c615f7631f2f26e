import type { Category, FiniteCategory } from "../Category.ts"

/**
 * The opposite category 𝒞ᵒᵖ: the same objects and arrows, every arrow turned around —
 * dom and cod swap, and g ∘ᵒᵖ f = f ∘ g. Limits in 𝒞ᵒᵖ are colimits in 𝒞, and (𝒞ᵒᵖ)ᵒᵖ = 𝒞.
 * A broken 𝒞 gives a broken 𝒞ᵒᵖ: the laws are the same equations read backwards.
 *
 * @since 0.1.0
 */

/**
 * 𝒞ᵒᵖ; finite when 𝒞 is (hom_op(x, y) = hom(y, x)).
 *
 * @example
 * import { opposite } from "catcluster/category/constructions"
 * import { FinSet, finFunction, finSet } from "catcluster/category/finset"
 * const FinSetOp = opposite(FinSet)
 * const f = finFunction(finSet(2), finSet(3), [0, 1]) // f : 2 → 3 in FinSet
 * FinSetOp.dom(f).size // 3: in FinSetᵒᵖ, f : 3 → 2
 *
 * @since 0.1.0
 * @category constructions
 */
export function opposite<O, A>(C: FiniteCategory<O, A>): FiniteCategory<O, A>
export function opposite<O, A>(C: Category<O, A>): Category<O, A>
export function opposite<O, A>(C: Category<O, A> | FiniteCategory<O, A>): Category<O, A> | FiniteCategory<O, A> {
  const op: Category<O, A> = {
    name: `${C.name}ᵒᵖ`,
    dom: C.cod,
    cod: C.dom,
    id: C.id,
    compose: (g, f) => C.compose(f, g),
    equalObjects: C.equalObjects,
    equalArrows: C.equalArrows,
    showObject: C.showObject,
    showArrow: (f) => `(${C.showArrow(f)})ᵒᵖ`,
  }
  if (!("hom" in C)) return op
  return { ...op, objects: C.objects, hom: (x, y) => C.hom(y, x) }
}
