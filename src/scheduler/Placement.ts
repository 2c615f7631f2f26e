/**
 * What scheduling one pod returns: the chosen node (or none, with the reasons), the victims a
 * preemption evicted, and in explain mode every examined node's feasibility, reasons, each score
 * plugin's own 0..100 score and the weighted total. The JSON the CLI prints is exactly this.
 *
 * @since 0.1.0
 */
import type { ScorePluginName } from "./profile/Profile.ts"

/** One node as examined for one pod. @since 0.1.0 @category model */
export interface NodeEvaluation {
  readonly node: string
  readonly feasible: boolean
  readonly reasons: ReadonlyArray<string>
  /** Each enabled, non-skipped plugin's score before its weight. */
  readonly plugins: Readonly<Partial<Record<ScorePluginName, number>>>
  /** Σ weight × score. */
  readonly total: number
}

/**
 * The outcome for one pod. `node` is the bound node, `null` when pending; after a preemption it
 * is the nominated node the pod was bound to once the `victims` (pod keys) were evicted.
 *
 * @since 0.1.0
 * @category model
 */
export interface Placement {
  readonly pod: string
  readonly node: string | null
  readonly reasons: ReadonlyArray<string>
  readonly victims: ReadonlyArray<string>
  readonly scores?: ReadonlyArray<NodeEvaluation>
}

/**
 * kube-scheduler's FitError histogram: "<count> <reason>" per distinct reason over the
 * infeasible nodes, sorted by reason, after a "0/N nodes are available" head.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fitErrorReasons = (nodeCount: number, reasonsPerNode: ReadonlyArray<ReadonlyArray<string>>): ReadonlyArray<string> => {
  const counts = new Map<string, number>()
  for (const reasons of reasonsPerNode) for (const r of new Set(reasons)) counts.set(r, (counts.get(r) ?? 0) + 1)
  const parts = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([r, c]) => `${c} ${r}`)
  return [`0/${nodeCount} nodes are available`, ...parts]
}

/** Options of one scheduling cycle. @since 0.1.0 @category model */
export interface ScheduleOptions {
  /** Return per-node evaluations (`scores`). */
  readonly explain?: boolean
  /** Try preemption when no node fits (default true). */
  readonly preempt?: boolean
}

/**
 * The contract both schedulers (readable σ and hot path) implement.
 *
 * @since 0.1.0
 * @category model
 */
export interface Scheduler {
  /** The seed of the tie-breaking PRNG. */
  readonly seed: number
  /** Schedule one pod and bind it (the snapshot changes). */
  readonly schedule: (pod: import("./model/SchedulingPod.ts").SchedulingPod, options?: ScheduleOptions) => Placement
  /** Node names with the keys of the pods bound to each, in bind order. */
  readonly bindings: () => ReadonlyArray<{ readonly node: string; readonly pods: ReadonlyArray<string> }>
}
