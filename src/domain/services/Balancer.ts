import type { Endpoint, EndpointSet } from "./EndpointSet.ts"
import type { Uniform } from "./seeded.ts"

/**
 * Load balancers over the ready endpoints of a Service (S7.2), as probability vectors and as
 * samplers:
 *
 * - container path, kube-proxy iptables mode: a chain of rules, rule i taken with probability
 *   1/(n − i) (`-m statistic --mode random --probability`), the last one always; the chain's
 *   distribution is uniform, P(i) = 1/n;
 * - VM path as the seed writes it: P(i) = wᵢ / Σw with wᵢ = 1/(1 + migration_penaltyᵢ), sampled
 *   by the cumulative weights, or served deterministically by smooth weighted round robin.
 *
 * A goodness-of-fit test (chi-square, `ChiSquare.ts`) checks a sampler against its stated
 * distribution.
 *
 * @since 0.1.0
 */

/** The endpoints a balancer chooses among: the ready ones, in set order. @since 0.1.0 @category destructors */
export const readyEndpoints = (s: EndpointSet): ReadonlyArray<Endpoint> => s.filter((e) => e.ready)

/**
 * The seed's VM weight wᵢ = 1 / (1 + migration_penaltyᵢ).
 *
 * @since 0.1.0
 * @category balancing
 */
export const migrationWeight = (e: Endpoint): number => 1 / (1 + e.migrationPenalty)

/**
 * The uniform distribution over n endpoints.
 *
 * @since 0.1.0
 * @category balancing
 */
export const uniformDistribution = (n: number): Float64Array => new Float64Array(n).fill(n === 0 ? 0 : 1 / n)

/**
 * The weighted distribution P(i) = wᵢ / Σw.
 *
 * @since 0.1.0
 * @category balancing
 */
export const weightedDistribution = (weights: ArrayLike<number>): Float64Array => {
  let total = 0
  for (let i = 0; i < weights.length; i++) total += weights[i] as number
  const p = new Float64Array(weights.length)
  for (let i = 0; i < weights.length; i++) p[i] = (weights[i] as number) / total
  return p
}

/**
 * The per-rule probabilities kube-proxy writes for n endpoints: 1/n, 1/(n−1), …, 1/2, then the
 * last rule unconditionally (1).
 *
 * @example
 * import { iptablesRuleProbabilities } from "catcluster/domain/services"
 * iptablesRuleProbabilities(3) // Float64Array [0.333…, 0.5, 1]
 *
 * @since 0.1.0
 * @category balancing
 */
export const iptablesRuleProbabilities = (n: number): Float64Array => {
  const p = new Float64Array(n)
  for (let i = 0; i < n; i++) p[i] = 1 / (n - i)
  return p
}

/**
 * The distribution a chain of rules with the given per-rule probabilities produces: rule i is
 * reached with the probability that all earlier rules fell through.
 *
 * @since 0.1.0
 * @category balancing
 */
export const chainDistribution = (rules: ArrayLike<number>): Float64Array => {
  const out = new Float64Array(rules.length)
  let through = 1
  for (let i = 0; i < rules.length; i++) {
    const r = i === rules.length - 1 ? 1 : (rules[i] as number)
    out[i] = through * r
    through *= 1 - r
  }
  return out
}

/**
 * Draws `samples` choices from a rule chain (the way the kernel evaluates it) and counts them.
 *
 * @since 0.1.0
 * @category sampling
 */
export const sampleChain = (rules: ArrayLike<number>, samples: number, u: Uniform): Float64Array => {
  const n = rules.length
  const counts = new Float64Array(n)
  for (let s = 0; s < samples; s++) {
    let i = 0
    while (i < n - 1 && u.next() >= (rules[i] as number)) i++
    counts[i]! += 1
  }
  return counts
}

/**
 * Draws `samples` choices by inverse CDF of the weights and counts them.
 *
 * @since 0.1.0
 * @category sampling
 */
export const sampleWeighted = (weights: ArrayLike<number>, samples: number, u: Uniform): Float64Array => {
  const n = weights.length
  const cumulative = new Float64Array(n)
  let total = 0
  for (let i = 0; i < n; i++) {
    total += weights[i] as number
    cumulative[i] = total
  }
  const counts = new Float64Array(n)
  for (let s = 0; s < samples; s++) {
    const x = u.next() * total
    let i = 0
    while (i < n - 1 && x >= (cumulative[i] as number)) i++
    counts[i]! += 1
  }
  return counts
}

/**
 * Smooth weighted round robin (as nginx does it): each turn adds every weight to its running
 * credit, serves the largest credit and takes the total off it. Deterministic; over Σ-periods the
 * shares equal wᵢ / Σw. Returns the counts after `turns` turns.
 *
 * @since 0.1.0
 * @category balancing
 */
export const smoothWeightedRoundRobin = (weights: ArrayLike<number>, turns: number): Float64Array => {
  const n = weights.length
  const credit = new Float64Array(n)
  const counts = new Float64Array(n)
  let total = 0
  for (let i = 0; i < n; i++) total += weights[i] as number
  for (let t = 0; t < turns; t++) {
    let best = 0
    for (let i = 0; i < n; i++) {
      credit[i]! += weights[i] as number
      if ((credit[i] as number) > (credit[best] as number)) best = i
    }
    credit[best]! -= total
    counts[best]! += 1
  }
  return counts
}
