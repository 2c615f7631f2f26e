/**
 * The pieces `run` uses on a user's cluster: the symmetry reduction of nodes in the model
 * checker's placement instances (same answers as the full node list), growing an instance within
 * a state budget, the load profile of an HPA, and the simulated HPA's own `behavior` in the
 * Smith predictor's path.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { stepProfileFor } from "../../src/app/autoscalingStep.ts"
import { growInstance, representativeNodes } from "../../src/app/verifyStep.ts"
import { withDefaults, type HpaSpec } from "../../src/dynamics/autoscaling/index.ts"
import { simulateAutoscaling } from "../../src/dynamics/simulation/index.ts"
import { runConfig } from "../../src/laws/RunConfig.ts"
import { check } from "../../src/verification/Check.ts"
import { always, alwaysEventually, leadsTo } from "../../src/verification/Formula.ts"
import { placementSystem } from "../../src/verification/scenarios/Placement.ts"

describe("representative nodes", () => {
  it("keeps k nodes of each distinct cpu, in order", () => {
    expect(representativeNodes([4, 4, 4, 2, 4, 2, 8], 2)).toEqual([4, 4, 2, 2, 8])
    expect(representativeNodes([4, 4, 4], 1)).toEqual([4])
    expect(representativeNodes([], 3)).toEqual([])
  })

  it("gives the model checker the same answers as the full node list (symmetry reduction)", () => {
    const { seed, numRuns } = runConfig(40)
    const instance = fc.record({
      capacities: fc.array(fc.constantFrom(2, 3, 4), { minLength: 1, maxLength: 4 }),
      requests: fc.array(fc.constantFrom(1, 2, 3, 5), { minLength: 1, maxLength: 3 }),
    })
    fc.assert(
      fc.property(instance, ({ capacities, requests }) => {
        const reduced = representativeNodes(capacities, requests.length)
        const answers = (nodes: ReadonlyArray<number>) => {
          const vm = placementSystem({ kind: "vm", capacities: nodes, requests, churn: "stop-start" })
          const pod = placementSystem({ kind: "pod", capacities: nodes, requests, churn: "evict" })
          return [
            check(vm, leadsTo(vm.pending(0), vm.running(0))).status,
            check(pod, alwaysEventually(pod.fitsItsNode(0))).status,
            check(pod, always(pod.withinCapacity)).status,
          ]
        }
        expect(answers(reduced)).toEqual(answers(capacities))
      }),
      { seed, numRuns },
    )
  })
})

describe("growing an instance within a budget", () => {
  const grow = (budget: number) =>
    growInstance(
      {
        scenario: "pod-fits-node",
        claims: ["S15.3"],
        property: "□ within capacity",
        of: "8 pods on 3 nodes",
        size: 8,
        build: (k) => {
          const system = placementSystem({ kind: "pod", capacities: [4, 4, 4], requests: Array.from({ length: k }, () => 1), churn: "evict" })
          return { system, formula: always(system.withinCapacity) }
        },
      },
      budget,
    )

  it("answers the whole instance when the budget allows", () => {
    const a = grow(10_000_000)
    expect([a.answeredSize, a.status, a.boundHit]).toEqual([8, "holds", false])
  })

  it("says how far it got when the budget stops it", () => {
    const a = grow(2_000)
    expect(a.boundHit).toBe(true)
    expect(a.status).toBe("holds")
    expect(a.answeredSize).toBeGreaterThan(0)
    expect(a.answeredSize).toBeLessThan(8)
  })
})

describe("the load an HPA is simulated against", () => {
  it("steps from the current replicas to 60 % and then 20 % of the way to max", () => {
    const spec: HpaSpec = { minReplicas: 2, maxReplicas: 12, metrics: [] }
    // 300m per replica at the target: 3, 8 and 4 replicas' worth, 5 % under so each level needs exactly that many
    expect(stepProfileFor(spec, 3, 300)).toEqual({ at: [0, 120, 900], levels: [3 * 285, 8 * 285, 4 * 285], noise: 0.05 })
  })
})

describe("the Smith predictor goes through the HPA's own behavior", () => {
  const base = { workload: "vm" as const, predictor: true, seed: 3, durationSeconds: 900, requestMilli: 200, limitMilli: 2000, initialReplicas: 3 }
  const hpa = (behavior?: HpaSpec["behavior"]): HpaSpec => ({
    minReplicas: 3,
    maxReplicas: 30,
    metrics: [{ type: "Resource", name: "cpu", target: { type: "Utilization", averageUtilization: 50 } }],
    ...(behavior === undefined ? {} : { behavior }),
  })
  const profile = { at: [0, 60], levels: [300, 2000], noise: 0 }

  it("a scale-up policy of one pod per minute limits how fast the predictor adds replicas", () => {
    const free = simulateAutoscaling({ ...base, profile, hpa: hpa() })
    const slow = simulateAutoscaling({ ...base, profile, hpa: hpa(withDefaults({ scaleUp: { policies: [{ type: "Pods", value: 1, periodSeconds: 60 }] } })) })
    const at = (r: typeof free, t: number) => r.series.pods[t]!
    // 2000m at 100m per replica needs 20 replicas: without behavior the predictor asks for many at once
    expect(at(free, 120)).toBeGreaterThan(6)
    // with one pod per 60 s, from 3 replicas at most 3 + 2 by second 120 (syncs at 75 and 135 are a minute apart)
    expect(at(slow, 120)).toBeLessThanOrEqual(5)
    expect(at(slow, 899)).toBeLessThan(at(free, 899) + 1)
  })
})
