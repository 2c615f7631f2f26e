/**
 * S15.4, second formula — □¬(migration active ∧ pod terminated).
 *
 * The model: a VMI's source virt-launcher pod (Running, Terminating, Terminated) and its live
 * migration (None, Active, Succeeded, Failed). `migrate` (user or controller) starts a migration
 * of a Running pod; `complete` (weakly fair) finishes it, after which the source pod is shut down.
 * Pod removal comes two ways:
 *
 * - `evict` through the Eviction API: with `evictionStrategy: LiveMigrate`, KubeVirt's admission
 *   webhook refuses the eviction and starts a migration instead (no deletion);
 * - `delete` directly (`kubectl delete pod`, a node going away): nothing intercepts it, the pod
 *   goes Terminating → Terminated while the migration object is still Active, until the
 *   migration controller notices and marks it Failed (`abort`, weakly fair).
 *
 * The formula holds when deletions only go through the Eviction API, and fails with direct
 * deletion; an `atomic-abort` variant (deletion marks the migration Failed in the same step, an
 * idealisation) restores it.
 *
 * @since 0.1.0
 */
import { always } from "../Formula.ts"
import { guarded, type Command, type GuardedSystem } from "../Guarded.ts"
import { proposition, type Proposition } from "../TransitionSystem.ts"
import type { Scenario, ScenarioCheck } from "./Scenario.ts"

const POD = 0
const MIGRATION = 1
const [RUNNING, TERMINATING, TERMINATED] = [0, 1, 2] as const
const [NONE, ACTIVE, SUCCEEDED, FAILED] = [0, 1, 2, 3] as const

/**
 * How the source pod can be removed.
 *
 * @since 0.1.0
 * @category model
 */
export type PodRemoval = "eviction-api-only" | "direct-delete" | "atomic-abort"

/**
 * The migration-source model with its proposition.
 *
 * @since 0.1.0
 * @category model
 */
export interface MigrationSourceSystem extends GuardedSystem {
  readonly notActiveWhileTerminated: Proposition
}

/**
 * Builds the model.
 *
 * @since 0.1.0
 * @category constructors
 */
export const migrationSourceSystem = (removal: PodRemoval): MigrationSourceSystem => {
  const commands: Command[] = [
    {
      action: "migrate",
      guard: (s) => s.get(POD) === RUNNING && s.get(MIGRATION) !== ACTIVE,
      update: (_, t) => t.set(MIGRATION, ACTIVE),
    },
    {
      action: "complete",
      fair: true,
      guard: (s) => s.get(POD) === RUNNING && s.get(MIGRATION) === ACTIVE,
      update: (_, t) => (t.set(MIGRATION, SUCCEEDED), t.set(POD, TERMINATING)),
    },
    {
      // the webhook turns an eviction into a migration; during one it answers 429
      action: "evict",
      guard: (s) => s.get(POD) === RUNNING && s.get(MIGRATION) !== ACTIVE,
      update: (_, t) => t.set(MIGRATION, ACTIVE),
    },
    { action: "terminated", fair: true, guard: (s) => s.get(POD) === TERMINATING, update: (_, t) => t.set(POD, TERMINATED) },
    {
      action: "abort",
      fair: true,
      guard: (s) => s.get(MIGRATION) === ACTIVE && s.get(POD) !== RUNNING,
      update: (_, t) => t.set(MIGRATION, FAILED),
    },
  ]
  if (removal !== "eviction-api-only") {
    commands.push({
      action: "delete",
      guard: (s) => s.get(POD) === RUNNING,
      update: (s, t) => {
        t.set(POD, TERMINATING)
        if (removal === "atomic-abort" && s.get(MIGRATION) === ACTIVE) t.set(MIGRATION, FAILED)
      },
    })
  }
  const system = guarded({
    name: `migration-source(${removal})`,
    fields: [
      { name: "sourcePod", values: 3, names: ["Running", "Terminating", "Terminated"] },
      { name: "migration", values: 4, names: ["None", "Active", "Succeeded", "Failed"] },
    ],
    initial: [[RUNNING, NONE]],
    commands,
  })
  return {
    ...system,
    notActiveWhileTerminated: proposition(
      "¬(migration active ∧ pod terminated)",
      (w, at) => !(system.read(w, at, MIGRATION) === ACTIVE && system.read(w, at, POD) === TERMINATED),
    ),
  }
}

const variant = (removal: PodRemoval, expected: "holds" | "violated", role: "claim" | "control", because: string): ScenarioCheck => ({
  name: `${removal}/not-active-while-terminated`,
  build: () => {
    const system = migrationSourceSystem(removal)
    return { system, formula: always(system.notActiveWhileTerminated) }
  },
  expected,
  role,
  because,
})

/**
 * The S15.4 safety scenario.
 *
 * @since 0.1.0
 * @category scenarios
 */
export const migrationSource: Scenario = {
  name: "migration-source",
  claims: ["S15.4"],
  title: "□¬(migration active ∧ pod terminated) (source pod deletion during migration)",
  checks: [
    variant("eviction-api-only", "holds", "claim", "an eviction during a migration is refused; only a finished migration shuts the source down"),
    variant("direct-delete", "violated", "claim", "a direct delete terminates the source pod before the controller marks the migration Failed"),
    variant("atomic-abort", "holds", "control", "if deletion failed the migration in the same step, the window would close"),
  ],
}
