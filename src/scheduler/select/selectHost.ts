/**
 * Selection among scored nodes, as kube-scheduler v1.35 `selectHost` does it: walk the scored
 * nodes in evaluation order keeping the highest total; on the k-th node equal to the current
 * highest, take it with probability 1/k (reservoir sampling), so every top node is equally
 * likely. The random draw comes from a seeded PRNG, and is made only on ties, so the same seed
 * and the same input give the same node. Both the readable σ and the hot path use this rule.
 *
 * @since 0.1.0
 */
import { nextInt, type Random } from "./Random.ts"

/**
 * The winning position among `count` totals, or −1 when `count` is 0.
 *
 * @example
 * import { random, selectHost } from "catcluster/scheduler"
 * selectHost(Float64Array.of(5, 9, 7), 3, random(1)) // 1
 *
 * @since 0.1.0
 * @category selection
 */
export const selectHost = (totals: Float64Array, count: number, rng: Random): number => {
  if (count === 0) return -1
  let best = 0
  let bestScore = totals[0] as number
  let ties = 1
  for (let i = 1; i < count; i++) {
    const s = totals[i] as number
    if (s > bestScore) {
      bestScore = s
      best = i
      ties = 1
    } else if (s === bestScore) {
      ties++
      if (nextInt(rng, ties) === 0) best = i
    }
  }
  return best
}
