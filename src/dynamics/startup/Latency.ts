/**
 * The seed's start-up latency statements (S4.1) and the probabilistic questions S4.2–S4.4 ask of
 * them: how often T_v ≥ k·T_c + C_io is violated, the probability of each ready-time window, and
 * the probability a scale-up hits the 5-minute timeout.
 *
 * @since 0.1.0
 */
import type { Distribution } from "./Distribution.ts"
import { probabilityBetween } from "./Distribution.ts"
import type { LatencyStatement } from "./Fit.ts"
import { simpson } from "./Special.ts"

/**
 * S4.1, container start: 1–3 s, mean 1.8 s, variance 0.5, stated exponential (cache hit).
 *
 * @since 0.1.0
 * @category seed
 */
export const containerStart: LatencyStatement = {
  name: "container",
  mean: 1.8,
  variance: 0.5,
  range: [1, 3],
  statedFamily: "exponential",
}

/**
 * S4.1, VM start: 30–180 s, mean 75 s, variance 2500, stated log-normal (IO bound).
 *
 * @since 0.1.0
 * @category seed
 */
export const vmStart: LatencyStatement = {
  name: "vm",
  mean: 75,
  variance: 2500,
  range: [30, 180],
  statedFamily: "log-normal",
}

/**
 * S4.3's ready-time windows, seconds.
 *
 * @since 0.1.0
 * @category seed
 */
export const readyWindows = {
  container: [1, 5],
  vm: [60, 180],
  vmMigration: [30, 60],
} as const

/**
 * S4.4: a scale-up times out after 5 minutes and rolls back.
 *
 * @since 0.1.0
 * @category seed
 */
export const scaleUpTimeoutSeconds = 300

/**
 * What Kubernetes does where S4.4 puts its timeout: a Deployment's `progressDeadlineSeconds`
 * defaults to 600 and, once exceeded, only sets the condition Progressing=False with reason
 * ProgressDeadlineExceeded; nothing rolls back on its own (`kubectl rollout undo` is manual),
 * and neither the HPA nor a VirtualMachineInstanceReplicaSet has a scale-up deadline.
 *
 * @since 0.1.0
 * @category constants
 */
export const kubernetesScaleUpDeadline = { progressDeadlineSeconds: 600, automaticRollback: false, condition: "Progressing=False, reason ProgressDeadlineExceeded" } as const

/**
 * P(T_v < k·T_c + c) for independent T_v ~ `vm`, T_c ~ `container`: the probability that one
 * draw violates S4.2's inequality, by ∫ f_c(t)·F_v(k t + c) dt over the container's 1e-12…1−1e-12
 * quantile range.
 *
 * @example
 * import { violationProbability, fitLogNormal, fitShiftedExponential } from "catcluster/dynamics/startup"
 * violationProbability(fitLogNormal(75, 2500), fitShiftedExponential(1.8, 0.5), 10, 0) // ≈ 0.03
 *
 * @since 0.1.0
 * @category probabilities
 */
export const violationProbability = (vm: Distribution, container: Distribution, k: number, c: number): number => {
  const lo = container.quantile(1e-12)
  const hi = container.quantile(1 - 1e-12)
  return simpson((t) => container.density(t) * vm.cdf(k * t + c), lo, hi, 20000)
}

/**
 * The largest k with Q_v(p) ≥ k·Q_c(p) + c at every probability level p of `levels` (quantile
 * comparison: "the p-th slowest VM start is at least k times the p-th slowest container start").
 * Non-positive when no k > 0 works at some level.
 *
 * @since 0.1.0
 * @category probabilities
 */
export const quantileRatioBound = (
  vm: Distribution,
  container: Distribution,
  c: number,
  levels: ReadonlyArray<number>,
): { readonly k: number; readonly attainedAt: number } => {
  let k = Infinity
  let attainedAt = Number.NaN
  for (const p of levels) {
    const ratio = (vm.quantile(p) - c) / container.quantile(p)
    if (ratio < k) {
      k = ratio
      attainedAt = p
    }
  }
  return { k, attainedAt }
}

/**
 * The largest k with lowerVm ≥ k·upperContainer + c: what the stated ranges alone guarantee.
 *
 * @since 0.1.0
 * @category probabilities
 */
export const rangeRatioBound = (vmRange: readonly [number, number], containerRange: readonly [number, number], c: number): number =>
  (vmRange[0] - c) / containerRange[1]

/**
 * P(a scale-up of `replicas` independent starts is still not ready at `timeout`):
 * 1 − F(timeout)^replicas.
 *
 * @since 0.1.0
 * @category probabilities
 */
export const timeoutProbability = (start: Distribution, timeout: number, replicas = 1): number =>
  -Math.expm1(replicas * Math.log1p(-(1 - start.cdf(timeout))))

/**
 * P(start time ∈ window).
 *
 * @since 0.1.0
 * @category probabilities
 */
export const windowProbability = (start: Distribution, window: readonly [number, number]): number =>
  probabilityBetween(start, window[0], window[1])
