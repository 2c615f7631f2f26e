/**
 * Dynamic quota (S9.3), as the seed writes it: a state map ResourceType → consumption adjusted by
 * deltas; a Reader of metrics decides when to scale. The seed gives two triggers:
 *
 * - part I: `shouldScale = cpu > 0.8 || memory > 0.9` (direction not stated);
 * - part II: `when (cpu > 0.9) (modify (scaleDown 0.8))`: the hard limits shrink to 80 %.
 *
 * Both are modelled; {@link triggerDisagreement} lists utilisations where they differ, and
 * {@link adjust} shows what a scale-down does to the invariant □(Σ used ≤ hard).
 *
 * @since 0.1.0
 */
import type { Amounts, QuotaState } from "./Admission.ts"

/** Utilisations in [0, 1]. @since 0.1.0 @category model */
export interface Metrics {
  readonly cpu: number
  readonly memory: number
}

/**
 * `adjustQuota r delta`: adds `delta` to the consumption of `r` (the seed's `Map.adjust (+ delta)`).
 *
 * @since 0.1.0
 * @category dynamic quota
 */
export const adjustUsage =
  (resource: string, delta: bigint) =>
  (quota: QuotaState): QuotaState => ({ hard: quota.hard, used: { ...quota.used, [resource]: (quota.used[resource] ?? 0n) + delta } })

/**
 * Part I's trigger: cpu > 0.8 or memory > 0.9.
 *
 * @since 0.1.0
 * @category dynamic quota
 */
export const shouldScale = (m: Metrics): boolean => m.cpu > 0.8 || m.memory > 0.9

/**
 * Part II's trigger: cpu > 0.9.
 *
 * @since 0.1.0
 * @category dynamic quota
 */
export const shouldScaleDown = (m: Metrics): boolean => m.cpu > 0.9

/**
 * Every hard limit times `factor` (rounded down).
 *
 * @since 0.1.0
 * @category dynamic quota
 */
export const scaleHard = (factor: number) => (quota: QuotaState): QuotaState => {
  const permille = BigInt(Math.round(factor * 1000))
  const hard: Record<string, bigint> = {}
  for (const [k, v] of Object.entries(quota.hard)) hard[k] = (v * permille) / 1000n
  return { hard, used: quota.used }
}

/**
 * Part II's step: `ask metrics; when (cpu > 0.9) (modify (scaleDown 0.8))`.
 *
 * @example
 * import { adjust } from "catcluster/domain/quota"
 * adjust({ cpu: 0.95, memory: 0.5 })({ hard: { "requests.cpu": 1000n }, used: { "requests.cpu": 950n } }).hard // { "requests.cpu": 800n }
 *
 * @since 0.1.0
 * @category dynamic quota
 */
export const adjust = (metrics: Metrics) => (quota: QuotaState): QuotaState => (shouldScaleDown(metrics) ? scaleHard(0.8)(quota) : quota)

/**
 * The resources whose usage exceeds the hard limit (empty when □(used ≤ hard) holds now).
 *
 * @since 0.1.0
 * @category dynamic quota
 */
export const overLimit = (quota: QuotaState): ReadonlyArray<{ readonly resource: string; readonly used: bigint; readonly hard: bigint }> =>
  Object.entries(quota.hard)
    .filter(([k, h]) => (quota.used[k] ?? 0n) > h)
    .map(([resource, hard]) => ({ resource, used: quota.used[resource] ?? 0n, hard }))

/**
 * The utilisations on a grid (step 1/steps) where the two triggers disagree.
 *
 * @since 0.1.0
 * @category dynamic quota
 */
export const triggerDisagreement = (steps = 20): ReadonlyArray<Metrics> => {
  const out: Metrics[] = []
  for (let i = 0; i <= steps; i++)
    for (let j = 0; j <= steps; j++) {
      const m = { cpu: i / steps, memory: j / steps }
      if (shouldScale(m) !== shouldScaleDown(m)) out.push(m)
    }
  return out
}

/** Utilisation of `used` against `hard` for one resource (0 when unconstrained). @since 0.1.0 @category dynamic quota */
export const utilisation = (quota: { readonly hard: Amounts; readonly used: Amounts }, resource: string): number => {
  const h = quota.hard[resource]
  return h === undefined || h === 0n ? 0 : Number(quota.used[resource] ?? 0n) / Number(h)
}
