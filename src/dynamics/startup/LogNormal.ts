/**
 * The log-normal family: X = e^{μ + σZ}. The seed's VM start (IO bound) is stated log-normal with
 * mean 75 s and variance 2500, which fixes σ² = ln(1 + v/m²) and μ = ln m − σ²/2.
 *
 * @since 0.1.0
 */
import { type Distribution, openUniform, requireParameter } from "./Distribution.ts"
import { normalCdf, normalQuantile } from "./Special.ts"

/**
 * LogNormal(μ, σ).
 *
 * @example
 * import { logNormal } from "catcluster/dynamics/startup"
 * logNormal(0, 1).quantile(0.5) // ≈ 1 (the median, e^μ; 1.0000000000000007 in floating point)
 *
 * @since 0.1.0
 * @category constructors
 */
export const logNormal = (mu: number, sigma: number): Distribution => {
  requireParameter("log-normal", "mu", mu, Number.isFinite(mu), "a finite number")
  requireParameter("log-normal", "sigma", sigma, sigma > 0 && Number.isFinite(sigma), "a positive finite number")
  const s2 = sigma * sigma
  return {
    family: "log-normal",
    parameters: { mu, sigma },
    mean: Math.exp(mu + s2 / 2),
    variance: Math.expm1(s2) * Math.exp(2 * mu + s2),
    support: [0, Infinity],
    density: (x) => {
      if (x <= 0) return 0
      const z = (Math.log(x) - mu) / sigma
      return Math.exp(-0.5 * z * z) / (x * sigma * Math.sqrt(2 * Math.PI))
    },
    cdf: (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma)),
    quantile: (p) => (p <= 0 ? 0 : p >= 1 ? Infinity : Math.exp(mu + sigma * normalQuantile(p))),
    sample: (rng) => Math.exp(mu + sigma * normalQuantile(openUniform(rng))),
  }
}
