import type { FiniteCategory } from "../category/Category.ts"
import type { Functor } from "./Functor.ts"

/**
 * Full and faithful, decided for functors between finite categories.
 *
 * F is *faithful* when it is injective on every hom-set 𝒞(x, y) → 𝒟(Fx, Fy), and *full* when it
 * is surjective on every hom-set. Both are checked hom-set by hom-set; a failure comes with its
 * witness: two different arrows with the same image (not faithful), or an arrow of 𝒟(Fx, Fy)
 * that nothing maps to, with the whole hom-set and the images (not full).
 *
 * @example
 * import { isFaithful, isFull } from "catcluster/functors"
 * // isFull(compatibility) → { _tag: "NotFull", missing: "liveMigrate", ... } (S1.5)
 *
 * @since 0.1.0
 */

/** A functor whose source and target are finite. @since 0.1.0 @category model */
export type FiniteFunctor<O1, A1, O2, A2> = Functor<O1, A1, O2, A2> & {
  readonly source: FiniteCategory<O1, A1>
  readonly target: FiniteCategory<O2, A2>
}

/** Whether a functor is faithful, with the colliding arrows when it is not. @since 0.1.0 @category model */
export type Faithfulness =
  | { readonly _tag: "Faithful"; readonly homSets: number; readonly arrows: number }
  | {
      readonly _tag: "NotFaithful"
      readonly x: string
      readonly y: string
      /** Two different arrows x → y ... */
      readonly arrows: readonly [string, string]
      /** ... with this same image F x → F y. */
      readonly image: string
      readonly message: string
    }

/** Whether a functor is full, with a missed arrow when it is not. @since 0.1.0 @category model */
export type Fullness =
  | { readonly _tag: "Full"; readonly homSets: number; readonly arrows: number }
  | {
      readonly _tag: "NotFull"
      readonly x: string
      readonly y: string
      /** An arrow F x → F y with no preimage in 𝒞(x, y). */
      readonly missing: string
      /** The hom-set 𝒟(F x, F y) it belongs to. */
      readonly targetHom: ReadonlyArray<string>
      /** The images of 𝒞(x, y). */
      readonly images: ReadonlyArray<string>
      readonly message: string
    }

/**
 * Is F injective on every hom-set? The first collision found is the witness.
 *
 * @example
 * import { productCategory, projections, thinCategory } from "catcluster/category/constructions"
 * import { isFaithful } from "catcluster/functors"
 * const two = thinCategory([0, 1], (a, b) => a <= b, { name: "2" })
 * const P = productCategory(two, two)
 * const [first] = projections(two, two, P)
 * isFaithful({ ...first, source: P, target: two })._tag // "Faithful": thin categories have at most one arrow x → y
 *
 * @since 0.1.0
 * @category checking
 */
export const isFaithful = <O1, A1, O2, A2>(F: FiniteFunctor<O1, A1, O2, A2>): Faithfulness => {
  const { source: C, target: D } = F
  let homSets = 0
  let arrows = 0
  for (const x of C.objects())
    for (const y of C.objects()) {
      homSets++
      const hom = C.hom(x, y)
      arrows += hom.length
      const images = hom.map(F.onArrows)
      for (let i = 0; i < hom.length; i++)
        for (let j = i + 1; j < hom.length; j++) {
          if (D.equalArrows(images[i] as A2, images[j] as A2).equal && !C.equalArrows(hom[i] as A1, hom[j] as A1).equal) {
            const pair = [C.showArrow(hom[i] as A1), C.showArrow(hom[j] as A1)] as const
            const image = D.showArrow(images[i] as A2)
            return {
              _tag: "NotFaithful",
              x: C.showObject(x),
              y: C.showObject(y),
              arrows: pair,
              image,
              message: `${F.name} is not faithful: ${pair[0]} ≠ ${pair[1]} but both map to ${image}`,
            }
          }
        }
    }
  return { _tag: "Faithful", homSets, arrows }
}

/**
 * Is F surjective on every hom-set? The first target arrow without a preimage is the witness.
 *
 * @example
 * import { productCategory, projections, thinCategory } from "catcluster/category/constructions"
 * import { isFull } from "catcluster/functors"
 * const two = thinCategory([0, 1], (a, b) => a <= b, { name: "2" })
 * const P = productCategory(two, two)
 * const [first] = projections(two, two, P)
 * isFull({ ...first, source: P, target: two })
 * // { _tag: "NotFull", x: "(0, 1)", y: "(0, 0)", missing: "0 ≤ 0", … }: (0, 1) ≰ (0, 0) in 2×2
 *
 * @since 0.1.0
 * @category checking
 */
export const isFull = <O1, A1, O2, A2>(F: FiniteFunctor<O1, A1, O2, A2>): Fullness => {
  const { source: C, target: D } = F
  let homSets = 0
  let arrows = 0
  for (const x of C.objects())
    for (const y of C.objects()) {
      homSets++
      const images = C.hom(x, y).map(F.onArrows)
      const targetHom = D.hom(F.onObjects(x), F.onObjects(y))
      arrows += targetHom.length
      for (const g of targetHom) {
        if (images.some((image) => D.equalArrows(image, g).equal)) continue
        const missing = D.showArrow(g)
        return {
          _tag: "NotFull",
          x: C.showObject(x),
          y: C.showObject(y),
          missing,
          targetHom: targetHom.map(D.showArrow),
          images: images.map(D.showArrow),
          message: `${F.name} is not full: ${missing} in ${D.name}(${D.showObject(F.onObjects(x))}, ${D.showObject(F.onObjects(y))}) is the image of no arrow ${C.showObject(x)} → ${C.showObject(y)}`,
        }
      }
    }
  return { _tag: "Full", homSets, arrows }
}
