/**
 * A pod compiled once per scheduling cycle for the hot path: what it holds once bound per column
 * as plain numbers (as the scheduler cache counts a bound pod: `assignedPodRequests`), the scalar
 * checks the filter makes on its spec requests (name order, ignored resources dropped), the
 * scorer requests per configured resource, and its NUMA need.
 *
 * @since 0.1.0
 */
import { assignedPodRequests, holdsSpecRequests, podRequests } from "../model/Requests.ts"
import { CPU, EPHEMERAL_STORAGE, isScalarResource, MEMORY, PODS } from "../model/Resources.ts"
import type { SchedulingPod } from "../model/SchedulingPod.ts"
import { isIgnored } from "../plugins/NodeResourcesFit.ts"
import { filterEnabled, type Profile, type WeightedResource } from "../profile/Profile.ts"
import { columnOf, type NodeArrays } from "./NodeArrays.ts"

/** How a scorer reads a configured resource. @since 0.1.0 @category constants */
export const KIND = { cpu: 0, memory: 1, storage: 2, scalar: 3, skip: 4 } as const

/** A profile's scorer resources resolved to columns. @since 0.1.0 @category model */
export interface CompiledResources {
  readonly kind: Int8Array
  readonly column: Int32Array
  readonly weight: Float64Array
  readonly names: ReadonlyArray<string>
}

/** Resolve scorer resources to columns. @since 0.1.0 @category constructors */
export const compileResources = (a: NodeArrays, resources: ReadonlyArray<WeightedResource>): CompiledResources => {
  const kind = new Int8Array(resources.length)
  const column = new Int32Array(resources.length)
  const weight = new Float64Array(resources.length)
  resources.forEach((r, i) => {
    weight[i] = r.weight
    if (r.name === CPU) kind[i] = KIND.cpu
    else if (r.name === MEMORY) kind[i] = KIND.memory
    else if (r.name === EPHEMERAL_STORAGE) kind[i] = KIND.storage
    else if (isScalarResource(r.name)) {
      kind[i] = KIND.scalar
      column[i] = columnOf(a, r.name)
    } else kind[i] = KIND.skip
  })
  return { kind, column, weight, names: resources.map((r) => r.name) }
}

const NO_IMAGES = { scores: null, key: "" }
// Shared by every pod without scalar requests (most): compiled arrays are only read.
const NO_COLUMNS = new Int32Array(0)
const NO_AMOUNTS = new Float64Array(0)

/** @since 0.1.0 @category model */
export interface CompiledPod {
  readonly pod: SchedulingPod
  /** Every non-zero request it holds once bound (what binding adds to the node; a bound pod's status may hold more than its spec). */
  readonly columns: Int32Array
  readonly amounts: Float64Array
  /** The filter's requests (the spec's, as for a pod to schedule). */
  readonly cpu: number
  readonly memory: number
  readonly storage: number
  /** Scalar checks of the filter, in name order. */
  readonly scalarColumns: Int32Array
  readonly scalarAmounts: Float64Array
  readonly requestsNothing: boolean
  /** What binding adds to the node's non-zero cpu and memory (the bound pod's form). */
  readonly nonZeroCpu: number
  readonly nonZeroMemory: number
  /** Scorer request per NodeResourcesFit resource (defaults for absent cpu/memory keys). */
  readonly fitRequest: Float64Array
  /** Actual request per BalancedAllocation resource. */
  readonly balancedRequest: Float64Array
  readonly balancedSkips: boolean
  /** NUMA need, vcpus −1 when none (or the profile does not run NumaFit). */
  readonly numaCpus: number
  readonly numaMemory: number
  readonly numaHuge: boolean
  /** ImageLocality's score per node (static: node images never change), `null` when 0 everywhere. */
  readonly image: Uint8Array | null
  /** What the image scores depend on (the pod's images), for scoring signatures. */
  readonly imageKey: string
}

/**
 * Whether `pod` reads its requests, NUMA need and images from the very objects `previous` read
 * them from. A controller's replicas share their template's objects, so the compiled form of
 * the first replica serves the others (compiling costs more than a replica's placement from the
 * score cache); identity, not equality, keeps the check O(1).
 *
 * @since 0.1.0
 * @category predicates
 */
export const sharesCompiledFields = (previous: SchedulingPod, pod: SchedulingPod): boolean =>
  previous.containers === pod.containers &&
  previous.initContainers === pod.initContainers &&
  previous.overhead === pod.overhead &&
  previous.podLevelRequests === pod.podLevelRequests &&
  previous.resizeInfeasible === pod.resizeInfeasible &&
  previous.numa === pod.numa &&
  previous.images === pod.images &&
  previous.imageVolumes === pod.imageVolumes

/**
 * `previous`'s compiled form for `pod` (when {@link sharesCompiledFields}): the same arrays, the
 * same object shape as `compilePod` builds (one hidden class for the scan's loads).
 *
 * @since 0.1.0
 * @category constructors
 */
export const recompiledFor = (previous: CompiledPod, pod: SchedulingPod): CompiledPod => ({
  pod,
  columns: previous.columns,
  amounts: previous.amounts,
  cpu: previous.cpu,
  memory: previous.memory,
  storage: previous.storage,
  scalarColumns: previous.scalarColumns,
  scalarAmounts: previous.scalarAmounts,
  requestsNothing: previous.requestsNothing,
  nonZeroCpu: previous.nonZeroCpu,
  nonZeroMemory: previous.nonZeroMemory,
  fitRequest: previous.fitRequest,
  balancedRequest: previous.balancedRequest,
  balancedSkips: previous.balancedSkips,
  numaCpus: previous.numaCpus,
  numaMemory: previous.numaMemory,
  numaHuge: previous.numaHuge,
  image: previous.image,
  imageKey: previous.imageKey,
})

// The resources of `requests` with a non-zero amount (pods aside), in name order.
const requestedNames = (requests: Readonly<Record<string, number | undefined>>): string[] => {
  const out: string[] = []
  for (const r of Object.keys(requests)) {
    if (r === PODS || (requests[r] ?? 0) === 0) continue
    // insertion sort: a pod names a handful of resources (Array.prototype.sort copies)
    let i = out.length
    out.push(r)
    while (i > 0 && (out[i - 1] as string) > r) {
      out[i] = out[i - 1] as string
      i--
    }
    out[i] = r
  }
  return out
}

/**
 * Compile a pod against the arrays and the profile (may add resource columns).
 *
 * @since 0.1.0
 * @category constructors
 */
export const compilePod = (
  a: NodeArrays,
  profile: Profile,
  fit: CompiledResources,
  balanced: CompiledResources,
  pod: SchedulingPod,
  image: { readonly scores: Uint8Array | null; readonly key: string } = NO_IMAGES,
): CompiledPod => {
  const actual = podRequests(pod)
  const nonZero = podRequests(pod, true)
  // what it holds once bound: its spec's requests unless its status says more (or less) of a resize
  const spec = holdsSpecRequests(pod)
  const assigned = spec ? undefined : assignedPodRequests(pod)
  const heldRequests = assigned === undefined ? actual : assigned.requests
  // typed arrays filled by loops: `TypedArray.from` with a mapper costs several times more, and
  // a one-off pod is compiled once per cycle
  const heldNames = requestedNames(heldRequests)
  const columns = new Int32Array(heldNames.length)
  const amounts = new Float64Array(heldNames.length)
  for (let i = 0; i < heldNames.length; i++) {
    const r = heldNames[i] as string
    columns[i] = columnOf(a, r)
    amounts[i] = heldRequests[r] ?? 0
  }
  const names = heldRequests === actual ? heldNames : requestedNames(actual)
  const scalars = names.filter((r) => r !== CPU && r !== MEMORY && r !== EPHEMERAL_STORAGE && !isIgnored(r, profile))
  const scalarColumns = scalars.length === 0 ? NO_COLUMNS : new Int32Array(scalars.length)
  const scalarAmounts = scalars.length === 0 ? NO_AMOUNTS : new Float64Array(scalars.length)
  for (let i = 0; i < scalars.length; i++) {
    const r = scalars[i] as string
    scalarColumns[i] = columnOf(a, r)
    scalarAmounts[i] = actual[r] ?? 0
  }
  const cpu = actual[CPU] ?? 0
  const memory = actual[MEMORY] ?? 0
  const storage = actual[EPHEMERAL_STORAGE] ?? 0
  const fitRequest = new Float64Array(fit.names.length)
  for (let i = 0; i < fitRequest.length; i++) fitRequest[i] = nonZero[fit.names[i] as string] ?? 0
  const balancedRequest = new Float64Array(balanced.names.length)
  let balancedSkips = true
  for (let i = 0; i < balancedRequest.length; i++) {
    const v = actual[balanced.names[i] as string] ?? 0
    balancedRequest[i] = v
    if (v !== 0) balancedSkips = false
  }
  return {
    pod,
    columns,
    amounts,
    cpu,
    memory,
    storage,
    scalarColumns,
    scalarAmounts,
    requestsNothing: names.length === 0,
    nonZeroCpu: assigned === undefined ? (nonZero[CPU] ?? 0) : assigned.nonZeroCpu,
    nonZeroMemory: assigned === undefined ? (nonZero[MEMORY] ?? 0) : assigned.nonZeroMemory,
    fitRequest,
    balancedRequest,
    balancedSkips,
    // NUMA is tracked only when the profile runs NumaFit, as in the readable σ
    numaCpus: pod.numa === undefined || !filterEnabled(profile, "NumaFit") ? -1 : pod.numa.vcpus,
    numaMemory: pod.numa === undefined ? 0 : pod.numa.memoryBytes,
    numaHuge: pod.numa?.hugepages ?? false,
    image: image.scores,
    imageKey: image.key,
  }
}
