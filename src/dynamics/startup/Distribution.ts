/**
 * A continuous start-up latency distribution as data plus its functions: density, CDF, quantile
 * and seeded sampling (by inversion, so one uniform draws one sample and runs reproduce from
 * the seed).
 *
 * @since 0.1.0
 */
import type { Rng } from "../random/Rng.ts"

/**
 * A continuous distribution on the reals (seconds, for start-up latencies).
 *
 * @since 0.1.0
 * @category model
 */
export interface Distribution {
  /** The family, e.g. `shifted-exponential`. */
  readonly family: string
  /** The fitted parameters by name (rate, shift, mu, sigma, bounds, …). */
  readonly parameters: Readonly<Record<string, number>>
  readonly mean: number
  readonly variance: number
  /** The closed support [lower, upper] (bounds may be infinite). */
  readonly support: readonly [number, number]
  /** The probability density at x (0 outside the support). */
  readonly density: (x: number) => number
  /** The cumulative distribution P(X ≤ x). */
  readonly cdf: (x: number) => number
  /** The generalized inverse of the CDF on (0, 1). */
  readonly quantile: (p: number) => number
  /** One draw, from the seeded generator `rng` (which it advances). */
  readonly sample: (rng: Rng) => number
}

/**
 * Error for a distribution parameter outside its domain.
 *
 * @since 0.1.0
 * @category errors
 */
export class DistributionParameterError extends Error {
  readonly _tag = "DistributionParameterError" as const
  constructor(
    readonly family: string,
    readonly parameter: string,
    readonly value: number,
    readonly expected: string,
  ) {
    super(`${family}: parameter ${parameter} = ${value}, expected ${expected}`)
    this.name = "DistributionParameterError"
  }
}

/**
 * Guards a parameter; throws a {@link DistributionParameterError} naming it.
 *
 * @since 0.1.0
 * @category errors
 */
export const requireParameter = (family: string, parameter: string, value: number, ok: boolean, expected: string): void => {
  if (!ok || Number.isNaN(value)) throw new DistributionParameterError(family, parameter, value, expected)
}

/**
 * `n` seeded samples into a Float64Array.
 *
 * @example
 * import { sampleMany, shiftedExponential } from "catcluster/dynamics/startup"
 * import { makeRng } from "catcluster/dynamics/random"
 * const xs = sampleMany(shiftedExponential(1, 2), 1000, makeRng(7))
 *
 * @since 0.1.0
 * @category sampling
 */
export const sampleMany = (distribution: Distribution, n: number, rng: Rng): Float64Array => {
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) out[i] = distribution.sample(rng)
  return out
}

/**
 * P(lower ≤ X ≤ upper) for a continuous distribution.
 *
 * @since 0.1.0
 * @category probabilities
 */
export const probabilityBetween = (distribution: Distribution, lower: number, upper: number): number =>
  Math.max(0, distribution.cdf(upper) - distribution.cdf(lower))

/**
 * Draws a uniform in the open interval (0, 1), so inversion never hits an infinite quantile.
 *
 * @since 0.1.0
 * @category sampling
 */
export const openUniform = (rng: Rng): number => {
  for (;;) {
    const u = rng.next()
    if (u > 0) return u
  }
}
