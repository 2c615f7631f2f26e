import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type ExactChain, analyse, exactChain, floatChain, getOrThrow, Rational, stationaryExact, stationaryIterative } from "../../../src/dynamics/markov/index.ts"
import { makeRng } from "../../../src/dynamics/random/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"
import { randomChain } from "./arbitraries.ts"

/** πP, exactly. */
const step = (chain: ExactChain, pi: ReadonlyArray<Rational.Rational>): Array<Rational.Rational> =>
  chain.states.map((_, j) => Rational.sum(pi.map((p, i) => Rational.mul(p, chain.matrix[i]![j]!))))

describe("stationary distributions", () => {
  it("exact: one extreme point per closed class, each a probability vector with πP = π exactly, supported on its class", () => {
    const { seed, numRuns } = runConfig(150)
    fc.assert(
      fc.property(randomChain(), (chain) => {
        const st = stationaryExact(chain)
        const s = analyse(chain)
        expect(st.extremePoints.length).toBe(s.closedClasses.length)
        expect(st.unique).toBe(s.closedClasses.length === 1)
        st.extremePoints.forEach((pi, k) => {
          expect(step(chain, pi)).toEqual(pi)
          expect(Rational.sum(pi)).toEqual(Rational.ONE)
          const members = new Set(s.classes[s.closedClasses[k]!]!.states)
          pi.forEach((p, i) => {
            expect(Rational.compare(p, Rational.ZERO)).toBe(members.has(i) ? 1 : 0)
          })
        })
      }),
      { seed, numRuns },
    )
  })

  it("iterative agrees with exact to 1e-10", () => {
    const { seed, numRuns } = runConfig(100)
    fc.assert(
      fc.property(randomChain(), (chain) => {
        const exact = stationaryExact(chain).extremePoints
        const it = stationaryIterative(chain)
        exact.forEach((pi, k) => pi.forEach((p, i) => expect(Math.abs(Rational.toNumber(p) - it.extremePoints[k]![i]!)).toBeLessThan(1e-10)))
      }),
      { seed, numRuns },
    )
  })

  it("the balance check catches a wrong distribution", () => {
    const chain = getOrThrow(exactChain(["a", "b"], [["1/2", "1/2"], ["1/4", "3/4"]]))
    const wrong = [Rational.parse("1/2"), Rational.parse("1/2")]
    expect(step(chain, wrong)).not.toEqual(wrong)
    expect(stationaryExact(chain).extremePoints[0]!.map(Rational.show)).toEqual(["1/3", "2/3"]) // detailed balance: π_a/2 = π_b/4
  })

  it("iterative on a large doubly stochastic chain converges to the uniform distribution", () => {
    // The average of k random permutation matrices is doubly stochastic: uniform is stationary.
    const n = 1500
    const k = 4
    const rng = makeRng(runConfig().seed)
    const matrix = new Float64Array(n * n)
    for (let r = 0; r < k; r++) {
      const perm = Int32Array.from({ length: n }, (_, i) => i)
      for (let i = n - 1; i > 0; i--) {
        const j = rng.nextInt(i + 1)
        const t = perm[i]!
        perm[i] = perm[j]!
        perm[j] = t
      }
      for (let i = 0; i < n; i++) matrix[i * n + perm[i]!]! += 1 / k
    }
    const chain = getOrThrow(floatChain(Array.from({ length: n }, (_, i) => `${i}`), matrix))
    const st = stationaryIterative(chain, { tolerance: 1e-13 })
    expect(st.unique).toBe(true)
    const pi = st.extremePoints[0]!
    for (const p of pi) expect(Math.abs(p - 1 / n)).toBeLessThan(1e-12)
    expect(st.residuals[0]!).toBeLessThan(1e-12)
  })

  it("converges on a periodic chain (the lazy step removes the period)", () => {
    const cycle = getOrThrow(exactChain(["a", "b", "c"], [["0", "1", "0"], ["0", "0", "1"], ["1", "0", "0"]]))
    const pi = stationaryIterative(cycle).extremePoints[0]!
    for (const p of pi) expect(p).toBeCloseTo(1 / 3, 12)
  })
})
