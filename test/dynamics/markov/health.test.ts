import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { claims } from "../../../src/dynamics/claims.ts"
import {
  containerHealth,
  exactChain,
  expectedAvailable,
  getOrThrow,
  healthStates,
  healthVariant,
  Rational,
  seedHealthChain,
  seedHealthRows,
  stationaryExact,
  vmHealth,
} from "../../../src/dynamics/markov/index.ts"

describe("the seed's health chain (S7.4)", () => {
  it("has two closed classes, {H, U, S} and the absorbing {T}, so two extreme stationary distributions", () => {
    const st = stationaryExact(seedHealthChain)
    expect(st.unique).toBe(false)
    expect(st.structure.closedClasses.map((k) => st.structure.classes[k]!.states)).toEqual([[0, 1, 2], [3]])
    expect(st.structure.absorbingStates).toEqual([3])
    // π₁ by hand from the balance equations on {H,U,S}: π_U = (0.005π_H + 0.1π_S)/0.5, π_S = (0.005π_H + 0.2π_U)/0.9 → 860 : 10 : 7.
    expect(st.extremePoints[0]!.map(Rational.show)).toEqual(["860/877", "10/877", "7/877", "0"])
    expect(st.extremePoints[1]!.map(Rational.show)).toEqual(["0", "0", "0", "1"])
    expect(Rational.show(expectedAvailable(st.extremePoints[0]!, [0], 10))).toBe("8600/877")
  })

  it("making Terminating reachable makes the stationary distribution unique (the check notices the difference)", () => {
    const rows = seedHealthRows.map((r, i) => (i === 1 ? ["0.3", "0.4", "0.2", "0.1"] : r))
    const st = stationaryExact(getOrThrow(exactChain(healthStates, rows)))
    expect(st.unique).toBe(true)
    expect(st.extremePoints[0]!.map(Rational.show)).toEqual(["0", "0", "0", "1"])
  })

  it("variants change only the Starting row, renormalised in the seed's 0.1 : 0.1 proportion", () => {
    expect(vmHealth.chain.matrix[2]!.map(Rational.show)).toEqual(["7/10", "3/20", "3/20", "0"])
    expect(containerHealth.chain.matrix[2]!.map(Rational.show)).toEqual(["19/20", "1/40", "1/40", "0"])
    for (const i of [0, 1, 3]) expect(vmHealth.chain.matrix[i]).toEqual(seedHealthChain.matrix[i])
    expect(vmHealth.assumption).toContain("Starting row only")
    // A probability above 1 cannot be renormalised: the chain validation rejects it.
    expect(() => healthVariant("bad", "1.2")).toThrow(/Negative|negative/)
  })

  it("S7.4's verdict is underdetermined with both extreme points as evidence", async () => {
    const r = await claims.find((c) => c.id === "S7.4")!.check()
    expect(r.verdict).toBe("underdetermined")
    const seed = (r.evidence as Array<{ runtime: string; extremePoints: Array<{ pi: string[] }>; iterativeMaxDeviation: number }>)[0]!
    expect(seed.extremePoints).toHaveLength(2)
    expect(seed.iterativeMaxDeviation).toBeLessThan(1e-12)
    expect(E.isRight(exactChain(healthStates, seedHealthRows))).toBe(true)
  })
})
