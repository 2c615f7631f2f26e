/**
 * Filter NodeName (v1.35): a pod naming a node (`spec.nodeName`) fits only that node.
 *
 * @since 0.1.0
 */
import type { FilterPlugin } from "../framework/Plugin.ts"
import type { SchedulingNode } from "../model/SchedulingNode.ts"
import type { SchedulingPod } from "../model/SchedulingPod.ts"
import { failure, type Status, success } from "./Status.ts"

/** kube-scheduler's reason. @since 0.1.0 @category constants */
export const REASON_NODE_NAME = "node(s) didn't match the requested node name"

/** @since 0.1.0 @category filters */
export const nodeNameFilter = (pod: SchedulingPod, node: SchedulingNode): Status =>
  pod.nodeName === undefined || pod.nodeName === node.name ? success : failure("UnschedulableAndUnresolvable", REASON_NODE_NAME)

/** NodeName at the Filter extension point. @since 0.1.0 @category plugins */
export const nodeNamePlugin: FilterPlugin = {
  name: "NodeName",
  filter: (pod, node) => nodeNameFilter(pod, node.node),
}
