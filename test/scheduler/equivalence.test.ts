/**
 * The hot path and the readable σ agree: on every generated cluster and workload they bind the
 * same pods to the same nodes, evict the same victims, give the same reasons, and (explain mode)
 * the same per-node feasibility, reasons, plugin scores and totals. Also under every scoring
 * strategy, a custom resource list, and with percentageOfNodesToScore on.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runConfig } from "../../src/laws/RunConfig.ts"
import {
  defaultProfile,
  hotScheduler,
  type Profile,
  readableScheduler,
  type Scheduler,
  pod,
  type SchedulingPod,
  vmAwareProfile,
} from "../../src/scheduler/index.ts"
import { clusterArb } from "./arbitraries.ts"
import { expectEnginesAgree } from "./enginesAgree.ts"

const profiles: ReadonlyArray<readonly [string, Profile]> = [
  ["default", defaultProfile],
  ["VM-aware (NumaFit, VmCapabilities)", vmAwareProfile],
  [
    "MostAllocated with gpu",
    {
      ...vmAwareProfile,
      scoringStrategy: {
        type: "MostAllocated",
        resources: [
          { name: "cpu", weight: 2 },
          { name: "memory", weight: 1 },
          { name: "example.com/gpu", weight: 5 },
        ],
      },
      balancedResources: [
        { name: "cpu", weight: 1 },
        { name: "memory", weight: 1 },
        { name: "ephemeral-storage", weight: 1 },
      ],
    },
  ],
  [
    "RequestedToCapacityRatio",
    {
      ...defaultProfile,
      weights: { NodeResourcesFit: 3, NodeAffinity: 1, TaintToleration: 1 },
      scoringStrategy: {
        type: "RequestedToCapacityRatio",
        resources: [
          { name: "cpu", weight: 1 },
          { name: "memory", weight: 3 },
          { name: "example.com/gpu", weight: 2 },
        ],
        shape: [
          { utilization: 0, score: 0 },
          { utilization: 30, score: 7 },
          { utilization: 100, score: 3 },
        ],
      },
    },
  ],
]

const run = (s: Scheduler, pods: ReadonlyArray<import("../../src/scheduler/index.ts").SchedulingPod>) =>
  pods.map((p) => s.schedule(p, { explain: true }))

describe("hot path ≡ readable σ", () => {
  for (const [name, profile] of profiles) {
    it(`same placements, victims, reasons and scores (${name})`, () => {
      const { seed, numRuns } = runConfig(150)
      fc.assert(
        fc.property(clusterArb, (input) => expectEnginesAgree(input, profile)),
        { seed, numRuns },
      )
    })
  }

  it("agree when filtering stops early (percentageOfNodesToScore, adaptive, no Score plugin; rotating start)", () => {
    const { seed, numRuns } = runConfig(30)
    // 120 nodes so that the adaptive rule (≥ 100 nodes) stops early.
    fc.assert(
      fc.property(clusterArb, ({ nodes, pods, seed: tieSeed }) => {
        const many = Array.from({ length: 120 }, (_, i) => ({ ...nodes[i % nodes.length]!, name: `m${i}` }))
        // a fixed percentage, the adaptive default, and no Score plugin (one feasible node wanted)
        const profiles: ReadonlyArray<Profile> = [
          { ...defaultProfile, nodesToScore: 10 },
          defaultProfile,
          { ...defaultProfile, weights: {}, hasScorePlugins: false },
        ]
        for (const profile of profiles) {
          const readable = readableScheduler({ nodes: many, bound: [] }, { profile, seed: tieSeed })
          const hot = hotScheduler({ nodes: many, bound: [] }, { profile, seed: tieSeed })
          expect(run(hot, pods)).toEqual(run(readable, pods))
        }
      }),
      { seed, numRuns },
    )
  })
})

describe("the equivalence check catches a broken hot path", () => {
  it("reports a shrunk counterexample when the tie-break seed differs", () => {
    const { seed } = runConfig(100)
    const out = fc.check(
      fc.property(clusterArb, ({ nodes, pods, seed: tieSeed }) => {
        const readable = readableScheduler({ nodes, bound: [] }, { seed: tieSeed })
        const broken = hotScheduler({ nodes, bound: [] }, { seed: tieSeed + 1 })
        expect(run(broken, pods)).toEqual(run(readable, pods))
      }),
      { seed, numRuns: 300 },
    )
    expect(out.failed).toBe(true)
    const [counterexample] = out.counterexample ?? []
    // shrunk to a tie: at least two nodes, and a pod both place, on different nodes
    expect(counterexample?.nodes.length).toBeGreaterThanOrEqual(2)
    const readable = readableScheduler({ nodes: counterexample!.nodes, bound: [] }, { seed: counterexample!.seed })
    const broken = hotScheduler({ nodes: counterexample!.nodes, bound: [] }, { seed: counterexample!.seed + 1 })
    const a = run(readable, counterexample!.pods).map((p) => p.node)
    const b = run(broken, counterexample!.pods).map((p) => p.node)
    expect(a).not.toEqual(b)
  })
})

describe("hot path normalisation when the busiest-tainted node is full", () => {
  it("rewinds to the two-pass path and still matches the readable σ", () => {
    const soft = (key: string) => ({ key, value: "", effect: "PreferNoSchedule" as const })
    const nodes = [
      { name: "a", allocatable: { cpu: 100, memory: 2 ** 30, pods: 9 }, labels: {}, taints: [soft("x"), soft("y")], unschedulable: false },
      { name: "b", allocatable: { cpu: 4000, memory: 2 ** 30, pods: 9 }, labels: {}, taints: [soft("x")], unschedulable: false },
      { name: "c", allocatable: { cpu: 4000, memory: 2 ** 30, pods: 9 }, labels: {}, taints: [], unschedulable: false },
    ]
    const p = { ...defaultPod("d/p"), containers: [{ name: "c", requests: { cpu: 500 } }] }
    const readable = readableScheduler({ nodes, bound: [] }, { seed: 5 }).schedule(p, { explain: true })
    const hot = hotScheduler({ nodes, bound: [] }, { seed: 5 }).schedule(p, { explain: true })
    expect(hot).toEqual(readable)
    // normalised by the feasible maximum 1 (node a is full): b → 0, c → 100
    expect(readable.scores?.map((s) => s.plugins.TaintToleration)).toEqual([undefined, 0, 100])
  })
})

/** A pod with no containers at all (every request key absent). */
const defaultPod = (key: string): SchedulingPod => pod(key, {}, { containers: [] })
