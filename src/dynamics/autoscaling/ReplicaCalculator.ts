/**
 * The replica calculator of the HorizontalPodAutoscaler, following
 * `pkg/controller/podautoscaler/replica_calculator.go` of Kubernetes v1.35 branch by branch:
 * resource utilization (with the missing/unready rebalancing and the direction-flip rule),
 * plain per-pod averages (Pods metrics, resource AverageValue), and Object/External values.
 * Quantities are milli-units, times milliseconds, all pure.
 *
 * @since 0.1.0
 */
import type { ReadinessTiming } from "./GroupPods.ts"
import { groupPods } from "./GroupPods.ts"
import type { PodMetric, PodSnapshot } from "./Snapshot.ts"
import type { Tolerances } from "./Tolerance.ts"
import { isWithin } from "./Tolerance.ts"

/**
 * A metric's replica proposal with what the controller reports in `status.currentMetrics`.
 *
 * @since 0.1.0
 * @category model
 */
export interface Proposal {
  readonly _tag: "Proposal"
  readonly replicas: number
  /** Average utilization, percent of request (Resource/Utilization). */
  readonly utilization?: number
  /** Average value per pod, milli-units. */
  readonly averageValue?: number
  /** Total value, milli-units (Object/External Value targets). */
  readonly value?: number
}

/**
 * Why a metric gave no proposal (the controller's `FailedGet…Metric` condition).
 *
 * @since 0.1.0
 * @category model
 */
export interface MetricFailure {
  readonly _tag: "MetricFailure"
  readonly reason: string
  readonly message: string
}

/**
 * The replica calculator's answer for one metric: a proposal or a failure.
 *
 * @since 0.1.0
 * @category model
 */
export type Calculation = Proposal | MetricFailure

const failure = (reason: string, message: string): MetricFailure => ({ _tag: "MetricFailure", reason, message })

/** Common inputs of the pod-based calculations. */
interface PodInputs {
  readonly currentReplicas: number
  readonly pods: ReadonlyArray<PodSnapshot>
  readonly metrics: ReadonlyMap<string, PodMetric>
  readonly tolerances: Tolerances
  readonly now: number
  readonly timing: ReadinessTiming
}

/**
 * Requests of `resource` per pod (`calculateRequests`): the pod-level request when the pod sets
 * pod-level requests and no container is named; else the sum over regular and sidecar
 * containers (or the named one); a missing request or container is an error.
 */
const podRequests = (
  pods: ReadonlyArray<PodSnapshot>,
  resource: string,
  container: string | undefined,
): Map<string, number> | MetricFailure => {
  const requests = new Map<string, number>()
  for (const pod of pods) {
    if (pod.podRequests !== undefined && Object.keys(pod.podRequests).length > 0 && container === undefined) {
      const r = pod.podRequests[resource]
      if (r === undefined) return failure("FailedGetResourceMetric", `missing pod-level request for ${resource} in Pod ${pod.name}`)
      requests.set(pod.name, r)
      continue
    }
    let sum = 0
    let found = false
    for (const c of pod.containers) {
      if (container !== undefined && container !== c.name) continue
      const r = c.requests[resource]
      if (r === undefined) return failure("FailedGetResourceMetric", `missing request for ${resource} in container ${c.name} of Pod ${pod.name}`)
      sum += r
      found = true
      if (container !== undefined) break
    }
    if (container !== undefined && !found) return failure("FailedGetContainerResourceMetric", `container ${container} not found in Pod ${pod.name}`)
    requests.set(pod.name, sum)
  }
  return requests
}

/** `GetResourceUtilizationRatio`: ⌊100·Σusage/Σrequest⌋ over pods with both, and the raw average. */
const utilizationRatio = (
  metrics: ReadonlyMap<string, number>,
  requests: ReadonlyMap<string, number>,
  target: number,
): { readonly ratio: number; readonly utilization: number; readonly average: number } | undefined => {
  let usage = 0
  let request = 0
  let entries = 0
  for (const [name, value] of metrics) {
    const r = requests.get(name)
    if (r === undefined) continue
    usage += value
    request += r
    entries++
  }
  if (request === 0) return undefined
  const utilization = Math.floor((usage * 100) / request)
  return { ratio: utilization / target, utilization, average: Math.trunc(usage / entries) }
}

/**
 * Replicas for a Resource (or ContainerResource) metric with a Utilization target
 * (`GetResourceReplicas`). Steps:
 * 1. group pods; drop ignored and unready samples;
 * 2. U = ⌊100·Σusage/Σrequest⌋, ratio = U/target;
 * 3. nothing missing and not scaling up with unready pods: within tolerance → current, else
 *    ⌈ratio·ready⌉;
 * 4. otherwise missing pods use request·max(100,target)/100 (ratio < 1) or 0 (ratio > 1), unready
 *    pods 0 on a scale-up; recompute; within tolerance or the direction flipped → current;
 *    ⌈ratio′·samples⌉ unless that moves against the direction (→ current).
 *
 * @example
 * import { resourceReplicas, defaultTolerances, defaultReadinessTiming } from "catcluster/dynamics/autoscaling"
 * const pod = (name: string) => ({ name, phase: "Running" as const, deleting: false, startTime: 0,
 *   ready: { status: "True" as const, lastTransitionTime: 0 }, containers: [{ name: "c", requests: { cpu: 1000 } }] })
 * const metrics = new Map([["a", { value: 900, timestamp: 600_000, window: 15_000 }], ["b", { value: 900, timestamp: 600_000, window: 15_000 }]])
 * resourceReplicas({ currentReplicas: 2, pods: [pod("a"), pod("b")], metrics, tolerances: defaultTolerances,
 *   now: 600_000, timing: defaultReadinessTiming, resource: "cpu", targetUtilization: 60 })
 * // { _tag: "Proposal", replicas: 3, utilization: 90, averageValue: 900 }
 *
 * @since 0.1.0
 * @category replica calculation
 */
export const resourceReplicas = (
  input: PodInputs & { readonly resource: string; readonly container?: string; readonly targetUtilization: number },
): Calculation => {
  const { currentReplicas, pods, tolerances, targetUtilization } = input
  if (pods.length === 0) return failure("FailedGetResourceMetric", "no pods returned by selector while calculating replica count")
  const groups = groupPods(pods, input.metrics, input.resource, input.now, input.timing)
  const metrics = new Map<string, number>()
  for (const [name, m] of input.metrics) if (!groups.ignored.has(name) && !groups.unready.has(name)) metrics.set(name, m.value)
  const requests = podRequests(pods, input.resource, input.container)
  if (!(requests instanceof Map)) return requests
  if (metrics.size === 0) return failure("FailedGetResourceMetric", "did not receive metrics for targeted pods (pods might be unready)")
  const first = utilizationRatio(metrics, requests, targetUtilization)
  if (first === undefined) return failure("FailedGetResourceMetric", "no metrics returned matched known pods")
  const within = isWithin(tolerances)
  const { ratio, utilization, average } = first
  const keep: Proposal = { _tag: "Proposal", replicas: currentReplicas, utilization, averageValue: average }

  const scaleUpWithUnready = groups.unready.size > 0 && ratio > 1
  if (!scaleUpWithUnready && groups.missing.size === 0) {
    if (within(ratio)) return keep
    return { ...keep, replicas: Math.ceil(ratio * groups.readyCount) }
  }
  if (groups.missing.size > 0) {
    if (ratio < 1) {
      const fallback = Math.max(100, targetUtilization)
      for (const name of groups.missing) metrics.set(name, Math.trunc(((requests.get(name) ?? 0) * fallback) / 100))
    } else if (ratio > 1) {
      for (const name of groups.missing) metrics.set(name, 0)
    }
  }
  if (scaleUpWithUnready) for (const name of groups.unready) metrics.set(name, 0)
  const second = utilizationRatio(metrics, requests, targetUtilization)
  if (second === undefined) return failure("FailedGetResourceMetric", "no metrics returned matched known pods")
  const next = second.ratio
  if (within(next) || (ratio > 1 && next < 1) || (ratio < 1 && next > 1)) return keep
  const replicas = Math.ceil(next * metrics.size)
  if ((next < 1 && replicas > currentReplicas) || (next > 1 && replicas < currentReplicas)) return keep
  return { ...keep, replicas }
}

/**
 * Replicas for a per-pod average target: Pods metrics (`resource` undefined) and Resource metrics
 * with an AverageValue target (`calcPlainMetricReplicas`). Same rebalancing as
 * {@link resourceReplicas}, but on the plain average ⌊Σvalue/n⌋ and with missing pods counted at
 * the target (scale-down) or 0 (scale-up); at a ratio of exactly 1 they stay out.
 *
 * @example
 * import { plainMetricReplicas, defaultTolerances, defaultReadinessTiming } from "catcluster/dynamics/autoscaling"
 * const pod = { name: "a", phase: "Running" as const, deleting: false, containers: [] }
 * plainMetricReplicas({ currentReplicas: 1, pods: [pod], metrics: new Map([["a", { value: 3000, timestamp: 0, window: 0 }]]),
 *   tolerances: defaultTolerances, now: 0, timing: defaultReadinessTiming, resource: undefined, targetAverage: 1000 })
 * // { _tag: "Proposal", replicas: 3, averageValue: 3000 }
 *
 * @since 0.1.0
 * @category replica calculation
 */
export const plainMetricReplicas = (
  input: PodInputs & { readonly resource: string | undefined; readonly targetAverage: number },
): Calculation => {
  const { currentReplicas, pods, tolerances, targetAverage } = input
  const reason = input.resource === undefined ? "FailedGetPodsMetric" : "FailedGetResourceMetric"
  if (pods.length === 0) return failure(reason, "no pods returned by selector while calculating replica count")
  const groups = groupPods(pods, input.metrics, input.resource, input.now, input.timing)
  const metrics = new Map<string, number>()
  for (const [name, m] of input.metrics) if (!groups.ignored.has(name) && !groups.unready.has(name)) metrics.set(name, m.value)
  if (metrics.size === 0) return failure(reason, "did not receive metrics for targeted pods (pods might be unready)")
  const usageRatio = (): { readonly ratio: number; readonly average: number } => {
    let total = 0
    for (const v of metrics.values()) total += v
    const average = Math.trunc(total / metrics.size)
    return { ratio: average / targetAverage, average }
  }
  const within = isWithin(tolerances)
  const { ratio, average } = usageRatio()
  const keep: Proposal = { _tag: "Proposal", replicas: currentReplicas, averageValue: average }
  const scaleUpWithUnready = groups.unready.size > 0 && ratio > 1
  if (!scaleUpWithUnready && groups.missing.size === 0) {
    if (within(ratio)) return keep
    return { ...keep, replicas: Math.ceil(ratio * groups.readyCount) }
  }
  // at a ratio of exactly 1 missing pods stay out, as in the utilization path (upstream's `else if`)
  if (ratio < 1) for (const name of groups.missing) metrics.set(name, targetAverage)
  else if (ratio > 1) for (const name of groups.missing) metrics.set(name, 0)
  if (scaleUpWithUnready) for (const name of groups.unready) metrics.set(name, 0)
  const next = usageRatio().ratio
  if (within(next) || (ratio > 1 && next < 1) || (ratio < 1 && next > 1)) return keep
  const replicas = Math.ceil(next * metrics.size)
  if ((next < 1 && replicas > currentReplicas) || (next > 1 && replicas < currentReplicas)) return keep
  return { ...keep, replicas }
}

/**
 * Pods that are Running with condition Ready=True (`getReadyPodsCount`).
 *
 * @since 0.1.0
 * @category replica calculation
 */
export const readyPodCount = (pods: ReadonlyArray<PodSnapshot>): number =>
  pods.reduce((n, p) => (p.phase === "Running" && p.ready?.status === "True" ? n + 1 : n), 0)

/**
 * Replicas for an Object or External metric with a Value target (`getUsageRatioReplicaCount`):
 * ratio = value/target. From zero replicas ⌈ratio⌉, with neither tolerance nor pods (scale from
 * zero). Otherwise within tolerance → current, before the pods are looked at; else the selector's
 * pods are counted (`getReadyPodsCount`): none listed is a failure, and ⌈ratio · ready pods⌉
 * follows, which is 0 when pods are listed but none is ready.
 *
 * @example
 * import { valueReplicas, defaultTolerances } from "catcluster/dynamics/autoscaling"
 * const pod = (name: string) => ({ name, phase: "Running" as const, deleting: false, containers: [],
 *   ready: { status: "True" as const, lastTransitionTime: 0 } })
 * valueReplicas({ currentReplicas: 2, pods: [pod("a"), pod("b")], value: 3000, target: 1000, tolerances: defaultTolerances, reason: "FailedGetObjectMetric" })
 * // { _tag: "Proposal", replicas: 6, value: 3000 }
 *
 * @since 0.1.0
 * @category replica calculation
 */
export const valueReplicas = (input: {
  readonly currentReplicas: number
  /** The pods the HPA's selector lists; only Running and Ready ones count. */
  readonly pods: ReadonlyArray<PodSnapshot>
  readonly value: number
  readonly target: number
  readonly tolerances: Tolerances
  readonly reason: string
}): Calculation => {
  const ratio = input.value / input.target
  if (input.currentReplicas === 0) return { _tag: "Proposal", replicas: Math.ceil(ratio), value: input.value }
  if (isWithin(input.tolerances)(ratio)) return { _tag: "Proposal", replicas: input.currentReplicas, value: input.value }
  if (input.pods.length === 0) return failure(input.reason, "unable to calculate ready pods: no pods returned by selector while calculating replica count")
  return { _tag: "Proposal", replicas: Math.ceil(ratio * readyPodCount(input.pods)), value: input.value }
}

/**
 * Replicas for an Object or External metric with an AverageValue target: ratio =
 * value/(target·current); outside tolerance ⌈value/target⌉ (`Get…PerPodMetricReplicas`).
 *
 * @since 0.1.0
 * @category replica calculation
 */
export const perPodValueReplicas = (input: {
  readonly currentReplicas: number
  readonly value: number
  readonly targetAverage: number
  readonly tolerances: Tolerances
}): Calculation => {
  const ratio = input.value / (input.targetAverage * input.currentReplicas)
  const replicas = isWithin(input.tolerances)(ratio) ? input.currentReplicas : Math.ceil(input.value / input.targetAverage)
  return { _tag: "Proposal", replicas, averageValue: Math.ceil(input.value / input.currentReplicas) }
}
