/**
 * Plugin NodeResourcesBalancedAllocation, score part (Kubernetes v1.35): favours nodes whose
 * requested fractions of the configured resources (actual requests, pod included, each clamped to
 * 1) are close to each other. PreScore skips a pod that requests 0 of every configured resource.
 *
 * @since 0.1.0
 */
import { MAX_NODE_SCORE } from "./Normalize.ts"

/**
 * BalancedAllocation over fractions already clamped to ≤ 1: |f₀ − f₁|/2 for two, population
 * standard deviation for more, 0 for fewer; score = trunc((1 − σ)·100). Same float operations in
 * the same order as v1.35's `balancedResourceScorer`.
 *
 * @since 0.1.0
 * @category scorers
 */
export const balancedScore = (fractions: ArrayLike<number>, count: number, total: number): number => {
  let std = 0
  if (count === 2) std = Math.abs(((fractions[0] as number) - (fractions[1] as number)) / 2)
  else if (count > 2) {
    const mean = total / count
    let sum = 0
    for (let i = 0; i < count; i++) {
      const d = (fractions[i] as number) - mean
      sum = sum + d * d
    }
    std = Math.sqrt(sum / count)
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE)
}
