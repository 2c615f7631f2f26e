/**
 * Plugin NodeResourcesFit, score part: the integer kernels of its scoring strategies (Kubernetes v1.35,
 * `pkg/scheduler/framework/plugins/noderesources`), shared by the readable σ and the hot path so
 * both do the same integer arithmetic. Go's int64 division truncates; the amounts here are
 * non-negative, so it is a floor, computed exactly even where the double quotient would round up.
 *
 * @since 0.1.0
 */
import { MAX_NODE_SCORE } from "./Normalize.ts"

/**
 * ⌊a / b⌋ for non-negative integers below 2⁵³, exact (a double quotient can round up to the next
 * integer when b is large; the correction undoes that).
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const intDiv = (a: number, b: number): number => {
  // The rounded quotient is never below the true floor (that integer is representable), so
  // only a round-up needs undoing.
  const q = Math.floor(a / b)
  // Stryker disable next-line ConditionalExpression,ArithmeticOperator: equivalent below 2⁵³, where the quotient never rounds up (its distance to q + 1 is ≥ 1/b, half an ulp is less); kept as defence
  return q * b > a ? q - 1 : q
}

/**
 * LeastAllocated for one resource: (A − R)·100 div A, 0 when R > A or A = 0.
 *
 * @example
 * import { leastAllocatedScore } from "catcluster/scheduler"
 * leastAllocatedScore(1100, 4000) // (2900 · 100) div 4000 = 72
 *
 * @since 0.1.0
 * @category scorers
 */
export const leastAllocatedScore = (requested: number, allocatable: number): number => {
  if (allocatable === 0) return 0
  // Stryker disable next-line EqualityOperator: equivalent, at R = A both ways give 0
  if (requested > allocatable) return 0
  return intDiv((allocatable - requested) * MAX_NODE_SCORE, allocatable)
}

/** MostAllocated for one resource: min(R, A)·100 div A, 0 when A = 0. @since 0.1.0 @category scorers */
export const mostAllocatedScore = (requested: number, allocatable: number): number =>
  allocatable === 0 ? 0 : intDiv(Math.min(requested, allocatable) * MAX_NODE_SCORE, allocatable)

/**
 * `helper.BuildBrokenLinearFunction` over a shape already scaled to 0..100 scores: below the
 * first point its score, above the last its score, linear in between with Go's truncating
 * division.
 *
 * @since 0.1.0
 * @category scorers
 */
export const brokenLinear = (utilization: ArrayLike<number>, score: ArrayLike<number>, p: number): number => {
  const n = utilization.length
  // Stryker disable next-line EqualityOperator: equivalent, i = n reads no point and p ≤ undefined is false, the same exit
  for (let i = 0; i < n; i++) {
    const u1 = utilization[i] as number
    // Stryker disable next-line EqualityOperator: equivalent, at p = u₁ the next segment starts at s₁ too (the last point: its score)
    if (p <= u1) {
      if (i === 0) return score[0] as number
      const u0 = utilization[i - 1] as number
      const s0 = score[i - 1] as number
      const s1 = score[i] as number
      return s0 + Math.trunc(((s1 - s0) * (p - u0)) / (u1 - u0))
    }
  }
  return score[n - 1] as number
}

/**
 * RequestedToCapacityRatio for one resource: utilization u = R·100 div A (100 when R > A or
 * A = 0), then the shape.
 *
 * @since 0.1.0
 * @category scorers
 */
export const ratioScore = (
  requested: number,
  allocatable: number,
  utilization: ArrayLike<number>,
  score: ArrayLike<number>,
): number => {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent, shape points lie in 0..100 (validated), so any u ≥ 100 (or the NaN of 0 div 0) reads the last point's score as u = 100 does
  const u = allocatable === 0 || requested > allocatable ? MAX_NODE_SCORE : intDiv(requested * MAX_NODE_SCORE, allocatable)
  return brokenLinear(utilization, score, u)
}

/**
 * Go's `math.Round` (half away from zero) of a / b for the ratio strategy's weighted mean.
 *
 * @since 0.1.0
 * @category arithmetic
 */
// Stryker disable next-line EqualityOperator: equivalent, at x = ±0 both branches give the same zero
export const roundHalfAwayFromZero = (x: number): number => (x < 0 ? -Math.round(-x) : Math.round(x))
