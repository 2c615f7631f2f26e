/**
 * Policy iteration: evaluate the current policy exactly by solving (I − γ P_π) V = R_π (Gaussian
 * elimination with partial pivoting), improve greedily, repeat until no state's action improves.
 * Terminates in finitely many steps with an optimal policy.
 *
 * @since 0.1.0
 */
import type { Mdp, Policy } from "./Mdp.ts"
import { qValues } from "./Mdp.ts"

/**
 * Error for a linear system without a unique solution (cannot happen for γ < 1; kept typed).
 *
 * @since 0.1.0
 * @category errors
 */
export class SingularEvaluationError extends Error {
  readonly _tag = "SingularEvaluationError" as const
  constructor(readonly column: number) {
    super(`policy evaluation: singular system at column ${column}`)
    this.name = "SingularEvaluationError"
  }
}

/**
 * V^π by solving (I − γ P_π) V = R_π exactly (up to rounding).
 *
 * @since 0.1.0
 * @category algorithms
 */
export const evaluatePolicy = (m: Mdp, policy: Policy): Float64Array => {
  const S = m.states.length
  const A = m.actions.length
  const w = S + 1
  const aug = new Float64Array(S * w)
  for (let s = 0; s < S; s++) {
    const sa = s * A + policy[s]!
    for (let t = 0; t < S; t++) aug[s * w + t] = (s === t ? 1 : 0) - m.discount * m.transitions[sa * S + t]!
    aug[s * w + S] = m.rewards[sa]!
  }
  for (let col = 0; col < S; col++) {
    let pivot = col
    for (let r = col + 1; r < S; r++) if (Math.abs(aug[r * w + col]!) > Math.abs(aug[pivot * w + col]!)) pivot = r
    if (aug[pivot * w + col] === 0) throw new SingularEvaluationError(col)
    if (pivot !== col) {
      for (let c = 0; c < w; c++) {
        const tmp = aug[col * w + c]!
        aug[col * w + c] = aug[pivot * w + c]!
        aug[pivot * w + c] = tmp
      }
    }
    const p = aug[col * w + col]!
    for (let r = col + 1; r < S; r++) {
      const f = aug[r * w + col]! / p
      if (f === 0) continue
      for (let c = col; c < w; c++) aug[r * w + c]! -= f * aug[col * w + c]!
    }
  }
  const values = new Float64Array(S)
  for (let r = S - 1; r >= 0; r--) {
    let acc = aug[r * w + S]!
    for (let c = r + 1; c < S; c++) acc -= aug[r * w + c]! * values[c]!
    values[r] = acc / aug[r * w + r]!
  }
  return values
}

/**
 * The result of policy iteration.
 *
 * @since 0.1.0
 * @category model
 */
export interface PolicyIterationResult {
  readonly values: Float64Array
  readonly policy: Policy
  /** Improvement steps taken. */
  readonly iterations: number
}

/**
 * Policy iteration from the first enabled action in each state. An action replaces the current
 * one only when it is better by more than 1e-12·(1 + |Q|), so ties never cycle.
 *
 * @example
 * import { policyIteration, valueIteration, healthMdp } from "catcluster/dynamics/mdp"
 * const m = healthMdp({ runtime: "vm" }).mdp
 * policyIteration(m).policy // equals valueIteration(m).policy
 *
 * @since 0.1.0
 * @category algorithms
 */
export const policyIteration = (m: Mdp, maxIterations = 10_000): PolicyIterationResult => {
  const S = m.states.length
  const A = m.actions.length
  const policy = new Int32Array(S)
  for (let s = 0; s < S; s++) {
    let a = 0
    while (m.enabled[s * A + a] === 0) a++
    policy[s] = a
  }
  const q = new Float64Array(S * A)
  let values = evaluatePolicy(m, policy)
  let iterations = 0
  for (; iterations < maxIterations; iterations++) {
    qValues(m, values, q)
    let changed = false
    for (let s = 0; s < S; s++) {
      const current = q[s * A + policy[s]!]!
      let best = current
      let bestAction = policy[s]!
      for (let a = 0; a < A; a++) {
        const v = q[s * A + a]!
        if (v > best + 1e-12 * (1 + Math.abs(best))) {
          best = v
          bestAction = a
        }
      }
      if (bestAction !== policy[s]) {
        policy[s] = bestAction
        changed = true
      }
    }
    if (!changed) break
    values = evaluatePolicy(m, policy)
  }
  return { values, policy, iterations }
}
