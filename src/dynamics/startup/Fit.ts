/**
 * Fitting start-up latency families to the seed's stated mean, variance and range, and saying
 * which ones are consistent with all three. A family "matches" a moment when it reproduces it to
 * 1e-6 relative; it is "consistent" when it matches every moment it is fitted from, and puts at
 * least `minMassInRange` of its probability inside the stated range (the seed gives no level for
 * its ranges; 0.9 by default, reported with the result).
 *
 * @since 0.1.0
 */
import type { Distribution } from "./Distribution.ts"
import { probabilityBetween } from "./Distribution.ts"
import { exponential, shiftedExponential } from "./Exponential.ts"
import { logNormal } from "./LogNormal.ts"
import { truncated } from "./Truncated.ts"

/**
 * What the seed states about one start-up latency.
 *
 * @since 0.1.0
 * @category model
 */
export interface LatencyStatement {
  readonly name: string
  readonly mean: number
  readonly variance: number
  readonly range: readonly [number, number]
  /** The family the seed names (`exponential`, `log-normal`). */
  readonly statedFamily: string
}

/**
 * One family fitted to a {@link LatencyStatement}.
 *
 * @since 0.1.0
 * @category model
 */
export interface FamilyFit {
  readonly family: string
  /** Undefined when no member of the family has the stated moments. */
  readonly distribution: Distribution | undefined
  readonly parameters: Readonly<Record<string, number>>
  /** Relative errors (fitted − stated) / stated. */
  readonly meanResidual: number
  readonly varianceResidual: number
  readonly massInRange: number
  readonly matchesMoments: boolean
  readonly consistent: boolean
  readonly note: string
}

const TOLERANCE = 1e-6

const assess = (
  statement: LatencyStatement,
  family: string,
  distribution: Distribution | undefined,
  minMass: number,
  note: string,
): FamilyFit => {
  if (distribution === undefined) {
    return {
      family,
      distribution,
      parameters: {},
      meanResidual: Number.NaN,
      varianceResidual: Number.NaN,
      massInRange: Number.NaN,
      matchesMoments: false,
      consistent: false,
      note,
    }
  }
  const meanResidual = (distribution.mean - statement.mean) / statement.mean
  const varianceResidual = (distribution.variance - statement.variance) / statement.variance
  const massInRange = probabilityBetween(distribution, statement.range[0], statement.range[1])
  const matchesMoments = Math.abs(meanResidual) < TOLERANCE && Math.abs(varianceResidual) < TOLERANCE
  return {
    family,
    distribution,
    parameters: distribution.parameters,
    meanResidual,
    varianceResidual,
    massInRange,
    matchesMoments,
    consistent: matchesMoments && massInRange >= minMass,
    note,
  }
}

/**
 * The mean-matching exponential: rate = 1/mean (variance is then forced to mean²).
 *
 * @since 0.1.0
 * @category fitting
 */
export const fitExponential = (mean: number): Distribution => exponential(1 / mean)

/**
 * The shifted exponential with the given mean and variance: shift = mean − sd, rate = 1/sd.
 *
 * @example
 * import { fitShiftedExponential } from "catcluster/dynamics/startup"
 * fitShiftedExponential(1.8, 0.5).parameters // { shift: 1.0929, rate: 1.4142 }
 *
 * @since 0.1.0
 * @category fitting
 */
export const fitShiftedExponential = (mean: number, variance: number): Distribution => {
  const sd = Math.sqrt(variance)
  return shiftedExponential(mean - sd, 1 / sd)
}

/**
 * The log-normal with the given mean and variance: σ² = ln(1 + v/m²), μ = ln m − σ²/2.
 *
 * @since 0.1.0
 * @category fitting
 */
export const fitLogNormal = (mean: number, variance: number): Distribution => {
  const s2 = Math.log1p(variance / (mean * mean))
  return logNormal(Math.log(mean) - s2 / 2, Math.sqrt(s2))
}

/**
 * The exponential truncated to [lower, upper] whose mean is `mean`, by bisection on the rate
 * (the truncated mean falls strictly as the rate grows). Undefined when the mean is not below the
 * midpoint (that would need an increasing density, outside the family).
 *
 * @since 0.1.0
 * @category fitting
 */
export const fitTruncatedExponential = (mean: number, lower: number, upper: number): Distribution | undefined => {
  if (!(mean > lower && mean < (lower + upper) / 2)) return undefined
  const meanAt = (rate: number): number => truncated(exponential(rate), lower, upper).mean
  let lo = 1e-6 / (upper - lower)
  let hi = 1
  while (meanAt(hi) > mean && hi < 1e6) hi *= 2
  for (let i = 0; i < 80; i++) {
    const mid = Math.sqrt(lo * hi)
    if (meanAt(mid) > mean) lo = mid
    else hi = mid
  }
  return truncated(exponential(Math.sqrt(lo * hi)), lower, upper)
}

/** Nelder–Mead on R² (a 2-parameter fit needs no more). */
const nelderMead = (f: (x: number, y: number) => number, x0: number, y0: number, step: number, iterations: number): readonly [number, number] => {
  const pts: Array<[number, number, number]> = [
    [x0, y0, f(x0, y0)],
    [x0 + step, y0, f(x0 + step, y0)],
    [x0, y0 + step, f(x0, y0 + step)],
  ]
  for (let k = 0; k < iterations; k++) {
    pts.sort((a, b) => a[2] - b[2])
    const [best, mid, worst] = pts as [[number, number, number], [number, number, number], [number, number, number]]
    const cx = (best[0] + mid[0]) / 2
    const cy = (best[1] + mid[1]) / 2
    const at = (t: number): [number, number, number] => {
      const x = cx + t * (worst[0] - cx)
      const y = cy + t * (worst[1] - cy)
      return [x, y, f(x, y)]
    }
    const reflected = at(-1)
    if (reflected[2] < best[2]) {
      const expanded = at(-2)
      pts[2] = expanded[2] < reflected[2] ? expanded : reflected
    } else if (reflected[2] < mid[2]) {
      pts[2] = reflected
    } else {
      const contracted = reflected[2] < worst[2] ? at(-0.5) : at(0.5)
      if (contracted[2] < Math.min(worst[2], reflected[2])) pts[2] = contracted
      else {
        for (const i of [1, 2] as const) {
          const p = pts[i]!
          const x = best[0] + 0.5 * (p[0] - best[0])
          const y = best[1] + 0.5 * (p[1] - best[1])
          pts[i] = [x, y, f(x, y)]
        }
      }
    }
    if (Math.abs(pts[0]![2] - pts[2]![2]) < 1e-30) break
  }
  pts.sort((a, b) => a[2] - b[2])
  return [pts[0]![0], pts[0]![1]]
}

/**
 * The log-normal truncated to [lower, upper] whose mean and variance come closest (relative
 * squared error, Nelder–Mead on μ and ln σ from the untruncated fit). It may not reach them: the
 * residuals say whether it does.
 *
 * @since 0.1.0
 * @category fitting
 */
export const fitTruncatedLogNormal = (mean: number, variance: number, lower: number, upper: number): Distribution | undefined => {
  const start = fitLogNormal(mean, variance)
  const build = (mu: number, logSigma: number): Distribution | undefined => {
    try {
      return truncated(logNormal(mu, Math.exp(logSigma)), lower, upper)
    } catch {
      return undefined // the base puts no mass on the range: outside the family's reach
    }
  }
  const loss = (mu: number, logSigma: number): number => {
    // Beyond |μ| or σ of 50 the truncated density is numerically a power law: stay inside.
    if (Math.abs(mu) > 50 || logSigma > Math.log(50)) return Infinity
    const d = build(mu, logSigma)
    if (d === undefined) return Infinity
    return ((d.mean - mean) / mean) ** 2 + ((d.variance - variance) / variance) ** 2
  }
  const [mu, logSigma] = nelderMead(loss, start.parameters["mu"]!, Math.log(start.parameters["sigma"]!), 0.3, 400)
  return build(mu, logSigma)
}

/**
 * Bhatia–Davis: any distribution on [a, b] with mean m has variance ≤ (m − a)(b − m). When the
 * stated variance exceeds it, no distribution at all honours the stated range.
 *
 * @since 0.1.0
 * @category fitting
 */
export const maximalVarianceOnRange = (mean: number, lower: number, upper: number): number => (mean - lower) * (upper - mean)

/**
 * The largest variance of any *unimodal* distribution on [a, b]: (b − a)²/9 (Gauss's inequality
 * on an interval; attained only by a degenerate uniform-plus-atom mixture). Truncated exponential
 * and truncated log-normal are unimodal, so a stated variance at or above this bound is out of
 * their reach on the stated range whatever the mean.
 *
 * @since 0.1.0
 * @category fitting
 */
export const maximalUnimodalVarianceOnRange = (lower: number, upper: number): number => ((upper - lower) * (upper - lower)) / 9

/**
 * Every family fitted to the statement, each assessed for consistency.
 *
 * @example
 * import { fitFamilies } from "catcluster/dynamics/startup"
 * const fits = fitFamilies({ name: "container", mean: 1.8, variance: 0.5, range: [1, 3], statedFamily: "exponential" })
 * fits.find((f) => f.family === "exponential")?.matchesMoments // false: variance would be 3.24
 *
 * @since 0.1.0
 * @category fitting
 */
export const fitFamilies = (statement: LatencyStatement, minMassInRange = 0.9): ReadonlyArray<FamilyFit> => {
  const { mean, variance, range } = statement
  const [lower, upper] = range
  const sd = Math.sqrt(variance)
  return [
    assess(statement, "exponential", fitExponential(mean), minMassInRange, `rate = 1/mean forces variance = mean² = ${mean * mean}`),
    assess(
      statement,
      "shifted-exponential",
      mean - sd > 0 ? fitShiftedExponential(mean, variance) : undefined,
      minMassInRange,
      "shift = mean − sd, rate = 1/sd",
    ),
    assess(statement, "log-normal", fitLogNormal(mean, variance), minMassInRange, "σ² = ln(1 + v/m²), μ = ln m − σ²/2"),
    assess(
      statement,
      "truncated-exponential",
      fitTruncatedExponential(mean, lower, upper),
      minMassInRange,
      "rate fitted to the mean on the range; the variance is then forced",
    ),
    assess(
      statement,
      "truncated-log-normal",
      fitTruncatedLogNormal(mean, variance, lower, upper),
      minMassInRange,
      "μ, σ fitted to mean and variance on the range (Nelder–Mead)",
    ),
  ]
}
