/**
 * The effective requests and limits of a whole pod, as kube-scheduler computes them
 * (`k8s.io/component-helpers/resource` `PodRequests` / `PodLimits`, Kubernetes v1.35).
 *
 * @since 0.1.0
 */
import type { Quantity } from "../quantity/Quantity.ts"
import { CPU, isHugePages, MEMORY } from "./ResourceName.ts"
import { containerLimits, containerRequests, defaultedRequests } from "./ResourceRequirements.ts"
import type { ContainerInput, QuantityMap, ResourceRequirementsInput } from "./ResourceRequirements.ts"
import { addResources, amountOf, emptyResources, fromQuantities, maxResources } from "./ResourceVector.ts"
import type { ResourceVector } from "./ResourceVector.ts"

/**
 * What aggregation needs from a pod spec (a decoded manifest's `spec` fits).
 *
 * @since 0.1.0
 * @category model
 */
export interface PodSpecInput {
  readonly containers: ReadonlyArray<ContainerInput>
  readonly initContainers?: ReadonlyArray<ContainerInput> | undefined
  /** RuntimeClass overhead, added on top. */
  readonly overhead?: QuantityMap | undefined
  /** Pod-level resources (feature gate PodLevelResources). */
  readonly resources?: ResourceRequirementsInput | undefined
}

/**
 * Switches of the aggregation.
 *
 * @since 0.1.0
 * @category model
 */
export interface PodResourcesOptions {
  /** Honour pod-level `spec.resources` for cpu, memory and hugepages (PodLevelResources, beta and on by default since v1.34). Default true. */
  readonly podLevelResources?: boolean
  /** Leave out `spec.overhead`. Default false. */
  readonly excludeOverhead?: boolean
}

/** Pod-level resources Kubernetes lets override the container aggregate (`IsSupportedPodLevelResource`). */
const isPodLevelResource = (name: string): boolean => name === CPU || name === MEMORY || isHugePages(name)

const isSidecar = (c: ContainerInput): boolean => c.restartPolicy === "Always"

/**
 * Aggregate over containers: steady = Σ regular containers; init containers in order, with
 * S = running sum of restartable sidecars: a sidecar adds to S and is a candidate S, a plain
 * init container is a candidate `own + S`; steady += S; result = max(steady, max candidates).
 */
const aggregate = (spec: PodSpecInput, of: (c: ContainerInput) => ResourceVector): ResourceVector => {
  let steady = emptyResources
  for (const c of spec.containers) steady = addResources(steady, of(c))
  let sidecars = emptyResources
  let initPeak = emptyResources
  for (const c of spec.initContainers ?? []) {
    let candidate: ResourceVector
    if (isSidecar(c)) {
      steady = addResources(steady, of(c))
      sidecars = addResources(sidecars, of(c))
      candidate = sidecars
    } else {
      candidate = addResources(of(c), sidecars)
    }
    initPeak = maxResources(initPeak, candidate)
  }
  return maxResources(steady, initPeak)
}

const podLevel = (quantities: QuantityMap): ReadonlyArray<readonly [string, Quantity]> =>
  Object.entries(quantities).filter(([name]) => isPodLevelResource(name))

/**
 * The effective request of a pod, per resource (cpu in milli-cores, others in base units):
 * the container aggregate with init containers and restartable sidecars, pod-level
 * `spec.resources.requests` overriding cpu/memory/hugepages when set, plus `spec.overhead`.
 *
 * @example
 * import { podRequests, showResources } from "catcluster/domain/resources"
 * // init container 2 cpu, sidecar 1 cpu, app 1 cpu → max(1 + 1, 2 + 1) = 3 cpu
 * // showResources(podRequests(spec)) === "cpu=3000m"
 *
 * @since 0.1.0
 * @category destructors
 */
export const podRequests = (spec: PodSpecInput, options: PodResourcesOptions = {}): ResourceVector => {
  const requests = new Map(aggregate(spec, containerRequests))
  if (options.podLevelResources !== false && spec.resources !== undefined) {
    // pod-level requests default to pod-level limits like container ones
    for (const [name, q] of podLevel(defaultedRequests(spec.resources))) requests.set(name, amountOf(name, q))
  }
  if (options.excludeOverhead === true || spec.overhead === undefined) return requests
  return addResources(requests, fromQuantities(spec.overhead))
}

/**
 * The effective limits of a pod: the same aggregation over limits, pod-level limits
 * overriding cpu/memory/hugepages, overhead added only to resources that already have a
 * non-zero limit (an absent limit stays unlimited).
 *
 * @since 0.1.0
 * @category destructors
 */
export const podLimits = (spec: PodSpecInput, options: PodResourcesOptions = {}): ResourceVector => {
  const limits = new Map(aggregate(spec, containerLimits))
  if (options.podLevelResources !== false && spec.resources?.limits !== undefined) {
    for (const [name, q] of podLevel(spec.resources.limits)) limits.set(name, amountOf(name, q))
  }
  if (options.excludeOverhead === true || spec.overhead === undefined) return limits
  for (const [name, q] of Object.entries(spec.overhead)) {
    const current = limits.get(name)
    if (current !== undefined && current !== 0n) limits.set(name, current + amountOf(name, q))
  }
  return limits
}
