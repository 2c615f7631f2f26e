/**
 * Sensitivity of the S7.5 verdict: for which parameter values is the claimed action optimal at
 * Unhealthy? A sweep over a grid, and the exact switching point by bisection on the advantage
 * Q*(Unhealthy, claimed) − max_{a ≠ claimed} Q*(Unhealthy, a).
 *
 * @since 0.1.0
 */
import { type HealthMdpParameters, healthMdp } from "./HealthMdp.ts"
import { qValues } from "./Mdp.ts"
import { policyIteration } from "./PolicyIteration.ts"

/**
 * The optimal action at Unhealthy and the claimed action's advantage over the best other one.
 *
 * @since 0.1.0
 * @category model
 */
export interface Decision {
  readonly action: string
  /** Q*(U, claimed) − max over other enabled actions; > 0 iff the claimed action is the unique optimum. */
  readonly advantage: number
  readonly q: Readonly<Record<string, number>>
}

/**
 * The decision at Unhealthy for a parameter set, measured against `claimed`.
 *
 * @since 0.1.0
 * @category algorithms
 */
export const decideAtUnhealthy = (
  parameters: Partial<HealthMdpParameters> & { readonly runtime: "container" | "vm" },
  claimed: string,
): Decision => {
  const { mdp } = healthMdp(parameters)
  const { values, policy } = policyIteration(mdp)
  const q = qValues(mdp, values)
  const u = mdp.states.indexOf("Unhealthy")
  const A = mdp.actions.length
  const byName: Record<string, number> = {}
  let claimedQ = -Infinity
  let other = -Infinity
  for (let a = 0; a < A; a++) {
    const v = q[u * A + a]!
    if (v === -Infinity) continue
    byName[mdp.actions[a]!] = v
    if (mdp.actions[a] === claimed) claimedQ = v
    else other = Math.max(other, v)
  }
  return { action: mdp.actions[policy[u]!]!, advantage: claimedQ - other, q: byName }
}

/**
 * One point of a sweep.
 *
 * @since 0.1.0
 * @category model
 */
export interface SweepPoint {
  readonly value: number
  readonly action: string
  readonly advantage: number
}

/**
 * The decision at Unhealthy as one parameter runs over `values`, the others at their defaults.
 *
 * @example
 * import { sweep } from "catcluster/dynamics/mdp"
 * sweep("vm", "restartCost", [0, -5, -10], "Migrate").map((p) => p.action) // ["Restart", "Wait", "Wait"]: a dear restart makes waiting, not migrating, optimal
 * sweep("vm", "migrateCost", [-5, -0.5, 0], "Migrate").map((p) => p.action) // ["Restart", "Migrate", "Migrate"]
 *
 * @since 0.1.0
 * @category algorithms
 */
export const sweep = (
  runtime: "container" | "vm",
  parameter: keyof Omit<HealthMdpParameters, "runtime">,
  values: ReadonlyArray<number>,
  claimed: string,
  base: Partial<HealthMdpParameters> = {},
): ReadonlyArray<SweepPoint> =>
  values.map((value) => {
    const d = decideAtUnhealthy({ ...base, runtime, [parameter]: value }, claimed)
    return { value, action: d.action, advantage: d.advantage }
  })

/**
 * The parameter value in [lo, hi] where the claimed action's advantage crosses 0, by bisection
 * (to `tolerance`); undefined when the advantage has the same sign at both ends.
 *
 * @since 0.1.0
 * @category algorithms
 */
export const switchingPoint = (
  runtime: "container" | "vm",
  parameter: keyof Omit<HealthMdpParameters, "runtime">,
  lo: number,
  hi: number,
  claimed: string,
  base: Partial<HealthMdpParameters> = {},
  tolerance = 1e-9,
): number | undefined => {
  const f = (x: number): number => decideAtUnhealthy({ ...base, runtime, [parameter]: x }, claimed).advantage
  let a = lo
  let b = hi
  let fa = f(a)
  const fb = f(b)
  if (Math.sign(fa) === Math.sign(fb)) return undefined
  while (b - a > tolerance) {
    const mid = (a + b) / 2
    const fm = f(mid)
    if (Math.sign(fm) === Math.sign(fa)) {
      a = mid
      fa = fm
    } else b = mid
  }
  return (a + b) / 2
}
