/**
 * From the metrics' proposal to the replicas the HPA writes: stabilisation over the recent
 * recommendations and rate limits, as `normalizeDesiredReplicas` (no `behavior`) and
 * `normalizeDesiredReplicasWithBehaviors` in `horizontal.go`, Kubernetes v1.35. The controller's
 * in-memory history (recommendations, scale events) is an explicit value here, so every
 * function is pure and returns the next history.
 *
 * @since 0.1.0
 */
import type { Behavior, ScalingRules } from "./Behavior.ts"

/**
 * A past recommendation or scale event, time in ms.
 *
 * @since 0.1.0
 * @category model
 */
export interface Timestamped {
  readonly value: number
  readonly time: number
}

/**
 * What the controller remembers between syncs of one HPA.
 *
 * @since 0.1.0
 * @category model
 */
export interface History {
  readonly recommendations: ReadonlyArray<Timestamped>
  readonly scaleUpEvents: ReadonlyArray<Timestamped>
  readonly scaleDownEvents: ReadonlyArray<Timestamped>
}

/**
 * A fresh controller (no history).
 *
 * @since 0.1.0
 * @category constants
 */
export const emptyHistory: History = { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] }

/**
 * The outcome of a normalisation: the replicas, the AbleToScale/ScalingLimited reasons and the
 * next history.
 *
 * @since 0.1.0
 * @category model
 */
export interface Normalized {
  readonly replicas: number
  readonly reasons: ReadonlyArray<string>
  readonly history: History
}

/** `calculateScaleUpLimit`: max(2·current, 4). */
const scaleUpLimit = (current: number): number => Math.max(2 * current, 4)

/**
 * Without `behavior`: the maximum of the proposal and every recommendation of the last
 * `windowSeconds` (a sample exactly at the cutoff still counts), then the scale-up limit
 * max(2·current, 4) and [min, max] (`convertDesiredReplicasWithRules`).
 *
 * @example
 * import { normalize, emptyHistory } from "catcluster/dynamics/autoscaling"
 * normalize({ current: 3, proposed: 20, min: 1, max: 50, now: 0, history: emptyHistory }).replicas // 6
 *
 * @since 0.1.0
 * @category normalization
 */
export const normalize = (input: {
  readonly current: number
  readonly proposed: number
  readonly min: number
  readonly max: number
  readonly now: number
  readonly history: History
  readonly windowSeconds?: number
}): Normalized => {
  const cutoff = input.now - (input.windowSeconds ?? 300) * 1000
  let stabilized = input.proposed
  const kept: Timestamped[] = []
  for (const r of input.history.recommendations) {
    if (r.time < cutoff) continue
    kept.push(r)
    if (r.value > stabilized) stabilized = r.value
  }
  kept.push({ value: input.proposed, time: input.now })
  const reasons: string[] = [stabilized !== input.proposed ? "ScaleDownStabilized" : "ReadyForNewScale"]
  const limit = scaleUpLimit(input.current)
  const maximum = input.max > limit ? limit : input.max
  const maximumReason = input.max > limit ? "ScaleUpLimit" : "TooManyReplicas"
  let replicas = stabilized
  if (stabilized < input.min) {
    replicas = input.min
    reasons.push("TooFewReplicas")
  } else if (stabilized > maximum) {
    replicas = maximum
    reasons.push(maximumReason)
  } else reasons.push("DesiredWithinRange")
  return { replicas, reasons, history: { ...input.history, recommendations: kept } }
}

/** Σ changes of the events strictly inside the last `periodSeconds` (`getReplicasChangePerPeriod`). */
const changeInPeriod = (events: ReadonlyArray<Timestamped>, periodSeconds: number, now: number): number => {
  const cutoff = now - periodSeconds * 1000
  let sum = 0
  for (const e of events) if (e.time > cutoff) sum += e.value
  return sum
}

/**
 * The highest replica count the scale-up policies allow now (`calculateScaleUpLimitWithScalingRules`):
 * per policy, from the count at the period's start (current − added + removed inside the
 * period), Pods: start + v, Percent: ⌈start·(1 + v/100)⌉; Max picks the largest, Min the smallest,
 * Disabled the current count.
 *
 * @since 0.1.0
 * @category normalization
 */
export const scaleUpLimitWithRules = (current: number, history: History, rules: ScalingRules, now: number): number => {
  if (rules.selectPolicy === "Disabled") return current
  let result = rules.selectPolicy === "Min" ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY
  for (const p of rules.policies) {
    const start = current - changeInPeriod(history.scaleUpEvents, p.periodSeconds, now) + changeInPeriod(history.scaleDownEvents, p.periodSeconds, now)
    const proposed = p.type === "Pods" ? start + p.value : Math.ceil(start * (1 + p.value / 100))
    result = rules.selectPolicy === "Min" ? Math.min(result, proposed) : Math.max(result, proposed)
  }
  return result
}

/**
 * The lowest replica count the scale-down policies allow now (`calculateScaleDownLimitWithBehaviors`):
 * Pods: start − v, Percent: ⌊start·(1 − v/100)⌋ (Go's int32 truncation); Max picks the largest
 * change (the smallest count), Min the smallest change.
 *
 * @since 0.1.0
 * @category normalization
 */
export const scaleDownLimitWithRules = (current: number, history: History, rules: ScalingRules, now: number): number => {
  if (rules.selectPolicy === "Disabled") return current
  let result = rules.selectPolicy === "Min" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
  for (const p of rules.policies) {
    const start = current - changeInPeriod(history.scaleUpEvents, p.periodSeconds, now) + changeInPeriod(history.scaleDownEvents, p.periodSeconds, now)
    const proposed = p.type === "Pods" ? start - p.value : Math.trunc(start * (1 - p.value / 100))
    result = rules.selectPolicy === "Min" ? Math.max(result, proposed) : Math.min(result, proposed)
  }
  return result
}

/**
 * With `behavior`: stabilise (up = min of the recommendations strictly inside the scale-up
 * window, down = max inside the scale-down window, the current count clamped into [up, down]),
 * then the rate limits of the direction taken, then [min, max]
 * (`stabilizeRecommendationWithBehaviors`, `convertDesiredReplicasWithBehaviorRate`).
 *
 * @example
 * import { normalizeWithBehavior, withDefaults, emptyHistory } from "catcluster/dynamics/autoscaling"
 * normalizeWithBehavior({ current: 10, proposed: 40, min: 1, max: 100, now: 0, history: emptyHistory, behavior: withDefaults({}) }).replicas // 20
 *
 * @since 0.1.0
 * @category normalization
 */
export const normalizeWithBehavior = (input: {
  readonly current: number
  readonly proposed: number
  readonly min: number
  readonly max: number
  readonly now: number
  readonly history: History
  readonly behavior: Behavior
}): Normalized => {
  const { current, proposed, now, behavior, history } = input
  const upCutoff = now - behavior.scaleUp.stabilizationWindowSeconds * 1000
  const downCutoff = now - behavior.scaleDown.stabilizationWindowSeconds * 1000
  let up = proposed
  let down = proposed
  const kept: Timestamped[] = []
  for (const r of history.recommendations) {
    if (r.time > upCutoff) up = Math.min(up, r.value)
    if (r.time > downCutoff) down = Math.max(down, r.value)
    if (!(r.time < upCutoff && r.time < downCutoff)) kept.push(r)
  }
  kept.push({ value: proposed, time: now })
  let stabilized = current
  if (stabilized < up) stabilized = up
  if (stabilized > down) stabilized = down
  const reasons: string[] = []
  if (stabilized !== proposed) reasons.push(stabilized < proposed ? "ScaleUpStabilized" : "ScaleDownStabilized")
  else reasons.push("ReadyForNewScale")

  let replicas = stabilized
  if (stabilized > current) {
    const limit = Math.max(scaleUpLimitWithRules(current, history, behavior.scaleUp, now), current)
    const maximum = input.max > limit ? limit : input.max
    if (stabilized > maximum) {
      replicas = maximum
      reasons.push(input.max > limit ? "ScaleUpLimit" : "TooManyReplicas")
    } else reasons.push("DesiredWithinRange")
  } else if (stabilized < current) {
    const limit = Math.min(scaleDownLimitWithRules(current, history, behavior.scaleDown, now), current)
    const minimum = input.min < limit ? limit : input.min
    if (stabilized < minimum) {
      replicas = minimum
      reasons.push(input.min < limit ? "ScaleDownLimit" : "TooFewReplicas")
    } else reasons.push("DesiredWithinRange")
  } else reasons.push("DesiredWithinRange")
  return { replicas, reasons, history: { ...history, recommendations: kept } }
}

/**
 * Records a rescale from `from` to `to` replicas (with `behavior` only, as the controller does),
 * dropping events older than the longest policy period.
 *
 * @since 0.1.0
 * @category normalization
 */
export const recordScaleEvent = (history: History, behavior: Behavior, from: number, to: number, now: number): History => {
  if (from === to) return history
  const longest = (rules: ScalingRules): number => rules.policies.reduce((m, p) => Math.max(m, p.periodSeconds), 0) * 1000
  const fresh = (events: ReadonlyArray<Timestamped>, period: number): ReadonlyArray<Timestamped> => events.filter((e) => e.time > now - period)
  return to > from
    ? { ...history, scaleUpEvents: [...fresh(history.scaleUpEvents, longest(behavior.scaleUp)), { value: to - from, time: now }] }
    : { ...history, scaleDownEvents: [...fresh(history.scaleDownEvents, longest(behavior.scaleDown)), { value: from - to, time: now }] }
}
