/**
 * The migration MDP (S13): an operator must drain a host before a deadline and decides, once per
 * epoch, for the VM on it: `wait`, `migrate` (pre-copy as KubeVirt runs it), `throttle` (pre-copy
 * with QEMU auto-converge) or `abort` (cancel a running pre-copy; the VM keeps running on the
 * source). States are (phase, dirty-rate level, epochs left): phase ∈ {idle, pre-copy epoch k,
 * stop-and-copy, done, failed}.
 *
 * The transition probabilities and costs come from the pre-copy model (`simulateMigration` in
 * `../migration/PreCopy.ts`) wherever it can give them: for each dirty-rate level the model is run
 * on `samplesPerLevel` dirty rates drawn uniformly from the level's band (seeded), with and
 * without auto-converge, and
 *
 * - the probability that pre-copy ends during epoch k, given it has not ended before, is the
 *   empirical hazard of the simulated pre-copy end times (bucketed by `epochSeconds`); a run the
 *   model aborts (completion timeout: ρ ≥ B without throttling) never ends within the deadline;
 * - the downtime cost of a converging epoch is the mean simulated downtime of that level and mode;
 * - the throttle cost of an epoch is the time-weighted mean throttle of the simulated runs.
 *
 * What the seed does not give is stated as data ({@link MigrationMdpParameters}) with defaults:
 *
 * - A1 One decision per epoch of `epochSeconds` (5 s); the drain deadline is `deadlineEpochs` (12,
 *   i.e. 60 s). When it passes with the VM not migrated, the host goes down anyway and the VM is
 *   restarted elsewhere: state `failed`, cost `failurePenalty` = 75 s, the seed's mean VM start-up
 *   (S4.1), counted as seconds of lost service like every other cost here.
 * - A2 The guest's dirty rate is a level (band in MiB/s); per epoch it moves to each neighbouring
 *   level with probability `levelDrift` (0.1), whatever the operator does (throttling lowers the
 *   *effective* rate, not the workload's own). Convergence in an epoch depends on the level at
 *   its start; the drift applies at its end.
 * - A3 Auto-converge is a property of a migration (KubeVirt sets it from the migration policy
 *   when the migration starts), so `throttle` starts a throttled pre-copy from idle and a running
 *   pre-copy can only continue (`migrate`) or be aborted; the pre-copy state carries its mode.
 *   The hazard of epoch k is taken from runs at a constant dirty rate; when the level drifts the
 *   new level's hazard at the same k applies. Epochs past `precopyEpochs − 1` share the last
 *   bucket (a geometric tail); a bucket no simulated run reaches (all ended earlier) has hazard 1.
 * - A4 Stop-and-copy takes at most the downtime limit (≤ 0.3 s), well inside an epoch, so it costs
 *   its downtime and then `done`; the deadline no longer matters.
 * - A5 Throttling a guest by a fraction x for one epoch costs `throttleWeight` (0.5) · x ·
 *   `epochSeconds`; any pre-copy epoch costs `precopyOverhead` (0.05 s: dirty-page tracking);
 *   `abort` costs `abortCost` (0) and spends the epoch. Discount γ = 0.99 (every path ends within
 *   the deadline).
 * - A6 Every epoch the host is not yet drained costs `drainDelayCost` (0.1): the maintenance waits.
 *   Without it the discount alone rewards putting costs off, and waiting to the last safe epoch
 *   would look optimal even when migrating is cheap.
 *
 * @since 0.1.0
 */
import { DEFAULT_SEED } from "../../laws/RunConfig.ts"
import { simulateMigration } from "../migration/PreCopy.ts"
import { makeRng } from "../random/Rng.ts"
import type { ActionSpec, Mdp, MdpSpec, Policy } from "./Mdp.ts"
import { mdpOrThrow, qValues } from "./Mdp.ts"
import { evaluatePolicy, policyIteration } from "./PolicyIteration.ts"
import { valueIteration } from "./ValueIteration.ts"

/**
 * A dirty-rate level: a name and a band [low, high) in MiB/s.
 *
 * @since 0.1.0
 * @category model
 */
export interface DirtyLevel {
  readonly name: string
  readonly lowMiBps: number
  readonly highMiBps: number
}

/**
 * Everything the migration MDP is built from; fields marked A1–A5 are assumptions (module doc).
 *
 * @since 0.1.0
 * @category model
 */
export interface MigrationMdpParameters {
  /** The seed's S13 example: 4096 MiB, 1024 MiB/s, 300 ms limit. */
  readonly memoryMiB: number
  readonly bandwidthMiBps: number
  readonly downtimeLimitMs: number
  /** A2: the bands; default low [0, 512), medium [512, 1024), high [1024, 2048) MiB/s. */
  readonly levels: ReadonlyArray<DirtyLevel>
  /** A2: 0.1. */
  readonly levelDrift: number
  /** A1: 5 s. */
  readonly epochSeconds: number
  /** A1: 12. */
  readonly deadlineEpochs: number
  /** A3: 12 pre-copy epoch buckets. */
  readonly precopyEpochs: number
  /** Simulated dirty rates per level and mode (200) and their seed. */
  readonly samplesPerLevel: number
  readonly seed: number
  /** A5: 0.99. */
  readonly discount: number
  /** A1: 75 s (S4.1 mean VM start-up): the downtime of a cold restart elsewhere. */
  readonly failureDowntimeSeconds: number
  /** A1/A4: 1 per second of downtime, live or cold. */
  readonly downtimeWeight: number
  /** A5: 0.5. */
  readonly throttleWeight: number
  /** A5: 0.05. */
  readonly precopyOverhead: number
  /** A5: 0. */
  readonly abortCost: number
  /** A6: 0.1 per epoch not yet drained. */
  readonly drainDelayCost: number
}

/**
 * The defaults: the seed's example migration plus assumptions A1–A5.
 *
 * @since 0.1.0
 * @category seed
 */
export const migrationMdpDefaults: MigrationMdpParameters = {
  memoryMiB: 4096,
  bandwidthMiBps: 1024,
  downtimeLimitMs: 300,
  levels: [
    { name: "low", lowMiBps: 0, highMiBps: 512 },
    { name: "medium", lowMiBps: 512, highMiBps: 1024 },
    { name: "high", lowMiBps: 1024, highMiBps: 2048 },
  ],
  levelDrift: 0.1,
  epochSeconds: 5,
  deadlineEpochs: 12,
  precopyEpochs: 12,
  samplesPerLevel: 200,
  seed: DEFAULT_SEED,
  discount: 0.99,
  failureDowntimeSeconds: 75,
  downtimeWeight: 1,
  throttleWeight: 0.5,
  precopyOverhead: 0.05,
  abortCost: 0,
  drainDelayCost: 0.1,
}

/**
 * The operator's actions, in the MDP's action order.
 *
 * @since 0.1.0
 * @category constants
 */
export const migrationActions = ["wait", "migrate", "throttle", "abort"] as const

/**
 * A pre-copy mode: plain, or with auto-converge.
 *
 * @since 0.1.0
 * @category model
 */
export type PreCopyMode = "migrate" | "throttle"

/**
 * What the simulated runs say about one level in one mode.
 *
 * @since 0.1.0
 * @category model
 */
export interface LevelStatistics {
  readonly level: string
  readonly mode: PreCopyMode
  /** hazard[k] = P(pre-copy ends in epoch k | not before), k = 0 … precopyEpochs − 1. */
  readonly hazard: Float64Array
  /** Fraction of runs that completed at all (the model aborts the others). */
  readonly completedFraction: number
  readonly meanDowntimeSeconds: number
  /** Time-weighted mean throttle during pre-copy, as a fraction in [0, 1]. */
  readonly meanThrottle: number
}

/**
 * Error for migration-MDP parameters outside their domain.
 *
 * @since 0.1.0
 * @category errors
 */
export class MigrationMdpParameterError extends Error {
  readonly _tag = "MigrationMdpParameterError" as const
  constructor(
    readonly parameter: string,
    readonly value: unknown,
    readonly expected: string,
  ) {
    super(`migration MDP parameter ${parameter} = ${JSON.stringify(value)}: expected ${expected}`)
    this.name = "MigrationMdpParameterError"
  }
}

const validate = (p: MigrationMdpParameters): void => {
  const need = (name: string, value: unknown, ok: boolean, expected: string): void => {
    if (!ok) throw new MigrationMdpParameterError(name, value, expected)
  }
  need("levels", p.levels.length, p.levels.length >= 1, "at least one level")
  p.levels.forEach((l, i) =>
    need(`levels[${i}]`, l, Number.isFinite(l.lowMiBps) && Number.isFinite(l.highMiBps) && 0 <= l.lowMiBps && l.lowMiBps <= l.highMiBps, "0 ≤ lowMiBps ≤ highMiBps, finite"),
  )
  need("levelDrift", p.levelDrift, p.levelDrift >= 0 && p.levelDrift <= 0.5, "in [0, 0.5]")
  need("epochSeconds", p.epochSeconds, p.epochSeconds > 0 && Number.isFinite(p.epochSeconds), "> 0")
  need("deadlineEpochs", p.deadlineEpochs, Number.isInteger(p.deadlineEpochs) && p.deadlineEpochs >= 1, "an integer ≥ 1")
  need("precopyEpochs", p.precopyEpochs, Number.isInteger(p.precopyEpochs) && p.precopyEpochs >= 2, "an integer ≥ 2")
  need("samplesPerLevel", p.samplesPerLevel, Number.isInteger(p.samplesPerLevel) && p.samplesPerLevel >= 1, "an integer ≥ 1")
}

/**
 * The hazards, downtimes and throttles of every level and mode, from seeded pre-copy runs.
 *
 * @since 0.1.0
 * @category algorithms
 */
export const preCopyStatistics = (p: MigrationMdpParameters): ReadonlyArray<Readonly<Record<PreCopyMode, LevelStatistics>>> => {
  validate(p)
  const rng = makeRng(p.seed)
  const K = p.precopyEpochs
  return p.levels.map((level) => {
    // The same dirty rates in both modes, so the modes differ only by auto-converge.
    const rates = Array.from({ length: p.samplesPerLevel }, () => level.lowMiBps + rng.next() * (level.highMiBps - level.lowMiBps))
    const forMode = (mode: PreCopyMode): LevelStatistics => {
      const endsIn = new Float64Array(K) // runs whose pre-copy ends in bucket k (last bucket: ≥ K − 1)
      let completed = 0
      let downtime = 0
      let throttle = 0
      for (const rate of rates) {
        const o = simulateMigration({
          memoryMiB: p.memoryMiB,
          bandwidthMiBps: p.bandwidthMiBps,
          dirtyRateMiBps: rate,
          downtimeLimitMs: p.downtimeLimitMs,
          allowAutoConverge: mode === "throttle",
        })
        let weighted = 0
        let seconds = 0
        for (const r of o.roundLog) {
          weighted += (r.throttle / 100) * r.seconds
          seconds += r.seconds
        }
        throttle += seconds > 0 ? weighted / seconds : 0
        if (o._tag === "Completed" && !o.forcedPause) {
          completed++
          downtime += o.downtimeSeconds
          const preCopyEnd = o.totalSeconds - o.downtimeSeconds
          endsIn[Math.min(K - 1, Math.floor(preCopyEnd / p.epochSeconds))]! += 1
        }
      }
      const hazard = new Float64Array(K)
      let atRisk = rates.length
      for (let k = 0; k < K; k++) {
        // No run left at risk means every run has ended by now (A3), not that none ends.
        hazard[k] = atRisk > 0 ? endsIn[k]! / atRisk : 1
        atRisk -= endsIn[k]!
      }
      return {
        level: level.name,
        mode,
        hazard,
        completedFraction: completed / rates.length,
        meanDowntimeSeconds: completed > 0 ? downtime / completed : 0,
        meanThrottle: throttle / rates.length,
      }
    }
    return { migrate: forMode("migrate"), throttle: forMode("throttle") }
  })
}

/**
 * State names: `idle/<level>/d<left>`, `<mode><k>/<level>/d<left>` (pre-copy in mode `migrate` or
 * `throttle`, k epochs spent), and the three singletons.
 *
 * @since 0.1.0
 * @category conversions
 */
export const idleState = (level: string, left: number): string => `idle/${level}/d${left}`

/** @since 0.1.0 @category conversions */
export const precopyState = (mode: PreCopyMode, k: number, level: string, left: number): string => `${mode}${k}/${level}/d${left}`

/** @since 0.1.0 @category constants */
export const STOP_AND_COPY = "stop-and-copy"
/** @since 0.1.0 @category constants */
export const DONE = "done"
/** @since 0.1.0 @category constants */
export const FAILED = "failed"

/**
 * The migration MDP written by name (before validation), with the statistics it was built from.
 * Pre-copy states exist only where reachable: k epochs spent and d left with k + d ≤ deadline.
 *
 * @since 0.1.0
 * @category constructors
 */
export const migrationMdpSpec = (
  overrides: Partial<MigrationMdpParameters> = {},
): { readonly spec: MdpSpec; readonly parameters: MigrationMdpParameters; readonly statistics: ReturnType<typeof preCopyStatistics> } => {
  const p: MigrationMdpParameters = { ...migrationMdpDefaults, ...overrides }
  const statistics = preCopyStatistics(p)
  const L = p.levels.length
  const D = p.deadlineEpochs
  const lastK = p.precopyEpochs - 1
  const names = p.levels.map((l) => l.name)
  const failure = p.downtimeWeight * p.failureDowntimeSeconds
  const modes: ReadonlyArray<PreCopyMode> = ["migrate", "throttle"]
  // A2: the level after an epoch; reflected at the ends (mass that would leave stays).
  const drift = (l: number): ReadonlyArray<readonly [number, number]> => {
    const out = new Map<number, number>()
    const add = (to: number, q: number) => out.set(to, (out.get(to) ?? 0) + q)
    add(l, 1 - 2 * p.levelDrift)
    add(l > 0 ? l - 1 : l, p.levelDrift)
    add(l < L - 1 ? l + 1 : l, p.levelDrift)
    return [...out.entries()].filter(([, q]) => q > 0)
  }
  const states: Array<string> = []
  for (let d = D; d >= 1; d--) for (const n of names) states.push(idleState(n, d))
  for (const mode of modes)
    for (let d = D; d >= 1; d--) for (let k = 1; k <= Math.min(lastK, D - d); k++) for (const n of names) states.push(precopyState(mode, k, n, d))
  states.push(STOP_AND_COPY, DONE, FAILED)

  // One epoch spent, with probability `stay` of not leaving for stop-and-copy: where the VM lands.
  const after = (next: Record<string, number>, stay: number, l: number, d: number, target: (level: string, left: number) => string): void => {
    if (stay <= 0) return
    if (d === 1) next[FAILED] = (next[FAILED] ?? 0) + stay
    else
      for (const [to, q] of drift(l)) {
        const t = target(names[to]!, d - 1)
        next[t] = (next[t] ?? 0) + stay * q
      }
  }
  // One pre-copy epoch, the k-th of a run in `mode`.
  const run = (l: number, d: number, k: number, mode: PreCopyMode): ActionSpec => {
    const s = statistics[l]![mode]
    const h = s.hazard[Math.min(k, lastK)]!
    const next: Record<string, number> = {}
    if (h > 0) next[STOP_AND_COPY] = h
    after(next, 1 - h, l, d, (n, left) => precopyState(mode, Math.min(k + 1, lastK), n, left))
    const cost =
      p.drainDelayCost +
      p.precopyOverhead +
      p.throttleWeight * s.meanThrottle * p.epochSeconds +
      h * p.downtimeWeight * s.meanDowntimeSeconds +
      (d === 1 ? (1 - h) * failure : 0)
    return { reward: -cost, next }
  }
  const toIdle = (l: number, d: number, cost: number): ActionSpec => {
    const next: Record<string, number> = {}
    after(next, 1, l, d, idleState)
    return { reward: -(p.drainDelayCost + cost + (d === 1 ? failure : 0)), next }
  }
  const transitions: Record<string, Record<string, ActionSpec>> = {}
  for (let d = D; d >= 1; d--) {
    for (let l = 0; l < L; l++) {
      transitions[idleState(names[l]!, d)] = { wait: toIdle(l, d, 0), migrate: run(l, d, 0, "migrate"), throttle: run(l, d, 0, "throttle") }
      for (const mode of modes)
        for (let k = 1; k <= Math.min(lastK, D - d); k++)
          transitions[precopyState(mode, k, names[l]!, d)] = { migrate: run(l, d, k, mode), abort: toIdle(l, d, p.abortCost) }
    }
  }
  transitions[STOP_AND_COPY] = { migrate: { reward: 0, next: { [DONE]: 1 } } }
  transitions[DONE] = { wait: { reward: 0, next: { [DONE]: 1 } } }
  transitions[FAILED] = { wait: { reward: 0, next: { [FAILED]: 1 } } }
  return { spec: { states, actions: migrationActions, discount: p.discount, transitions }, parameters: p, statistics }
}

/**
 * The validated migration MDP.
 *
 * @example
 * import { migrationMdp, solveMigrationMdp } from "catcluster/dynamics/mdp"
 * const { policy } = solveMigrationMdp(migrationMdp())
 * policy["idle/high/d12"] // "throttle": plain pre-copy never converges at ρ ≥ B
 *
 * @since 0.1.0
 * @category constructors
 */
export const migrationMdp = (
  overrides: Partial<MigrationMdpParameters> = {},
): { readonly mdp: Mdp; readonly parameters: MigrationMdpParameters; readonly statistics: ReturnType<typeof preCopyStatistics> } => {
  const { spec, parameters, statistics } = migrationMdpSpec(overrides)
  return { mdp: mdpOrThrow(spec), parameters, statistics }
}

/**
 * The Bellman optimality residual max_s |max_a Q(s, a) − V(s)|: 0 exactly for V*.
 *
 * @since 0.1.0
 * @category algorithms
 */
export const bellmanResidual = (m: Mdp, values: Float64Array): number => {
  const S = m.states.length
  const A = m.actions.length
  const q = qValues(m, values)
  let worst = 0
  for (let s = 0; s < S; s++) {
    let best = -Infinity
    for (let a = 0; a < A; a++) if (q[s * A + a]! > best) best = q[s * A + a]!
    const r = Math.abs(best - values[s]!)
    if (r > worst) worst = r
  }
  return worst
}

/**
 * How far a policy is from optimal: the Bellman residual of its exact value V^π (0 iff π is
 * optimal, up to rounding), with the worst state.
 *
 * @since 0.1.0
 * @category algorithms
 */
export const policyGap = (m: Mdp, policy: Policy): { readonly residual: number; readonly state: string } => {
  const values = evaluatePolicy(m, policy)
  const S = m.states.length
  const A = m.actions.length
  const q = qValues(m, values)
  let worst = 0
  let at = 0
  for (let s = 0; s < S; s++) {
    let best = -Infinity
    for (let a = 0; a < A; a++) if (q[s * A + a]! > best) best = q[s * A + a]!
    const r = best - values[s]!
    if (r > worst) {
      worst = r
      at = s
    }
  }
  return { residual: worst, state: m.states[at]! }
}

/**
 * Both solutions of one migration MDP and whether they agree.
 *
 * @since 0.1.0
 * @category model
 */
export interface MigrationSolution {
  readonly policy: Readonly<Record<string, string>>
  readonly values: Readonly<Record<string, number>>
  /** States where value and policy iteration choose different actions with different Q (not ties). */
  readonly disagreements: ReadonlyArray<string>
  readonly maxValueDifference: number
  readonly valueIterations: number
  readonly policyIterations: number
}

/**
 * Solves by value iteration (ε = 1e-9) and policy iteration; the reported policy is policy
 * iteration's. A disagreement is a state where VI's action is worse than PI's by more than 1e-6
 * under PI's exact values (ties are not disagreements).
 *
 * @since 0.1.0
 * @category algorithms
 */
export const solveMigrationMdp = (built: { readonly mdp: Mdp }): MigrationSolution => {
  const m = built.mdp
  const vi = valueIteration(m, { epsilon: 1e-9 })
  const pi = policyIteration(m)
  const A = m.actions.length
  const q = qValues(m, pi.values)
  const disagreements: Array<string> = []
  let maxValueDifference = 0
  m.states.forEach((s, i) => {
    if (q[i * A + pi.policy[i]!]! - q[i * A + vi.policy[i]!]! > 1e-6) disagreements.push(s)
    maxValueDifference = Math.max(maxValueDifference, Math.abs(vi.values[i]! - pi.values[i]!))
  })
  return {
    policy: Object.fromEntries(m.states.map((s, i) => [s, m.actions[pi.policy[i]!]!])),
    values: Object.fromEntries(m.states.map((s, i) => [s, pi.values[i]!])),
    disagreements,
    maxValueDifference,
    valueIterations: vi.iterations,
    policyIterations: pi.iterations,
  }
}

/**
 * One point of a sweep: the optimal action at each watched state.
 *
 * @since 0.1.0
 * @category model
 */
export interface MigrationSweepPoint {
  readonly value: number
  readonly actions: Readonly<Record<string, string>>
}

/**
 * The optimal actions at `watch` states as one numeric parameter runs over `values`, and the
 * flips: consecutive grid values between which a watched state's action changes.
 *
 * @example
 * import { sweepMigration, idleState } from "catcluster/dynamics/mdp"
 * sweepMigration("bandwidthMiBps", [1024, 4096], [idleState("high", 12)]).flips
 *
 * @since 0.1.0
 * @category algorithms
 */
export const sweepMigration = (
  parameter: keyof Omit<MigrationMdpParameters, "levels">,
  values: ReadonlyArray<number>,
  watch: ReadonlyArray<string>,
  base: Partial<MigrationMdpParameters> = {},
): {
  readonly points: ReadonlyArray<MigrationSweepPoint>
  readonly flips: ReadonlyArray<{ readonly state: string; readonly between: readonly [number, number]; readonly from: string; readonly to: string }>
} => {
  const points = values.map((value) => {
    const { mdp } = migrationMdp({ ...base, [parameter]: value })
    const { policy } = policyIteration(mdp)
    return {
      value,
      actions: Object.fromEntries(
        watch.map((s) => {
          const i = mdp.states.indexOf(s)
          if (i < 0) throw new MigrationMdpParameterError("watch", s, `a state of the MDP (e.g. ${mdp.states[0]!})`)
          return [s, mdp.actions[policy[i]!]!]
        }),
      ),
    }
  })
  const flips = points.slice(1).flatMap((pt, i) => {
    const prev = points[i]!
    return watch.filter((s) => prev.actions[s] !== pt.actions[s]).map((s) => ({ state: s, between: [prev.value, pt.value] as const, from: prev.actions[s]!, to: pt.actions[s]! }))
  })
  return { points, flips }
}

/**
 * The operator's decision at idle for every level and epochs left: the optimal action (policy
 * iteration) and each action's Q*.
 *
 * @example
 * import { idleDecisions, migrationMdp } from "catcluster/dynamics/mdp"
 * idleDecisions(migrationMdp()).find((r) => r.level === "high" && r.left === 6)?.action // "throttle"
 *
 * @since 0.1.0
 * @category algorithms
 */
export const idleDecisions = (built: {
  readonly mdp: Mdp
  readonly parameters: MigrationMdpParameters
}): ReadonlyArray<{ readonly level: string; readonly left: number; readonly action: string; readonly q: Readonly<Record<string, number>> }> => {
  const m = built.mdp
  const A = m.actions.length
  const { values, policy } = policyIteration(m)
  const q = qValues(m, values)
  return built.parameters.levels.flatMap((level) =>
    Array.from({ length: built.parameters.deadlineEpochs }, (_, i) => {
      const left = built.parameters.deadlineEpochs - i
      const s = m.states.indexOf(idleState(level.name, left))
      const byAction: Record<string, number> = {}
      for (let a = 0; a < A; a++) if (m.enabled[s * A + a] === 1) byAction[m.actions[a]!] = q[s * A + a]!
      return { level: level.name, left, action: m.actions[policy[s]!]!, q: byAction }
    }),
  )
}
