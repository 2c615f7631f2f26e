/**
 * The HPA's dead band: no change while 1 − down ≤ ratio ≤ 1 + up. Both are 0.1 by default
 * (`--horizontal-pod-autoscaler-tolerance`); Kubernetes v1.35 also reads per-direction values
 * from `behavior.scaleUp/scaleDown.tolerance` (HPAConfigurableTolerance).
 *
 * @since 0.1.0
 */

/**
 * The usage-ratio tolerances below which the HPA does not scale, per direction.
 *
 * @since 0.1.0
 * @category model
 */
export interface Tolerances {
  readonly scaleDown: number
  readonly scaleUp: number
}

/**
 * The controller's default: 0.1 each way.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultTolerances: Tolerances = { scaleDown: 0.1, scaleUp: 0.1 }

/**
 * Whether a usage ratio is inside the dead band (boundaries included: a ratio of exactly 1.1
 * changes nothing).
 *
 * @example
 * import { isWithin, defaultTolerances } from "catcluster/dynamics/autoscaling"
 * isWithin(defaultTolerances)(1.1) // true
 * isWithin(defaultTolerances)(1.11) // false
 *
 * @since 0.1.0
 * @category predicates
 */
export const isWithin =
  (tolerances: Tolerances) =>
  (ratio: number): boolean =>
    1 - tolerances.scaleDown <= ratio && ratio <= 1 + tolerances.scaleUp
