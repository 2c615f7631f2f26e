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
 * `reasons` is the failed cycle's head ("0/N nodes are available") and its reasons (the filter
 * histogram, or the PreFilter message); `message` is kube-scheduler's whole message, as
 * `kubectl describe pod` shows it, PostFilter (preemption) part included. Both are empty when the
 * first cycle placed the pod.
 *
 * @since 0.1.0
 * @category model
 */
export interface Placement {
  readonly pod: string
  readonly node: string | null
  readonly reasons: ReadonlyArray<string>
  readonly message: string
  readonly victims: ReadonlyArray<string>
  readonly scores?: ReadonlyArray<NodeEvaluation>
  /**
   * `true` when the pod was never created: its controller waits for a pod it names in
   * `createdAfter` to be Running and Ready, and that pod was not placed (`node` is then `null` and
   * `reasons` / `message` say which pod it waits for). Absent for every pod that existed.
   */
  readonly notCreated?: boolean
}

/**
 * What a failed scheduling cycle knows, as upstream's `Diagnosis` and `FitError`: how many nodes
 * there are, the PreFilter rejection message if PreFilter failed, the reasons of every node with
 * an explicit status, the reasons given to the nodes without one (`absent`, e.g. outside a
 * PreFilter's node set), and the PostFilter message.
 *
 * @since 0.1.0
 * @category model
 */
export interface Diagnosis {
  readonly numAllNodes: number
  readonly preFilterMessage?: string
  readonly nodeReasons: ReadonlyArray<ReadonlyArray<string>>
  readonly absent?: { readonly count: number; readonly reasons: ReadonlyArray<string> }
  readonly postFilterMessage?: string
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The reason histogram of a diagnosis: `"<count> <reason>"` per distinct reason, sorted as Go's
 * `sort.Strings` sorts those strings (so "10 x" comes before "2 y", as in kube-scheduler).
 *
 * @since 0.1.0
 * @category destructors
 */
export const reasonHistogram = (d: Diagnosis): ReadonlyArray<string> => {
  const counts = new Map<string, number>()
  for (const reasons of d.nodeReasons) for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1)
  if (d.absent !== undefined && d.absent.count > 0) for (const r of d.absent.reasons) counts.set(r, (counts.get(r) ?? 0) + d.absent.count)
  return [...counts.entries()].map(([r, c]) => `${c} ${r}`).sort(byCodeUnits)
}

/**
 * kube-scheduler v1.35's `FitError.Error()`: "0/N nodes are available:", then the PreFilter
 * message or the reason histogram (each followed by a period), then the PostFilter message.
 *
 * @example
 * import { fitErrorMessage } from "catcluster/scheduler"
 * fitErrorMessage({ numAllNodes: 3, nodeReasons: [["Insufficient cpu"], ["node(s) had untolerated taint(s)"], ["Insufficient cpu"]] })
 * // "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu."
 *
 * @since 0.1.0
 * @category destructors
 */
export const fitErrorMessage = (d: Diagnosis): string => {
  let message = `0/${d.numAllNodes} nodes are available:`
  if (d.preFilterMessage !== undefined && d.preFilterMessage !== "") message += ` ${d.preFilterMessage}.`
  else {
    const histogram = reasonHistogram(d)
    if (histogram.length > 0) message += ` ${histogram.join(", ")}.`
  }
  if (d.postFilterMessage !== undefined && d.postFilterMessage !== "") message += ` ${d.postFilterMessage}`
  return message
}

/**
 * The `reasons` of a placement: the head, then the PreFilter message or the histogram.
 *
 * @since 0.1.0
 * @category destructors
 */
export const diagnosisReasons = (d: Diagnosis): ReadonlyArray<string> => [
  `0/${d.numAllNodes} nodes are available`,
  ...(d.preFilterMessage !== undefined && d.preFilterMessage !== "" ? [d.preFilterMessage] : reasonHistogram(d)),
]

/** kube-scheduler's error when the cluster has no node at all. @since 0.1.0 @category constants */
export const MESSAGE_NO_NODES = "no nodes available to schedule pods"

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
