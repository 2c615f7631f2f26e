import type { Functor } from "./Functor.ts"

/**
 * A natural transformation η : F ⇒ G between parallel functors F, G : 𝒞 → 𝒟:
 * one arrow `η_x : F x → G x` of 𝒟 for every object x of 𝒞.
 *
 * Law (checked by `src/laws/naturality`): for every f : x → y in 𝒞,
 * `G f ∘ η_x = η_y ∘ F f` (the naturality square commutes).
 *
 * @since 0.1.0
 * @category model
 */
export interface NaturalTransformation<O1, A1, O2, A2> {
  readonly name: string
  readonly from: Functor<O1, A1, O2, A2>
  readonly to: Functor<O1, A1, O2, A2>
  readonly component: (x: O1) => A2
}
