/**
 * The one-sample Kolmogorov–Smirnov goodness-of-fit test: D = sup |Fₙ(x) − F(x)| between the
 * empirical CDF of the samples and a hypothesised continuous CDF, with the asymptotic
 * Kolmogorov p-value (Stephens' small-sample correction λ = (√n + 0.12 + 0.11/√n)·D).
 *
 * @since 0.1.0
 */
import type { Distribution } from "./Distribution.ts"

/**
 * The outcome of a KS test.
 *
 * @since 0.1.0
 * @category model
 */
export interface KsResult {
  readonly n: number
  /** D = sup |Fₙ − F|. */
  readonly statistic: number
  /** Where the supremum is attained (a sample value). */
  readonly at: number
  readonly pValue: number
  readonly alpha: number
  /** `pValue < alpha`: the samples are unlikely to come from the distribution. */
  readonly rejected: boolean
}

/**
 * Q_KS(λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²}, the Kolmogorov survival function.
 *
 * @since 0.1.0
 * @category math
 */
export const kolmogorovSurvival = (lambda: number): number => {
  if (lambda < 0.2) return 1 // the series converges slowly here and its value is 1 to 1e-20
  let sum = 0
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda)
    sum += k % 2 === 1 ? term : -term
    if (term < 1e-18) break
  }
  return Math.min(1, Math.max(0, 2 * sum))
}

/**
 * D = sup |Fₙ − F| over ascending-sorted samples.
 *
 * @since 0.1.0
 * @category tests
 */
export const ksStatistic = (sorted: Float64Array, cdf: (x: number) => number): { readonly statistic: number; readonly at: number } => {
  const n = sorted.length
  let d = 0
  let at = Number.NaN
  for (let i = 0; i < n; i++) {
    const x = sorted[i]!
    const f = cdf(x)
    const above = (i + 1) / n - f
    const below = f - i / n
    if (above > d) {
      d = above
      at = x
    }
    if (below > d) {
      d = below
      at = x
    }
  }
  return { statistic: d, at }
}

/**
 * Tests whether `samples` could come from `distribution` at level `alpha` (default 0.05).
 *
 * @example
 * import { ksTest, sampleMany, shiftedExponential, exponential } from "catcluster/dynamics/startup"
 * import { makeRng } from "catcluster/dynamics/random"
 * const xs = sampleMany(shiftedExponential(1.09, 1.41), 2000, makeRng(1))
 * ksTest(xs, shiftedExponential(1.09, 1.41)).rejected // false
 * ksTest(xs, exponential(1 / 1.8)).rejected           // true
 *
 * @since 0.1.0
 * @category tests
 */
export const ksTest = (samples: Float64Array, distribution: Distribution, alpha = 0.05): KsResult => {
  const sorted = Float64Array.from(samples).sort()
  const n = sorted.length
  const { statistic, at } = ksStatistic(sorted, distribution.cdf)
  const root = Math.sqrt(n)
  const pValue = n === 0 ? 1 : kolmogorovSurvival((root + 0.12 + 0.11 / root) * statistic)
  return { n, statistic, at, pValue, alpha, rejected: pValue < alpha }
}
