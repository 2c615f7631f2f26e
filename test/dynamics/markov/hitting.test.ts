import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { absorptionProbabilities, exactChain, expectedHittingTimes, getOrThrow, hittingProbabilities, Rational } from "../../../src/dynamics/markov/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"
import { randomChain } from "./arbitraries.ts"

/** Fair gambler's ruin on 0..n: absorbing ends, ½ up, ½ down. */
const ruin = (n: number) =>
  getOrThrow(
    exactChain(
      Array.from({ length: n + 1 }, (_, i) => `${i}`),
      Array.from({ length: n + 1 }, (_, i) =>
        Array.from({ length: n + 1 }, (_, j) => (i === 0 || i === n ? (i === j ? "1" : "0") : Math.abs(i - j) === 1 ? "1/2" : "0")),
      ),
    ),
  )

describe("hitting probabilities and times", () => {
  it("gambler's ruin: P(reach n from i) = i/n; E[time to absorption] = i(n − i)", () => {
    for (const n of [2, 5, 8]) {
      const chain = ruin(n)
      const p = hittingProbabilities(chain, [n])
      p.forEach((x, i) => expect(x).toEqual(Rational.rational(BigInt(i), BigInt(n))))
      const t = expectedHittingTimes(chain, [0, n])
      t.forEach((x, i) => expect(x).toEqual(Rational.rational(BigInt(i * (n - i)))))
      // Reaching n alone is missed with positive probability from 1..n−1: infinite expected time.
      expect(expectedHittingTimes(chain, [n]).slice(0, n)).toEqual(Array.from({ length: n }, () => "infinite"))
    }
  })

  it("hitting probabilities solve h = P h off the targets, and absorption probabilities sum to 1", () => {
    const { seed, numRuns } = runConfig(100)
    fc.assert(
      fc.property(randomChain(6), fc.nat(), (chain, pick) => {
        const n = chain.states.length
        const target = pick % n
        const h = hittingProbabilities(chain, [target])
        for (let i = 0; i < n; i++) {
          if (i === target) expect(h[i]).toEqual(Rational.ONE)
          else expect(h[i]).toEqual(Rational.sum(chain.matrix[i]!.map((p, j) => Rational.mul(p, h[j]!))))
        }
        const absorbed = absorptionProbabilities(chain)
        for (let i = 0; i < n; i++) expect(Rational.sum(absorbed.map((col) => col[i]!))).toEqual(Rational.ONE)
        const t = expectedHittingTimes(chain, [target])
        for (let i = 0; i < n; i++) {
          const ti = t[i]!
          if (i === target || ti === "infinite") continue
          const expected = Rational.add(Rational.ONE, Rational.sum(chain.matrix[i]!.map((p, j) => (p.num === 0n ? Rational.ZERO : Rational.mul(p, t[j] as Rational.Rational)))))
          expect(ti).toEqual(expected)
        }
      }),
      { seed, numRuns },
    )
  })
})
