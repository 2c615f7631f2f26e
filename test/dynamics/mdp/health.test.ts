import { describe, expect, it } from "vitest"
import { claims, healthMdpVerdict } from "../../../src/dynamics/claims.ts"
import { decideAtUnhealthy, healthMdp, policyIteration, showPolicy, sweep, switchingPoint, valueIteration } from "../../../src/dynamics/mdp/index.ts"

describe("the health MDP (S7.5)", () => {
  it("container: Restart is optimal at Unhealthy, and VI agrees with PI", () => {
    const { mdp } = healthMdp({ runtime: "container" })
    const pi = showPolicy(mdp, policyIteration(mdp).policy)
    expect(pi).toEqual(showPolicy(mdp, valueIteration(mdp).policy))
    expect(pi).toEqual({ Healthy: "Wait", Unhealthy: "Restart", Starting: "Wait" })
    expect(mdp.enabled[mdp.states.indexOf("Unhealthy") * 3 + 2]).toBe(0) // no Migrate for containers
  })

  it("VM: Restart, not Migrate, is optimal at Unhealthy with the seed's C_migrate = −5", () => {
    const d = decideAtUnhealthy({ runtime: "vm" }, "Migrate")
    expect(d.action).toBe("Restart")
    expect(d.advantage).toBeLessThan(0)
    // Migrate's Q by hand: −1 − 5 + γ·V(Migrating), V(Migrating) = γ·V(Healthy).
    const { mdp } = healthMdp({ runtime: "vm" })
    const v = policyIteration(mdp).values
    expect(d.q["Migrate"]!).toBeCloseTo(-6 + 0.9 * 0.9 * v[0]!, 10)
  })

  it("the decision flips to Migrate when migration is cheap, at the computed switching point", () => {
    const x = switchingPoint("vm", "migrateCost", -20, 0, "Migrate", {}, 1e-9)!
    expect(x).toBeGreaterThan(-5)
    expect(decideAtUnhealthy({ runtime: "vm", migrateCost: x + 1e-6 }, "Migrate").action).toBe("Migrate")
    expect(decideAtUnhealthy({ runtime: "vm", migrateCost: x - 1e-6 }, "Migrate").action).not.toBe("Migrate")
    expect(sweep("vm", "migrateCost", [-5, 0], "Migrate").map((p) => p.action)).toEqual(["Restart", "Migrate"])
  })

  it("the claim check reports fails, with the container half holding and VI/PI agreeing", async () => {
    const r = await claims.find((c) => c.id === "S7.5")!.check()
    expect(r.verdict).toBe("fails")
    const e = r.evidence as { runs: Array<{ runtime: string; holds: boolean; agree: boolean }>; sensitivity: { vmMigrateCostAboveWhichMigrateIsOptimal: number } }
    expect(e.runs.map((x) => [x.runtime, x.holds, x.agree])).toEqual([
      ["container", true, true],
      ["vm", false, true],
    ])
    expect(e.sensitivity.vmMigrateCostAboveWhichMigrateIsOptimal).toBeGreaterThan(-5)
  })

  it("S7.5's verdict follows the evidence: holds when both optima come out, underdetermined when an assumption cell makes Migrate optimal", () => {
    const base = { containerHolds: true, vmHolds: false, gridCells: 8, restartPenalties: [0, -5], gridCellsWhereVmMigrates: 0 }
    expect(healthMdpVerdict(base).verdict).toBe("fails")
    expect(healthMdpVerdict(base).summary).toContain("none of the 8 assumption cells tried (restart penalty 0 to -5")
    expect(healthMdpVerdict({ ...base, vmHolds: true }).verdict).toBe("holds")
    expect(healthMdpVerdict({ ...base, gridCellsWhereVmMigrates: 2 }).verdict).toBe("underdetermined")
  })
})
