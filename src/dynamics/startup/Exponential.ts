/**
 * The exponential family and its shifted form. A plain exponential has variance = mean², so the
 * seed's container start (mean 1.8 s, variance 0.5) cannot be one; the shifted exponential
 * (a deterministic set-up time plus an exponential wait) matches any mean and variance with
 * mean ≥ sd, by shift = mean − sd and rate = 1/sd.
 *
 * @since 0.1.0
 */
import { type Distribution, openUniform, requireParameter } from "./Distribution.ts"

/**
 * Exp(rate) shifted right by `shift`: density rate·e^{−rate(x−shift)} for x ≥ shift.
 *
 * @example
 * import { shiftedExponential } from "catcluster/dynamics/startup"
 * const d = shiftedExponential(1, 2) // mean 1.5, variance 0.25
 *
 * @since 0.1.0
 * @category constructors
 */
export const shiftedExponential = (shift: number, rate: number): Distribution => {
  requireParameter("shifted-exponential", "rate", rate, rate > 0 && Number.isFinite(rate), "a positive finite number")
  requireParameter("shifted-exponential", "shift", shift, Number.isFinite(shift), "a finite number")
  return {
    family: shift === 0 ? "exponential" : "shifted-exponential",
    parameters: shift === 0 ? { rate } : { shift, rate },
    mean: shift + 1 / rate,
    variance: 1 / (rate * rate),
    support: [shift, Infinity],
    density: (x) => (x < shift ? 0 : rate * Math.exp(-rate * (x - shift))),
    cdf: (x) => (x <= shift ? 0 : -Math.expm1(-rate * (x - shift))),
    quantile: (p) => (p <= 0 ? shift : p >= 1 ? Infinity : shift - Math.log1p(-p) / rate),
    sample: (rng) => shift - Math.log(openUniform(rng)) / rate,
  }
}

/**
 * Exp(rate): density rate·e^{−rate·x} on [0, ∞), mean 1/rate, variance 1/rate².
 *
 * @since 0.1.0
 * @category constructors
 */
export const exponential = (rate: number): Distribution => shiftedExponential(0, rate)
