import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { describeOutcome, diverges, MigrationParameterError, type MigrationOutcome, simulateMigration } from "../../../src/dynamics/migration/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

const completed = (o: MigrationOutcome) => {
  if (o._tag !== "Completed") throw new Error(`expected completion, got ${describeOutcome(o)}`)
  return o
}
const aborted = (o: MigrationOutcome) => {
  if (o._tag !== "Aborted") throw new Error(`expected an abort, got ${describeOutcome(o)}`)
  return o
}

describe("pre-copy live migration", () => {
  it("reproduces the issue's example: 4096 MiB, 1024 MiB/s, 256 MiB/s dirty, 300 ms → 5.25 s total, 0.25 s downtime", () => {
    const o = completed(simulateMigration({ memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 256 }))
    expect(o.totalSeconds).toBeCloseTo(5.25, 12)
    expect(o.downtimeSeconds).toBeCloseTo(0.25, 12)
    expect(o.rounds).toBe(2) // 4096 MiB in 4 s, then the 1024 MiB dirtied meanwhile in 1 s; 256 MiB left fits 300 ms
    expect(o.dataSentMiB).toBe(4096 + 1024 + 256)
  })

  it("matches the closed form of a converging geometric pre-copy (q = ρ/B)", () => {
    const { seed, numRuns } = runConfig(200)
    fc.assert(
      fc.property(
        fc.integer({ min: 256, max: 65536 }),
        fc.double({ min: 100, max: 10000, noNaN: true }),
        fc.double({ min: 0.01, max: 0.9, noNaN: true }),
        fc.integer({ min: 50, max: 1000 }),
        (memoryMiB, bandwidthMiBps, q, downtimeLimitMs) => {
          const o = completed(simulateMigration({ memoryMiB, bandwidthMiBps, dirtyRateMiBps: q * bandwidthMiBps, downtimeLimitMs }))
          // Round r sends M·q^(r−1); stop after the first n ≥ 1 with M·qⁿ/B ≤ limit.
          let n = 1
          while ((memoryMiB * q ** n) / bandwidthMiBps > downtimeLimitMs / 1000) n++
          expect(o.rounds).toBe(n)
          expect(o.downtimeSeconds).toBeLessThanOrEqual(downtimeLimitMs / 1000 + 1e-12)
          expect(o.dataSentMiB / ((memoryMiB * (1 - q ** (n + 1))) / (1 - q))).toBeCloseTo(1, 9)
          expect(o.totalSeconds / ((memoryMiB * (1 - q ** (n + 1))) / (1 - q) / bandwidthMiBps)).toBeCloseTo(1, 9)
          // Phases tile the timeline from 0, with the guest paused exactly during stop-and-copy.
          const [pre, stop, after] = o.phases
          expect([pre!.start, pre!.end, stop!.end]).toEqual([0, stop!.start, after!.start])
          expect(o.phases.map((p) => p.guestRunning)).toEqual([true, false, true])
        },
      ),
      { seed, numRuns },
    )
  })

  it("detects divergence (ρ ≥ B); KubeVirt aborts it at the completion timeout, 150 s × 4 GiB, on the first 400 ms tick past 600 whole seconds", () => {
    expect(diverges({ bandwidthMiBps: 1024, dirtyRateMiBps: 1536 })).toBe(true)
    const o = aborted(simulateMigration({ memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 1536 }))
    expect(o.reason).toBe("completion-timeout")
    expect(o.abortedAt).toBeCloseTo(601.2, 9) // ⌊elapsed⌋ > 600 first holds at 601 s; the next tick is 601.2 s
    expect(o.dataSentMiB).toBeCloseTo(601.2 * 1024, 6)
    expect(o.phases.at(-1)).toMatchObject({ phase: "Aborted", source: "running", target: "absent", migrationActive: false })
    // Every round re-sends all of memory: no progress in the pre-copy sense, though bytes keep flowing.
    expect(new Set(o.roundLog.map((r) => r.sentMiB))).toEqual(new Set([4096]))
  })

  it("a barely converging migration (ρ/B = 0.996) also runs out of time", () => {
    const o = aborted(simulateMigration({ memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 1020 }))
    expect(o.reason).toBe("completion-timeout")
    for (let i = 1; i < o.roundLog.length; i++) expect(o.roundLog[i]!.sentMiB).toBeLessThan(o.roundLog[i - 1]!.sentMiB)
    // The same workload with a slightly larger dirty-rate margin completes in time.
    expect(simulateMigration({ memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 1000 })._tag).toBe("Completed")
  })

  it("a stuck link trips the progress timeout: no decrease of the data remaining for more than 150 whole seconds", () => {
    const o = aborted(simulateMigration({ memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 256, networkStallAtSeconds: 2 }))
    expect(o.reason).toBe("progress-timeout")
    expect(o.abortedAt).toBeCloseTo(2 + 151.2, 9) // last decrease seen at the 2.0 s tick; ⌊t − 2⌋ > 150 from 153 s; next tick 153.2
    expect(o.dataSentMiB).toBeCloseTo(2 * 1024, 9)
    // A stall after the migration has finished changes nothing.
    expect(simulateMigration({ memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 256, networkStallAtSeconds: 10 })._tag).toBe("Completed")
  })

  it("auto-converge throttles a diverging guest until the migration converges", () => {
    const o = completed(simulateMigration({ memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 2048, allowAutoConverge: true }))
    expect(o.finalThrottle).toBeGreaterThanOrEqual(60) // ρ(1 − t) < B needs t > 50%
    expect(o.withinDowntimeLimit).toBe(true)
    const throttles = o.roundLog.map((r) => r.throttle)
    expect(throttles).toEqual([...throttles].sort((a, b) => a - b))
    expect(throttles[0]).toBe(0)
    expect(throttles.find((t) => t > 0)).toBe(20)
  })

  it("with allowWorkloadDisruption the guest is paused at the completion timeout and the downtime exceeds the limit", () => {
    const o = completed(simulateMigration({ memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 1020, allowWorkloadDisruption: true }))
    expect(o.forcedPause).toBe(true)
    expect(o.phases[1]!.phase).toBe("StopAndCopy")
    expect(o.phases[1]!.start).toBeCloseTo(601.2, 9)
    expect(o.withinDowntimeLimit).toBe(false)
  })

  it("the round cap stops a run that would otherwise go on", () => {
    const o = aborted(simulateMigration({ memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 1020, maxRounds: 5 }))
    expect(o.reason).toBe("round-cap")
    expect(o.rounds).toBe(5)
  })

  it("rejects impossible parameters, naming them", () => {
    expect(() => simulateMigration({ memoryMiB: 4096, bandwidthMiBps: 0, dirtyRateMiBps: 1 })).toThrow(MigrationParameterError)
    expect(() => simulateMigration({ memoryMiB: -1, bandwidthMiBps: 1, dirtyRateMiBps: 1 })).toThrow(/memoryMiB = -1/)
    expect(() => simulateMigration({ memoryMiB: 1, bandwidthMiBps: 1, dirtyRateMiBps: 1, maxRounds: 1.5 })).toThrow(/maxRounds/)
  })
})
