import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { claims, distortionVerdict, pointsVerdict, rulesVerdict } from "../../src/decisions/claims.ts"
import { axes, distortedRange, runtimeProfileGrid, seedPoints, dominates, fitWeights, paretoFrontier, seedFrontier, selectRuntime, utility, type UtilityRow } from "../../src/decisions/index.ts"
import { runConfig } from "../../src/laws/RunConfig.ts"

const verdictOf = async (id: string) => {
  const c = claims.find((x) => x.id === id)!
  return c.check()
}

describe("Pareto frontier", () => {
  it("names the dominated point of the seed's frontier", () => {
    expect(paretoFrontier(seedFrontier)).toEqual({
      frontier: ["bare-metal containers", "Kata secure containers", "virtualized containers"],
      dominated: [{ name: "full virtual machines", dominatedBy: ["virtualized containers"] }],
    })
  })
  it("no frontier point dominates another, and every dominated point has a frontier dominator", () => {
    const { seed, numRuns } = runConfig(200)
    const point = fc.record({ name: fc.string(), objectives: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 2 }) })
    fc.assert(
      fc.property(fc.uniqueArray(point, { minLength: 1, maxLength: 12, selector: (p) => p.name }), (cs) => {
        const f = paretoFrontier(cs)
        const front = cs.filter((c) => f.frontier.includes(c.name))
        for (const a of front) for (const b of front) expect(dominates(a, b)).toBe(false)
        for (const d of f.dominated) expect(front.some((a) => dominates(a, cs.find((c) => c.name === d.name)!))).toBe(true)
      }),
      { seed, numRuns },
    )
  })
})

describe("utility weights", () => {
  it("recovers weights that generated a table exactly (so the fitter can say 'holds')", () => {
    const weights = [0.7, 0.4, 0.2]
    const rows: UtilityRow[] = [
      [0.95, 0.5, 0.9, 0.3],
      [0.85, 0.85, 0.95, 0.2],
      [0.75, 0.95, 0.7, 0.4],
      [0.8, 0.9, 0.85, 0.35],
    ].map(([a, b, c, r], i) => {
      const row = { name: `r${i}`, satisfaction: [a!, b!, c!], risk: r!, stated: 0 }
      return { ...row, stated: utility(row, weights) }
    })
    const fit = fitWeights(rows)
    expect(fit.maxResidual).toBeLessThan(1e-9)
    fit.weights.forEach((w, i) => expect(w).toBeCloseTo(weights[i]!, 9))
  })
  it("finds the seed's table inconsistent, with the best fit's residual", async () => {
    const r = await verdictOf("S14.5")
    expect(r.verdict).toBe("inconsistent")
    expect((r.evidence as { bestFit: { maxResidual: number } }).bestFit.maxResidual).toBeCloseTo(0.0488, 3)
  })
})

describe("S14 verdicts", () => {
  it("S14.2 is underdetermined with the unit-weight distances", async () => {
    const r = await verdictOf("S14.2")
    expect(r.verdict).toBe("underdetermined")
    expect(r.evidence).toMatchObject({ unitWeightsRaw: 104.9488, unitWeightsMinMax: 1.7109 })
  })
  it("S14.3 fails", async () => {
    expect((await verdictOf("S14.3")).verdict).toBe("fails")
  })
  it("rules fire in order and explain themselves", () => {
    expect(selectRuntime({ security: 9, performanceCritical: true, startupSeconds: 2, cloudNative: true })).toEqual({ choice: "KubeVirt", rule: 1, because: "security 9 > 8" })
    expect(selectRuntime({ security: 3, performanceCritical: true, startupSeconds: 2, cloudNative: true }).choice).toBe("Kata")
    expect(selectRuntime({ security: 3, performanceCritical: true, startupSeconds: 20, cloudNative: true }).choice).toBe("containerd")
    expect(selectRuntime({ security: 3, performanceCritical: false, startupSeconds: 20, cloudNative: false }).rule).toBeNull()
  })
})

describe("S14.1, S14.4, S14.6 verdicts follow their evidence (issue 12: they were literals beside their checks)", () => {
  it("S14.1 holds with seven coordinates per point, fails when a point lacks one", async () => {
    expect((await verdictOf("S14.1")).verdict).toBe("holds")
    const short = pointsVerdict(axes, { ...seedPoints, virtualMachine: [2, 0.15, 75, 20, 85, 8] })
    expect(short.verdict).toBe("fails")
    expect(short.summary).toContain("virtualMachine has 6")
  })

  it("S14.4 is underdetermined while some probe matches no rule, holds once the rules decide every probe", async () => {
    const r = await verdictOf("S14.4")
    expect(r.verdict).toBe("underdetermined")
    expect(r.summary).toContain("6 of 16 grid profiles match several rules")
    expect(r.summary).toContain("3 of 16 profiles match no runtime rule")
    const decided = rulesVerdict(runtimeProfileGrid(), [{ nodes: 5000, mixedWorkload: false }], () => ({ rule: 1 }), () => ({ rule: 1 }))
    expect(decided.verdict).toBe("holds")
    expect(decided.summary).toContain("0 of 16 profiles match no runtime rule and 0 of 1 clusters")
  })

  it("S14.6 is inconsistent: the formula's 31.05–183.45 s is not S4.1's 30–180 s; it holds when they coincide", async () => {
    const r = await verdictOf("S14.6")
    expect(r.verdict).toBe("inconsistent")
    expect(r.summary).toContain("31.05–183.45 s")
    expect(r.summary).toContain("misses 30–31.05 s")
    const vm = distortedRange({ low: 1, high: 3 })
    expect(distortionVerdict({ low: 1, high: 3 }, vm, vm).verdict).toBe("holds")
  })
})
