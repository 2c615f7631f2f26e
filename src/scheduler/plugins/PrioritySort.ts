/**
 * Plugin PrioritySort (QueueSort, Kubernetes v1.35): the active queue pops the pod with the
 * highest priority first and, among equal priorities, the one that entered the queue first.
 *
 * Upstream's tie-break is the time the pod was *added to the scheduling queue*, which a batch does
 * not have. catcluster stands in `metadata.creationTimestamp` for it (a pod is queued when it is
 * created) when every queued pod of the batch has one, and otherwise the input order (a list is
 * delivered to the scheduler in order); equal timestamps also keep the input order. Mixing the two
 * would order pods with and without a timestamp arbitrarily, so it is all or nothing.
 *
 * @since 0.1.0
 */
import type { SchedulingPod } from "../model/SchedulingPod.ts"

/**
 * The queue order of `pods` as indices into it: priority descending, then creation time
 * ascending when every pod has one, then input order (the sort is stable).
 *
 * @example
 * import { pod, prioritySortOrder } from "catcluster/scheduler"
 * prioritySortOrder([pod("d/low", {}), pod("d/high", {}, { priority: 10 })]) // [1, 0]
 *
 * @since 0.1.0
 * @category scheduling
 */
export const prioritySortOrder = (pods: ReadonlyArray<SchedulingPod>): ReadonlyArray<number> => {
  const byTime = pods.every((p) => p.creationTimestamp !== undefined)
  const order = pods.map((_, i) => i)
  return order.sort((i, j) => {
    const a = pods[i] as SchedulingPod
    const b = pods[j] as SchedulingPod
    if (a.priority !== b.priority) return b.priority - a.priority
    if (byTime) return (a.creationTimestamp ?? 0) - (b.creationTimestamp ?? 0)
    return 0
  })
}
