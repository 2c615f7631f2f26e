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
 * @since 0.1.0
 */
import { CPU, DEFAULT_MEMORY_REQUEST, DEFAULT_MILLI_CPU_REQUEST, isHugePageResource, MEMORY, type ResourceAmounts } from "./Resources.ts"
import type { SchedulingPod } from "./SchedulingPod.ts"

/** `IsSupportedPodLevelResource`: cpu, memory and hugepages. */
const isPodLevelResource = (r: string): boolean => r === CPU || r === MEMORY || isHugePageResource(r)

const withDefaults = (requests: ResourceAmounts, nonMissing: boolean): ResourceAmounts => {
  if (!nonMissing) return requests
  const out: Record<string, number> = { ...requests }
  if (!(CPU in out)) out[CPU] = DEFAULT_MILLI_CPU_REQUEST
  if (!(MEMORY in out)) out[MEMORY] = DEFAULT_MEMORY_REQUEST
  return out
}

const names = (pod: SchedulingPod): ReadonlySet<string> => {
  const all = new Set<string>()
  for (const c of pod.containers) for (const k of Object.keys(c.requests)) all.add(k)
  for (const c of pod.initContainers) for (const k of Object.keys(c.requests)) all.add(k)
  for (const k of Object.keys(pod.overhead)) all.add(k)
  for (const k of Object.keys(pod.podLevelRequests ?? {})) if (isPodLevelResource(k)) all.add(k)
  return all
}

/**
 * The effective request of `pod` for every resource any of its containers or its overhead names.
 * `nonMissing = true` gives the scorers' form (defaults for absent cpu/memory keys).
 *
 * @example
 * import { pod, podRequests } from "catcluster/scheduler"
 * podRequests(pod("d/p", {}), true) // { cpu: 100, memory: 209715200 }
 *
 * @since 0.1.0
 * @category accessors
 */
export const podRequests = (pod: SchedulingPod, nonMissing = false): ResourceAmounts => {
  const keys = new Set(names(pod))
  if (nonMissing) {
    keys.add(CPU)
    keys.add(MEMORY)
  }
  const out: Record<string, number> = {}
  for (const r of keys) {
    let steady = 0
    for (const c of pod.containers) steady += withDefaults(c.requests, nonMissing)[r] ?? 0
    let sidecars = 0
    let initPeak = 0
    for (const c of pod.initContainers) {
      const req = withDefaults(c.requests, nonMissing)[r] ?? 0
      if (c.restartable) {
        sidecars += req
        initPeak = Math.max(initPeak, sidecars)
      } else {
        initPeak = Math.max(initPeak, req + sidecars)
      }
    }
    const aggregate = Math.max(steady + sidecars, initPeak)
    const podLevel = pod.podLevelRequests?.[r]
    const total = (podLevel !== undefined && isPodLevelResource(r) ? podLevel : aggregate) + (pod.overhead[r] ?? 0)
    out[r] = total
  }
  return out
}
