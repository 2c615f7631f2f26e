/**
 * The hot path and the readable σ agree on extreme but valid quantities (issue 14): every
 * amount up to the enforced MAX_AMOUNT = 2^53 − 1 (cpu in millicores, the rest in base units),
 * a node's pods up to MAX_PODS = 2^31 − 1, priorities over the whole 32-bit range. The clusters
 * of the ordinary equivalence property are rescaled so that amounts sit near the bounds, where
 * sums, ratios and products of doubles stop being exact.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runConfig } from "../../src/laws/RunConfig.ts"
import {
  type ClusterSnapshot,
  defaultProfile,
  hotScheduler,
  MAX_AMOUNT,
  MAX_PODS,
  pod,
  type Profile,
  readableScheduler,
  type ResourceAmounts,
  type Scheduler,
  type SchedulingNode,
  type SchedulingPod,
  vmAwareProfile,
} from "../../src/scheduler/index.ts"
import { clusterArb } from "./arbitraries.ts"
import { expectEnginesAgree } from "./enginesAgree.ts"

/** An amount near a bound: 0, tiny, around 2^52, 2^53 − 1 itself, or anywhere up to it. */
const extremeAmount: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, 1, 2, MAX_AMOUNT, MAX_AMOUNT - 1, 2 ** 52, 2 ** 52 + 1, Math.floor(MAX_AMOUNT / 2), Math.floor(MAX_AMOUNT / 3)) },
  { weight: 2, arbitrary: fc.maxSafeNat() },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 ** 31 }) },
)
const extremePods: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(0, 1, MAX_PODS, MAX_PODS - 1), fc.integer({ min: 0, max: MAX_PODS }))
const extremePriority: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(-(2 ** 31), 2 ** 31 - 1, 2_000_001_000, 1_000_000_000, 0, -1), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }))

/** Replaces amounts of a generated cluster with extreme ones, keyed by a stream of draws. */
const rescale = (amounts: ReadonlyArray<number>, pods: ReadonlyArray<number>, priorities: ReadonlyArray<number>) => {
  let a = 0
  let p = 0
  let q = 0
  const next = (): number => amounts[a++ % amounts.length]!
  const amountsOf = (r: ResourceAmounts, keepZero: boolean): ResourceAmounts =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, keepZero && v === 0 ? 0 : k === "devices.kubevirt.io/kvm" ? v : next()]))
  const node = (n: SchedulingNode): SchedulingNode => ({
    ...n,
    allocatable: { ...amountsOf(n.allocatable, false), pods: pods[p++ % pods.length]! },
  })
  const pod = (x: SchedulingPod): SchedulingPod => ({
    ...x,
    containers: x.containers.map((c) => ({ ...c, requests: amountsOf(c.requests, true) })),
    initContainers: x.initContainers.map((c) => ({ ...c, requests: amountsOf(c.requests, true) })),
    overhead: amountsOf(x.overhead, true),
    priority: priorities[q++ % priorities.length]!,
  })
  return { node, pod }
}

const extremeClusterArb = fc
  .record({
    base: clusterArb,
    amounts: fc.array(extremeAmount, { minLength: 1, maxLength: 24 }),
    pods: fc.array(extremePods, { minLength: 1, maxLength: 6 }),
    priorities: fc.array(extremePriority, { minLength: 1, maxLength: 6 }),
  })
  .map(({ base, amounts, pods, priorities }) => {
    const { node, pod } = rescale(amounts, pods, priorities)
    return { ...base, nodes: base.nodes.map(node), pods: base.pods.map(pod) }
  })

const profiles: ReadonlyArray<readonly [string, Profile]> = [
  ["default", defaultProfile],
  ["VM-aware", vmAwareProfile],
  [
    "MostAllocated with gpu",
    {
      ...vmAwareProfile,
      scoringStrategy: { type: "MostAllocated", resources: [{ name: "cpu", weight: 2 }, { name: "memory", weight: 1 }, { name: "example.com/gpu", weight: 5 }] },
      balancedResources: [{ name: "cpu", weight: 1 }, { name: "memory", weight: 1 }, { name: "ephemeral-storage", weight: 1 }],
    },
  ],
  [
    "RequestedToCapacityRatio",
    {
      ...defaultProfile,
      weights: { NodeResourcesFit: 3, NodeAffinity: 1, TaintToleration: 1 },
      scoringStrategy: {
        type: "RequestedToCapacityRatio",
        resources: [{ name: "cpu", weight: 1 }, { name: "memory", weight: 3 }, { name: "example.com/gpu", weight: 2 }],
        shape: [{ utilization: 0, score: 0 }, { utilization: 30, score: 7 }, { utilization: 100, score: 3 }],
      },
    },
  ],
]


describe("hot path ≡ readable σ on extreme but valid quantities", () => {
  for (const [name, profile] of profiles) {
    it(`same placements, victims, reasons and scores with amounts up to 2^53 − 1, pods up to 2^31 − 1 (${name})`, () => {
      const { seed, numRuns } = runConfig(150)
      fc.assert(
        fc.property(extremeClusterArb, (input) => expectEnginesAgree(input, profile)),
        { seed, numRuns },
      )
    })
  }
})

describe("the disagreement the property found", () => {
  it("a node without NUMA cells is one cell of all its CPUs: more than 2^31 − 1 of them no longer wrap on the hot path", () => {
    // 1.5e12 CPUs: the hot path held a cell's CPUs in an Int32Array and saw a negative count
    const node = (name: string): SchedulingNode => ({ name, allocatable: { cpu: 1_522_565_906_432_000, memory: MAX_AMOUNT, pods: MAX_PODS }, labels: {}, taints: [], unschedulable: false })
    const vm = pod("ns/vm", { cpu: 1000 }, { numa: { vcpus: 2 ** 31, memoryBytes: 2 ** 40, hugepages: false } })
    const cluster: ClusterSnapshot = { nodes: [node("a"), node("b")], bound: [] }
    const readable = readableScheduler(cluster, { profile: vmAwareProfile, seed: 1 }).schedule(vm, { explain: true })
    const hot = hotScheduler(cluster, { profile: vmAwareProfile, seed: 1 }).schedule(vm, { explain: true })
    expect(readable.node).not.toBeNull()
    expect(hot).toEqual(readable)
  })

  it("cells' CPU counts take 4 bytes while every count fits 32 bits, and switch to doubles (still exact) when one does not", () => {
    const small = (name: string): SchedulingNode => ({ name, allocatable: { cpu: 64_000, memory: 2 ** 36, pods: 110 }, labels: {}, taints: [], unschedulable: false })
    const huge: SchedulingNode = { ...small("h"), allocatable: { cpu: 2 ** 31 * 1000, memory: 2 ** 36, pods: 110 } }
    expect(hotScheduler({ nodes: [small("a"), small("b")], bound: [] }).arrays.cellCpuFree).toBeInstanceOf(Int32Array)
    const mixed: ClusterSnapshot = { nodes: [small("a"), huge], bound: [] }
    expect(hotScheduler(mixed).arrays.cellCpuFree).toBeInstanceOf(Float64Array)
    // 2^31 CPUs asked: only the huge node's cell holds them, on both engines
    const vm = pod("ns/vm", { cpu: 1000 }, { numa: { vcpus: 2 ** 31, memoryBytes: 2 ** 30, hugepages: false } })
    const readable = readableScheduler(mixed, { profile: vmAwareProfile, seed: 1 }).schedule(vm, { explain: true })
    expect(readable.node).toBe("h")
    expect(hotScheduler(mixed, { profile: vmAwareProfile, seed: 1 }).schedule(vm, { explain: true })).toEqual(readable)
  })
})
