/**
 * S13.2, first invariant — □(preconditions → ◇ succeeded).
 *
 * The model: one VirtualMachineInstanceMigration going through KubeVirt's phases Pending →
 * Scheduling → Scheduled → PreparingTarget → TargetReady → Running → Succeeded | Failed. The
 * preconditions hold once the target is ready (`TargetReady`: target pod scheduled, volumes and
 * network checked). The controller steps are weakly fair. Pre-copy convergence is a parameter:
 * when the dirty rate is below the bandwidth the copy converges (`converge`); when not, only
 * KubeVirt's progress timeout (150 s without progress) or completion timeout (150 s per GiB)
 * fires (`timeout` → Failed). A user may cancel (`abort`, deleting the migration object) while
 * it is in flight, which is not fair (it may or may not happen).
 *
 * @since 0.1.0
 */
import { deadlockFree, leadsTo } from "../Formula.ts"
import { guarded, type Command, type GuardedSystem } from "../Guarded.ts"
import { or, proposition, type Proposition } from "../TransitionSystem.ts"
import type { Scenario, ScenarioCheck } from "./Scenario.ts"

const PHASES = ["Pending", "Scheduling", "Scheduled", "PreparingTarget", "TargetReady", "Running", "Succeeded", "Failed"] as const
const [PENDING, SCHEDULING, SCHEDULED, PREPARING, TARGET_READY, RUNNING, SUCCEEDED, FAILED] = [0, 1, 2, 3, 4, 5, 6, 7] as const

/**
 * Parameters of the migration-liveness model.
 *
 * @since 0.1.0
 * @category model
 */
export interface MigrationLivenessConfig {
  /** Dirty rate below bandwidth: pre-copy converges. */
  readonly converges: boolean
  /** A user may cancel an in-flight migration. */
  readonly userAbort: boolean
}

/**
 * The migration model with its propositions.
 *
 * @since 0.1.0
 * @category model
 */
export interface MigrationLivenessSystem extends GuardedSystem {
  readonly preconditions: Proposition
  readonly succeeded: Proposition
  readonly failed: Proposition
}

/**
 * Builds the model.
 *
 * @since 0.1.0
 * @category constructors
 */
export const migrationLivenessSystem = (config: MigrationLivenessConfig): MigrationLivenessSystem => {
  const step = (action: string, from: number, to: number): Command => ({ action, fair: true, guard: (s) => s.get(0) === from, update: (_, t) => t.set(0, to) })
  const commands: Command[] = [
    step("schedule", PENDING, SCHEDULING),
    step("targetScheduled", SCHEDULING, SCHEDULED),
    step("prepareTarget", SCHEDULED, PREPARING),
    step("targetReady", PREPARING, TARGET_READY),
    step("startCopy", TARGET_READY, RUNNING),
  ]
  if (config.converges) commands.push(step("converge", RUNNING, SUCCEEDED))
  else commands.push(step("timeout", RUNNING, FAILED))
  if (config.userAbort) commands.push({ action: "abort", guard: (s) => s.get(0) < SUCCEEDED, update: (_, t) => t.set(0, FAILED) })
  const system = guarded({
    name: `migration(${config.converges ? "converging" : "dirty rate ≥ bandwidth"}, user abort ${config.userAbort ? "possible" : "impossible"})`,
    fields: [{ name: "phase", values: PHASES.length, names: PHASES }],
    initial: [[PENDING]],
    commands,
  })
  return {
    ...system,
    preconditions: proposition("preconditions (target ready)", (w, at) => system.read(w, at, 0) === TARGET_READY),
    succeeded: proposition("succeeded", (w, at) => system.read(w, at, 0) === SUCCEEDED),
    failed: proposition("failed", (w, at) => system.read(w, at, 0) === FAILED),
  }
}

const variant = (name: string, config: MigrationLivenessConfig, expected: "holds" | "violated", because: string): ScenarioCheck => ({
  name: `${name}/preconditions-leads-to-succeeded`,
  build: () => {
    const system = migrationLivenessSystem(config)
    return { system, formula: leadsTo(system.preconditions, system.succeeded) }
  },
  expected,
  role: "claim",
  because,
})

/**
 * The S13.2 scenario (first invariant).
 *
 * @since 0.1.0
 * @category scenarios
 */
export const migrationLiveness: Scenario = {
  name: "migration-liveness",
  claims: ["S13.2"],
  title: "□(preconditions → ◇ succeeded) for a live migration",
  checks: [
    variant("converging-no-abort", { converges: true, userAbort: false }, "holds", "every step is fair and the copy converges"),
    variant("user-abort", { converges: true, userAbort: true }, "violated", "a cancelled migration ends Failed after its preconditions held"),
    variant("non-converging", { converges: false, userAbort: false }, "violated", "with dirty rate ≥ bandwidth only the timeout fires: Failed"),
    {
      name: "user-abort/stops-only-when-finished",
      build: () => {
        const system = migrationLivenessSystem({ converges: true, userAbort: true })
        return { system, formula: deadlockFree(or(system.succeeded, system.failed)) }
      },
      expected: "holds",
      role: "control",
      because: "every phase but Succeeded and Failed has a next step: no migration gets stuck half-way",
    },
  ],
}
