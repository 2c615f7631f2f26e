/**
 * One sync of the HorizontalPodAutoscaler (`reconcileAutoscaler` in `horizontal.go`, Kubernetes
 * v1.35): the special cases (autoscaling disabled at 0 replicas, outside [min, max]), one
 * proposal per metric, the maximum over the valid ones (no scale-down while any metric is
 * invalid), then normalisation. Pure: the history goes in and comes out.
 *
 * @since 0.1.0
 */
import { match } from "ts-pattern"
import type { Behavior } from "./Behavior.ts"
import type { ReadinessTiming } from "./GroupPods.ts"
import { defaultReadinessTiming } from "./GroupPods.ts"
import type { History } from "./Normalization.ts"
import { normalize, normalizeWithBehavior, recordScaleEvent } from "./Normalization.ts"
import type { Calculation } from "./ReplicaCalculator.ts"
import { perPodValueReplicas, plainMetricReplicas, resourceReplicas, valueReplicas } from "./ReplicaCalculator.ts"
import type { PodMetric, PodSnapshot, PodUsage } from "./Snapshot.ts"
import { resourceMetrics } from "./Snapshot.ts"
import type { Tolerances } from "./Tolerance.ts"
import { defaultTolerances } from "./Tolerance.ts"

/**
 * A metric target, milli-units for values.
 *
 * @since 0.1.0
 * @category model
 */
export type Target =
  | { readonly type: "Utilization"; readonly averageUtilization: number }
  | { readonly type: "AverageValue"; readonly averageValue: number }
  | { readonly type: "Value"; readonly value: number }

/**
 * One metric of the HPA.
 *
 * @since 0.1.0
 * @category model
 */
export type Metric =
  | { readonly type: "Resource"; readonly name: string; readonly container?: string; readonly target: Target }
  | { readonly type: "Pods"; readonly name: string; readonly target: Target }
  | { readonly type: "Object"; readonly name: string; readonly target: Target }
  | { readonly type: "External"; readonly name: string; readonly target: Target }

/**
 * The parts of an HPA spec the controller uses, defaults applied (min 1; no metrics → CPU 80 %).
 *
 * @since 0.1.0
 * @category model
 */
export interface HpaSpec {
  readonly minReplicas: number
  readonly maxReplicas: number
  readonly metrics: ReadonlyArray<Metric>
  /** Undefined: the no-`behavior` normalisation. */
  readonly behavior?: Behavior
}

/**
 * What the controller reads at one sync. `pods` are the selector's pods; `usage` the
 * `PodMetrics` entries; custom metrics are given per metric name (milli-units).
 *
 * @since 0.1.0
 * @category model
 */
export interface SyncInput {
  readonly currentReplicas: number
  readonly pods: ReadonlyArray<PodSnapshot>
  readonly usage: ReadonlyArray<PodUsage>
  readonly podMetrics?: Readonly<Record<string, ReadonlyMap<string, PodMetric>>>
  readonly objectValues?: Readonly<Record<string, number>>
  readonly externalValues?: Readonly<Record<string, number>>
  readonly now: number
  readonly timing?: ReadinessTiming
  readonly tolerances?: Tolerances
}

/**
 * One metric's line in the result.
 *
 * @since 0.1.0
 * @category model
 */
export interface MetricResult {
  readonly type: Metric["type"]
  readonly name: string
  readonly replicas: number | null
  readonly utilization?: number
  readonly averageValue?: number
  readonly value?: number
  readonly error?: string
}

/**
 * One HPA sync: the current, proposed and desired replicas, per-metric results and reasons.
 *
 * @since 0.1.0
 * @category model
 */
export interface SyncResult {
  readonly currentReplicas: number
  /** The metrics' maximum before normalisation (the current count when no metric is valid). */
  readonly proposedReplicas: number
  readonly desiredReplicas: number
  readonly metrics: ReadonlyArray<MetricResult>
  readonly reasons: ReadonlyArray<string>
  readonly history: History
}

/**
 * The HPA defaults (`SetDefaults_HorizontalPodAutoscaler`): one Resource metric, CPU at 80 %.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultMetrics: ReadonlyArray<Metric> = [{ type: "Resource", name: "cpu", target: { type: "Utilization", averageUtilization: 80 } }]

const invalid = (reason: string, message: string): Calculation => ({ _tag: "MetricFailure", reason, message })

/**
 * One metric's proposal.
 *
 * @since 0.1.0
 * @category replica calculation
 */
export const proposeForMetric = (metric: Metric, input: SyncInput): Calculation => {
  const common = {
    currentReplicas: input.currentReplicas,
    pods: input.pods,
    tolerances: toleranceOf(input),
    now: input.now,
    timing: input.timing ?? defaultReadinessTiming,
  }
  return match(metric)
    .with({ type: "Resource" }, (m) => {
      const metrics = resourceMetrics(input.usage, m.name, m.container)
      return match(m.target)
        .with({ type: "Utilization" }, (t) =>
          resourceReplicas({ ...common, metrics, resource: m.name, ...(m.container === undefined ? {} : { container: m.container }), targetUtilization: t.averageUtilization }),
        )
        .with({ type: "AverageValue" }, (t) => plainMetricReplicas({ ...common, metrics, resource: m.name, targetAverage: t.averageValue }))
        .with({ type: "Value" }, () =>
          invalid("FailedGetResourceMetric", "invalid resource metric source: neither an average utilization target nor an average value target was set"),
        )
        .exhaustive()
    })
    .with({ type: "Pods" }, (m) => {
      const metrics = input.podMetrics?.[m.name]
      if (metrics === undefined) return invalid("FailedGetPodsMetric", `no values for pods metric ${m.name}`)
      if (m.target.type !== "AverageValue") return invalid("FailedGetPodsMetric", `pods metric ${m.name}: target must be AverageValue`)
      return plainMetricReplicas({ ...common, metrics, resource: undefined, targetAverage: m.target.averageValue })
    })
    .with({ type: "Object" }, { type: "External" }, (m) => {
      const reason = m.type === "Object" ? "FailedGetObjectMetric" : "FailedGetExternalMetric"
      const value = (m.type === "Object" ? input.objectValues : input.externalValues)?.[m.name]
      if (value === undefined) return invalid(reason, `no value for ${m.type.toLowerCase()} metric ${m.name}`)
      return match(m.target)
        .with({ type: "Value" }, (t) =>
          valueReplicas({ currentReplicas: input.currentReplicas, pods: input.pods, value, target: t.value, tolerances: common.tolerances, reason }),
        )
        .with({ type: "AverageValue" }, (t) => perPodValueReplicas({ currentReplicas: input.currentReplicas, value, targetAverage: t.averageValue, tolerances: common.tolerances }))
        .with({ type: "Utilization" }, () => invalid(reason, `${m.type.toLowerCase()} metric ${m.name}: Utilization is only for resources`))
        .exhaustive()
    })
    .exhaustive()
}

const toleranceOf = (input: SyncInput): Tolerances => input.tolerances ?? defaultTolerances

/**
 * The tolerances an HPA uses: its behavior's per-direction values over the controller default.
 *
 * @since 0.1.0
 * @category replica calculation
 */
export const tolerancesOf = (spec: HpaSpec, fallback: Tolerances = defaultTolerances): Tolerances => ({
  scaleUp: spec.behavior?.scaleUp.tolerance ?? fallback.scaleUp,
  scaleDown: spec.behavior?.scaleDown.tolerance ?? fallback.scaleDown,
})

/**
 * Every metric's proposal and their maximum (`computeReplicasForMetrics`); `undefined` when all
 * metrics are invalid, or some are and the maximum would scale down.
 *
 * @since 0.1.0
 * @category replica calculation
 */
export const proposeReplicas = (
  spec: HpaSpec,
  input: SyncInput,
): { readonly replicas: number | undefined; readonly metrics: ReadonlyArray<MetricResult>; readonly errors: ReadonlyArray<string> } => {
  const withTolerance: SyncInput = { ...input, tolerances: tolerancesOf(spec, input.tolerances) }
  let replicas = 0
  let invalidCount = 0
  const errors: string[] = []
  const metrics = spec.metrics.map((metric): MetricResult => {
    const c = proposeForMetric(metric, withTolerance)
    if (c._tag === "MetricFailure") {
      invalidCount++
      errors.push(`${c.reason}: ${c.message}`)
      return { type: metric.type, name: metric.name, replicas: null, error: c.message }
    }
    if (replicas === 0 || c.replicas > replicas) replicas = c.replicas
    return {
      type: metric.type,
      name: metric.name,
      replicas: c.replicas,
      ...(c.utilization === undefined ? {} : { utilization: c.utilization }),
      ...(c.averageValue === undefined ? {} : { averageValue: c.averageValue }),
      ...(c.value === undefined ? {} : { value: c.value }),
    }
  })
  const fails = invalidCount >= spec.metrics.length || (invalidCount > 0 && replicas < input.currentReplicas)
  return { replicas: fails ? undefined : replicas, metrics, errors }
}

/**
 * One sync: proposal, then normalisation (with or without `behavior`), then the scale event.
 *
 * @example
 * import { reconcile, emptyHistory } from "catcluster/dynamics/autoscaling"
 * // reconcile({ minReplicas: 1, maxReplicas: 10, metrics: defaultMetrics }, { currentReplicas: 2, pods, usage, now }, emptyHistory)
 * //   → { currentReplicas: 2, proposedReplicas: 5, desiredReplicas: 4, reasons: ["ReadyForNewScale", "ScaleUpLimit"], ... }
 *
 * @since 0.1.0
 * @category controller
 */
export const reconcile = (spec: HpaSpec, input: SyncInput, history: History): SyncResult => {
  const current = input.currentReplicas
  const fixed = (desired: number, reason: string): SyncResult => ({
    currentReplicas: current,
    proposedReplicas: desired,
    desiredReplicas: desired,
    metrics: [],
    reasons: [reason],
    history,
  })
  if (current === 0 && spec.minReplicas !== 0) return fixed(0, "ScalingDisabled")
  if (current > spec.maxReplicas) return fixed(spec.maxReplicas, "TooManyReplicas")
  if (current < spec.minReplicas) return fixed(spec.minReplicas, "TooFewReplicas")
  const proposal = proposeReplicas(spec, input)
  if (proposal.replicas === undefined) {
    return { currentReplicas: current, proposedReplicas: current, desiredReplicas: current, metrics: proposal.metrics, reasons: ["FailedComputeMetricsReplicas", ...proposal.errors], history }
  }
  const args = { current, proposed: proposal.replicas, min: spec.minReplicas, max: spec.maxReplicas, now: input.now, history }
  const normalized = spec.behavior === undefined ? normalize(args) : normalizeWithBehavior({ ...args, behavior: spec.behavior })
  const next = spec.behavior === undefined ? normalized.history : recordScaleEvent(normalized.history, spec.behavior, current, normalized.replicas, input.now)
  return {
    currentReplicas: current,
    proposedReplicas: proposal.replicas,
    desiredReplicas: normalized.replicas,
    metrics: proposal.metrics,
    reasons: [...normalized.reasons, ...proposal.errors],
    history: next,
  }
}
