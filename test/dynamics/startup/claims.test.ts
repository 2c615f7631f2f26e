import { describe, expect, it } from "vitest"
import type { ClaimResult } from "../../../src/claims/Claim.ts"
import { claims, scaleUpTimeoutVerdict } from "../../../src/dynamics/claims.ts"
import { fitLogNormal, fitShiftedExponential, kubernetesScaleUpDeadline, violationProbability } from "../../../src/dynamics/startup/index.ts"

const run = async (id: string): Promise<ClaimResult> => {
  const claim = claims.find((c) => c.id === id)
  if (claim === undefined) throw new Error(`no claim ${id}`)
  return claim.check()
}

describe("S4 claims", () => {
  it("S4.1 is inconsistent: exponential variance 3.24 ≠ 0.5; the KS test rejects the exponential and keeps the shifted one", async () => {
    const r = await run("S4.1")
    expect(r.verdict).toBe("inconsistent")
    const e = r.evidence as {
      container: { fits: Array<{ family: string; consistent: boolean; matchesMoments: boolean }> }
      vm: { fits: Array<{ family: string; massInRange: number }> }
      kolmogorovSmirnov: { againstShiftedExponential: { rejected: boolean }; againstExponentialMean1_8: { rejected: boolean } }
    }
    expect(e.container.fits.find((f) => f.family === "exponential")!.matchesMoments).toBe(false)
    expect(e.container.fits.find((f) => f.family === "shifted-exponential")!.consistent).toBe(true)
    // log-normal(μ = ln 75 − σ²/2, σ² = ln(1 + 2500/75²)): P(30 ≤ T ≤ 180) ≈ 0.846 by the normal table.
    expect(e.vm.fits.find((f) => f.family === "log-normal")!.massInRange).toBeCloseTo(0.846, 3)
    expect(e.kolmogorovSmirnov.againstShiftedExponential.rejected).toBe(false)
    expect(e.kolmogorovSmirnov.againstExponentialMean1_8.rejected).toBe(true)
  })

  it("S4.2 is underdetermined (C_io missing) and names what is missing", async () => {
    const r = await run("S4.2")
    expect(r.verdict).toBe("underdetermined")
    expect((r.evidence as { missing: string[] }).missing).toContain("C_io(r)")
    expect((r.evidence as { rangeBoundK: { k: number } }).rangeBoundK.k).toBe(10)
  })

  it("S4.2's verdict follows the ranges: no k > 0 once the fastest VM start is 0 s (review: the verdict used to be constant)", async () => {
    const { checkS4_2 } = await import("../../../src/dynamics/claims.ts")
    const vm = { name: "vm", mean: 75, variance: 2500, range: [2, 180] as const, statedFamily: "log-normal" as const }
    // (2 − 0) / 3: still a positive k, so only the missing C_io keeps it open
    const open = checkS4_2(vm)
    expect(open.verdict).toBe("underdetermined")
    expect((open.evidence as { rangeBoundK: { k: number } }).rangeBoundK.k).toBeCloseTo(2 / 3, 12)
    // (0 − 0) / 3 = 0: no k > 0 even with C_io = 0, and C_io ≥ 0 cannot help
    const refuted = checkS4_2({ ...vm, range: [0, 180] as const })
    expect(refuted.verdict).toBe("fails")
    expect((refuted.evidence as { rangeBoundK: { k: number } }).rangeBoundK.k).toBe(0)
  })

  it("S4.2's violation probability agrees with a seeded Monte Carlo estimate", async () => {
    const { makeRng } = await import("../../../src/dynamics/random/index.ts")
    const vm = fitLogNormal(75, 2500)
    const c = fitShiftedExponential(1.8, 0.5)
    const rng = makeRng(11)
    const n = 200_000
    let hits = 0
    for (let i = 0; i < n; i++) if (vm.sample(rng) < 10 * c.sample(rng)) hits++
    const p = violationProbability(vm, c, 10, 0)
    expect(Math.abs(hits / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n))
  })

  it("S4.3 is inconsistent: the VM window [60,180] holds for under half of the seed's own VM starts", async () => {
    const r = await run("S4.3")
    expect(r.verdict).toBe("inconsistent")
    const e = r.evidence as { vmWindow: { probability: number }; containerWindow: { probability: number } }
    expect(e.vmWindow.probability).toBeGreaterThan(0.45)
    expect(e.vmWindow.probability).toBeLessThan(0.5)
    expect(e.containerWindow.probability).toBeGreaterThan(0.99)
  })

  it("S4.4 fails (Kubernetes: 600 s progress deadline, no automatic rollback), with the timeout probability of one VM start ≈ 0.0048 (z = 2.589 in the normal table)", async () => {
    const r = await run("S4.4")
    expect(r.verdict).toBe("fails")
    expect(r.summary).toContain("progressDeadlineSeconds defaults to 600 s")
    // the verdict follows the evidence: a Kubernetes with the seed's deadline and a rollback would hold
    const rows = [{ replicas: 1, vm: 0.1, container: 0 }]
    expect(scaleUpTimeoutVerdict(300, { ...kubernetesScaleUpDeadline, progressDeadlineSeconds: 300, automaticRollback: true }, rows, {}).verdict).toBe("holds")
    expect(scaleUpTimeoutVerdict(300, { ...kubernetesScaleUpDeadline, progressDeadlineSeconds: 300 }, rows, {}).verdict).toBe("fails")
    expect(scaleUpTimeoutVerdict(300, { ...kubernetesScaleUpDeadline, automaticRollback: true }, rows, {}).verdict).toBe("fails")
    const computed = (r.evidence as { rows: Array<{ replicas: number; vm: number }> }).rows
    expect(computed[0]!.vm).toBeCloseTo(0.0048, 4)
    expect(computed[1]!.vm).toBeCloseTo(1 - (1 - computed[0]!.vm) ** 10, 4)
  })
})
