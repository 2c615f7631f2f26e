/**
 * What a closed-loop run achieved, from its trace: overshoot and settling time after the
 * largest load step up, replica-seconds beyond the reference, seconds the ready pods could not
 * carry the load within their requests (the SLO), and where the Lyapunov candidate
 * V = (ready − reference)² failed to decrease (S12.2).
 *
 * @since 0.1.0
 */
import type { Trace } from "./Step.ts"

/**
 * An interval of seconds [from, to).
 *
 * @since 0.1.0
 * @category model
 */
export interface Interval {
  readonly from: number
  readonly to: number
}

/**
 * Step-response figures of a closed-loop run: overshoot, settling and reaction time, waste.
 *
 * @since 0.1.0
 * @category model
 */
export interface Performance {
  /** The step analysed: the largest rise of the reference, and the reference after it. */
  readonly stepAt: number
  readonly stepReference: number
  /** max(ready) − reference between the step and the next change of the reference (≥ 0). */
  readonly overshootReplicas: number
  readonly overshootPercent: number
  /** Seconds after the step until ready stays within max(1, 10 %) of the reference until the next change; null if never. */
  readonly settlingSeconds: number | null
  /** First second ready reaches the reference after the step (the reaction time); null if never. */
  readonly reactionSeconds: number | null
  /** Σ max(0, pods − reference) over seconds. */
  readonly wastedReplicaSeconds: number
  /** Seconds with load > ready·request. */
  readonly sloViolationSeconds: number
  readonly lyapunov: {
    /** Seconds with V > 0. */
    readonly positiveSeconds: number
    /** Seconds with V > 0 and V(t+1) < V(t). */
    readonly decreasingSeconds: number
    /** Seconds with V(t+1) > V(t) while the reference did not change (the loop itself moved away). */
    readonly increasingSeconds: number
    /** Seconds with V(t+1) = V(t) > 0 (dead time: nothing arrives). */
    readonly flatSeconds: number
    /** The first intervals where V rose with a constant reference. */
    readonly increases: ReadonlyArray<Interval & { readonly from_V: number; readonly to_V: number }>
    /**
     * The same candidate against the HPA's own desired count, W = (ready − desired)²: every
     * scale decision raises it, and it only starts to fall when the first new replica is Ready,
     * so the mean wait is the loop's measured dead time.
     */
    readonly againstDesired: {
      readonly increasingSeconds: number
      readonly rises: number
      readonly meanSecondsToFirstDecrease: number | null
    }
  }
}

/**
 * Measures a trace of `length` seconds with per-pod request `requestMilli`.
 *
 * @example
 * import { simulateAutoscaling } from "catcluster/dynamics/simulation"
 * simulateAutoscaling({ workload: "vm", predictor: false, seed: 1, durationSeconds: 1800 }).performance.overshootReplicas
 *
 * @since 0.1.0
 * @category measures
 */
export const measure = (trace: Trace, length: number, requestMilli: number): Performance => {
  let stepAt = 0
  let rise = 0
  for (let t = 1; t < length; t++) {
    const d = trace.reference[t]! - trace.reference[t - 1]!
    if (d > rise) {
      rise = d
      stepAt = t
    }
  }
  let end = length
  for (let t = stepAt + 1; t < length; t++) {
    if (trace.reference[t] !== trace.reference[stepAt]) {
      end = t
      break
    }
  }
  const ref = trace.reference[stepAt] ?? 0
  let maxReady = 0
  let reaction: number | null = null
  let lastOutside = stepAt - 1
  for (let t = stepAt; t < end; t++) {
    const r = trace.ready[t]!
    if (r > maxReady) maxReady = r
    if (reaction === null && r >= ref) reaction = t - stepAt
    if (Math.abs(r - ref) > Math.max(1, 0.1 * ref)) lastOutside = t
  }
  const settled = lastOutside < end - 1
  let wasted = 0
  let slo = 0
  for (let t = 0; t < length; t++) {
    const extra = trace.pods[t]! - trace.reference[t]!
    if (extra > 0) wasted += extra
    if (trace.load[t]! > trace.ready[t]! * requestMilli) slo++
  }
  let positive = 0
  let decreasing = 0
  let increasing = 0
  let flat = 0
  const increases: Array<Interval & { from_V: number; to_V: number }> = []
  for (let t = 0; t + 1 < length; t++) {
    const v = trace.lyapunov[t]!
    const w = trace.lyapunov[t + 1]!
    if (v > 0) positive++
    if (v > 0 && w < v) decreasing++
    if (v > 0 && w === v) flat++
    if (w > v && trace.reference[t + 1] === trace.reference[t]) {
      increasing++
      if (increases.length < 5) increases.push({ from: t, to: t + 1, from_V: v, to_V: w })
    }
  }
  let wRising = 0
  let rises = 0
  let waited = 0
  let measured = 0
  let pendingRise = -1
  const w = (t: number): number => (trace.ready[t]! - trace.desired[t]!) ** 2
  for (let t = 0; t + 1 < length; t++) {
    const a = w(t)
    const b = w(t + 1)
    if (b > a) {
      wRising++
      // a rise of the desired count (not a pod vanishing) opens a dead-time interval
      if (trace.desired[t + 1]! > trace.desired[t]! && pendingRise < 0) {
        rises++
        pendingRise = t + 1
      }
    } else if (b < a && pendingRise >= 0) {
      waited += t + 1 - pendingRise
      measured++
      pendingRise = -1
    }
  }
  const overshoot = Math.max(0, maxReady - ref)
  return {
    stepAt,
    stepReference: ref,
    overshootReplicas: overshoot,
    overshootPercent: ref > 0 ? (100 * overshoot) / ref : 0,
    settlingSeconds: settled ? lastOutside + 1 - stepAt : null,
    reactionSeconds: reaction,
    wastedReplicaSeconds: wasted,
    sloViolationSeconds: slo,
    lyapunov: {
      positiveSeconds: positive,
      decreasingSeconds: decreasing,
      increasingSeconds: increasing,
      flatSeconds: flat,
      increases,
      againstDesired: { increasingSeconds: wRising, rises, meanSecondsToFirstDecrease: measured === 0 ? null : waited / measured },
    },
  }
}
