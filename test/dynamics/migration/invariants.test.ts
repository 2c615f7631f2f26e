import { describe, expect, it } from "vitest"
import { claims } from "../../../src/dynamics/claims.ts"
import { activeWhileRunning, eventuallySucceeds, type MigrationOutcome, simulateMigration } from "../../../src/dynamics/migration/index.ts"

const example = simulateMigration({ memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 256 })

describe("S13.2 invariants", () => {
  it("□(migration active → ¬ vmi.running) fails during pre-copy under both readings", () => {
    expect(activeWhileRunning(example, "guest-executing")).toMatchObject({ phase: "PreCopy", start: 0, end: 5 })
    expect(activeWhileRunning(example, "vmi-phase")).toMatchObject({ phase: "PreCopy" })
  })

  it("the checker passes a run in which the guest is paused whenever the migration is active", () => {
    // A hypothetical stop-and-copy-only (non-live) migration: no counterexample under the guest reading.
    const offline: MigrationOutcome = {
      ...example,
      phases: example.phases.filter((p) => p.phase !== "PreCopy"),
    } as MigrationOutcome
    expect(activeWhileRunning(offline, "guest-executing")).toBeUndefined()
    // The VMI phase stays Running even then, so the phase reading still fails.
    expect(activeWhileRunning(offline, "vmi-phase")).toMatchObject({ phase: "StopAndCopy" })
  })

  it("□(preconditions → ◇ succeeded) holds on converging workloads and fails with a diverging one as counterexample", () => {
    const ok = eventuallySucceeds([
      { memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 256 },
      { memoryMiB: 16384, bandwidthMiBps: 1250, dirtyRateMiBps: 600 },
    ])
    expect(ok.holds).toBe(true)
    const bad = eventuallySucceeds([
      { memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 256 },
      { memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 4096 },
    ])
    expect(bad.holds).toBe(false)
    expect(bad.counterexample?.workload.dirtyRateMiBps).toBe(4096)
    expect(bad.counterexample?.outcome).toMatchObject({ _tag: "Aborted", reason: "completion-timeout" })
  })

  it("claims: S13.1 holds with the 5.25 s example, S13.2 fails, S13.3 underdetermined", async () => {
    const verdict = async (id: string) => (await claims.find((c) => c.id === id)!.check()).verdict
    expect(await verdict("S13.1")).toBe("holds")
    expect(await verdict("S13.2")).toBe("fails")
    expect(await verdict("S13.3")).toBe("underdetermined")
    const s131 = await claims.find((c) => c.id === "S13.1")!.check()
    expect(s131.evidence).toMatchObject({ totalSeconds: 5.25, downtimeSeconds: 0.25 })
  })
})

describe("S13.1's verdict follows the simulated run (review: it was a constant 'modelled')", () => {
  it("the seed's example walks PreCopy → StopAndCopy → TargetRunning, each round resending the previous round's dirty pages", async () => {
    const { checkS13_1 } = await import("../../../src/dynamics/claims.ts")
    const r = checkS13_1()
    expect(r.verdict).toBe("holds")
    // by hand: 4096 MiB in 4 s dirties 1024; 1024 in 1 s dirties 256; 256 MiB fit in 0.25 s ≤ 300 ms → stop-and-copy
    expect(r.evidence).toMatchObject({ phases: ["PreCopy", "StopAndCopy", "TargetRunning"], rounds: [{ sentMiB: 4096, dirtiedMiB: 1024 }, { sentMiB: 1024, dirtiedMiB: 256 }] })
  })

  it("a guest dirtying faster than the link never reaches stop-and-copy: fails, with the aborted run", async () => {
    const { checkS13_1 } = await import("../../../src/dynamics/claims.ts")
    const r = checkS13_1({ memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 1536 })
    expect(r.verdict).toBe("fails")
    expect(r.evidence).toMatchObject({ outcome: "Aborted", phases: ["PreCopy", "Aborted"] })
  })
})
