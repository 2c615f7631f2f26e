/**
 * S12 verdicts and the evidence that would change if a model changed.
 */
import { describe, expect, it } from "vitest"
import { claims, compareFormulaWithHpa } from "../../../src/dynamics/autoscaling/claims.ts"

const check = async (id: string) => {
  const c = claims.find((x) => x.id === id)
  if (c === undefined) throw new Error(`no check for ${id}`)
  return c.check()
}

describe("S12 claims", () => {
  it("lists S12.1–S12.4", () => {
    expect(claims.map((c) => c.id)).toEqual(["S12.1", "S12.2", "S12.3", "S12.4"])
  })
  it("S12.1 holds for the core; differences in the dead band, flooring, limit, stabilisation", async () => {
    const r = await check("S12.1")
    expect(r.verdict).toBe("holds")
    const e = r.evidence as ReturnType<typeof compareFormulaWithHpa>
    expect(e.coreAgree).toBe(e.core)
    expect(e.toleranceDiffers).toBeGreaterThan(0)
    expect(e.normalizationDiffers).toBeGreaterThan(0)
    expect(e.examples["stabilization"]).toEqual({ current: 8, formula: 3, hpa: 8, reason: "ScaleDownStabilized" })
  })
  it("S12.2 fails: V is flat or rising for most of the time it is positive", async () => {
    const r = await check("S12.2")
    expect(r.verdict).toBe("fails")
    const e = r.evidence as { totals: { positiveSeconds: number; decreasingSeconds: number; flatSeconds: number; increasingSeconds: number }; firstIncrease: unknown }
    expect(e.totals.decreasingSeconds).toBeLessThan(e.totals.positiveSeconds)
    expect(e.totals.increasingSeconds).toBeGreaterThan(0)
    expect(e.firstIncrease).not.toBeNull()
    // the dead time, measured against the HPA's own desired count: VMs wait far longer than containers
    const dead = (r.evidence as { deadTimeSeconds: { container: number; vm: number } }).deadTimeSeconds
    expect(dead.container).toBeLessThan(5)
    expect(dead.vm).toBeGreaterThan(5 * dead.container)
  })
  it("S12.3 and S12.4 from the runs", async () => {
    const r3 = await check("S12.3")
    expect(r3.verdict).toBe("holds")
    const t = (r3.evidence as { table: Array<{ workload: string; predictor: boolean; sloViolationSeconds: number; overshootPercent: number }> }).table
    const vm = (p: boolean) => t.find((x) => x.workload === "vm" && x.predictor === p)!
    expect(vm(true).sloViolationSeconds).toBeLessThan(vm(false).sloViolationSeconds)
    expect(vm(true).overshootPercent).toBeGreaterThan(vm(false).overshootPercent)
    const r4 = await check("S12.4")
    expect(r4.verdict).toBe("holds")
    expect(r4.summary).toContain("VM HPA: stated [120,300] s")
  })
})
