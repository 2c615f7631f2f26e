/**
 * The plugin interfaces of the readable σ, after the scheduler framework of kube-scheduler
 * v1.35: a filter plugin may have a PreFilter (computed once per pod over the whole cluster,
 * skipping the plugin, narrowing the nodes or rejecting the pod) and a Filter (per node); a score
 * plugin may have a PreScore (once per pod over the feasible nodes, possibly skipping the plugin),
 * a Score (per feasible node) and a NormalizeScore (over all scored nodes, in place).
 *
 * State flows as upstream's CycleState does: what PreFilter / PreScore return is handed to that
 * plugin's Filter / Score / NormalizeScore in the same cycle.
 *
 * @since 0.1.0
 */
import type { ClusterObjects } from "../model/ClusterObjects.ts"
import type { SchedulingPod } from "../model/SchedulingPod.ts"
import type { FilterPluginName, ScorePluginName } from "../profile/Profile.ts"
import type { Status } from "../plugins/Status.ts"
import type { NodeState } from "../readable/NodeState.ts"
import type { ClusterView } from "./ClusterView.ts"

/**
 * What a PreFilter returns: skip the plugin's Filter for this pod, proceed with a state (and
 * optionally only the named nodes), or reject the pod on every node with a status.
 *
 * @since 0.1.0
 * @category model
 */
export type PreFilterOutcome<S> =
  | { readonly kind: "skip" }
  | { readonly kind: "proceed"; readonly state: S; readonly nodeNames?: ReadonlySet<string> }
  | { readonly kind: "reject"; readonly status: Status }

/** What a PreScore returns: skip the plugin's Score for this pod, or proceed with a state. @since 0.1.0 @category model */
export type PreScoreOutcome<S> = { readonly kind: "skip" } | { readonly kind: "proceed"; readonly state: S }

/**
 * A filter plugin. `filter` gets `undefined` as its state when the plugin has no PreFilter or
 * the profile disabled it (plugins that fall back upstream do so; the others are never run that
 * way: the configuration reader refuses such a profile).
 *
 * `reserve` (optional) is upstream's Reserve, after the pod is bound to `node` (already in that
 * node's state): a plugin whose decision changes API objects returns the cluster's objects as
 * they are afterwards (VolumeBinding: the chosen PVs bound to their claims), `undefined` when
 * nothing changes; the readable σ uses them from the next cycle on.
 *
 * @since 0.1.0
 * @category model
 */
export interface FilterPlugin<S = unknown> {
  readonly name: FilterPluginName
  readonly preFilter?: (pod: SchedulingPod, cluster: ClusterView) => PreFilterOutcome<S>
  readonly filter: (pod: SchedulingPod, node: NodeState, state: S | undefined, cluster: ClusterView) => Status
  readonly reserve?: (pod: SchedulingPod, node: NodeState, state: S | undefined, cluster: ClusterView) => ClusterObjects | undefined
  /**
   * Upstream's PreFilter extension RemovePod, for a plugin whose state after it is not what its
   * PreFilter would compute without the pods (VolumeRestrictions): preemption's dry run then
   * keeps the cycle's PreFilter outcome (a skip stays a skip) and hands Filter this state with
   * `removed` taken off. Plugins without it have their PreFilter re-run on the view without them.
   */
  readonly removePods?: (pod: SchedulingPod, state: S, removed: ReadonlyArray<SchedulingPod>) => S
}

/**
 * A score plugin. `score` returns the raw score of one feasible node; `normalize` rewrites the
 * raw scores of all scored nodes (in `nodes` order) to 0..100. Without `normalize` the raw
 * scores must already be 0..100.
 *
 * @since 0.1.0
 * @category model
 */
export interface ScorePlugin<S = unknown> {
  readonly name: ScorePluginName
  readonly preScore?: (pod: SchedulingPod, feasible: ReadonlyArray<NodeState>, cluster: ClusterView) => PreScoreOutcome<S>
  readonly score: (pod: SchedulingPod, node: NodeState, state: S | undefined, cluster: ClusterView) => number
  readonly normalize?: (scores: number[], nodes: ReadonlyArray<NodeState>, state: S | undefined, pod: SchedulingPod) => void
}

/** A PreFilter / PreScore outcome that skips the plugin. @since 0.1.0 @category constructors */
export const skip = { kind: "skip" } as const

/** A PreFilter / PreScore outcome that proceeds with `state`. @since 0.1.0 @category constructors */
export const proceed = <S>(state: S): { readonly kind: "proceed"; readonly state: S } => ({ kind: "proceed", state })
