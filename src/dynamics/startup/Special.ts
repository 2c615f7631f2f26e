/**
 * Special functions the start-up distributions need: the error function, the standard normal
 * CDF and its inverse, and composite Simpson quadrature. Written for double precision (about
 * 1e-14 absolute on erf) so that the probabilities in the claims ledger are trustworthy.
 *
 * @since 0.1.0
 */

const SQRT_PI = Math.sqrt(Math.PI)

/**
 * erfc(x) for x ≥ 3 by the Laplace continued fraction, evaluated with the modified Lentz method.
 * erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))).
 */
const erfcContinuedFraction = (x: number): number => {
  const tiny = 1e-300
  let f = x
  let c = x
  let d = 0
  for (let k = 1; k < 500; k++) {
    const a = k / 2
    d = x + a * d
    d = d === 0 ? tiny : d
    c = x + a / c
    c = c === 0 ? tiny : c
    d = 1 / d
    const delta = c * d
    f *= delta
    if (Math.abs(delta - 1) < 1e-16) break
  }
  return Math.exp(-x * x) / (SQRT_PI * f)
}

/** erf(x) for 0 ≤ x < 3 by the all-positive series 2/√π·e^{−x²}·Σ 2ⁿx^{2n+1}/(2n+1)!!. */
const erfSeries = (x: number): number => {
  let term = x
  let sum = x
  const x2 = x * x
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1)
    sum += term
    if (term < sum * 1e-17) break
  }
  return (2 / SQRT_PI) * Math.exp(-x2) * sum
}

/**
 * The error function erf(x) = 2/√π ∫₀ˣ e^{−t²} dt.
 *
 * @since 0.1.0
 * @category math
 */
export const erf = (x: number): number => {
  if (Number.isNaN(x)) return Number.NaN
  const a = Math.abs(x)
  const value = a < 3 ? erfSeries(a) : 1 - erfcContinuedFraction(a)
  return x < 0 ? -value : value
}

/**
 * The complementary error function 1 − erf(x), accurate in the far tail.
 *
 * @since 0.1.0
 * @category math
 */
export const erfc = (x: number): number => {
  if (Number.isNaN(x)) return Number.NaN
  if (x >= 3) return erfcContinuedFraction(x)
  if (x <= -3) return 2 - erfcContinuedFraction(-x)
  return 1 - erf(x)
}

/**
 * Φ(z), the standard normal CDF.
 *
 * @example
 * import { normalCdf } from "catcluster/dynamics/startup"
 * normalCdf(0) // 0.5
 *
 * @since 0.1.0
 * @category math
 */
export const normalCdf = (z: number): number => 0.5 * erfc(-z / Math.SQRT2)

/**
 * The standard normal density φ(z).
 *
 * @since 0.1.0
 * @category math
 */
export const normalDensity = (z: number): number => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI)

/**
 * Φ⁻¹(p) for p ∈ (0, 1): the Abramowitz–Stegun 26.2.23 rational start (error < 4.5e-4), then
 * Newton steps on Φ (two or three reach double precision), safeguarded by bisection on [−40, 40].
 *
 * @since 0.1.0
 * @category math
 */
export const normalQuantile = (p: number): number => {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : Number.NaN
  const tail = Math.min(p, 1 - p)
  const t = Math.sqrt(-2 * Math.log(tail))
  const start = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t)
  let z = p < 0.5 ? -start : start
  let lo = -40
  let hi = 40
  for (let i = 0; i < 100; i++) {
    const f = normalCdf(z) - p
    if (f > 0) hi = z
    else lo = z
    let next = z - f / Math.max(normalDensity(z), 1e-300)
    if (!(next > lo && next < hi)) next = (lo + hi) / 2
    if (Math.abs(next - z) <= 1e-15 * Math.max(1, Math.abs(z))) return next
    z = next
  }
  return z
}

/**
 * ∫ₐᵇ f by composite Simpson with `intervals` (rounded up to even) panels.
 *
 * @since 0.1.0
 * @category math
 */
export const simpson = (f: (x: number) => number, a: number, b: number, intervals = 4000): number => {
  const n = intervals % 2 === 0 ? intervals : intervals + 1
  const h = (b - a) / n
  let sum = f(a) + f(b)
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h)
  return (sum * h) / 3
}
