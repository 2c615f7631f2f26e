/**
 * Services (S7.1–S7.3): the endpoint-set monoid (and a broken merge caught), the chi-square
 * test against known critical values, balancers, the Service monad (and a broken one caught).
 */
import * as fc from "fast-check"
import type { Monad1 } from "fp-ts/lib/Monad.js"
import { describe, expect, it } from "vitest"
import { booleanType } from "../../../src/category/Type.ts"
import type { ClaimResult } from "../../../src/claims/Claim.ts"
import {
  ap,
  averagingMonoid,
  balancerTests,
  chainDistribution,
  ChiSquareInputError,
  chiSquareTest,
  containerInstance,
  endpoint,
  endpointMonoidVerdicts,
  endpointSet,
  iptablesRuleProbabilities,
  mergeEndpoints,
  request,
  servicesClaims,
  ServiceMonad,
  serviceType,
  smoothWeightedRoundRobin,
  upperGammaRegularized,
  vmInstance,
  type EndpointSet,
  type Service,
  type ServiceURI,
} from "../../../src/domain/services/index.ts"
import { failures, holds, runSuite } from "../../../src/laws/index.ts"
import { monadLaws } from "../../../src/laws/monad.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

const cfg = (base: number) => {
  const { seed, numRuns } = runConfig(base)
  return { seed, numRuns }
}
const run = (id: string): ClaimResult => servicesClaims.find((c) => c.id === id)!.check() as ClaimResult

describe("endpoint-set monoid", () => {
  it("merges by key: union, ready if either, larger penalty", () => {
    const a = endpointSet([endpoint("10.0.0.2", 80, { ready: false, migrationPenalty: 1 }), endpoint("10.0.0.1", 80)])
    const b = endpointSet([endpoint("10.0.0.2", 80, { ready: true, migrationPenalty: 0 })])
    const m = mergeEndpoints(a, b)
    expect(m.map((e) => [e.address, e.ready, e.migrationPenalty])).toEqual([
      ["10.0.0.1", true, 0],
      ["10.0.0.2", true, 1],
    ])
  })

  it("satisfies the laws: exhaustive on 25 sets, sampled on large ones", () => {
    const v = endpointMonoidVerdicts()
    expect(holds(v.exhaustive)).toBe(true)
    expect(holds(v.sampled)).toBe(true)
    const assoc = v.exhaustive.laws.find((l) => l.law === "semigroup.associativity")!
    expect(assoc._tag === "Holds" && assoc.coverage).toEqual({ mode: "exhaustive", cases: 15625, discarded: 0 })
  })

  it("catches a merge that averages penalties: associativity fails with a counterexample", () => {
    const v = endpointMonoidVerdicts(averagingMonoid)
    const bad = failures(v.exhaustive)
    expect(bad.map((l) => l.law)).toEqual(["semigroup.associativity"])
    const [a, b, c] = bad[0]!.counterexample.value as [EndpointSet, EndpointSet, EndpointSet]
    const lhs = averagingMonoid.concat(averagingMonoid.concat(a, b), c)
    const rhs = averagingMonoid.concat(a, averagingMonoid.concat(b, c))
    expect(lhs.map((e) => e.migrationPenalty)).not.toEqual(rhs.map((e) => e.migrationPenalty))
  })
})

describe("chi-square", () => {
  it("matches tabulated 5 % critical values", () => {
    expect(upperGammaRegularized(0.5, 3.841 / 2)).toBeCloseTo(0.05, 3)
    expect(upperGammaRegularized(2, 9.488 / 2)).toBeCloseTo(0.05, 3)
    expect(upperGammaRegularized(5, 18.307 / 2)).toBeCloseTo(0.05, 3)
    expect(upperGammaRegularized(2, 13.277 / 2)).toBeCloseTo(0.01, 3)
  })

  it("p falls as the statistic grows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 60, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), (df, x, dx) => {
        expect(upperGammaRegularized(df / 2, (x + dx) / 2)).toBeLessThanOrEqual(upperGammaRegularized(df / 2, x / 2) + 1e-12)
      }),
      cfg(200),
    )
  })

  it("rejects malformed input with a typed error naming the argument", () => {
    expect(() => chiSquareTest([1, 2], [1])).toThrow(ChiSquareInputError)
    expect(() => chiSquareTest([1, 2], [1, 0])).toThrow(/probabilities\[1\]/)
  })
})

describe("balancers", () => {
  it("kube-proxy's 1/(n − i) chain is exactly uniform for every n", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), (n) => {
        for (const p of chainDistribution(iptablesRuleProbabilities(n))) expect(p).toBeCloseTo(1 / n, 12)
      }),
      cfg(64),
    )
  })

  it("a chain with every rule at 1/n is biased: the first gets 1/n, the last (1 − 1/n)^(n−1)", () => {
    const d = chainDistribution(new Float64Array(5).fill(0.2))
    expect(d[0]).toBeCloseTo(0.2, 12)
    expect(d[4]).toBeCloseTo(0.8 ** 4, 12)
  })

  it("the chi-square test passes the faithful samplers and rejects the biased chain", () => {
    const tests = balancerTests()
    expect(tests.map((t) => [t.balancer, t.rejected])).toEqual([
      ["kube-proxy chain 1/(n−i)", false],
      ["weighted wᵢ/Σw", false],
      ["smooth WRR", false],
      ["buggy chain 1/n", true],
    ])
    expect(tests[3]!.pValue).toBeLessThan(1e-10)
  })

  it("smooth WRR serves integer weights exactly once per period", () => {
    expect(Array.from(smoothWeightedRoundRobin([5, 1, 1], 7))).toEqual([5, 1, 1])
    expect(Array.from(smoothWeightedRoundRobin([1, 0.5], 3))).toEqual([2, 1])
  })
})

describe("Service monad", () => {
  it("satisfies the monad and functor laws", () => {
    const v = runSuite(monadLaws(ServiceMonad, serviceType, { a: booleanType, b: booleanType, c: booleanType }), { config: runConfig(100) })
    expect(failures(v)).toEqual([])
    expect(v.laws.map((l) => l.law)).toContain("monad.associativity")
  })

  it("catches a chain that forgets the first step's hops", () => {
    const broken: Monad1<ServiceURI> = {
      ...ServiceMonad,
      chain: (fa, f) => (view, state) => {
        const first = fa(view, state)
        const second = f(first.value)(view, first.state)
        return { value: second.value, state: second.state, hops: second.hops }
      },
    }
    const v = runSuite(monadLaws(broken, serviceType, { a: booleanType, b: booleanType, c: booleanType }), { config: runConfig(100) })
    const bad = failures(v).map((l) => l.law)
    expect(bad).toContain("monad.rightIdentity")
  })

  it("ap applies after both steps and adds their hops", () => {
    const f: Service<(b: boolean) => boolean> = (_v, s) => ({ value: (b) => !b, state: s + 1, hops: 2 })
    const x: Service<boolean> = (_v, s) => ({ value: s > 0, state: s * 10, hops: 1 })
    expect(ap(x)(f)({ endpoints: [] }, 0)).toEqual({ value: false, state: 10, hops: 3 })
    expect(ServiceMonad.ap(f, x)({ endpoints: [] }, 0)).toEqual({ value: false, state: 10, hops: 3 })
  })

  it("discover ≫= balance: 1 hop by DNAT, 3 through the VM proxies, one turn each", () => {
    const endpoints = endpointSet([endpoint("10.0.0.1", 80), endpoint("10.0.0.2", 80, { ready: false }), endpoint("10.0.0.3", 80, { migrationPenalty: 1 })])
    const c = request(containerInstance)({ endpoints }, 1)
    const v = request(vmInstance)({ endpoints }, 0)
    expect([c.value?.address, c.hops, c.state]).toEqual(["10.0.0.3", 1, 2])
    expect([v.value?.address, v.hops, v.state]).toEqual(["10.0.0.1", 3, 1])
  })
})

describe("claims S7", () => {
  it("cover S7.1–S7.3", () => {
    expect(servicesClaims.map((c) => c.id)).toEqual(["S7.1", "S7.2", "S7.3"])
  })
  it("S7.1 holds", () => {
    expect(run("S7.1").verdict).toBe("holds")
  })
  it("S7.2 fails for VMs: the seed's weighted balancer fits its formula but is not KubeVirt's", () => {
    const r = run("S7.2")
    expect(r.verdict).toBe("fails")
    expect((r.evidence as { tests: Array<{ rejected: boolean }> }).tests.map((t) => t.rejected)).toEqual([false, false, false, true])
  })
  it("S7.3 holds with constant hops 1 and 3 (O(3) is O(1))", () => {
    const r = run("S7.3")
    expect(r.verdict).toBe("holds")
    const g = (r.evidence as { growth: { container: Array<{ hops: number; rules: number }>; vm: Array<{ hops: number; rules: number }> } }).growth
    expect(new Set(g.container.map((c) => c.hops))).toEqual(new Set([1]))
    expect(new Set(g.vm.map((c) => c.hops))).toEqual(new Set([3]))
    expect(g.container.map((c) => c.rules)).toEqual([4, 31, 301, 3001])
    expect(r.summary).toContain("O(1)")
  })
})
