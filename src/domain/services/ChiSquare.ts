/**
 * Pearson's chi-square goodness-of-fit test: do observed counts fit a stated distribution?
 * X² = Σ (Oᵢ − Eᵢ)² / Eᵢ with k − 1 degrees of freedom; the p-value is the upper tail of the
 * chi-square distribution, Q(k/2, X²/2), from the regularized incomplete gamma function
 * (series below a + 1, Lentz's continued fraction above).
 *
 * @since 0.1.0
 */

/** The outcome of a test. @since 0.1.0 @category model */
export interface ChiSquareResult {
  readonly statistic: number
  readonly degreesOfFreedom: number
  readonly pValue: number
  /** The category with the largest contribution to X² (where the fit is worst). */
  readonly worst: number
}

/** Counts and probabilities of different lengths, or an impossible expectation. @since 0.1.0 @category errors */
export class ChiSquareInputError extends Error {
  readonly _tag = "ChiSquareInputError" as const
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`)
    this.name = "ChiSquareInputError"
  }
}

const lnGamma = (x: number): number => {
  // Lanczos approximation, g = 7, n = 9
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7]
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x)
  const z = x - 1
  let a = c[0] as number
  const t = z + 7.5
  for (let i = 1; i < 9; i++) a += (c[i] as number) / (z + i)
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a)
}

/**
 * The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a).
 *
 * @since 0.1.0
 * @category statistics
 */
export const upperGammaRegularized = (a: number, x: number): number => {
  if (x <= 0) return 1
  const lead = Math.exp(-x + a * Math.log(x) - lnGamma(a))
  if (x < a + 1) {
    let sum = 1 / a
    let term = sum
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n)
      sum += term
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break
    }
    return Math.max(0, 1 - sum * lead)
  }
  const tiny = 1e-300
  let b = x + 1 - a
  let c = 1 / tiny
  let d = 1 / b
  let h = d
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < tiny) d = tiny
    c = b + an / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < 1e-15) break
  }
  return Math.min(1, lead * h)
}

/**
 * The test of observed counts against probabilities (which must sum to 1 and be > 0).
 *
 * @example
 * import { chiSquareTest } from "catcluster/domain/services"
 * chiSquareTest([52, 48], [0.5, 0.5]).pValue // ≈ 0.69: no evidence against a fair split
 *
 * @since 0.1.0
 * @category statistics
 */
export const chiSquareTest = (observed: ArrayLike<number>, probabilities: ArrayLike<number>): ChiSquareResult => {
  const k = observed.length
  if (probabilities.length !== k) throw new ChiSquareInputError("probabilities", `length ${probabilities.length}, counts have ${k}`)
  if (k < 2) throw new ChiSquareInputError("observed", `needs at least 2 categories, got ${k}`)
  let n = 0
  for (let i = 0; i < k; i++) n += observed[i] as number
  let statistic = 0
  let worst = 0
  let worstTerm = -1
  for (let i = 0; i < k; i++) {
    const p = probabilities[i] as number
    if (!(p > 0)) throw new ChiSquareInputError(`probabilities[${i}]`, `must be > 0, got ${p}`)
    const e = n * p
    const d = (observed[i] as number) - e
    const term = (d * d) / e
    statistic += term
    if (term > worstTerm) {
      worstTerm = term
      worst = i
    }
  }
  const degreesOfFreedom = k - 1
  return { statistic, degreesOfFreedom, pValue: upperGammaRegularized(degreesOfFreedom / 2, statistic / 2), worst }
}
