/**
 * A pod's effective request per resource, as kube-scheduler v1.35 computes it
 * (`resourcehelper.PodRequests`): steady = Σ regular containers; walking init containers in
 * order with S = running sum of restartable sidecars, a sidecar adds to S and is a candidate S,
 * a plain init container is a candidate req + S; total = max(steady + S, max candidate) +
 * overhead. Pod-level requests (when set) replace the aggregate for cpu, memory and hugepages,
 * before the overhead is added.
 *
 * With `nonMissing` (the scorers' form) every container, init containers included, whose request
 * key is absent counts the default (100m cpu, 200Mi memory); an explicit 0 stays 0.
 *
 * A pod bound to a node is counted as the scheduler cache counts it (`NodeInfo` with
 * InPlacePodVerticalScaling, GA in v1.35): see {@link assignedPodRequests}.
 *
 * @since 0.1.0
 */
import { CPU, DEFAULT_MEMORY_REQUEST, DEFAULT_MILLI_CPU_REQUEST, isHugePageResource, MEMORY, type ResourceAmounts } from "./Resources.ts"
import type { ContainerRequests, SchedulingPod } from "./SchedulingPod.ts"

/** `IsSupportedPodLevelResource`: cpu, memory and hugepages. */
const isPodLevelResource = (r: string): boolean => r === CPU || r === MEMORY || isHugePageResource(r)

/** Which defaults a container whose list lacks the key counts (upstream's `NonMissingContainerRequests`). */
interface Defaults {
  readonly cpu: boolean
  readonly memory: boolean
}
const NO_DEFAULTS: Defaults = { cpu: false, memory: false }
const ALL_DEFAULTS: Defaults = { cpu: true, memory: true }

/** One container's list, or `undefined` when it contributes nothing (upstream's nil list). */
type ListOf = (c: ContainerRequests) => ResourceAmounts | undefined

const withDefaults = (list: ResourceAmounts | undefined, d: Defaults): ResourceAmounts | undefined => {
  if (!d.cpu && !d.memory) return list
  const out: Record<string, number> = { ...list }
  if (d.cpu && !Object.hasOwn(out, CPU)) out[CPU] = DEFAULT_MILLI_CPU_REQUEST
  if (d.memory && !Object.hasOwn(out, MEMORY)) out[MEMORY] = DEFAULT_MEMORY_REQUEST
  return out
}

/**
 * The sidecar-aware aggregate of one list per container: a key is in it when some container's
 * list names it (an absent key stays distinct from 0, which the non-zero rule reads).
 */
const aggregate = (pod: SchedulingPod, listOf: ListOf, d: Defaults): Record<string, number> => {
  if (pod.initContainers.length === 0) {
    // no init containers: the steady sum alone (the same sums, in the same order, as below)
    const out: Record<string, number> = {}
    for (const c of pod.containers) {
      const list = withDefaults(listOf(c), d)
      if (list === undefined) continue
      for (const k of Object.keys(list)) out[k] = (out[k] ?? 0) + (list[k] ?? 0)
    }
    return out
  }
  const regular = pod.containers.map((c) => withDefaults(listOf(c), d))
  const init = pod.initContainers.map((c) => withDefaults(listOf(c), d))
  const keys = new Set<string>()
  for (const list of [...regular, ...init]) for (const k of Object.keys(list ?? {})) keys.add(k)
  const out: Record<string, number> = {}
  for (const r of keys) {
    let steady = 0
    for (const list of regular) steady += list?.[r] ?? 0
    let sidecars = 0
    let initPeak = 0
    pod.initContainers.forEach((c, i) => {
      const req = init[i]?.[r] ?? 0
      if (c.restartable) {
        sidecars += req
        initPeak = Math.max(initPeak, sidecars)
      } else {
        initPeak = Math.max(initPeak, req + sidecars)
      }
    })
    out[r] = Math.max(steady + sidecars, initPeak)
  }
  return out
}

/** Pod-level requests replace cpu, memory and hugepages; then the overhead is added. */
const finish = (pod: SchedulingPod, containers: Record<string, number>): ResourceAmounts => {
  const out = containers
  const podLevel = pod.podLevelRequests
  if (podLevel !== undefined) for (const [r, v] of Object.entries(podLevel)) if (isPodLevelResource(r)) out[r] = v
  for (const r of Object.keys(pod.overhead)) out[r] = (out[r] ?? 0) + (pod.overhead[r] ?? 0)
  return out
}

const specList: ListOf = (c) => c.requests

/**
 * The effective request of `pod` for every resource any of its containers, its supported
 * pod-level requests or its overhead names, from its spec alone (a pod to schedule).
 * `nonMissing = true` gives the scorers' form (defaults for absent cpu/memory keys).
 *
 * @example
 * import { pod, podRequests } from "catcluster/scheduler"
 * podRequests(pod("d/p", {}), true) // { cpu: 100, memory: 209715200 }
 *
 * @since 0.1.0
 * @category accessors
 */
export const podRequests = (pod: SchedulingPod, nonMissing = false): ResourceAmounts =>
  finish(pod, aggregate(pod, specList, nonMissing ? ALL_DEFAULTS : NO_DEFAULTS))

/** What a bound pod holds on its node: its requests, and the scorers' non-zero cpu and memory. @since 0.1.0 @category model */
export interface AssignedRequests {
  /** `NodeInfo.Requested`'s share: what NodeResourcesFit's filter and BalancedAllocation add up. */
  readonly requests: ResourceAmounts
  /** `NodeInfo.NonZeroRequested`'s share (LeastAllocated, MostAllocated, RequestedToCapacityRatio). */
  readonly nonZeroCpu: number
  readonly nonZeroMemory: number
}

// upstream's containerAllocatedRequests and containerActuatedRequests: the status's list when it
// has one, else (unless the resize is infeasible, when the spec is not what runs) the spec's
const allocatedList =
  (infeasible: boolean): ListOf =>
  (c) =>
    c.allocated ?? (infeasible ? undefined : c.requests)
const actuatedList =
  (infeasible: boolean): ListOf =>
  (c) =>
    c.actuated ?? c.allocated ?? (infeasible ? undefined : c.requests)

const maxInto = (into: Record<string, number>, other: Readonly<Record<string, number>>): void => {
  for (const [r, v] of Object.entries(other)) if (!Object.hasOwn(into, r) || v > (into[r] as number)) into[r] = v
}

const saysStatus = (c: ContainerRequests): boolean => c.allocated !== undefined || c.actuated !== undefined

/** The container aggregate with status resources: max of (spec, actuated, allocated), or of (actuated, allocated) when the resize is infeasible. */
const assignedAggregate = (pod: SchedulingPod, d: Defaults): Record<string, number> => {
  const infeasible = pod.resizeInfeasible === true
  // without a status list and a feasible resize, all three are the spec's (the common case)
  if (!infeasible && !pod.containers.some(saysStatus) && !pod.initContainers.some(saysStatus)) return aggregate(pod, specList, d)
  const out = infeasible ? {} : aggregate(pod, specList, d)
  maxInto(out, aggregate(pod, actuatedList(infeasible), d))
  maxInto(out, aggregate(pod, allocatedList(infeasible), d))
  return out
}

const hasPodLevelRequests = (pod: SchedulingPod): boolean => Object.keys(pod.podLevelRequests ?? {}).some(isPodLevelResource)

/**
 * Whether `pod`, bound, holds exactly what {@link podRequests} gives (requests, and the non-zero
 * form with `nonMissing`): its status says nothing of a resize and it has no pod-level requests.
 * The common case, which spares computing {@link assignedPodRequests}.
 *
 * @since 0.1.0
 * @category predicates
 */
export const holdsSpecRequests = (pod: SchedulingPod): boolean =>
  pod.resizeInfeasible !== true && !pod.containers.some(saysStatus) && !pod.initContainers.some(saysStatus) && !hasPodLevelRequests(pod)

/**
 * What `pod`, bound to a node, adds to it, as kube-scheduler v1.35's cache counts it
 * (`NodeInfo.update`: `PodRequests` with the status resources and pod-level resources on).
 *
 * Per container (its status found by name among `containerStatuses`, then
 * `initContainerStatuses`): the spec list; the allocated list (the status's
 * `allocatedResources`, else the spec's); the actuated list (the status's `resources.requests`,
 * else `allocatedResources`, else the spec's). Each is aggregated as {@link podRequests} does and
 * the result is their maximum per resource. When the resize is infeasible
 * (`resizeInfeasible`) the spec is left out, and a container without a status list counts
 * nothing. Pod-level requests then replace cpu, memory and hugepages (pod-level status is not
 * read: InPlacePodLevelResourcesVerticalScaling is alpha and off in v1.35) and the overhead is added.
 *
 * The non-zero form applies the defaults (100m cpu, 200Mi memory) to every container list lacking
 * the key; with pod-level requests, only for cpu or memory absent from the requests themselves
 * (upstream's `getNonMissingContainerRequests`): a pod with pod-level memory, one container asking
 * 500m cpu and one asking none counts 500m, not 600m.
 *
 * A pod without status resources (one catcluster binds) counts its spec: the same requests as
 * {@link podRequests}, and the same non-zero form unless it has pod-level requests.
 *
 * @example
 * import { assignedPodRequests, pod } from "catcluster/scheduler"
 * // resized from 1 to 2 cpu, the kubelet still runs it at 1: the scheduler counts 2 while it may grow
 * const resizing = pod("d/p", { cpu: 2000 }, { nodeName: "n1", containers: [{ name: "c", requests: { cpu: 2000 }, allocated: { cpu: 1000 }, actuated: { cpu: 1000 } }] })
 * assignedPodRequests(resizing).requests // { cpu: 2000 }
 * assignedPodRequests({ ...resizing, resizeInfeasible: true }).requests // { cpu: 1000 }
 *
 * @since 0.1.0
 * @category accessors
 */
export const assignedPodRequests = (pod: SchedulingPod): AssignedRequests => {
  const requests = finish(pod, assignedAggregate(pod, NO_DEFAULTS))
  const d = hasPodLevelRequests(pod) ? { cpu: !Object.hasOwn(requests, CPU), memory: !Object.hasOwn(requests, MEMORY) } : ALL_DEFAULTS
  const nonZero = d.cpu || d.memory ? finish(pod, assignedAggregate(pod, d)) : requests
  return { requests, nonZeroCpu: nonZero[CPU] ?? 0, nonZeroMemory: nonZero[MEMORY] ?? 0 }
}
