import { describe, expect, it } from "vitest"
import { claims } from "../../../src/domain/controlplane/claims.ts"
import { reconcile, stepsToConverge } from "../../../src/domain/controlplane/ControlPlane.ts"

describe("control plane", () => {
  it("reconcile has desired as its only fixed point and converges in |Δ| steps", () => {
    for (let d = -3; d <= 3; d++) for (let a = -3; a <= 3; a++) {
      expect(reconcile(d, a) === a).toBe(d === a)
      expect(stepsToConverge(d, a)).toBe(Math.abs(d - a))
    }
  })
  it("S10.2 reports which pairs are only analogies", async () => {
    const r = await claims.find((c) => c.id === "S10.2")!.check()
    expect(r.verdict).toBe("modelled")
    expect(r.summary).toContain("2 of 6 pairs are real counterparts")
  })
})
