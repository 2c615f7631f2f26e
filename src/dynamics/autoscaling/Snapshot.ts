/**
 * What the HorizontalPodAutoscaler sees at one sync: the pods its selector matches and the
 * metrics the metrics API returns for them. Plain data (times in milliseconds since the epoch,
 * quantities in milli-units, as the controller's `MilliValue()`), so the calculator is pure and
 * the simulation can build snapshots cheaply.
 *
 * Semantics: Kubernetes v1.35, `pkg/controller/podautoscaler`.
 *
 * @since 0.1.0
 */

/**
 * A pod phase (`core/v1`).
 *
 * @since 0.1.0
 * @category model
 */
export type PodPhase = "Pending" | "Running" | "Succeeded" | "Failed" | "Unknown"

/**
 * One container of a pod, with its requests in milli-units per resource name. A resource
 * absent from `requests` is a missing request (the controller then refuses the metric).
 *
 * @since 0.1.0
 * @category model
 */
export interface ContainerRequests {
  readonly name: string
  readonly requests: Readonly<Record<string, number>>
}

/**
 * A pod as the replica calculator reads it.
 *
 * @since 0.1.0
 * @category model
 */
export interface PodSnapshot {
  readonly name: string
  readonly phase: PodPhase
  /** `metadata.deletionTimestamp` is set. */
  readonly deleting: boolean
  /** `status.startTime`, ms. */
  readonly startTime?: number
  /** The `Ready` condition, when the pod has one. */
  readonly ready?: { readonly status: "True" | "False" | "Unknown"; readonly lastTransitionTime: number }
  /** Regular containers and restartable (sidecar) init containers: what `calculatePodRequests` sums. */
  readonly containers: ReadonlyArray<ContainerRequests>
  /** Pod-level `spec.resources.requests` (PodLevelResources, on by default in v1.35), milli-units. */
  readonly podRequests?: Readonly<Record<string, number>>
}

/**
 * One pod's metric sample: value in milli-units, sample time and window (ms).
 *
 * @since 0.1.0
 * @category model
 */
export interface PodMetric {
  readonly value: number
  readonly timestamp: number
  readonly window: number
}

/**
 * One `PodMetrics` entry of `metrics.k8s.io/v1beta1`: per-container usage in milli-units.
 *
 * @since 0.1.0
 * @category model
 */
export interface PodUsage {
  readonly name: string
  readonly timestamp: number
  readonly window: number
  readonly containers: ReadonlyArray<{ readonly name: string; readonly usage: Readonly<Record<string, number>> }>
}

/**
 * The per-pod metric of `resource` (optionally one container), as the metrics client builds it
 * (`getResourceMetricsValues`): the sum over containers; a pod with a container lacking the
 * resource gets no sample at all (it becomes a "missing" pod).
 *
 * @example
 * import { resourceMetrics } from "catcluster/dynamics/autoscaling"
 * resourceMetrics([{ name: "a", timestamp: 0, window: 15000, containers: [{ name: "c", usage: { cpu: 250 } }] }], "cpu")
 * // Map { "a" => { value: 250, timestamp: 0, window: 15000 } }
 *
 * @since 0.1.0
 * @category metrics
 */
export const resourceMetrics = (
  usages: ReadonlyArray<PodUsage>,
  resource: string,
  container?: string,
): ReadonlyMap<string, PodMetric> => {
  const out = new Map<string, PodMetric>()
  for (const pod of usages) {
    let sum = 0
    let missing = false
    for (const c of pod.containers) {
      const v = c.usage[resource]
      if (v === undefined) {
        missing = true
        break
      }
      if (container === undefined || container === c.name) sum += v
    }
    if (!missing) out.set(pod.name, { value: sum, timestamp: pod.timestamp, window: pod.window })
  }
  return out
}
