import type { Monoid } from "fp-ts/lib/Monoid.js"
import { booleanType } from "../../category/Type.ts"
import type { ClaimCheck, ClaimResult } from "../../claims/Claim.ts"
import { holds, runConfig, runSuite, type SuiteVerdict } from "../../laws/index.ts"
import { monadLaws } from "../../laws/monad.ts"
import { monoidLaws } from "../../laws/monoid.ts"
import { chainDistribution, iptablesRuleProbabilities, sampleChain, sampleWeighted, smoothWeightedRoundRobin, weightedDistribution } from "./Balancer.ts"
import { chiSquareTest } from "./ChiSquare.ts"
import { EndpointSetMonoid, endpointSetType, mergeWith, type EndpointSet } from "./EndpointSet.ts"
import { hopGrowth } from "./hops.ts"
import { seededUniform } from "./seeded.ts"
import { ServiceMonad, serviceType } from "./ServiceMonad.ts"

/**
 * Claims S7.1–S7.3 (services and load balancing), computed.
 *
 * @since 0.1.0
 */

/** The seed of the balancer samples (reported in the evidence). @since 0.1.0 @category constants */
export const SERVICES_SEED = 20261127

/** The small universe the monoid laws are proved on: 2 addresses, penalties {0, 2}: 25 sets. @since 0.1.0 @category constants */
export const SMALL_UNIVERSE = { addresses: ["10.0.0.1", "10.0.0.2"], penalties: [0, 2] } as const

/**
 * The monoid laws of a merge: exhaustive on {@link SMALL_UNIVERSE}, sampled on large sets.
 *
 * @since 0.1.0
 * @category claims
 */
export const endpointMonoidVerdicts = (M: Monoid<EndpointSet> = EndpointSetMonoid): { readonly exhaustive: SuiteVerdict; readonly sampled: SuiteVerdict } => ({
  exhaustive: runSuite(monoidLaws(M, endpointSetType(SMALL_UNIVERSE))),
  sampled: runSuite(monoidLaws(M, endpointSetType()), { config: runConfig(200) }),
})

/**
 * A broken merge: duplicates average their penalties (a plausible "smoothing" bug); not
 * associative.
 *
 * @since 0.1.0
 * @category claims
 */
export const averagingMonoid: Monoid<EndpointSet> = {
  concat: mergeWith((a, b) => ({ ...a, ready: a.ready || b.ready, migrationPenalty: (a.migrationPenalty + b.migrationPenalty) / 2 })),
  empty: [],
}

/**
 * S7.1: (EndpointSet, ⊕, ∅) is a monoid — proved on the small universe, sampled on large sets.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkDiscoveryMonoid = (): ClaimResult => {
  const v = endpointMonoidVerdicts()
  const ok = holds(v.exhaustive) && holds(v.sampled)
  return {
    verdict: ok ? "holds" : "fails",
    summary: ok
      ? `Merge of endpoint sets with ∅ satisfies the monoid laws: exhaustive on ${SMALL_UNIVERSE.addresses.length} addresses (25 sets, 15625 triples), sampled on up to 40 endpoints.`
      : "A monoid law of the endpoint merge fails.",
    evidence: { exhaustive: v.exhaustive.laws, sampled: v.sampled.laws },
  }
}

/** The outcome of testing one sampler. @since 0.1.0 @category model */
export interface BalancerTest {
  readonly balancer: string
  readonly samples: number
  readonly statistic: number
  readonly pValue: number
  readonly rejected: boolean
}

/** Significance of the balancer tests. @since 0.1.0 @category constants */
export const ALPHA = 0.001

/**
 * The chi-square tests of S7.2 at a fixed seed: the kube-proxy chain against uniform, the seed's
 * weighted sampler and its smooth WRR against wᵢ/Σw, and a buggy chain (every rule 1/n) against
 * uniform, which the test must reject.
 *
 * @since 0.1.0
 * @category claims
 */
export const balancerTests = (seed = SERVICES_SEED, samples = 20_000): ReadonlyArray<BalancerTest> => {
  const n = 5
  const penalties = [0, 0.5, 1, 2, 4]
  const weights = penalties.map((p) => 1 / (1 + p))
  const uniform = new Float64Array(n).fill(1 / n)
  const test = (balancer: string, counts: Float64Array, p: ArrayLike<number>): BalancerTest => {
    const r = chiSquareTest(counts, p)
    return { balancer, samples, statistic: r.statistic, pValue: r.pValue, rejected: r.pValue < ALPHA }
  }
  return [
    test("kube-proxy chain 1/(n−i)", sampleChain(iptablesRuleProbabilities(n), samples, seededUniform(seed)), uniform),
    test("weighted wᵢ/Σw", sampleWeighted(weights, samples, seededUniform(seed + 1)), weightedDistribution(weights)),
    test("smooth WRR", smoothWeightedRoundRobin(weights, samples), weightedDistribution(weights)),
    test("buggy chain 1/n", sampleChain(new Float64Array(n).fill(1 / n), samples, seededUniform(seed + 2)), uniform),
  ]
}

/**
 * S7.2: the container formula holds for kube-proxy (its rule chain is exactly uniform, and the
 * samples pass the test); the VM formula is the seed's own model — it runs and fits — but
 * KubeVirt has no such balancer: a Service over VMIs selects virt-launcher pods and kube-proxy
 * balances them uniformly, like any pods. So the claim fails for VMs as a statement about the system.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkBalancers = (): ClaimResult => {
  const tests = balancerTests()
  const exact = Array.from(chainDistribution(iptablesRuleProbabilities(5)))
  const exactUniform = exact.every((p) => Math.abs(p - 0.2) < 1e-12)
  const [chain, weighted, wrr, buggy] = tests as [BalancerTest, BalancerTest, BalancerTest, BalancerTest]
  const modelsFit = !chain.rejected && !weighted.rejected && !wrr.rejected && buggy.rejected && exactUniform
  return {
    verdict: modelsFit ? "fails" : "inconsistent",
    summary: modelsFit
      ? `Container: kube-proxy's chain is exactly uniform (p = ${chain.pValue.toFixed(3)}); the seed's weighted VM balancer fits wᵢ/Σw (p = ${weighted.pValue.toFixed(3)}) but is not KubeVirt's: VMI Services are balanced uniformly by kube-proxy over virt-launcher pods. A buggy 1/n chain is rejected (p = ${buggy.pValue.toExponential(2)}).`
      : "A balancer does not produce its stated distribution (or the test misses the buggy chain).",
    evidence: { seed: SERVICES_SEED, alpha: ALPHA, tests, chainDistribution: exact, buggyChainDistribution: Array.from(chainDistribution(new Float64Array(5).fill(0.2))) },
  }
}

/**
 * S7.3: the Service monad's laws (sampled, with the functor laws), and hops per request for
 * growing backend counts: constant 1 (container) and 3 (VM) — both O(1); "O(3)" is O(1).
 *
 * @since 0.1.0
 * @category claims
 */
export const checkServiceMonad = (): ClaimResult => {
  const laws = runSuite(monadLaws(ServiceMonad, serviceType, { a: booleanType, b: booleanType, c: booleanType }), { config: runConfig(100) })
  const sizes = [1, 10, 100, 1000]
  const growth = hopGrowth(sizes)
  const containerHops = [...new Set(growth.container.map((c) => c.hops))]
  const vmHops = [...new Set(growth.vm.map((c) => c.hops))]
  const constant = containerHops.length === 1 && vmHops.length === 1
  const ok = holds(laws) && constant
  return {
    verdict: ok ? "holds" : "fails",
    summary: ok
      ? `The Service monad (Reader view × State turn × Writer hops) satisfies the monad laws; hops are ${containerHops[0]} (container) and ${vmHops[0]} (VM) for every n in ${sizes.join(", ")}: both O(1) — "O(3)" is O(1), a constant factor 3, not a different class. Space: 3n+1 rules vs 3n+1+n·m in the seed's VM model.`
      : "A monad law fails or the hop count grows with n.",
    evidence: { laws: laws.laws, growth },
  }
}

/**
 * The checks of S7.1–S7.3.
 *
 * @since 0.1.0
 * @category claims
 */
export const claims: ReadonlyArray<ClaimCheck> = [
  { id: "S7.1", statement: "Service discovery is a monoid (S, ⊕, e): endpoint sets, ⊕ = merge, e = ∅.", source: "src/domain/services/claims.ts#checkDiscoveryMonoid (EndpointSetMonoid, monoidLaws)", check: checkDiscoveryMonoid },
  { id: "S7.2", statement: "Container LB uniform P(i) = 1/|S|; VM LB weighted round robin P(i) = wᵢ/Σw, wᵢ = 1/(1 + penaltyᵢ).", source: "src/domain/services/claims.ts#checkBalancers (balancerTests, chiSquareTest)", check: checkBalancers },
  { id: "S7.3", statement: "A Service monad (discover, balance), container (direct DNAT) and VM (proxy hops) instances; time O(1) vs O(3), space O(n) vs O(n·m).", source: "src/domain/services/claims.ts#checkServiceMonad (ServiceMonad, monadLaws, hopGrowth)", check: checkServiceMonad },
]
