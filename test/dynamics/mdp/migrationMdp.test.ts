import * as E from "fp-ts/lib/Either.js"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { claims, migrationMdpVerdict, type MigrationMdpEvidence } from "../../../src/dynamics/claims.ts"
import { mdp, policyIteration } from "../../../src/dynamics/mdp/index.ts"
import {
  MigrationMdpParameterError,
  idleDecisions,
  idleState,
  migrationMdp,
  migrationMdpSpec,
  policyGap,
  bellmanResidual,
  precopyState,
  preCopyStatistics,
  solveMigrationMdp,
  sweepMigration,
  migrationMdpDefaults,
} from "../../../src/dynamics/mdp/MigrationMdp.ts"
import { simulateMigration } from "../../../src/dynamics/migration/PreCopy.ts"
import { makeRng } from "../../../src/dynamics/random/Rng.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

describe("the migration MDP (S13)", () => {
  const built = migrationMdp()

  it("value and policy iteration agree on the default model, and PI's values have Bellman residual ≈ 0", () => {
    const sol = solveMigrationMdp(built)
    expect(sol.disagreements).toEqual([])
    expect(sol.maxValueDifference).toBeLessThan(1e-6)
    expect(bellmanResidual(built.mdp, policyIteration(built.mdp).values)).toBeLessThan(1e-9)
  })

  it("VI and PI agree across random parameter sets (property)", () => {
    const { seed, numRuns } = runConfig(6)
    fc.assert(
      fc.property(
        fc.record({
          throttleWeight: fc.double({ min: 0, max: 5, noNaN: true }),
          downtimeWeight: fc.double({ min: 0.01, max: 50, noNaN: true }),
          levelDrift: fc.double({ min: 0, max: 0.5, noNaN: true }),
          deadlineEpochs: fc.integer({ min: 1, max: 8 }),
          bandwidthMiBps: fc.integer({ min: 256, max: 4096 }),
        }),
        (overrides) => {
          const sol = solveMigrationMdp(migrationMdp({ ...overrides, samplesPerLevel: 40 }))
          return sol.disagreements.length === 0 && sol.maxValueDifference < 1e-6
        },
      ),
      { seed, numRuns },
    )
  })

  it("a wrong transition row is rejected by validation, naming the state and action", () => {
    const { spec } = migrationMdpSpec({ samplesPerLevel: 40 })
    const state = idleState("high", 6)
    const row = spec.transitions[state]!["throttle"]!
    const [first, p] = Object.entries(row.next)[0]!
    const broken = { ...spec, transitions: { ...spec.transitions, [state]: { ...spec.transitions[state]!, throttle: { ...row, next: { ...row.next, [first]: p + 0.1 } } } } }
    const result = mdp(broken)
    expect(E.isLeft(result)).toBe(true)
    if (E.isLeft(result)) {
      expect(result.left._tag).toBe("RowSum")
      expect(result.left.path).toBe(`$.transitions.${state}.throttle.next`)
    }
    expect(E.isRight(mdp(spec))).toBe(true)
  })

  it("a policy that is not optimal is detected: its Bellman residual is > 0 at the changed state", () => {
    const { policy } = policyIteration(built.mdp)
    expect(policyGap(built.mdp, policy).residual).toBeLessThan(1e-9)
    const s = built.mdp.states.indexOf(idleState("high", 6))
    const worse = Int32Array.from(policy)
    worse[s] = built.mdp.actions.indexOf("wait")
    expect(built.mdp.actions[policy[s]!]).not.toBe("wait")
    const gap = policyGap(built.mdp, worse)
    expect(gap.residual).toBeGreaterThan(1e-3)
    expect(gap.state).toBe(idleState("high", 6))
  })

  it("hand-computable: the seed's 4 GiB example (pre-copy ends at 5 s, downtime 0.25 s), deadline 2 epochs of 5 s", () => {
    // One level at exactly 256 MiB/s: pre-copy ends at t = 5 s, i.e. in epoch 1 (epochs [0,5), [5,10)).
    const tiny = migrationMdp({ levels: [{ name: "seed", lowMiBps: 256, highMiBps: 256 }], deadlineEpochs: 2, samplesPerLevel: 3, levelDrift: 0 })
    const stats = tiny.statistics[0]!.migrate
    expect(Array.from(stats.hazard.slice(0, 2))).toEqual([0, 1])
    expect(stats.meanDowntimeSeconds).toBeCloseTo(0.25, 12)
    const sol = solveMigrationMdp(tiny)
    // Per epoch not drained 0.1 (A6), per pre-copy epoch 0.05 (A5), failure 75 s, γ 0.99.
    // At d1 a fresh pre-copy cannot finish (hazard 0): fail either way, waiting saves the 0.05.
    expect(sol.values[idleState("seed", 1)]).toBeCloseTo(-(0.1 + 75), 12)
    // From d2: epoch 0 costs 0.1 + 0.05; epoch 1 costs 0.1 + 0.05 + 0.25 s downtime, one step later.
    expect(sol.values[idleState("seed", 2)]).toBeCloseTo(-0.15 - 0.99 * 0.4, 12)
    expect(sol.policy[idleState("seed", 2)]).not.toBe("wait")
    expect(sol.policy[precopyState("migrate", 1, "seed", 1)]).toBe("migrate")
  })

  it("a dirty rate above the bandwidth never converges without throttling; auto-converge does", () => {
    const [stats] = preCopyStatistics({ ...migrationMdpDefaults, levels: [{ name: "busy", lowMiBps: 1536, highMiBps: 1536 }], samplesPerLevel: 2 })
    expect(Array.from(stats!.migrate.hazard).every((h) => h === 0)).toBe(true)
    expect(stats!.migrate.completedFraction).toBe(0)
    expect(stats!.throttle.completedFraction).toBe(1)
    expect(stats!.throttle.meanThrottle).toBeGreaterThan(0)
  })

  it("the hazards reproduce the simulated end-time distribution: P(ended before epoch j) = 1 − Π_{k<j}(1 − h_k)", () => {
    const level = { name: "medium", lowMiBps: 512, highMiBps: 1024 }
    const p = { ...migrationMdpDefaults, levels: [level], samplesPerLevel: 120 }
    const [stats] = preCopyStatistics(p)
    // Re-draw the same rates (one level: the first draws of the seeded stream) and bucket directly.
    const rng = makeRng(p.seed)
    const ends = Array.from({ length: p.samplesPerLevel }, () => {
      const o = simulateMigration({ memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 512 + rng.next() * 512 })
      return o._tag === "Completed" ? o.totalSeconds - o.downtimeSeconds : Infinity
    })
    let survive = 1
    for (let j = 0; j < p.precopyEpochs - 1; j++) {
      const endedBefore = ends.filter((t) => t < j * p.epochSeconds).length / ends.length
      expect(1 - survive).toBeCloseTo(endedBefore, 12)
      survive *= 1 - stats!.migrate.hazard[j]!
    }
    expect(stats!.migrate.hazard.some((h) => h > 0 && h < 1)).toBe(true)
  })

  it("the statistics are reproduced from the seed and change with it", () => {
    const a = preCopyStatistics({ ...migrationMdpDefaults, samplesPerLevel: 50 })
    const b = preCopyStatistics({ ...migrationMdpDefaults, samplesPerLevel: 50 })
    const c = preCopyStatistics({ ...migrationMdpDefaults, samplesPerLevel: 50, seed: 7 })
    expect(Array.from(a[1]!.migrate.hazard)).toEqual(Array.from(b[1]!.migrate.hazard))
    expect(Array.from(a[1]!.migrate.hazard)).not.toEqual(Array.from(c[1]!.migrate.hazard))
  })

  it("throttling is optimal at a high dirty rate with half the deadline left, and stops being so when throttling is very costly", () => {
    const at = idleState("high", 6)
    const { points, flips } = sweepMigration("throttleWeight", [0, 0.5, 100], [at], { samplesPerLevel: 60 })
    expect(points[0]!.actions[at]).toBe("throttle")
    expect(points[2]!.actions[at]).not.toBe("throttle")
    expect(flips.some((f) => f.state === at && f.from === "throttle")).toBe(true)
    const decisions = idleDecisions(built)
    expect(decisions.find((d) => d.level === "high" && d.left === 6)!.q["throttle"]!).toBeGreaterThan(
      decisions.find((d) => d.level === "high" && d.left === 6)!.q["migrate"]!,
    )
  })

  it("bad parameters are a typed error naming the parameter", () => {
    expect(() => migrationMdp({ levelDrift: 0.7 })).toThrow(MigrationMdpParameterError)
    expect(() => migrationMdp({ levels: [{ name: "x", lowMiBps: 10, highMiBps: 5 }] })).toThrow(/levels\[0\]/)
    expect(() => sweepMigration("throttleWeight", [0], ["nowhere"], { samplesPerLevel: 5 })).toThrow(/watch/)
  })

  it("the S13.1 MDP claim part is 'modelled' with plain pre-copy never converging at the high level", async () => {
    const part = claims.filter((c) => c.id === "S13.1").find((c) => c.source.includes("MigrationMdp.ts"))
    expect(part).toBeDefined()
    const r = await part!.check()
    expect(r.verdict).toBe("modelled")
    const e = r.evidence as { plainConvergesAtHigh: number; agree: boolean; throttleAtHigh: ReadonlyArray<number> }
    expect(e.plainConvergesAtHigh).toBe(0)
    expect(e.agree).toBe(true)
    expect(e.throttleAtHigh.length).toBeGreaterThan(0)
  })

  describe("S13.1's MDP part: the verdict is a function of its evidence (review: it was written beside its check)", () => {
    const agreeing: MigrationMdpEvidence = {
      states: 435,
      disagreements: [],
      maxValueDifference: 4e-14,
      valueTolerance: 1e-6,
      bandwidthMiBps: 1024,
      samplesPerLevel: 3,
      high: { name: "high", lowMiBps: 1024, highMiBps: 2048 },
      plainConvergesAtHigh: 1 / 3,
      throttleConvergesAtHigh: 2 / 3,
      throttleAtHigh: [11, 10],
      waitAtHigh: [12],
      migrateAtHigh: [2],
      bandwidthFlips: [{ state: "idle/high/d12", from: "throttle", to: "wait", between: [768, 1024] }],
    }

    it("agreeing solvers → modelled; a disagreeing state or values apart beyond the tolerance → underdetermined", () => {
      expect(migrationMdpVerdict(agreeing).verdict).toBe("modelled")
      expect(migrationMdpVerdict(agreeing).evidence.agree).toBe(true)
      const disagreeing = migrationMdpVerdict({ ...agreeing, disagreements: ["idle/high/d6"] })
      expect(disagreeing.verdict).toBe("underdetermined")
      expect(disagreeing.evidence.agree).toBe(false)
      expect(disagreeing.summary).toContain("DISAGREE (1 state with a worse action, values up to 4e-14 apart against a tolerance of 0.000001)")
      expect(migrationMdpVerdict({ ...agreeing, maxValueDifference: 1e-6 }).verdict).toBe("underdetermined") // the tolerance is exclusive
      expect(migrationMdpVerdict({ ...agreeing, maxValueDifference: 0.5e-6 }).verdict).toBe("modelled")
    })

    it("the summary renders its numbers from the evidence, percentages without float noise", () => {
      const s = migrationMdpVerdict(agreeing).summary
      expect(s).toContain("Operator MDP (435 states;")
      expect(s).toContain("At the high dirty level (1024–2048 MiB/s over 1024 MiB/s)")
      expect(s).toContain("plain pre-copy completed in 1 of 3 simulated runs (33.3 %); with auto-converge in 2 of 3 simulated runs (66.7 %)")
      expect(s).not.toContain("does not end there") // said only when no plain run completed
      expect(s).toContain("throttle with [11,10] epochs left, wait with [12], migrate with [2]")
      expect(s).toContain("flips over bandwidth: idle/high/d12 throttle→wait in (768, 1024].")
      expect(s).not.toMatch(/\d\.\d{4,}/) // no 33.33333 or 66.666667
      const other = migrationMdpVerdict({ ...agreeing, states: 12, samplesPerLevel: 7, plainConvergesAtHigh: 0, throttleConvergesAtHigh: 1, high: { name: "peak", lowMiBps: 3, highMiBps: 9 }, bandwidthFlips: [] })
      expect(other.summary).toContain("Operator MDP (12 states;")
      expect(other.summary).toContain('At the peak dirty level (3–9 MiB/s over 1024 MiB/s) plain pre-copy completed in 0 of 7 simulated runs (0 %): "iterate while dirty > threshold" does not end there; with auto-converge in 7 of 7 simulated runs (100 %)')
      expect(other.summary).toContain("Optimal at idle/peak:")
      expect(other.summary).toContain("; no flip over bandwidth.")
    })
  })
})
