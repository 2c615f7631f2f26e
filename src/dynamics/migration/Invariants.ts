/**
 * S13.2's claimed invariants, checked on migration runs:
 * □(preconditions → ◇ succeeded) and □(migration active → ¬ vmi.running).
 *
 * "vmi.running" has two readings, both checked: the VMI's `status.phase` is `Running` (KubeVirt
 * keeps it so during the whole migration), or the guest is executing (false only during
 * stop-and-copy). Under either, pre-copy has the migration active while the VMI runs.
 *
 * @since 0.1.0
 */
import type { MigrationOutcome, MigrationPhase, MigrationParameters } from "./PreCopy.ts"
import { simulateMigration } from "./PreCopy.ts"

/**
 * How to read "vmi.running".
 *
 * @since 0.1.0
 * @category model
 */
export type RunningReading = "vmi-phase" | "guest-executing"

/**
 * The first phase where the migration is active and the VMI runs, if any: a counterexample to
 * □(migration active → ¬ vmi.running).
 *
 * @example
 * import { simulateMigration, activeWhileRunning } from "catcluster/dynamics/migration"
 * activeWhileRunning(simulateMigration({ memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 256 }), "guest-executing")
 * // { phase: "PreCopy", start: 0, end: 5, … }
 *
 * @since 0.1.0
 * @category checks
 */
export const activeWhileRunning = (outcome: MigrationOutcome, reading: RunningReading): MigrationPhase | undefined =>
  outcome.phases.find((ph) => ph.migrationActive && (reading === "vmi-phase" ? ph.vmiPhase === "Running" : ph.guestRunning))

/**
 * The result of checking □(preconditions → ◇ succeeded) over a set of workloads (all of which
 * satisfy the migration preconditions: the model starts only migratable VMs).
 *
 * @since 0.1.0
 * @category model
 */
export interface EventuallySucceedsResult {
  readonly holds: boolean
  /** A workload whose migration never succeeds, with its outcome. */
  readonly counterexample:
    | { readonly workload: Pick<MigrationParameters, "memoryMiB" | "bandwidthMiBps" | "dirtyRateMiBps"> & Partial<MigrationParameters>; readonly outcome: MigrationOutcome }
    | undefined
}

/**
 * Runs every workload and reports the first whose migration is aborted.
 *
 * @since 0.1.0
 * @category checks
 */
export const eventuallySucceeds = (
  workloads: ReadonlyArray<Pick<MigrationParameters, "memoryMiB" | "bandwidthMiBps" | "dirtyRateMiBps"> & Partial<MigrationParameters>>,
): EventuallySucceedsResult => {
  for (const workload of workloads) {
    const outcome = simulateMigration(workload)
    if (outcome._tag === "Aborted") return { holds: false, counterexample: { workload, outcome } }
  }
  return { holds: true, counterexample: undefined }
}
