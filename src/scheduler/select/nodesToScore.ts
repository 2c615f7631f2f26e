/**
 * How many feasible nodes kube-scheduler looks for before it stops filtering (v1.35
 * `numFeasibleNodesToFind`): all when there are fewer than 100 nodes or the percentage is 100;
 * the adaptive default p = max(5, 50 − N div 125) percent; at least 100 nodes.
 *
 * @since 0.1.0
 */
import type { NodesToScore } from "../profile/Profile.ts"

/** The minimum number of feasible nodes to find. @since 0.1.0 @category constants */
export const MIN_FEASIBLE_NODES_TO_FIND = 100
/** The floor of the adaptive percentage. @since 0.1.0 @category constants */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5

/**
 * The number of feasible nodes to find among `allNodes`.
 *
 * @example
 * import { numFeasibleNodesToFind } from "catcluster/scheduler"
 * numFeasibleNodesToFind(5000, "adaptive") // p = max(5, 50 − 40) = 10 % → 500
 *
 * @since 0.1.0
 * @category selection
 */
export const numFeasibleNodesToFind = (allNodes: number, setting: NodesToScore): number => {
  if (setting === "all") return allNodes
  const percentage = setting === "adaptive" ? 0 : setting
  if (allNodes < MIN_FEASIBLE_NODES_TO_FIND || percentage >= 100) return allNodes
  let p = percentage
  if (p === 0) {
    p = 50 - Math.trunc(allNodes / 125)
    if (p < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) p = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND
  }
  const n = Math.trunc((allNodes * p) / 100)
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n
}
