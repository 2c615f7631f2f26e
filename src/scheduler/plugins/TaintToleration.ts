/**
 * Plugin TaintToleration (v1.35). Filter: every NoSchedule / NoExecute taint must be tolerated,
 * else UnschedulableAndUnresolvable with "node(s) had untolerated taint(s)" (v1.35 no longer
 * names the taint). Score: the count of PreferNoSchedule taints not tolerated by the pod's
 * PreferNoSchedule (or effect-less) tolerations, normalised reversed (fewest → 100).
 *
 * @since 0.1.0
 */
import type { FilterPlugin, ScorePlugin } from "../framework/Plugin.ts"
import type { SchedulingNode, Taint } from "../model/SchedulingNode.ts"
import type { SchedulingPod, Toleration } from "../model/SchedulingPod.ts"
import { normalizeInPlace } from "./Normalize.ts"
import { failure, type Status, success } from "./Status.ts"

/**
 * `Toleration.ToleratesTaint`: effect (empty = any) and key (empty = any) must match; `Exists`
 * ignores the value, `Equal` compares it.
 *
 * @since 0.1.0
 * @category predicates
 */
export const toleratesTaint = (t: Toleration, taint: Taint): boolean => {
  if (t.effect !== "" && t.effect !== taint.effect) return false
  if (t.key !== "" && t.key !== taint.key) return false
  return t.operator === "Exists" ? true : t.value === taint.value
}

/** kube-scheduler's reason for an untolerated taint (v1.35). @since 0.1.0 @category constants */
export const REASON_UNTOLERATED_TAINT = "node(s) had untolerated taint(s)"

/** @since 0.1.0 @category filters */
export const taintTolerationFilter = (pod: SchedulingPod, node: SchedulingNode): Status => {
  for (const taint of node.taints) {
    if (taint.effect === "PreferNoSchedule") continue
    if (!pod.tolerations.some((t) => toleratesTaint(t, taint))) {
      return failure("UnschedulableAndUnresolvable", REASON_UNTOLERATED_TAINT)
    }
  }
  return success
}

/**
 * The raw score: how many PreferNoSchedule taints the pod does not tolerate (before the
 * reversed normalisation).
 *
 * @since 0.1.0
 * @category scorers
 */
export const intolerablePreferNoScheduleCount = (pod: SchedulingPod, node: SchedulingNode): number => {
  const tolerations = pod.tolerations.filter((t) => t.effect === "" || t.effect === "PreferNoSchedule")
  let count = 0
  for (const taint of node.taints) {
    if (taint.effect !== "PreferNoSchedule") continue
    if (!tolerations.some((t) => toleratesTaint(t, taint))) count++
  }
  return count
}

/** TaintToleration at the Filter extension point. @since 0.1.0 @category plugins */
export const taintTolerationFilterPlugin: FilterPlugin = {
  name: "TaintToleration",
  filter: (pod, node) => taintTolerationFilter(pod, node.node),
}

/** TaintToleration at Score: untolerated PreferNoSchedule taints, normalised reversed. @since 0.1.0 @category plugins */
export const taintTolerationScorePlugin: ScorePlugin = {
  name: "TaintToleration",
  score: (pod, node) => intolerablePreferNoScheduleCount(pod, node.node),
  normalize: (scores) => normalizeInPlace(scores, true),
}
