/**
 * Filter NodeUnschedulable (v1.35): a cordoned node (`spec.unschedulable`) rejects pods that do
 * not tolerate the `node.kubernetes.io/unschedulable:NoSchedule` taint.
 *
 * @since 0.1.0
 */
import type { FilterPlugin } from "../framework/Plugin.ts"
import type { SchedulingNode } from "../model/SchedulingNode.ts"
import type { SchedulingPod } from "../model/SchedulingPod.ts"
import { failure, type Status, success } from "./Status.ts"
import { toleratesTaint } from "./TaintToleration.ts"

/** kube-scheduler's reason. @since 0.1.0 @category constants */
export const REASON_UNSCHEDULABLE = "node(s) were unschedulable"

const unschedulableTaint = { key: "node.kubernetes.io/unschedulable", value: "", effect: "NoSchedule" } as const

/** @since 0.1.0 @category filters */
export const nodeUnschedulableFilter = (pod: SchedulingPod, node: SchedulingNode): Status =>
  !node.unschedulable || pod.tolerations.some((t) => toleratesTaint(t, unschedulableTaint))
    ? success
    : failure("UnschedulableAndUnresolvable", REASON_UNSCHEDULABLE)

/** NodeUnschedulable at the Filter extension point. @since 0.1.0 @category plugins */
export const nodeUnschedulablePlugin: FilterPlugin = {
  name: "NodeUnschedulable",
  filter: (pod, node) => nodeUnschedulableFilter(pod, node.node),
}
