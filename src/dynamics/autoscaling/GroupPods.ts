/**
 * Sorting a sync's pods into ready, unready, missing and ignored, as `groupPods` in
 * `replica_calculator.go` (Kubernetes v1.35) does.
 *
 * @since 0.1.0
 */
import type { PodMetric, PodSnapshot } from "./Snapshot.ts"

/**
 * Controller timing flags (`--horizontal-pod-autoscaler-cpu-initialization-period`, default 5 min;
 * `--horizontal-pod-autoscaler-initial-readiness-delay`, default 30 s), in ms.
 *
 * @since 0.1.0
 * @category model
 */
export interface ReadinessTiming {
  readonly cpuInitializationPeriod: number
  readonly initialReadinessDelay: number
}

/**
 * The controller's defaults: 5 min and 30 s.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultReadinessTiming: ReadinessTiming = { cpuInitializationPeriod: 300_000, initialReadinessDelay: 30_000 }

/**
 * The pods of a metric grouped as the HPA does: ready, unready, missing, ignored.
 *
 * @since 0.1.0
 * @category model
 */
export interface PodGroups {
  readonly readyCount: number
  readonly unready: ReadonlySet<string>
  readonly missing: ReadonlySet<string>
  readonly ignored: ReadonlySet<string>
}

/**
 * Groups pods for a metric of `resource` (`undefined` for Pods/Object metrics: the CPU warm-up
 * rule only applies to CPU).
 *
 * - ignored: being deleted, or Failed;
 * - unready: Pending; for CPU, no Ready condition or no start time; inside the initialization
 *   period, not Ready or the sample's window starts before readiness; after it, not Ready and the
 *   last transition came within the readiness delay of the start (it never became ready);
 * - missing: no sample;
 * - ready: the rest.
 *
 * @example
 * import { groupPods, defaultReadinessTiming } from "catcluster/dynamics/autoscaling"
 * const pod = { name: "a", phase: "Pending" as const, deleting: false, containers: [] }
 * groupPods([pod], new Map(), "cpu", 0, defaultReadinessTiming).unready.has("a") // true
 *
 * @since 0.1.0
 * @category replica calculation
 */
export const groupPods = (
  pods: ReadonlyArray<PodSnapshot>,
  metrics: ReadonlyMap<string, PodMetric>,
  resource: string | undefined,
  now: number,
  timing: ReadinessTiming,
): PodGroups => {
  let readyCount = 0
  const unready = new Set<string>()
  const missing = new Set<string>()
  const ignored = new Set<string>()
  for (const pod of pods) {
    if (pod.deleting || pod.phase === "Failed") {
      ignored.add(pod.name)
      continue
    }
    if (pod.phase === "Pending") {
      unready.add(pod.name)
      continue
    }
    const metric = metrics.get(pod.name)
    if (metric === undefined) {
      missing.add(pod.name)
      continue
    }
    if (resource === "cpu") {
      let isUnready: boolean
      const condition = pod.ready
      if (condition === undefined || pod.startTime === undefined) isUnready = true
      else if (pod.startTime + timing.cpuInitializationPeriod > now) {
        // Still initialising: the sample only counts if taken a full window after readiness.
        isUnready = condition.status === "False" || metric.timestamp < condition.lastTransitionTime + metric.window
      } else {
        // Past initialisation: only a pod that never became ready is dropped.
        isUnready = condition.status === "False" && pod.startTime + timing.initialReadinessDelay > condition.lastTransitionTime
      }
      if (isUnready) {
        unready.add(pod.name)
        continue
      }
    }
    readyCount++
  }
  return { readyCount, unready, missing, ignored }
}
