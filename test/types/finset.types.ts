/**
 * Type-level tests for FinSet and the constructions. Checked by `npm run typecheck` (tsc):
 * every `@ts-expect-error` below must stay an error, every other line must compile.
 */
import type { Category, FiniteCategory } from "../../src/category/Category.ts"
import { coproductCategory, opposite, productCategory, projections, thinCategory, thinCategoryOf, type Sum, type ThinArrow } from "../../src/category/constructions/index.ts"
import { FinSet, finSet, finSetCategory, product, type FinFunction, type FinSetObject } from "../../src/category/finset/index.ts"

const small = finSetCategory([finSet(1), finSet(2)])
const order = thinCategory([1, 2, 3], (a, b) => a <= b)

// --- must compile ---
export const ok1: FiniteCategory<FinSetObject, FinFunction> = opposite(small)
export const ok2: FiniteCategory<readonly [FinSetObject, number], readonly [FinFunction, ThinArrow<number>]> = productCategory(small, order)
export const ok3: Category<Sum<FinSetObject, number>, Sum<FinFunction, ThinArrow<number>>> = coproductCategory(FinSet, order)
export const ok4 = productCategory(small, order).hom([finSet(1), 1], [finSet(2), 3])
export const ok5: FinSetObject = projections(small, order)[0].onObjects([finSet(1), 2])
export const ok6: number = product(finSet(2), finSet(3)).apex.size

// --- must not compile ---
// @ts-expect-error FinSet has infinitely many objects: no hom enumeration
FinSet.hom(finSet(1), finSet(2))
// @ts-expect-error the opposite of a non-finite category is not finite
opposite(FinSet).objects()
// @ts-expect-error a product with an infinite factor is not finite
productCategory(FinSet, order).hom
// @ts-expect-error a coproduct with an infinite summand is not finite
coproductCategory(order, FinSet).objects
// @ts-expect-error a decided order over all numbers has no object list
thinCategoryOf((a: number, b: number) => a <= b).objects
// @ts-expect-error π₁ of FinSet × Thin lands in FinSet objects, not numbers
export const bad1: number = projections(small, order)[0].onObjects([finSet(1), 2])
// @ts-expect-error objects of a product category are pairs
productCategory(small, order).id(finSet(1))
// @ts-expect-error thin categories over numbers take numbers
order.arrow("1", "2")
