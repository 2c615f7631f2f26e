/**
 * A pod's quality-of-service class, as Kubernetes computes it (`ComputePodQOS`, v1.35).
 *
 * @since 0.1.0
 */
import type { Quantity } from "../quantity/Quantity.ts"
import { CPU, MEMORY } from "./ResourceName.ts"
import { defaultedRequests } from "./ResourceRequirements.ts"
import type { QuantityMap } from "./ResourceRequirements.ts"
import type { PodSpecInput } from "./PodRequests.ts"

/**
 * `Guaranteed` (every container has cpu and memory limits and requests equal to them),
 * `BestEffort` (no cpu or memory request or limit anywhere), else `Burstable`.
 *
 * @since 0.1.0
 * @category model
 */
export type QosClass = "Guaranteed" | "Burstable" | "BestEffort"

const QOS_RESOURCES: ReadonlySet<string> = new Set([CPU, MEMORY])

/** Adds the positive cpu/memory amounts of `from` into `into` (exact nanos); returns the names seen. */
const accumulate = (into: Map<string, bigint>, from: QuantityMap | undefined): Set<string> => {
  const seen = new Set<string>()
  for (const [name, q] of Object.entries(from ?? {}) as ReadonlyArray<readonly [string, Quantity]>) {
    if (!QOS_RESOURCES.has(name) || q.nanos <= 0n) continue
    seen.add(name)
    into.set(name, (into.get(name) ?? 0n) + q.nanos)
  }
  return seen
}

/**
 * The QoS class of a pod. Only cpu and memory count; requests are taken after defaulting
 * (a limit without a request requests the limit). With pod-level `spec.resources` set, those
 * decide alone (PodLevelResources).
 *
 * @example
 * import { qosClass } from "catcluster/domain/resources"
 * // limits = requests = {cpu: 700m, memory: 200Mi} → "Guaranteed"
 *
 * @since 0.1.0
 * @category destructors
 */
export const qosClass = (spec: PodSpecInput, options: { readonly podLevelResources?: boolean } = {}): QosClass => {
  const requests = new Map<string, bigint>()
  const limits = new Map<string, bigint>()
  let guaranteed = true
  // pod-level resources decide only when they name cpu or memory (IsPodLevelResourcesSet)
  const setsQos = (m: QuantityMap | undefined): boolean => Object.keys(m ?? {}).some((n) => QOS_RESOURCES.has(n))
  const podLevel =
    options.podLevelResources !== false && (setsQos(spec.resources?.requests) || setsQos(spec.resources?.limits))
      ? spec.resources
      : undefined
  const stanzas =
    podLevel !== undefined
      ? [podLevel]
      : [...spec.containers, ...(spec.initContainers ?? [])].map((c) => c.resources ?? {})
  for (const stanza of stanzas) {
    accumulate(requests, defaultedRequests(stanza))
    const limited = accumulate(limits, stanza.limits)
    if (!(limited.has(CPU) && limited.has(MEMORY))) guaranteed = false
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort"
  for (const [name, request] of requests) if (limits.get(name) !== request) guaranteed = false
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable"
}
