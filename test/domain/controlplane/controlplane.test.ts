import { describe, expect, it } from "vitest"
import { claims, controllerMappingVerdict, controlPlaneVerdict } from "../../../src/domain/controlplane/claims.ts"
import { controllerMapping, reconcile, stepsToConverge, watches } from "../../../src/domain/controlplane/ControlPlane.ts"

describe("control plane", () => {
  it("reconcile has desired as its only fixed point and converges in |Δ| steps", () => {
    for (let d = -3; d <= 3; d++) for (let a = -3; a <= 3; a++) {
      expect(reconcile(d, a) === a).toBe(d === a)
      expect(stepsToConverge(d, a)).toBe(Math.abs(d - a))
    }
  })
  it("S10.2 fails: the two pairs the seed calls isomorphic are analogies", async () => {
    const r = await claims.find((c) => c.id === "S10.2")!.check()
    expect(r.verdict).toBe("fails")
    expect(r.summary).toContain("2 of 6 pairs are real counterparts")
    expect(r.summary).toContain('DaemonSet: "fully isomorphic"')
    expect(r.evidence).toMatchObject({ notIsomorphic: ["StatefulSet", "DaemonSet"] })
  })
})

describe("S10 verdicts follow their evidence (issue 12: they were the constant 'modelled')", () => {
  it("S10.1 holds on the model, fails when a start does not converge in |Δ| steps or a component bypasses the API server", async () => {
    expect((await claims.find((c) => c.id === "S10.1")!.check()).verdict).toBe("holds")
    const good = [{ desired: 10, actual: 3, steps: 7 }]
    expect(controlPlaneVerdict(good, watches).verdict).toBe("holds")
    const slow = controlPlaneVerdict([{ desired: 10, actual: 3, steps: 8 }], watches)
    expect(slow.verdict).toBe("fails")
    expect(slow.summary).toContain("from 0 of 1 starts tried (not from 3)")
    const bypass = controlPlaneVerdict(good, [...watches, ["kubelet", "etcd"]])
    expect(bypass.verdict).toBe("fails")
    expect(bypass.summary).toContain("kubelet → etcd bypass the API server")
    expect(controlPlaneVerdict([], watches).verdict).toBe("fails")
  })

  it("S10.2 holds once every pair the seed calls isomorphic is a real counterpart", () => {
    const fixed = controllerMapping.map((p) => (p.seedClaimsIsomorphic ? { ...p, exact: true } : p))
    const r = controllerMappingVerdict(fixed)
    expect(r.verdict).toBe("holds")
    expect(r.summary).toContain("4 of 6 pairs are real counterparts")
    expect(controllerMappingVerdict(controllerMapping.map((p) => (p.kubernetes === "DaemonSet" ? p : { ...p, exact: true }))).verdict).toBe("fails")
  })
})
