/**
 * A distribution conditioned on [lower, upper]: the way to honour a stated range exactly.
 * CDF (F(x) − F(a)) / (F(b) − F(a)); quantile and sampling by inversion; mean and variance by
 * Simpson quadrature of the density (the families here have no closed form once truncated).
 *
 * @since 0.1.0
 */
import { type Distribution, openUniform, requireParameter } from "./Distribution.ts"
import { simpson } from "./Special.ts"

/**
 * `base` truncated to [lower, upper].
 *
 * @example
 * import { exponential, truncated } from "catcluster/dynamics/startup"
 * const d = truncated(exponential(1), 1, 3) // support [1, 3]
 *
 * @since 0.1.0
 * @category constructors
 */
export const truncated = (base: Distribution, lower: number, upper: number): Distribution => {
  const family = `truncated-${base.family}`
  requireParameter(family, "upper", upper, Number.isFinite(lower) && Number.isFinite(upper) && upper > lower, `finite bounds with upper > lower = ${lower}`)
  const fa = base.cdf(lower)
  const mass = base.cdf(upper) - fa
  requireParameter(family, "mass", mass, mass > 0, "the base to put positive mass on [lower, upper]")
  const density = (x: number): number => (x < lower || x > upper ? 0 : base.density(x) / mass)
  const mean = simpson((x) => x * density(x), lower, upper)
  const variance = Math.max(0, simpson((x) => (x - mean) * (x - mean) * density(x), lower, upper))
  const quantile = (p: number): number =>
    p <= 0 ? lower : p >= 1 ? upper : Math.min(upper, Math.max(lower, base.quantile(fa + p * mass)))
  return {
    family,
    parameters: { ...base.parameters, lower, upper },
    mean,
    variance,
    support: [lower, upper],
    density,
    cdf: (x) => (x <= lower ? 0 : x >= upper ? 1 : (base.cdf(x) - fa) / mass),
    quantile,
    sample: (rng) => quantile(openUniform(rng)),
  }
}
