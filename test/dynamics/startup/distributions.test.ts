import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { makeRng } from "../../../src/dynamics/random/index.ts"
import {
  type Distribution,
  DistributionParameterError,
  erf,
  erfc,
  exponential,
  logNormal,
  normalCdf,
  normalQuantile,
  sampleMany,
  shiftedExponential,
  simpson,
  truncated,
} from "../../../src/dynamics/startup/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

describe("special functions", () => {
  it("match reference values of erf, erfc and Φ", () => {
    // Reference values (Abramowitz & Stegun tables; erfc(5) from its asymptotic series).
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 14)
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 14)
    expect(erf(-2)).toBeCloseTo(-0.9953222650189527, 14)
    expect(erfc(5) / 1.5374597944280349e-12).toBeCloseTo(1, 10)
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 13)
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 10)
  })

  it("Φ⁻¹ inverts Φ", () => {
    const { seed, numRuns } = runConfig(200)
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1e-13 + 1e-10 * p)
      }),
      { seed, numRuns },
    )
  })

  it("Simpson integrates cubics exactly", () => {
    // ∫₋₁² x³ − 2x + 1 dx = 15/4 − 3 + 3
    expect(simpson((x) => x ** 3 - 2 * x + 1, -1, 2, 2)).toBeCloseTo(15 / 4, 12)
  })
})

const families: ReadonlyArray<fc.Arbitrary<Distribution>> = [
  fc.record({ shift: fc.double({ min: 0, max: 100, noNaN: true }), rate: fc.double({ min: 0.01, max: 10, noNaN: true }) }).map(({ shift, rate }) => shiftedExponential(shift, rate)),
  fc.record({ mu: fc.double({ min: -2, max: 5, noNaN: true }), sigma: fc.double({ min: 0.05, max: 0.8, noNaN: true }) }).map(({ mu, sigma }) => logNormal(mu, sigma)),
  fc
    .record({ rate: fc.double({ min: 0.05, max: 3, noNaN: true }), lower: fc.double({ min: 0, max: 5, noNaN: true }), width: fc.double({ min: 0.5, max: 10, noNaN: true }) })
    .map(({ rate, lower, width }) => truncated(exponential(rate), lower, lower + width)),
]

describe("distributions", () => {
  it("quantile inverts the CDF and the CDF is monotone", () => {
    const { seed, numRuns } = runConfig(100)
    fc.assert(
      fc.property(fc.oneof(...families), fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (d, p, q) => {
        expect(Math.abs(d.cdf(d.quantile(p)) - p)).toBeLessThan(1e-9)
        const [lo, hi] = p < q ? [p, q] : [q, p]
        expect(d.quantile(lo)).toBeLessThanOrEqual(d.quantile(hi) * (1 + 1e-12) + 1e-12)
      }),
      { seed, numRuns },
    )
  })

  it("the density integrates to the CDF", () => {
    const { seed, numRuns } = runConfig(40)
    fc.assert(
      fc.property(fc.oneof(...families), (d) => {
        const a = d.quantile(0.05)
        const b = d.quantile(0.95)
        expect(simpson(d.density, a, b, 4000)).toBeCloseTo(0.9, 6)
      }),
      { seed, numRuns },
    )
  })

  it("seeded samples have the stated mean and variance (within 5 standard errors)", () => {
    const { seed, numRuns } = runConfig(10)
    fc.assert(
      fc.property(fc.oneof(...families), fc.integer(), (d, s) => {
        const n = 10_000
        const xs = sampleMany(d, n, makeRng(s))
        let m = 0
        for (const x of xs) m += x / n
        let v = 0
        for (const x of xs) v += (x - m) ** 2 / (n - 1)
        expect(Math.abs(m - d.mean)).toBeLessThan(5 * Math.sqrt(d.variance / n))
        // The sample variance's relative sd is √((κ − 1)/n); κ ≤ 34 here (log-normal σ = 0.8), so 30% is 5 sd at n = 10,000.
        expect(Math.abs(v / d.variance - 1)).toBeLessThan(0.3)
        for (const x of xs) expect(x >= d.support[0] && x <= d.support[1]).toBe(true)
      }),
      { seed, numRuns },
    )
  })

  it("the moment check notices a distribution whose sampler disagrees with its moments", () => {
    const honest = shiftedExponential(1, 2)
    const broken: Distribution = { ...honest, sample: (rng) => 2 * honest.sample(rng) }
    const n = 20_000
    const xs = sampleMany(broken, n, makeRng(9))
    const m = xs.reduce((a, x) => a + x, 0) / n
    expect(Math.abs(m - broken.mean)).toBeGreaterThan(5 * Math.sqrt(broken.variance / n))
  })

  it("reject parameters outside their domain, naming them", () => {
    expect(() => shiftedExponential(0, -1)).toThrow(DistributionParameterError)
    expect(() => logNormal(0, 0)).toThrow(/sigma = 0/)
    expect(() => truncated(exponential(1), 3, 1)).toThrow(/upper/)
  })
})
