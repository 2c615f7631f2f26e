/**
 * Pre-copy live migration (S13.1) as QEMU runs it under KubeVirt v1.9: copy all memory while the
 * guest runs, then re-copy what the guest dirtied meanwhile, round after round, until what is left
 * can be sent within the downtime limit (default 300 ms) at the migration bandwidth; then pause
 * the source, send the rest (stop-and-copy: the downtime), and resume on the target.
 *
 * Round r sends R_r MiB in R_r/B s while the guest dirties min(M, ρ·R_r/B) MiB (a page dirtied
 * twice is sent once; never more than all of memory), so R_{r+1} = min(M, ρ_eff·R_r/B).
 * With ρ ≥ B the rounds never shrink: the migration does not converge. KubeVirt v1.9's migration
 * monitor (pkg/virt-launcher/virtwrap/live-migration-source.go, MigrationStallDetection feature gate
 * off, the default) samples libvirt's job stats every 400 ms and:
 *
 * - completion timeout: once the whole seconds elapsed exceed completionTimeoutPerGiB (150) × the
 *   migration data size in GiB (this model migrates memory only; KubeVirt also counts local
 *   disks), aborts the migration, unless `allowWorkloadDisruption` is set, in which case it
 *   suspends the guest so the rest is copied paused (post-copy is off by default, not modelled).
 * - progress timeout (150 s): aborts when the data remaining has not decreased between two
 *   samples for more than that many whole seconds. While pages are being sent the data remaining
 *   falls between samples, so a high dirty rate never trips it: it catches a stuck transfer
 *   (modelled by `networkStallAtSeconds`, the time the link stops carrying data). The source says
 *   so: "highly unlikely to be caused by a high dirty rate". (K8S-SEMANTICS.md lists the timeout
 *   without this detail; the source wins.)
 * - auto-converge (off by default): QEMU throttles the guest CPU when a round dirties more than
 *   50% of what it sent, on the second such round in a row: first to 20%, then +10% each time, at
 *   most 99% (cpu-throttle-initial / -increment / max). The guest's dirty rate scales by
 *   (1 − throttle).
 *
 * A round cap bounds the simulation itself (default 10,000 rounds) and aborts with reason
 * `round-cap` when reached.
 *
 * @since 0.1.0
 */
import { match } from "ts-pattern"

/**
 * The inputs of a migration. Sizes in MiB, rates in MiB/s, times in seconds unless named Ms.
 *
 * @since 0.1.0
 * @category model
 */
export interface MigrationParameters {
  readonly memoryMiB: number
  readonly bandwidthMiBps: number
  readonly dirtyRateMiBps: number
  /** QEMU's downtime limit; 300 ms by default. */
  readonly downtimeLimitMs: number
  readonly maxRounds: number
  /** KubeVirt v1.9 default 150. */
  readonly completionTimeoutPerGiB: number
  /** KubeVirt v1.9 default 150. */
  readonly progressTimeout: number
  /** KubeVirt v1.9 default false. */
  readonly allowAutoConverge: boolean
  /** KubeVirt default false: on completion timeout abort, rather than pause the guest. */
  readonly allowWorkloadDisruption: boolean
  /** When the link stops carrying data (seconds from the start); Infinity = never. */
  readonly networkStallAtSeconds: number
  /** QEMU defaults 20, 10, 99 (percent). */
  readonly throttleInitial: number
  readonly throttleIncrement: number
  readonly throttleMax: number
}

/**
 * KubeVirt v1.9 / QEMU defaults for everything but the workload.
 *
 * @since 0.1.0
 * @category constants
 */
export const migrationDefaults: Omit<MigrationParameters, "memoryMiB" | "bandwidthMiBps" | "dirtyRateMiBps"> = {
  downtimeLimitMs: 300,
  maxRounds: 10_000,
  completionTimeoutPerGiB: 150,
  progressTimeout: 150,
  allowAutoConverge: false,
  allowWorkloadDisruption: false,
  networkStallAtSeconds: Infinity,
  throttleInitial: 20,
  throttleIncrement: 10,
  throttleMax: 99,
}

/**
 * Where the VM runs during a stretch of the migration. `vmiPhase` is the VMI's `status.phase`
 * (KubeVirt keeps it `Running` for the whole migration: migration is tracked in
 * `status.migrationState`, pause in a condition); `guestRunning` says whether the guest executes.
 *
 * @since 0.1.0
 * @category model
 */
export interface MigrationPhase {
  readonly phase: "PreCopy" | "StopAndCopy" | "TargetRunning" | "Aborted"
  readonly start: number
  readonly end: number
  readonly source: "running" | "paused" | "shut-off"
  readonly target: "incoming" | "running" | "absent"
  readonly vmiPhase: "Running"
  readonly guestRunning: boolean
  readonly migrationActive: boolean
}

/**
 * One pre-copy round.
 *
 * @since 0.1.0
 * @category model
 */
export interface Round {
  readonly round: number
  readonly start: number
  readonly seconds: number
  readonly sentMiB: number
  readonly dirtiedMiB: number
  /** Throttle percent in force during the round. */
  readonly throttle: number
}

/**
 * Why a migration was aborted.
 *
 * @since 0.1.0
 * @category model
 */
export type AbortReason = "completion-timeout" | "progress-timeout" | "round-cap"

/**
 * The outcome of a migration.
 *
 * @since 0.1.0
 * @category model
 */
export type MigrationOutcome =
  | {
      readonly _tag: "Completed"
      readonly rounds: number
      readonly totalSeconds: number
      readonly downtimeSeconds: number
      readonly dataSentMiB: number
      /** True when the guest was paused by `allowWorkloadDisruption` after the completion timeout. */
      readonly forcedPause: boolean
      readonly withinDowntimeLimit: boolean
      readonly finalThrottle: number
      readonly roundLog: ReadonlyArray<Round>
      readonly phases: ReadonlyArray<MigrationPhase>
    }
  | {
      readonly _tag: "Aborted"
      readonly reason: AbortReason
      readonly rounds: number
      readonly abortedAt: number
      readonly dataSentMiB: number
      readonly finalThrottle: number
      readonly roundLog: ReadonlyArray<Round>
      readonly phases: ReadonlyArray<MigrationPhase>
    }

/**
 * Error for migration parameters outside their domain.
 *
 * @since 0.1.0
 * @category errors
 */
export class MigrationParameterError extends Error {
  readonly _tag = "MigrationParameterError" as const
  constructor(
    readonly parameter: string,
    readonly value: number,
    readonly expected: string,
  ) {
    super(`migration parameter ${parameter} = ${value}: expected ${expected}`)
    this.name = "MigrationParameterError"
  }
}

/**
 * KubeVirt's monitor samples the migration every 400 ms (monitorSleepPeriodMS).
 *
 * @since 0.1.0
 * @category constants
 */
export const MONITOR_TICK_SECONDS = 0.4

/** The first monitor tick at or after `t`. */
const tickAtOrAfter = (t: number): number => Math.ceil(t / MONITOR_TICK_SECONDS - 1e-9) * MONITOR_TICK_SECONDS

/** The first tick at which ⌊t − since⌋ > limit, i.e. t − since ≥ ⌊limit⌋ + 1 (`since` on a tick). */
const timeoutTick = (since: number, limit: number): number => since + tickAtOrAfter(Math.floor(limit) + 1)

const check = (name: string, value: number, ok: boolean, expected: string): void => {
  if (!ok || Number.isNaN(value)) throw new MigrationParameterError(name, value, expected)
}

/**
 * Runs the pre-copy model.
 *
 * @example
 * import { simulateMigration } from "catcluster/dynamics/migration"
 * const out = simulateMigration({ memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 256 })
 * // Completed: 2 rounds, totalSeconds 5.25, downtimeSeconds 0.25
 *
 * @since 0.1.0
 * @category algorithms
 */
export const simulateMigration = (
  workload: Pick<MigrationParameters, "memoryMiB" | "bandwidthMiBps" | "dirtyRateMiBps"> & Partial<MigrationParameters>,
): MigrationOutcome => {
  const p: MigrationParameters = { ...migrationDefaults, ...workload }
  check("memoryMiB", p.memoryMiB, p.memoryMiB > 0 && Number.isFinite(p.memoryMiB), "a positive finite size")
  check("bandwidthMiBps", p.bandwidthMiBps, p.bandwidthMiBps > 0 && Number.isFinite(p.bandwidthMiBps), "a positive finite rate")
  check("dirtyRateMiBps", p.dirtyRateMiBps, p.dirtyRateMiBps >= 0 && Number.isFinite(p.dirtyRateMiBps), "a non-negative finite rate")
  check("downtimeLimitMs", p.downtimeLimitMs, p.downtimeLimitMs >= 0, "≥ 0")
  check("maxRounds", p.maxRounds, Number.isInteger(p.maxRounds) && p.maxRounds >= 1, "an integer ≥ 1")
  check("progressTimeout", p.progressTimeout, p.progressTimeout > 0, "> 0")
  check("completionTimeoutPerGiB", p.completionTimeoutPerGiB, p.completionTimeoutPerGiB > 0, "> 0")

  const B = p.bandwidthMiBps
  const limit = p.downtimeLimitMs / 1000
  const stall = p.networkStallAtSeconds
  // The monitor's two deadlines, on its 400 ms ticks.
  const completionAt = timeoutTick(0, p.completionTimeoutPerGiB * (p.memoryMiB / 1024))
  // Data remaining falls between samples until the link stalls; the last sample that saw it fall
  // is the first tick at or after the stall (or the start).
  const progressAt = Number.isFinite(stall) ? timeoutTick(stall > 0 ? tickAtOrAfter(stall) : 0, p.progressTimeout) : Infinity
  const roundLog: Array<Round> = []
  let remaining = p.memoryMiB
  let t = 0
  let sent = 0
  let throttle = 0
  let highDirtyRounds = 0

  const finish = (preCopyEnd: number, forcedPause: boolean): MigrationOutcome => {
    const downtime = remaining / B
    const total = preCopyEnd + downtime
    return {
      _tag: "Completed",
      rounds: roundLog.length,
      totalSeconds: total,
      downtimeSeconds: downtime,
      dataSentMiB: sent + remaining,
      forcedPause,
      withinDowntimeLimit: downtime <= limit,
      finalThrottle: throttle,
      roundLog,
      phases: [
        { phase: "PreCopy", start: 0, end: preCopyEnd, source: "running", target: "incoming", vmiPhase: "Running", guestRunning: true, migrationActive: true },
        { phase: "StopAndCopy", start: preCopyEnd, end: total, source: "paused", target: "incoming", vmiPhase: "Running", guestRunning: false, migrationActive: true },
        { phase: "TargetRunning", start: total, end: Infinity, source: "shut-off", target: "running", vmiPhase: "Running", guestRunning: true, migrationActive: false },
      ],
    }
  }
  const abort = (reason: AbortReason, at: number): MigrationOutcome => ({
    _tag: "Aborted",
    reason,
    rounds: roundLog.length,
    abortedAt: at,
    dataSentMiB: sent,
    finalThrottle: throttle,
    roundLog,
    phases: [
      { phase: "PreCopy", start: 0, end: at, source: "running", target: "incoming", vmiPhase: "Running", guestRunning: true, migrationActive: true },
      { phase: "Aborted", start: at, end: Infinity, source: "running", target: "absent", vmiPhase: "Running", guestRunning: true, migrationActive: false },
    ],
  })

  for (;;) {
    // QEMU always makes the first full pass, then stops as soon as the rest fits the limit.
    if (roundLog.length > 0 && remaining / B <= limit) return finish(t, false)
    if (roundLog.length >= p.maxRounds) return abort("round-cap", t)
    const seconds = remaining / B
    const roundEnd = t + seconds
    if (roundEnd > stall || roundEnd > completionAt) {
      // The round does not finish before the link stalls or the monitor steps in.
      const sending = Math.max(0, Math.min(stall, completionAt, progressAt) - t)
      if (completionAt <= progressAt && completionAt < Infinity && !(p.allowWorkloadDisruption && stall <= completionAt)) {
        sent += Math.min(sending, Math.max(0, completionAt - t)) * B
        if (p.allowWorkloadDisruption) {
          // Suspended at the deadline: what is unsent of this pass plus what was dirtied meanwhile.
          const elapsed = completionAt - t
          const dirtiedSoFar = Math.min(p.memoryMiB, p.dirtyRateMiBps * (1 - throttle / 100) * elapsed)
          remaining = Math.min(p.memoryMiB, remaining - elapsed * B + dirtiedSoFar)
          return finish(completionAt, true)
        }
        return abort("completion-timeout", completionAt)
      }
      if (progressAt < Infinity) {
        sent += Math.max(0, stall - t) * B
        return abort("progress-timeout", progressAt)
      }
    }
    const dirtied = Math.min(p.memoryMiB, p.dirtyRateMiBps * (1 - throttle / 100) * seconds)
    roundLog.push({ round: roundLog.length + 1, start: t, seconds, sentMiB: remaining, dirtiedMiB: dirtied, throttle })
    sent += remaining
    t = roundEnd
    if (p.allowAutoConverge) {
      highDirtyRounds = dirtied > 0.5 * remaining ? highDirtyRounds + 1 : 0
      if (highDirtyRounds >= 2) {
        throttle = throttle === 0 ? p.throttleInitial : Math.min(p.throttleMax, throttle + p.throttleIncrement)
        highDirtyRounds = 0
      }
    }
    remaining = dirtied
  }
}

/**
 * ρ ≥ B: without throttling the remaining data never shrinks, so pre-copy cannot converge.
 *
 * @since 0.1.0
 * @category queries
 */
export const diverges = (workload: Pick<MigrationParameters, "bandwidthMiBps" | "dirtyRateMiBps">): boolean =>
  workload.dirtyRateMiBps >= workload.bandwidthMiBps

/**
 * One line for people.
 *
 * @since 0.1.0
 * @category conversions
 */
export const describeOutcome = (outcome: MigrationOutcome): string =>
  match(outcome)
    .with(
      { _tag: "Completed" },
      (o) =>
        `completed after ${o.rounds} pre-copy rounds: total ${o.totalSeconds.toFixed(2)} s, downtime ${o.downtimeSeconds.toFixed(2)} s, ` +
        `${o.dataSentMiB.toFixed(0)} MiB sent${o.forcedPause ? " (guest paused at the completion timeout)" : ""}`,
    )
    .with(
      { _tag: "Aborted" },
      (o) => `aborted (${o.reason}) at ${o.abortedAt.toFixed(2)} s after ${o.rounds} rounds, ${o.dataSentMiB.toFixed(0)} MiB sent; the VM keeps running on the source`,
    )
    .exhaustive()
