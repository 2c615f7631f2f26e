import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { makeRng, RngArgumentError } from "../../../src/dynamics/random/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

describe("makeRng (xoshiro128**)", () => {
  it("replays the same stream from the same seed and reports the seed", () => {
    const { seed, numRuns } = runConfig(50)
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (s) => {
        const a = makeRng(s)
        const b = makeRng(s)
        for (let i = 0; i < 20; i++) expect(a.next()).toBe(b.next())
        expect(a.seed).toBe(s)
      }),
      { seed, numRuns },
    )
  })

  it("gives unrelated streams for neighbouring seeds", () => {
    const a = makeRng(1)
    const b = makeRng(2)
    const same = Array.from({ length: 100 }, () => a.next() === b.next()).filter(Boolean).length
    expect(same).toBe(0)
  })

  it("stays in [0, 1) and nextInt(n) in [0, n)", () => {
    const { seed, numRuns } = runConfig(50)
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (s, n) => {
        const rng = makeRng(s)
        for (let i = 0; i < 50; i++) {
          const u = rng.next()
          expect(u >= 0 && u < 1).toBe(true)
          const k = rng.nextInt(n)
          expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true)
        }
      }),
      { seed, numRuns },
    )
  })

  it("is uniform: chi-square of 100,000 draws of nextInt(10) below the 99.9% quantile (27.88, 9 dof)", () => {
    const rng = makeRng(runConfig().seed)
    const counts = new Array<number>(10).fill(0)
    const n = 100_000
    for (let i = 0; i < n; i++) counts[rng.nextInt(10)]!++
    const chi2 = counts.reduce((acc, c) => acc + (c - n / 10) ** 2 / (n / 10), 0)
    expect(chi2).toBeLessThan(27.88)
  })

  it("the chi-square check catches a biased generator", () => {
    const counts = new Array<number>(10).fill(0)
    const rng = makeRng(5)
    const n = 100_000
    // A broken nextInt: modulo of a 0..14 draw favours 0..4.
    for (let i = 0; i < n; i++) counts[rng.nextInt(15) % 10]!++
    const chi2 = counts.reduce((acc, c) => acc + (c - n / 10) ** 2 / (n / 10), 0)
    expect(chi2).toBeGreaterThan(27.88)
  })

  it("rejects a seed that is not a safe integer and a bad bound, naming them", () => {
    expect(() => makeRng(1.5)).toThrow(RngArgumentError)
    expect(() => makeRng(42).nextInt(0)).toThrow(/n = 0/)
  })
})
