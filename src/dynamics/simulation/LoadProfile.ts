/**
 * Offered load over time, in CPU millicores summed over the workload.
 *
 * @since 0.1.0
 */
import type { Rng } from "../random/index.ts"

/**
 * A piecewise-constant load: `levels[i]` millicores from `at[i]` seconds on.
 *
 * @since 0.1.0
 * @category model
 */
export interface StepProfile {
  readonly at: ReadonlyArray<number>
  readonly levels: ReadonlyArray<number>
  /** Multiplicative noise amplitude: each second's load is level·(1 + noise·u), u uniform in [−1, 1). */
  readonly noise: number
}

/**
 * The default profile: 3 cores, a step to 12 cores at 120 s, down to 4 cores at 900 s, ±5 % noise.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultProfile: StepProfile = { at: [0, 120, 900], levels: [3000, 12000, 4000], noise: 0.05 }

/**
 * The noise-free level at second `t`.
 *
 * @example
 * import { levelAt, defaultProfile } from "catcluster/dynamics/simulation"
 * levelAt(defaultProfile, 120) // 12000
 *
 * @since 0.1.0
 * @category destructors
 */
export const levelAt = (profile: StepProfile, t: number): number => {
  let level = profile.levels[0] ?? 0
  for (let i = 0; i < profile.at.length; i++) if (t >= (profile.at[i] ?? Infinity)) level = profile.levels[i] ?? level
  return level
}

/**
 * The nominal and the noisy load for every second 0 … duration−1 (one uniform draw per second).
 *
 * @since 0.1.0
 * @category constructors
 */
export const sampleLoad = (
  profile: StepProfile,
  durationSeconds: number,
  rng: Rng,
): { readonly nominal: Float64Array; readonly load: Float64Array } => {
  const nominal = new Float64Array(durationSeconds)
  const load = new Float64Array(durationSeconds)
  for (let t = 0; t < durationSeconds; t++) {
    const level = levelAt(profile, t)
    nominal[t] = level
    load[t] = level * (1 + profile.noise * (2 * rng.next() - 1))
  }
  return { nominal, load }
}
