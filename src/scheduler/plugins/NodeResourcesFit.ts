/**
 * Plugin NodeResourcesFit (Kubernetes v1.35). PreFilter computes the pod's effective requests;
 * Filter is `fitsRequest`:
 * 1. pods on node + 1 > allocatable pods → "Too many pods" (checked for every pod);
 * 2. a pod requesting nothing stops there;
 * 3. cpu, memory, ephemeral-storage: "Insufficient <r>" when req > 0 and req > allocatable − used;
 * 4. scalar resources (in name order here; Go iterates a map): skip 0, skip ignored extended
 *    resources / groups, "Insufficient <r>" when req > allocatable − used (absent = 0).
 * Status UnschedulableAndUnresolvable when some request (not the pod count) exceeds allocatable
 * outright. Score is
 * the profile's scoring strategy over the scorer requests (defaults for absent cpu/memory keys),
 * see `ResourceScore.ts`.
 *
 * @since 0.1.0
 */
import { type FilterPlugin, proceed, type ScorePlugin } from "../framework/Plugin.ts"
import { podRequests } from "../model/Requests.ts"
import { CPU, EPHEMERAL_STORAGE, isExtendedResource, isScalarResource, MEMORY, PODS, type ResourceAmounts } from "../model/Resources.ts"
import type { Profile } from "../profile/Profile.ts"
import type { NodeState } from "../readable/NodeState.ts"
import { intDiv, leastAllocatedScore, mostAllocatedScore, ratioScore, roundHalfAwayFromZero } from "./ResourceScore.ts"
import { failure, type Status, success } from "./Status.ts"

/** One failed resource check. @since 0.1.0 @category model */
export interface InsufficientResource {
  readonly resource: string
  readonly reason: string
  readonly requested: number
  readonly used: number
  readonly capacity: number
}

/** Which extended resources the filter ignores (NodeResourcesFitArgs). @since 0.1.0 @category model */
export interface IgnoredResources {
  readonly ignoredResources: ReadonlyArray<string>
  readonly ignoredResourceGroups: ReadonlyArray<string>
}

/** Extended resources skipped by `ignoredResources` / `ignoredResourceGroups`. @since 0.1.0 @category predicates */
export const isIgnored = (name: string, ignored: IgnoredResources): boolean =>
  isExtendedResource(name) &&
  (ignored.ignoredResources.includes(name) || ignored.ignoredResourceGroups.includes(name.split("/")[0] ?? ""))

/**
 * The failed checks of a pod (effective `request`) on a node with `allocatable`, `used` and
 * `podCount` pods.
 *
 * @since 0.1.0
 * @category filters
 */
export const insufficientResources = (
  request: ResourceAmounts,
  allocatable: ResourceAmounts,
  used: ResourceAmounts,
  podCount: number,
  ignored: IgnoredResources,
): ReadonlyArray<InsufficientResource> => {
  const out: InsufficientResource[] = []
  const allowedPods = allocatable[PODS] ?? 0
  if (podCount + 1 > allowedPods) {
    out.push({ resource: PODS, reason: "Too many pods", requested: 1, used: podCount, capacity: allowedPods })
  }
  const scalars = Object.keys(request)
    .filter((r) => r !== CPU && r !== MEMORY && r !== EPHEMERAL_STORAGE && r !== PODS)
    .sort()
  const cpu = request[CPU] ?? 0
  const memory = request[MEMORY] ?? 0
  const storage = request[EPHEMERAL_STORAGE] ?? 0
  if (cpu === 0 && memory === 0 && storage === 0 && scalars.every((r) => (request[r] ?? 0) === 0)) return out
  for (const r of [CPU, MEMORY, EPHEMERAL_STORAGE]) {
    const req = request[r] ?? 0
    const cap = allocatable[r] ?? 0
    const u = used[r] ?? 0
    if (req > 0 && req > cap - u) out.push({ resource: r, reason: `Insufficient ${r}`, requested: req, used: u, capacity: cap })
  }
  for (const r of scalars) {
    const req = request[r] ?? 0
    if (req === 0 || isIgnored(r, ignored)) continue
    const cap = allocatable[r] ?? 0
    const u = used[r] ?? 0
    if (req > cap - u) out.push({ resource: r, reason: `Insufficient ${r}`, requested: req, used: u, capacity: cap })
  }
  return out
}

/**
 * The filter status from the failed checks: UnschedulableAndUnresolvable when some resource
 * request exceeds the node's allocatable outright (no preemption can help), else Unschedulable.
 * "Too many pods" never counts as unresolvable (v1.35's fitsRequest does not mark it), so a node
 * allowing no pods at all is still a preemption candidate.
 *
 * @since 0.1.0
 * @category filters
 */
export const fitStatus = (failed: ReadonlyArray<InsufficientResource>): Status =>
  failed.length === 0
    ? success
    : failure(
        failed.some((f) => f.resource !== PODS && f.requested > f.capacity) ? "UnschedulableAndUnresolvable" : "Unschedulable",
        ...failed.map((f) => f.reason),
      )

/**
 * NodeResourcesFit at PreFilter (the pod's effective requests) and Filter.
 *
 * @since 0.1.0
 * @category plugins
 */
export const nodeResourcesFitFilterPlugin = (profile: Profile): FilterPlugin<ResourceAmounts> => ({
  name: "NodeResourcesFit",
  preFilter: (pod) => proceed(podRequests(pod)),
  filter: (pod, node, request) =>
    fitStatus(insufficientResources(request ?? podRequests(pod), node.node.allocatable, node.used, node.pods.length, profile)),
})

/**
 * `calculateResourceAllocatableRequest`: the node's allocatable and requested-with-pod amounts of
 * one resource; (0, 0) skips it. `useRequested` reads actual requests (BalancedAllocation), else
 * the scorers' non-zero sums for cpu and memory (NodeResourcesFit).
 *
 * @since 0.1.0
 * @category scorers
 */
export const allocatableAndRequested = (
  name: string,
  podRequest: number,
  state: NodeState,
  useRequested: boolean,
): readonly [number, number] => {
  const alloc = state.node.allocatable
  if (podRequest === 0 && isScalarResource(name)) return [0, 0]
  if (name === CPU) return [alloc[CPU] ?? 0, (useRequested ? (state.used[CPU] ?? 0) : state.nonZeroCpu) + podRequest]
  if (name === MEMORY) return [alloc[MEMORY] ?? 0, (useRequested ? (state.used[MEMORY] ?? 0) : state.nonZeroMemory) + podRequest]
  if (name === EPHEMERAL_STORAGE) return [alloc[name] ?? 0, (state.used[name] ?? 0) + podRequest]
  if (!isScalarResource(name) || !Object.hasOwn(alloc, name)) return [0, 0]
  return [alloc[name] ?? 0, (state.used[name] ?? 0) + podRequest]
}

/**
 * NodeResourcesFit's score of a node for a pod whose scorer requests (defaults for absent
 * cpu/memory keys) are `nonZero`.
 *
 * @since 0.1.0
 * @category scorers
 */
export const fitScore = (profile: Profile, nonZero: ResourceAmounts, state: NodeState): number => {
  const strategy = profile.scoringStrategy
  let nodeScore = 0
  let weightSum = 0
  for (const { name, weight } of strategy.resources) {
    const [alloc, req] = allocatableAndRequested(name, nonZero[name] ?? 0, state, false)
    if (alloc === 0) continue
    if (strategy.type === "RequestedToCapacityRatio") {
      const s = ratioScore(
        req,
        alloc,
        strategy.shape.map((p) => p.utilization),
        strategy.shape.map((p) => p.score * 10),
      )
      if (s > 0) {
        nodeScore += s * weight
        weightSum += weight
      }
    } else {
      const s = strategy.type === "LeastAllocated" ? leastAllocatedScore(req, alloc) : mostAllocatedScore(req, alloc)
      nodeScore += s * weight
      weightSum += weight
    }
  }
  if (weightSum === 0) return 0
  return strategy.type === "RequestedToCapacityRatio" ? roundHalfAwayFromZero(nodeScore / weightSum) : intDiv(nodeScore, weightSum)
}

/**
 * NodeResourcesFit at PreScore (the scorer requests) and Score.
 *
 * @since 0.1.0
 * @category plugins
 */
export const nodeResourcesFitScorePlugin = (profile: Profile): ScorePlugin<ResourceAmounts> => ({
  name: "NodeResourcesFit",
  preScore: (pod) => proceed(podRequests(pod, true)),
  score: (pod, node, nonZero) => fitScore(profile, nonZero ?? podRequests(pod, true), node),
})
