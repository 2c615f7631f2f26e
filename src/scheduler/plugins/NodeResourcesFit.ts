/**
 * Plugin NodeResourcesFit, filter part (Kubernetes v1.35 `fitsRequest`):
 * 1. pods on node + 1 > allocatable pods → "Too many pods" (checked for every pod);
 * 2. a pod requesting nothing stops there;
 * 3. cpu, memory, ephemeral-storage: "Insufficient <r>" when req > 0 and req > allocatable − used;
 * 4. scalar resources (in name order here; Go iterates a map): skip 0, skip ignored extended
 *    resources / groups, "Insufficient <r>" when req > allocatable − used (absent = 0).
 * Status UnschedulableAndUnresolvable when some request exceeds allocatable outright.
 *
 * @since 0.1.0
 */
import { CPU, EPHEMERAL_STORAGE, isExtendedResource, MEMORY, PODS, type ResourceAmounts } from "../model/Resources.ts"
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

/** The filter status from the failed checks. @since 0.1.0 @category filters */
export const fitStatus = (failed: ReadonlyArray<InsufficientResource>): Status =>
  failed.length === 0
    ? success
    : failure(
        failed.some((f) => f.requested > f.capacity) ? "UnschedulableAndUnresolvable" : "Unschedulable",
        ...failed.map((f) => f.reason),
      )
