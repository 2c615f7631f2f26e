/**
 * Selection among scored nodes: the highest total wins; ties are broken uniformly at random, as
 * kube-scheduler v1.35 `selectHost` does, but from a seeded PRNG so the same seed and input give
 * the same node.
 *
 * The rule, applied identically by the readable σ and the hot path: let `count` be the number of
 * scored nodes with the top total (in evaluation order). With one such node, it wins and no
 * random number is drawn. Otherwise one draw j = uniform integer in [0, count) picks the j-th of
 * them in evaluation order. kube-scheduler reaches the same distribution by reservoir sampling
 * (one draw per tie); a single draw gives every top node the same 1/count chance at a fraction of
 * the cost on large homogeneous clusters, where thousands of nodes tie.
 *
 * @since 0.1.0
 */
import { nextInt, type Random } from "./Random.ts"

/**
 * The j-th position (0-based) among `count` totals equal to `top`.
 *
 * @since 0.1.0
 * @category selection
 */
export const nthTop = (totals: Float64Array, count: number, top: number, j: number): number => {
  let seen = 0
  for (let i = 0; i < count; i++) {
    if (totals[i] === top) {
      if (seen === j) return i
      seen++
    }
  }
  return -1
}

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
  let top = totals[0] as number
  let ties = 1
  let first = 0
  for (let i = 1; i < count; i++) {
    const s = totals[i] as number
    if (s > top) {
      top = s
      ties = 1
      first = i
    } else if (s === top) ties++
  }
  return ties === 1 ? first : nthTop(totals, count, top, nextInt(rng, ties))
}
