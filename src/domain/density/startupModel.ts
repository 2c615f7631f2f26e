/**
 * The seed's density model (S5.3, S5.4): the number of containers a node starts is
 * N_max ∝ 1 / (v + r·(1 − f)), v the exclusive memory of one container, r its shareable
 * (relative) demand and f the share ratio. The constant of proportionality cancels in every
 * ratio, so what the model predicts is N(f₁) / N(f₀) = (v + r(1 − f₀)) / (v + r(1 − f₁)).
 *
 * @since 0.1.0
 */

/** v (exclusive memory) and r (shareable demand), in any one unit, both ≥ 0, not both 0. @since 0.1.0 @category model */
export interface DensityParameters {
  readonly exclusive: number
  readonly shareable: number
}

/** A parameter outside the model's domain. @since 0.1.0 @category errors */
export class DensityParameterError extends Error {
  readonly _tag = "DensityParameterError" as const
  constructor(
    readonly parameter: string,
    readonly value: number,
    readonly expected: string,
  ) {
    super(`${parameter} = ${value}: expected ${expected}`)
    this.name = "DensityParameterError"
  }
}

const checkParameters = (p: DensityParameters, f: number): void => {
  if (!(p.exclusive >= 0)) throw new DensityParameterError("exclusive (v)", p.exclusive, "a number ≥ 0")
  if (!(p.shareable >= 0)) throw new DensityParameterError("shareable (r)", p.shareable, "a number ≥ 0")
  if (!(f >= 0 && f <= 1)) throw new DensityParameterError("share ratio (f)", f, "a number in [0, 1]")
}

/**
 * Memory per container, v + r·(1 − f): the containers it is proportional to the inverse of.
 *
 * @since 0.1.0
 * @category density
 */
export const memoryPerContainer = (p: DensityParameters, f: number): number => {
  checkParameters(p, f)
  return p.exclusive + p.shareable * (1 - f)
}

/**
 * N_max = capacity / (v + r(1 − f)): `Infinity` when the per-container memory is 0 (v = 0, f = 1).
 *
 * @example
 * import { maxContainers } from "catcluster/domain/density"
 * maxContainers(1000, { exclusive: 1, shareable: 1 }, 0) // 500
 *
 * @since 0.1.0
 * @category density
 */
export const maxContainers = (capacity: number, p: DensityParameters, f: number): number => capacity / memoryPerContainer(p, f)

/**
 * The predicted factor N(f₁) / N(f₀).
 *
 * @since 0.1.0
 * @category density
 */
export const densityGain = (p: DensityParameters, from: number, to: number): number =>
  memoryPerContainer(p, from) / memoryPerContainer(p, to)

/**
 * The largest factor the model allows between share ratios f₀ < f₁ over all v, r ≥ 0: reached at
 * v = 0, where it is (1 − f₀) / (1 − f₁). Adding exclusive memory only lowers it.
 *
 * @since 0.1.0
 * @category density
 */
export const maxDensityGain = (from: number, to: number): number => (1 - from) / (1 - to)

/** What it takes for the model to reproduce an observed gain. @since 0.1.0 @category model */
export interface GainFit {
  readonly observedGain: number
  /** The bound (1 − f₀)/(1 − f₁) on any gain with v, r ≥ 0. */
  readonly bound: number
  readonly reproducible: boolean
  /** v / r solving (v + r(1 − f₀)) / (v + r(1 − f₁)) = gain; negative means "no valid v". */
  readonly exclusivePerShareable: number
  /** With v = 0, the share ratio f₁ that would give the gain from f₀. */
  readonly requiredShareRatio: number
}

/**
 * Solves the model for an observed gain between two share ratios: the ratio v/r it needs, the
 * share ratio f₁ it needs at v = 0, and whether any v, r ≥ 0 reproduces it.
 *
 * @example
 * import { fitGain } from "catcluster/domain/density"
 * fitGain(1940 / 730, 0, 0.1).reproducible // false: the bound is 1/0.9 ≈ 1.11
 *
 * @since 0.1.0
 * @category density
 */
export const fitGain = (observedGain: number, from: number, to: number): GainFit => {
  const bound = maxDensityGain(from, to)
  // (v + r a) / (v + r b) = R  ⇔  v (1 − R) = r (R b − a), a = 1 − f₀, b = 1 − f₁
  const a = 1 - from
  const b = 1 - to
  const exclusivePerShareable = (observedGain * b - a) / (1 - observedGain)
  const requiredShareRatio = 1 - a / observedGain
  return { observedGain, bound, reproducible: observedGain <= bound + 1e-12 && exclusivePerShareable >= 0, exclusivePerShareable, requiredShareRatio }
}
