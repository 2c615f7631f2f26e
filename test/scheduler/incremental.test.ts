/**
 * The incremental score cache (core/ScoreCache.ts) is exact: on workloads where pods repeat a
 * few templates (replicas of Deployments, interleaved, with preemption as nodes fill up) the
 * hot path without explain — the only mode that uses the cache — binds every pod where the
 * readable σ does, with the same victims, reasons and tie-break draws. Up to 5 templates, so
 * entries are evicted and their arrays reused (3 are kept); clusters of up to 240 nodes, so
 * totals span several summary blocks of 64 nodes.
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
  type SchedulingNode,
  type SchedulingPod,
  node,
  pod,
} from "../../src/scheduler/index.ts"
import { clusterArb } from "./arbitraries.ts"

const ratioProfile: Profile = {
  ...defaultProfile,
  weights: { NodeResourcesFit: 3, NodeAffinity: 1, TaintToleration: 1 },
  scoringStrategy: {
    type: "RequestedToCapacityRatio",
    resources: [
      { name: "cpu", weight: 1 },
      { name: "memory", weight: 3 },
    ],
    shape: [
      { utilization: 0, score: 0 },
      { utilization: 100, score: 10 },
    ],
  },
}

// Runs of replicas of a few templates: each run is (template, length); priorities differ per
// replica (priority is not part of the scoring signature, so replicas share an entry).
const workloadArb = fc.record({
  cluster: clusterArb,
  copies: fc.integer({ min: 1, max: 40 }),
  runs: fc.array(fc.record({ template: fc.nat(), length: fc.integer({ min: 1, max: 12 }), priority: fc.integer({ min: 0, max: 3 }) }), {
    minLength: 1,
    maxLength: 10,
  }),
})

const expand = (templates: ReadonlyArray<SchedulingPod>, runs: ReadonlyArray<{ template: number; length: number; priority: number }>): SchedulingPod[] => {
  const out: SchedulingPod[] = []
  for (const run of runs) {
    const t = templates[run.template % templates.length] as SchedulingPod
    for (let i = 0; i < run.length; i++) out.push({ ...t, key: `ns/r${out.length}`, priority: (run.priority + i) % 4 })
  }
  return out
}

const place = (s: Scheduler, pods: ReadonlyArray<SchedulingPod>) => pods.map((p) => s.schedule(p))

describe("incremental scores ≡ readable σ on template workloads", () => {
  for (const [name, profile] of [
    ["default", defaultProfile],
    ["RequestedToCapacityRatio", ratioProfile],
  ] as const) {
    it(`same placements, victims, reasons and bindings (${name})`, () => {
      const { seed, numRuns } = runConfig(60)
      fc.assert(
        fc.property(workloadArb, ({ cluster: { nodes, pods, seed: tieSeed }, copies, runs }) => {
          const many = Array.from({ length: nodes.length * copies }, (_, i) => ({ ...nodes[i % nodes.length]!, name: `m${i}` }))
          const workload = expand(pods.slice(0, 5), runs)
          const readable = readableScheduler({ nodes: many, bound: [] }, { profile, seed: tieSeed })
          const hot = hotScheduler({ nodes: many, bound: [] }, { profile, seed: tieSeed })
          expect(place(hot, workload)).toEqual(place(readable, workload))
          expect(hot.bindings()).toEqual(readable.bindings())
        }),
        { seed, numRuns },
      )
    })
  }

  it("without explain on the generated clusters (store-less scans, rescans for the two-pass normalisation)", () => {
    const { seed, numRuns } = runConfig(150)
    fc.assert(
      fc.property(clusterArb, ({ nodes, pods, prebound, seed: tieSeed }) => {
        const bound = pods.slice(0, prebound).map((pod, i) => ({ pod, node: nodes[i % nodes.length]!.name }))
        const rest = pods.slice(prebound)
        const readable = readableScheduler({ nodes, bound }, { seed: tieSeed })
        const hot = hotScheduler({ nodes, bound }, { seed: tieSeed })
        expect(place(hot, rest)).toEqual(place(readable, rest))
      }),
      { seed, numRuns },
    )
  })

  it("the busiest-tainted node full, without explain: the rescan normalises by the feasible maximum", () => {
    const soft = (key: string) => ({ key, value: "", effect: "PreferNoSchedule" as const })
    const nodes = [
      { name: "a", allocatable: { cpu: 100, memory: 2 ** 30, pods: 9 }, labels: {}, taints: [soft("x"), soft("y")], unschedulable: false },
      { name: "b", allocatable: { cpu: 4000, memory: 2 ** 30, pods: 9 }, labels: {}, taints: [soft("x")], unschedulable: false },
      { name: "c", allocatable: { cpu: 1000, memory: 2 ** 30, pods: 9 }, labels: {}, taints: [], unschedulable: false },
    ]
    const pods = Array.from({ length: 6 }, (_, i) => pod(`d/p${i}`, { cpu: 150 }))
    const readable = place(readableScheduler({ nodes, bound: [] }, { seed: 5 }), pods)
    expect(place(hotScheduler({ nodes, bound: [] }, { seed: 5 }), pods)).toEqual(readable)
    // b is emptier but tainted: normalised by the feasible maximum (1) it loses 3 × 100 to c
    expect(readable.map((p) => p.node)).toContain("c")
  })

  // The entries count the feasible nodes at the presumed taint / affinity maximum; when the last
  // of them fills during a run of replicas the entry must stop deciding (the true normaliser is
  // then lower and changes the other nodes' scores).
  const lastAtMaximum = (
    weights: Profile["weights"],
    [a, b, c]: ReadonlyArray<Partial<SchedulingNode>>,
    between: ReadonlyArray<SchedulingPod>,
    rest: Partial<SchedulingPod>,
  ) => {
    const profile: Profile = { ...defaultProfile, weights }
    const nodes = [
      node("a", { cpu: 10_000, memory: 10 * 2 ** 30, pods: 1 }, a),
      node("b", { cpu: 100_000, memory: 100 * 2 ** 30, pods: 110 }, b),
      node("c", { cpu: 10_000, memory: 10 * 2 ** 30, pods: 110 }, c),
    ]
    // c is two-thirds used: fit 24 and balanced 100 after a replica, against b's 99 + 100
    const bound = [{ pod: pod("d/filler", { cpu: 6600, memory: 6.6 * 2 ** 30 }), node: "c" }]
    const replica = (i: number) => pod(`d/r${i}`, { cpu: 1000, memory: 2 ** 30 }, rest)
    const pods = [replica(0), replica(1), ...between, replica(2)]
    const readable = place(readableScheduler({ nodes, bound }, { profile, seed: 3 }), pods)
    expect(place(hotScheduler({ nodes, bound }, { profile, seed: 3 }), pods)).toEqual(readable)
    return readable.map((p) => p.node)
  }

  it("the last node at the presumed taint maximum fills while an entry is in use: the entry stops deciding", () => {
    const soft = (key: string) => ({ key, value: "", effect: "PreferNoSchedule" as const })
    // taint scores: a 0, b 50, c 100 while a is feasible; b 0 once a is full (maximum 1, not 2)
    const filler = pod("d/x", { cpu: 100 }, { nodeSelector: { "kubernetes.io/hostname": "a" } })
    const placed = lastAtMaximum({ NodeResourcesFit: 1, NodeResourcesBalancedAllocation: 1, TaintToleration: 1 }, [{ taints: [soft("x"), soft("y")] }, { taints: [soft("x")] }, {}], [filler], {})
    // b (199 + 50) beats c (124 + 100) until a fills; then c (224) beats b (197 + 0)
    expect(placed).toEqual(["b", "b", "a", "c"])
  })

  it("the last node at the presumed affinity maximum fills while an entry is built: the entry stops deciding", () => {
    const term = (weight: number, tier: string) => ({ weight, preference: { matchExpressions: [{ key: "tier", operator: "In" as const, values: [tier] }], matchFields: [] } })
    // affinity scores: a 100, c 50, b 0 while a is feasible; c 100 once a is full
    const placed = lastAtMaximum(
      { NodeResourcesFit: 1, NodeResourcesBalancedAllocation: 1, NodeAffinity: 1 },
      [{ labels: { "kubernetes.io/hostname": "a", tier: "gold" } }, {}, { labels: { "kubernetes.io/hostname": "c", tier: "silver" } }],
      [],
      { preferredTerms: [term(2, "gold"), term(1, "silver")] },
    )
    // a (190 + 100) takes the first replica and is full; then c (124 + 100) beats b (199 + 0),
    // which it would not with its affinity normalised by 2 (124 + 50)
    expect(placed).toEqual(["a", "c", "c"])
  })

  it("the property catches a stale cache (bound node not rescored), with a shrunk counterexample", () => {
    const { seed } = runConfig(100)
    const out = fc.check(
      fc.property(workloadArb, ({ cluster: { nodes, pods, seed: tieSeed }, copies, runs }) => {
        const many = Array.from({ length: nodes.length * copies }, (_, i) => ({ ...nodes[i % nodes.length]!, name: `m${i}` }))
        const workload = expand(pods.slice(0, 5), runs)
        const readable = readableScheduler({ nodes: many, bound: [] }, { seed: tieSeed })
        const broken = hotScheduler({ nodes: many, bound: [] }, { seed: tieSeed }, { staleScoreCache: true })
        expect(place(broken, workload)).toEqual(place(readable, workload))
      }),
      { seed, numRuns: 300 },
    )
    expect(out.failed).toBe(true)
    const [c] = out.counterexample ?? []
    const many = Array.from({ length: c!.cluster.nodes.length * c!.copies }, (_, i) => ({ ...c!.cluster.nodes[i % c!.cluster.nodes.length]!, name: `m${i}` }))
    const workload = expand(c!.cluster.pods.slice(0, 5), c!.runs)
    // a stale entry only matters from the third replica of a template on (the second builds it)
    expect(workload.length).toBeGreaterThanOrEqual(3)
    const good = place(readableScheduler({ nodes: many, bound: [] }, { seed: c!.cluster.seed }), workload).map((p) => p.node)
    const bad = place(hotScheduler({ nodes: many, bound: [] }, { seed: c!.cluster.seed }, { staleScoreCache: true }), workload).map((p) => p.node)
    expect(bad).not.toEqual(good)
    // and the healthy hot path agrees on that very case
    expect(place(hotScheduler({ nodes: many, bound: [] }, { seed: c!.cluster.seed }), workload).map((p) => p.node)).toEqual(good)
  })

  it("the cache is used on repeated signatures (its entries show in the footprint)", () => {
    const node = { allocatable: { cpu: 8000, memory: 2 ** 34, pods: 110 }, labels: {}, taints: [], unschedulable: false }
    const nodes = Array.from({ length: 100 }, (_, i) => ({ ...node, name: `n${i}` }))
    const replica = (i: number): SchedulingPod => pod(`ns/web-${i}`, { cpu: 250, memory: 2 ** 28 })
    const hot = hotScheduler({ nodes, bound: [] }, { seed: 1 })
    hot.schedule(replica(0))
    const afterOne = hot.footprint().cacheBytes
    hot.schedule(replica(1))
    // the second replica repeats the signature: an entry of 8 bytes per node (+ block summary)
    expect(hot.footprint().cacheBytes - afterOne).toBeGreaterThanOrEqual(8 * nodes.length)
    // with 100 equal nodes, replicas spread: each bind lowers one node's total, so no node gets two before all have one
    const readable = readableScheduler({ nodes, bound: [] }, { seed: 1 })
    const pods = Array.from({ length: 300 }, (_, i) => replica(i + 2))
    readable.schedule(replica(0))
    readable.schedule(replica(1))
    expect(place(hot, pods)).toEqual(place(readable, pods))
  })

  it("five templates in rotating runs of 3 (entries evicted, arrays reused) match the readable σ", () => {
    const node = { allocatable: { cpu: 16000, memory: 2 ** 35, pods: 110 }, labels: {}, taints: [], unschedulable: false }
    const nodes = Array.from({ length: 130 }, (_, i) => ({ ...node, name: `n${i}`, allocatable: { ...node.allocatable, cpu: 8000 + 1000 * (i % 9) } }))
    const pods = Array.from({ length: 600 }, (_, i) =>
      pod(`ns/t${Math.floor(i / 3) % 5}-${i}`, { cpu: 100 + 150 * (Math.floor(i / 3) % 5), memory: 2 ** 27 }, { priority: i % 3 }),
    )
    const hot = hotScheduler({ nodes, bound: [] }, { seed: 9 })
    const readable = readableScheduler({ nodes, bound: [] }, { seed: 9 })
    expect(place(hot, pods)).toEqual(place(readable, pods))
    expect(hot.bindings()).toEqual(readable.bindings())
  })
})
