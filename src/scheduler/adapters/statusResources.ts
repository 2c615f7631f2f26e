/**
 * What a running pod's status says of its resources, for the requests the scheduler counts
 * while a resize is in flight (InPlacePodVerticalScaling, GA in v1.35): each container's
 * `allocatedResources` and `resources.requests`, found by name as upstream finds them (among
 * `status.containerStatuses`, then `status.initContainerStatuses`), and whether the first
 * `PodResizePending` condition's reason is `Infeasible`.
 *
 * Read only for a pod bound to a node: a pending pod's requests are its spec's. The amounts are
 * validated as the spec's are (names, non-negative, in range): a bad one is an `Invalid value`
 * at its path. Unknown or absent fields say nothing.
 *
 * @since 0.1.0
 */
import type { ContainerStatus, PodStatus } from "../../domain/manifest/codecs/pod.ts"
import type { ContainerRequests, SchedulingPod } from "../model/SchedulingPod.ts"
import type { Locate } from "./fieldErrors.ts"
import { amountsOf } from "./resourceAmounts.ts"

/** The condition type the kubelet sets while a resize waits, and its reason for one it will never apply. */
const RESIZE_PENDING = "PodResizePending"
const INFEASIBLE = "Infeasible"

/** `IsPodResizeInfeasible`: the first `PodResizePending` condition decides. */
const resizeInfeasible = (status: PodStatus): boolean => {
  const conditions = status["conditions"]
  if (!Array.isArray(conditions)) return false
  const pending = conditions.find((c: unknown) => (c as { type?: unknown } | null)?.type === RESIZE_PENDING) as { reason?: unknown } | undefined
  return pending?.reason === INFEASIBLE
}

interface StatusLists {
  readonly allocated?: Record<string, number>
  readonly actuated?: Record<string, number>
}

const listsOf = (s: ContainerStatus, at: string, locate: Locate): StatusLists => ({
  ...(s.allocatedResources === undefined ? {} : { allocated: amountsOf(s.allocatedResources, locate(`${at}.allocatedResources`)) }),
  ...(s.resources?.requests === undefined ? {} : { actuated: amountsOf(s.resources.requests, locate(`${at}.resources.requests`)) }),
})

/**
 * `pod` (bound to a node) with what `status` says of its containers' resources; `locate` is
 * relative to the pod object (its status is at `status`). `pod` itself when the status says
 * nothing of them.
 *
 * @since 0.1.0
 * @category constructors
 */
export const withStatusResources = (pod: SchedulingPod, status: PodStatus | undefined, locate: Locate): SchedulingPod => {
  if (status === undefined) return pod
  // every entry is validated, matched or not: a bad amount is bad input wherever it is
  const read = (field: "containerStatuses" | "initContainerStatuses") =>
    (status[field] ?? []).map((s, i) => ({ name: s.name, lists: listsOf(s, `status.${field}[${i}]`, locate) }))
  const regular = read("containerStatuses")
  const init = read("initContainerStatuses")
  // upstream's findContainerStatus: the first of that name among the containers' statuses, then the init containers'
  const find = (name: string): StatusLists | undefined => (regular.find((s) => s.name === name) ?? init.find((s) => s.name === name))?.lists
  const infeasible = resizeInfeasible(status)
  let said = false
  const attach = <C extends ContainerRequests>(c: C): C => {
    const lists = find(c.name)
    if (lists === undefined || (lists.allocated === undefined && lists.actuated === undefined)) return c
    said = true
    return { ...c, ...lists }
  }
  const containers = pod.containers.map(attach)
  const initContainers = pod.initContainers.map(attach)
  if (!said && !infeasible) return pod
  return { ...pod, containers, initContainers, ...(infeasible ? { resizeInfeasible: true } : {}) }
}
