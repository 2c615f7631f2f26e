import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type ExactChain, analyse, exactChain, floatChain, getOrThrow, Rational } from "../../../src/dynamics/markov/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"
import { randomChain } from "./arbitraries.ts"

/** Reachability by transitive closure (Warshall), independent of Tarjan. */
const closure = (chain: ExactChain): boolean[][] => {
  const n = chain.states.length
  const r = chain.matrix.map((row, i) => row.map((p, j) => i === j || p.num > 0n))
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (r[i]![k] && r[k]![j]) r[i]![j] = true
  return r
}

/** Period by definition: gcd of the n ≤ N² + N with (Pⁿ)ᵢᵢ > 0, over boolean matrix powers. */
const naivePeriod = (chain: ExactChain, i: number): number => {
  const n = chain.states.length
  const a = chain.matrix.map((row) => row.map((p) => p.num > 0n))
  let power = a.map((row) => [...row])
  let g = 0
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y))
  for (let len = 1; len <= n * n + n; len++) {
    if (power[i]![i]) g = gcd(g, len)
    power = power.map((row) => a[0]!.map((_, j) => row.some((v, k) => v && a[k]![j]!)))
  }
  return g
}

describe("class structure", () => {
  it("classes are the mutual-reachability classes; closed means no edge leaves; periods match the definition", () => {
    const { seed, numRuns } = runConfig(150)
    fc.assert(
      fc.property(randomChain(), (chain) => {
        const s = analyse(chain)
        const r = closure(chain)
        const n = chain.states.length
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) expect(s.classOf[i] === s.classOf[j]).toBe(r[i]![j]! && r[j]![i]!)
        for (const c of s.classes) {
          const leaves = c.states.some((i) => chain.matrix[i]!.some((p, j) => p.num > 0n && s.classOf[j] !== s.classOf[i]))
          expect(c.closed).toBe(!leaves)
          expect(c.period).toBe(naivePeriod(chain, c.states[0]!))
        }
        expect(s.transientStates.length + s.recurrentStates.length).toBe(n)
        // Every finite chain has at least one closed class.
        expect(s.closedClasses.length).toBeGreaterThan(0)
      }),
      { seed, numRuns },
    )
  })

  it("finds period 3 on a 3-cycle, period 1 once a self-loop is added, and an absorbing state", () => {
    const cycle = getOrThrow(exactChain(["a", "b", "c"], [["0", "1", "0"], ["0", "0", "1"], ["1", "0", "0"]]))
    expect(analyse(cycle).classes).toEqual([{ states: [0, 1, 2], closed: true, period: 3 }])
    const lazy = getOrThrow(exactChain(["a", "b", "c"], [["1/2", "1/2", "0"], ["0", "0", "1"], ["1", "0", "0"]]))
    expect(analyse(lazy).classes[0]!.period).toBe(1)
    const absorbing = analyse(getOrThrow(exactChain(["a", "b"], [["1/2", "1/2"], ["0", "1"]])))
    expect(absorbing).toMatchObject({ absorbingStates: [1], transientStates: [0], irreducible: false })
  })

  it("handles a long path without recursion (Tarjan is iterative)", () => {
    const n = 3000
    const matrix = new Float64Array(n * n)
    for (let i = 0; i < n; i++) matrix[i * n + Math.min(i + 1, n - 1)] = 1
    const s = analyse(getOrThrow(floatChain(Array.from({ length: n }, (_, i) => `${i}`), matrix)))
    expect(s.classes.length).toBe(n)
    expect(s.absorbingStates).toEqual([n - 1])
  })
})
