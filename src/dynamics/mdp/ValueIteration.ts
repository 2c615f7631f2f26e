/**
 * Value iteration V ← max_a [R + γ P V] with a stopping rule that guarantees the answer: stop
 * when ‖V_{k+1} − V_k‖∞ < ε(1 − γ)/(2γ); then ‖V_{k+1} − V*‖∞ < ε/2 and the greedy policy of
 * V_{k+1} is ε-optimal (Puterman, Markov Decision Processes, Thm 6.3.1).
 *
 * @since 0.1.0
 */
import type { Mdp, Policy } from "./Mdp.ts"

/**
 * The result of value iteration.
 *
 * @since 0.1.0
 * @category model
 */
export interface ValueIterationResult {
  readonly values: Float64Array
  /** Greedy in `values`: ε-optimal. */
  readonly policy: Policy
  readonly iterations: number
  /** ‖V_{k+1} − V_k‖∞ at the stop. */
  readonly lastChange: number
  /** The guarantee: V^policy ≥ V* − epsilon everywhere. */
  readonly epsilon: number
  readonly converged: boolean
}

/**
 * Value iteration to an ε-optimal policy.
 *
 * @example
 * import { valueIteration, healthMdp } from "catcluster/dynamics/mdp"
 * const { policy } = valueIteration(healthMdp({ runtime: "container" }).mdp, { epsilon: 1e-9 })
 *
 * @since 0.1.0
 * @category algorithms
 */
export const valueIteration = (m: Mdp, options: { readonly epsilon?: number; readonly maxIterations?: number } = {}): ValueIterationResult => {
  const epsilon = options.epsilon ?? 1e-9
  const maxIterations = options.maxIterations ?? 1_000_000
  const S = m.states.length
  const A = m.actions.length
  const { transitions, rewards, enabled, discount } = m
  const threshold = discount === 0 ? Infinity : (epsilon * (1 - discount)) / (2 * discount)
  let values = new Float64Array(S)
  let next = new Float64Array(S)
  const policy = new Int32Array(S)
  let iterations = 0
  let change = Infinity
  while (iterations < maxIterations) {
    change = 0
    for (let s = 0; s < S; s++) {
      let best = -Infinity
      let bestAction = 0
      for (let a = 0; a < A; a++) {
        const sa = s * A + a
        if (enabled[sa] === 0) continue
        let expected = 0
        const base = sa * S
        for (let t = 0; t < S; t++) expected += transitions[base + t]! * values[t]!
        const q = rewards[sa]! + discount * expected
        if (q > best) {
          best = q
          bestAction = a
        }
      }
      next[s] = best
      policy[s] = bestAction
      const d = Math.abs(best - values[s]!)
      if (d > change) change = d
    }
    const swap = values
    values = next
    next = swap
    iterations++
    if (change < threshold) break
  }
  // The policy above is greedy in the previous iterate; make it greedy in the returned values.
  for (let s = 0; s < S; s++) {
    let best = -Infinity
    for (let a = 0; a < A; a++) {
      const sa = s * A + a
      if (enabled[sa] === 0) continue
      let expected = 0
      const base = sa * S
      for (let t = 0; t < S; t++) expected += transitions[base + t]! * values[t]!
      const q = rewards[sa]! + discount * expected
      if (q > best) {
        best = q
        policy[s] = a
      }
    }
  }
  return { values, policy, iterations, lastChange: change, epsilon, converged: change < threshold }
}
