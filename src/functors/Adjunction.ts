import type { Functor } from "./Functor.ts"

/**
 * An adjunction F ⊣ G between F : 𝒞 → 𝒟 and G : 𝒟 → 𝒞, given by its unit and counit:
 *
 * - unit   `η_x : x → G F x` for every object x of 𝒞,
 * - counit `ε_y : F G y → y` for every object y of 𝒟,
 *
 * subject to the triangle identities `ε_{F x} ∘ F(η_x) = 1_{F x}` and
 * `G(ε_y) ∘ η_{G y} = 1_{G y}` (checked by `adjunctionLaws`, never assumed).
 *
 * @since 0.1.0
 * @category model
 */
export interface Adjunction<OC, AC, OD, AD> {
  readonly name: string
  readonly left: Functor<OC, AC, OD, AD>
  readonly right: Functor<OD, AD, OC, AC>
  /** The unit η_x : x → G F x, at an object x of 𝒞 (F = `left`, G = `right`). */
  readonly unit: (x: OC) => AC
  /** The counit ε_y : F G y → y, at an object y of 𝒟. */
  readonly counit: (y: OD) => AD
}
