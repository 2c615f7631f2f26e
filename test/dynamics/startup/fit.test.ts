import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { makeRng } from "../../../src/dynamics/random/index.ts"
import {
  containerStart,
  exponential,
  fitExponential,
  fitFamilies,
  fitLogNormal,
  fitShiftedExponential,
  fitTruncatedExponential,
  ksStatistic,
  ksTest,
  kolmogorovSurvival,
  maximalUnimodalVarianceOnRange,
  sampleMany,
  vmStart,
} from "../../../src/dynamics/startup/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

describe("fitting families to a mean and a variance", () => {
  it("shifted exponential and log-normal reproduce any mean and variance they can", () => {
    const { seed, numRuns } = runConfig(200)
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 1000, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (mean, cv) => {
        const variance = (cv * mean) ** 2 // cv < 1 keeps the shift positive
        for (const d of [fitShiftedExponential(mean, variance), fitLogNormal(mean, variance)]) {
          expect(d.mean / mean).toBeCloseTo(1, 10)
          expect(d.variance / variance).toBeCloseTo(1, 8)
        }
      }),
      { seed, numRuns },
    )
  })

  it("a plain exponential cannot: its variance is mean²", () => {
    const d = fitExponential(containerStart.mean)
    expect(d.variance).toBeCloseTo(3.24, 12)
    const fit = fitFamilies(containerStart).find((f) => f.family === "exponential")!
    expect(fit.matchesMoments).toBe(false)
    expect(fit.varianceResidual).toBeCloseTo((3.24 - 0.5) / 0.5, 10)
  })

  it("the truncated exponential hits the mean on the range", () => {
    const d = fitTruncatedExponential(1.8, 1, 3)!
    expect(d.mean).toBeCloseTo(1.8, 8)
    expect(d.cdf(1)).toBe(0)
    expect(d.cdf(3)).toBe(1)
    expect(fitTruncatedExponential(2.5, 1, 3)).toBeUndefined() // needs an increasing density
  })

  it("S4.1: only the shifted exponential fits the container numbers; no family fits the VM numbers at 90% range mass", () => {
    const container = fitFamilies(containerStart)
    expect(container.filter((f) => f.consistent).map((f) => f.family)).toEqual(["shifted-exponential"])
    // No unimodal distribution on [1, 3] has variance 0.5 > (3 − 1)²/9: truncated fits must miss it.
    expect(maximalUnimodalVarianceOnRange(1, 3)).toBeLessThan(0.5)
    for (const f of container.filter((f) => f.family.startsWith("truncated"))) expect(f.matchesMoments).toBe(false)
    const vm = fitFamilies(vmStart)
    const logNormal = vm.find((f) => f.family === "log-normal")!
    expect(logNormal.matchesMoments).toBe(true)
    expect(logNormal.massInRange).toBeGreaterThan(0.8)
    expect(logNormal.massInRange).toBeLessThan(0.9)
    expect(vm.some((f) => f.consistent)).toBe(false)
  })
})

describe("Kolmogorov–Smirnov", () => {
  it("D equals the brute-force supremum of |Fₙ − F| (both one-sided limits at each sample)", () => {
    const { seed, numRuns } = runConfig(100)
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 40 }), (raw) => {
        const d = exponential(0.7)
        const xs = Float64Array.from(raw).sort()
        let naive = 0
        for (const x of xs) {
          const atOrBelow = raw.filter((y) => y <= x).length / raw.length
          const below = raw.filter((y) => y < x).length / raw.length
          naive = Math.max(naive, Math.abs(atOrBelow - d.cdf(x)), Math.abs(below - d.cdf(x)))
        }
        expect(ksStatistic(xs, d.cdf).statistic).toBeCloseTo(naive, 12)
      }),
      { seed, numRuns },
    )
  })

  it("the Kolmogorov survival function has its textbook 5% point at λ ≈ 1.358", () => {
    expect(kolmogorovSurvival(1.3581)).toBeCloseTo(0.05, 4)
  })

  it("passes samples of the right family and rejects the exponential the seed names", () => {
    const right = fitShiftedExponential(1.8, 0.5)
    const xs = sampleMany(right, 2000, makeRng(runConfig().seed))
    const pass = ksTest(xs, right)
    expect(pass.rejected).toBe(false)
    const wrong = ksTest(xs, exponential(1 / 1.8))
    expect(wrong.rejected).toBe(true)
    expect(wrong.pValue).toBeLessThan(1e-6)
    // The counterexample: the worst gap is at the smallest samples, where the exponential puts mass the data lacks.
    expect(wrong.at).toBeLessThan(1.5)
  })

  it("rejects the moment-matched log-normal too, with enough samples", () => {
    const xs = sampleMany(fitShiftedExponential(1.8, 0.5), 5000, makeRng(3))
    expect(ksTest(xs, fitLogNormal(1.8, 0.5)).rejected).toBe(true)
  })

  it("rejects at about the nominal rate α when the hypothesis is true", () => {
    const d = fitLogNormal(75, 2500)
    let rejected = 0
    const trials = 200
    for (let t = 0; t < trials; t++) if (ksTest(sampleMany(d, 200, makeRng(1000 + t)), d).rejected) rejected++
    // Binomial(200, 0.05): mean 10, sd ≈ 3.1.
    expect(rejected).toBeLessThan(25)
  })
})
