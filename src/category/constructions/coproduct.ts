import { different, type Category, type FiniteCategory } from "../Category.ts"
import type { Functor } from "../../functors/Functor.ts"

/**
 * The coproduct category 𝒞 ⊔ 𝒟: the two categories side by side, with no arrows between them.
 * Objects and arrows are tagged with their side; injection functors ι₁ : 𝒞 → 𝒞 ⊔ 𝒟 and
 * ι₂ : 𝒟 → 𝒞 ⊔ 𝒟 tag them.
 *
 * @example
 * import { coproductCategory, injections } from "catcluster/category/constructions"
 * // const Workloads = coproductCategory(podStates, vmStates) // Pod ⊎ VMI states, never mixed
 *
 * @since 0.1.0
 */

/** A value on one side of a coproduct. @since 0.1.0 @category model */
export type Sum<L, R> = { readonly side: "left"; readonly value: L } | { readonly side: "right"; readonly value: R }

/** Injects a value into the left summand of a `Sum`. @since 0.1.0 @category constructors */
export const left = <L, R = never>(value: L): Sum<L, R> => ({ side: "left", value })
/** Injects a value into the right summand of a `Sum`. @since 0.1.0 @category constructors */
export const right = <R, L = never>(value: R): Sum<L, R> => ({ side: "right", value })

/**
 * Composing arrows from the two sides: they never meet, so this is a caller error.
 *
 * @since 0.1.0
 * @category errors
 */
export class CrossSideCompositionError extends Error {
  readonly _tag = "CrossSideComposition" as const
  constructor(
    readonly first: string,
    readonly second: string,
  ) {
    super(`cannot compose ${second} after ${first}: they lie in different summands of a coproduct category`)
    this.name = "CrossSideCompositionError"
  }
}

/**
 * 𝒞 ⊔ 𝒟; finite when both are (hom across sides is empty).
 *
 * @example
 * import { coproductCategory, left, right, thinCategory } from "catcluster/category/constructions"
 * const two = thinCategory([0, 1], (a, b) => a <= b, { name: "2" })
 * const three = thinCategory([0, 1, 2], (a, b) => a <= b, { name: "3" })
 * const S = coproductCategory(two, three)
 * S.name                               // "2⊔3"
 * S.objects().length                   // 5
 * S.hom(left(0), right(0)).length      // 0: no arrow across the sides
 *
 * @since 0.1.0
 * @category constructions
 */
export function coproductCategory<O1, A1, O2, A2>(
  C: FiniteCategory<O1, A1>,
  D: FiniteCategory<O2, A2>,
): FiniteCategory<Sum<O1, O2>, Sum<A1, A2>>
export function coproductCategory<O1, A1, O2, A2>(C: Category<O1, A1>, D: Category<O2, A2>): Category<Sum<O1, O2>, Sum<A1, A2>>
export function coproductCategory<O1, A1, O2, A2>(C: Category<O1, A1>, D: Category<O2, A2>): Category<Sum<O1, O2>, Sum<A1, A2>> {
  const showArrow = (f: Sum<A1, A2>): string => (f.side === "left" ? `ι₁ ${C.showArrow(f.value)}` : `ι₂ ${D.showArrow(f.value)}`)
  const sum: Category<Sum<O1, O2>, Sum<A1, A2>> = {
    name: `${C.name}⊔${D.name}`,
    dom: (f) => (f.side === "left" ? left(C.dom(f.value)) : right(D.dom(f.value))),
    cod: (f) => (f.side === "left" ? left(C.cod(f.value)) : right(D.cod(f.value))),
    id: (x) => (x.side === "left" ? left(C.id(x.value)) : right(D.id(x.value))),
    compose: (g, f) => {
      if (g.side === "left" && f.side === "left") return left(C.compose(g.value, f.value))
      if (g.side === "right" && f.side === "right") return right(D.compose(g.value, f.value))
      throw new CrossSideCompositionError(showArrow(f), showArrow(g))
    },
    equalObjects: (x, y) =>
      x.side === "left" ? y.side === "left" && C.equalObjects(x.value, y.value) : y.side === "right" && D.equalObjects(x.value, y.value),
    equalArrows: (f, g) => {
      if (f.side !== g.side) return different(`${showArrow(f)} and ${showArrow(g)} lie in different summands`, { sides: [f.side, g.side] })
      return f.side === "left" ? C.equalArrows(f.value, g.value as A1) : D.equalArrows(f.value, g.value as A2)
    },
    showObject: (x) => (x.side === "left" ? `ι₁ ${C.showObject(x.value)}` : `ι₂ ${D.showObject(x.value)}`),
    showArrow,
  }
  if (!("hom" in C) || !("hom" in D)) return sum
  const FC = C as FiniteCategory<O1, A1>
  const FD = D as FiniteCategory<O2, A2>
  const finite: FiniteCategory<Sum<O1, O2>, Sum<A1, A2>> = {
    ...sum,
    objects: () => [...FC.objects().map((x) => left<O1, O2>(x)), ...FD.objects().map((y) => right<O2, O1>(y))],
    hom: (x, y) => {
      if (x.side === "left" && y.side === "left") return FC.hom(x.value, y.value).map((f) => left<A1, A2>(f))
      if (x.side === "right" && y.side === "right") return FD.hom(x.value, y.value).map((g) => right<A2, A1>(g))
      return []
    },
  }
  return finite
}

/**
 * The injection functors ι₁ : 𝒞 → 𝒞 ⊔ 𝒟 and ι₂ : 𝒟 → 𝒞 ⊔ 𝒟.
 *
 * @example
 * import { coproductCategory, injections, thinCategory } from "catcluster/category/constructions"
 * const two = thinCategory([0, 1], (a, b) => a <= b, { name: "2" })
 * const three = thinCategory([0, 1, 2], (a, b) => a <= b, { name: "3" })
 * const S = coproductCategory(two, three)
 * const [inLeft, inRight] = injections(two, three, S)
 * inRight.onObjects(2) // { side: "right", value: 2 }
 * S.compose(inRight.onArrows(three.arrow(0, 1)), inLeft.onArrows(two.arrow(0, 1))) // throws CrossSideCompositionError
 *
 * @since 0.1.0
 * @category constructions
 */
export const injections = <O1, A1, O2, A2>(
  C: Category<O1, A1>,
  D: Category<O2, A2>,
  sum: Category<Sum<O1, O2>, Sum<A1, A2>> = coproductCategory(C, D),
): readonly [Functor<O1, A1, Sum<O1, O2>, Sum<A1, A2>>, Functor<O2, A2, Sum<O1, O2>, Sum<A1, A2>>] => [
  { name: "ι₁", source: C, target: sum, onObjects: (x) => left(x), onArrows: (f) => left(f) },
  { name: "ι₂", source: D, target: sum, onObjects: (y) => right(y), onArrows: (g) => right(g) },
]
