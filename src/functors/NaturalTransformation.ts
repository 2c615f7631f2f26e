import { composeFunctors, type Functor } from "./Functor.ts"

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
  /** The component η_x : F x → G x at an object x of the source. */
  readonly component: (x: O1) => A2
}

/**
 * Two functors that had to be parallel (or composable) are not: their categories differ.
 * Thrown when transformations are built or composed from untyped data, or from two instances
 * of the same TypeScript types that are different categories.
 *
 * @since 0.1.0
 * @category errors
 */
export class MismatchedFunctorsError extends Error {
  readonly _tag = "MismatchedFunctors" as const
  constructor(
    readonly operation: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`${operation}: expected ${expected} but got ${actual}`)
    this.name = "MismatchedFunctorsError"
  }
}

const requireSame = (operation: string, what: string, expected: string, actual: string): void => {
  if (expected !== actual) throw new MismatchedFunctorsError(operation, `${what} ${expected}`, `${what} ${actual}`)
}

/**
 * A natural transformation from its components. `from` and `to` must be parallel: same
 * source and same target category (checked by name at run time; by type at compile time).
 * Naturality itself is a law, checked by `naturalityLaws`, never assumed.
 *
 * @example
 * import { naturalTransformation } from "catcluster/functors"
 * // const head = naturalTransformation("head", ArrayF, OptionF, (x) => fn("head", ArrayF.lift(x), OptionF.lift(x), A.head))
 *
 * @since 0.1.0
 * @category constructors
 */
export const naturalTransformation = <O1, A1, O2, A2>(
  name: string,
  from: Functor<O1, A1, O2, A2>,
  to: Functor<NoInfer<O1>, NoInfer<A1>, NoInfer<O2>, NoInfer<A2>>,
  component: (x: O1) => A2,
): NaturalTransformation<O1, A1, O2, A2> => {
  requireSame(`natural transformation ${name}`, "source", from.source.name, to.source.name)
  requireSame(`natural transformation ${name}`, "target", from.target.name, to.target.name)
  return { name, from, to, component }
}

/**
 * The identity transformation 1_F : F ⇒ F, with components `id_{F x}`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const identityTransformation = <O1, A1, O2, A2>(F: Functor<O1, A1, O2, A2>): NaturalTransformation<O1, A1, O2, A2> => ({
  name: `1_${F.name}`,
  from: F,
  to: F,
  component: (x) => F.target.id(F.onObjects(x)),
})

/**
 * Vertical composition θ · η : F ⇒ H of η : F ⇒ G and θ : G ⇒ H, componentwise
 * `(θ · η)_x = θ_x ∘ η_x`. The middle functors must agree (checked by name).
 *
 * @example
 * import { verticalCompose } from "catcluster/functors"
 * // verticalCompose(optionToArray, head) : Array ⇒ Array, the first element as a list
 *
 * @since 0.1.0
 * @category combinators
 */
export const verticalCompose = <O1, A1, O2, A2>(
  theta: NaturalTransformation<O1, A1, O2, A2>,
  eta: NaturalTransformation<NoInfer<O1>, NoInfer<A1>, NoInfer<O2>, NoInfer<A2>>,
): NaturalTransformation<O1, A1, O2, A2> => {
  requireSame(`${theta.name} · ${eta.name}`, "middle functor", eta.to.name, theta.from.name)
  const D = eta.from.target
  return {
    name: `${theta.name}·${eta.name}`,
    from: eta.from,
    to: theta.to,
    component: (x) => D.compose(theta.component(x), eta.component(x)),
  }
}

/**
 * Horizontal composition (Godement product) θ ∗ η : H∘F ⇒ K∘G of η : F ⇒ G (𝒞 → 𝒟) and
 * θ : H ⇒ K (𝒟 → ℰ), with components `(θ ∗ η)_x = K(η_x) ∘ θ_{F x}`; when θ is natural this
 * equals `θ_{G x} ∘ H(η_x)` (the interchange; `naturalityLaws` on the result checks it).
 *
 * @since 0.1.0
 * @category combinators
 */
export const horizontalCompose = <O1, A1, O2, A2, O3, A3>(
  theta: NaturalTransformation<O2, A2, O3, A3>,
  eta: NaturalTransformation<O1, A1, O2, A2>,
): NaturalTransformation<O1, A1, O3, A3> => {
  requireSame(`${theta.name} ∗ ${eta.name}`, "category", eta.from.target.name, theta.from.source.name)
  const E = theta.from.target
  return {
    name: `${theta.name}∗${eta.name}`,
    from: composeFunctors(theta.from, eta.from),
    to: composeFunctors(theta.to, eta.to),
    component: (x) => E.compose(theta.to.onArrows(eta.component(x)), theta.component(eta.from.onObjects(x))),
  }
}

/**
 * Left whiskering Hη : H∘F ⇒ H∘G of η : F ⇒ G by a functor H after it; components `H(η_x)`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const whiskerLeft = <O1, A1, O2, A2, O3, A3>(
  H: Functor<O2, A2, O3, A3>,
  eta: NaturalTransformation<O1, A1, O2, A2>,
): NaturalTransformation<O1, A1, O3, A3> => {
  requireSame(`${H.name}${eta.name}`, "category", eta.from.target.name, H.source.name)
  return {
    name: `${H.name}${eta.name}`,
    from: composeFunctors(H, eta.from),
    to: composeFunctors(H, eta.to),
    component: (x) => H.onArrows(eta.component(x)),
  }
}

/**
 * Right whiskering θF : H∘F ⇒ K∘F of θ : H ⇒ K by a functor F before it; components `θ_{F x}`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const whiskerRight = <O1, A1, O2, A2, O3, A3>(
  theta: NaturalTransformation<O2, A2, O3, A3>,
  F: Functor<O1, A1, O2, A2>,
): NaturalTransformation<O1, A1, O3, A3> => {
  requireSame(`${theta.name}${F.name}`, "category", F.target.name, theta.from.source.name)
  return {
    name: `${theta.name}${F.name}`,
    from: composeFunctors(theta.from, F),
    to: composeFunctors(theta.to, F),
    component: (x) => theta.component(F.onObjects(x)),
  }
}
