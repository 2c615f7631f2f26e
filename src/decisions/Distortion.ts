/**
 * S14.6 performance distortion: T_vm(p) = T_container(p)·(1 + ε) + H, with ε ∈ [0.05, 0.15]
 * and a hypervisor constant H ∈ [30, 180] s. The interval image of a container time under the
 * model, to compare with the VM start-up range the seed states elsewhere (S4.1: 30–180 s).
 *
 * @since 0.1.0
 */

/** A closed interval. @since 0.1.0 @category model */
export interface Interval {
  readonly low: number
  readonly high: number
}

/** The seed's parameters. @since 0.1.0 @category constants */
export const seedDistortion = { epsilon: { low: 0.05, high: 0.15 }, hypervisor: { low: 30, high: 180 } } as const

/**
 * The range of T_vm for container times in `container` (interval arithmetic; all terms ≥ 0).
 *
 * @example
 * import { distortedRange } from "catcluster/decisions"
 * distortedRange({ low: 1, high: 3 }) // { low: 31.05, high: 183.45 }
 *
 * @since 0.1.0
 * @category model
 */
export const distortedRange = (
  container: Interval,
  epsilon: Interval = seedDistortion.epsilon,
  hypervisor: Interval = seedDistortion.hypervisor,
): Interval => ({
  low: container.low * (1 + epsilon.low) + hypervisor.low,
  high: container.high * (1 + epsilon.high) + hypervisor.high,
})
