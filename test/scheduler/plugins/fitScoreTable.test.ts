/**
 * NodeResourcesFit's score and filter edges by hand (issue 12 §3), continuing
 * `nodeResourcesFitTable.test.ts`: the readable σ and the hot path share `fitScore`'s kernels, so
 * these tables compute every expected score on their own, in the test name or the comment beside
 * it, from Kubernetes v1.35's noderesources (leastResourceScorer, mostResourceScorer,
 * requestedToCapacityRatioScorer, calculateResourceAllocatableRequest, fitsRequest): per
 * resource an integer score, skipped when its allocatable is 0, then Σ score·weight div Σ weight
 * (RequestedToCapacityRatio: only scores > 0 count, and the mean is rounded half away from zero).
 */
import { describe, expect, it } from "vitest"
import {
  allocatableAndRequested,
  fitScore,
  fitStatus,
  insufficientResources,
  isIgnored,
  nodeResourcesFitFilterPlugin,
  nodeResourcesFitScorePlugin,
} from "../../../src/scheduler/plugins/NodeResourcesFit.ts"
import { success } from "../../../src/scheduler/plugins/Status.ts"
import { pod as schedulingPod } from "../../../src/scheduler/model/SchedulingPod.ts"
import { brokenLinear, mostAllocatedScore, ratioScore, roundHalfAwayFromZero } from "../../../src/scheduler/plugins/ResourceScore.ts"
import { node } from "../../../src/scheduler/model/SchedulingNode.ts"
import { defaultProfile, type Profile, type ScoringStrategy, type ShapePoint } from "../../../src/scheduler/profile/Profile.ts"
import { nodeState, type NodeState } from "../../../src/scheduler/readable/NodeState.ts"

const none = { ignoredResources: [], ignoredResourceGroups: [] }

/** A node of 4000m and 8192 bytes of memory with 1000m / 2048 already counted for scoring. */
const stateOf = (allocatable: Record<string, number>, used: Record<string, number> = {}): NodeState => {
  const s = nodeState(node("n", allocatable))
  Object.assign(s.used, used)
  s.nonZeroCpu = 1000
  s.nonZeroMemory = 2048
  return s
}
const profileWith = (scoringStrategy: ScoringStrategy): Profile => ({ ...defaultProfile, scoringStrategy })
const cpuMem = [
  { name: "cpu", weight: 1 },
  { name: "memory", weight: 1 },
]
// Actual requests (500m, 1024) differ from the scorers' non-zero sums (1000m, 2048): scoring reads the latter.
const usual = () => stateOf({ cpu: 4000, memory: 8192, pods: 110 }, { cpu: 500, memory: 1024 })
const pod = { cpu: 100, memory: 1024 }

describe("fitScore, LeastAllocated: (A − R)·100 div A per resource", () => {
  const least = (resources = cpuMem) => profileWith({ type: "LeastAllocated", resources })

  it("cpu (4000 − 1100)·100 div 4000 = 72, memory (8192 − 3072)·100 div 8192 = 62 → (72 + 62) div 2 = 67", () => {
    // from the actual requests instead it would be cpu 85, memory 75 → 80
    expect(fitScore(least(), pod, usual())).toBe(67)
  })

  it("weights cpu 3, memory 1: (72·3 + 62) div 4 = 278 div 4 = 69 (69.5 truncated)", () => {
    expect(fitScore(least([{ name: "cpu", weight: 3 }, { name: "memory", weight: 1 }]), pod, usual())).toBe(69)
  })

  it("a resource with allocatable 0 is skipped, not scored 0: memory 0 → cpu's 72 alone (not (72 + 0) div 2 = 36)", () => {
    expect(fitScore(least(), pod, stateOf({ cpu: 4000, memory: 0 }))).toBe(72)
  })

  it("nothing allocatable → 0 (no division by a zero weight sum)", () => {
    expect(fitScore(least(), pod, stateOf({}))).toBe(0)
  })

  it("more requested than allocatable scores 0: cpu 1000 + 3500 > 4000 → (0 + 62) div 2 = 31", () => {
    expect(fitScore(least(), { cpu: 3500, memory: 1024 }, usual())).toBe(31)
  })

  it("an extended resource counts only when the pod asks for it and the node has it", () => {
    const withGpu = least([{ name: "cpu", weight: 1 }, { name: "example.com/gpu", weight: 2 }])
    const gpuNode = stateOf({ cpu: 4000, "example.com/gpu": 4 }, { "example.com/gpu": 1 })
    // gpu: (4 − (1 + 1))·100 div 4 = 50; (72·1 + 50·2) div 3 = 172 div 3 = 57
    expect(fitScore(withGpu, { ...pod, "example.com/gpu": 1 }, gpuNode)).toBe(57)
    // the pod asks for no gpu: (0, 0), skipped → 72 (not (72 + 100·2) div 3 = 90)
    expect(fitScore(withGpu, pod, gpuNode)).toBe(72)
    // the node has no gpu: skipped → 72
    expect(fitScore(withGpu, { ...pod, "example.com/gpu": 1 }, usual())).toBe(72)
  })

  it("ephemeral storage is scored from actual requests even when the pod asks for none: (1000 − 250)·100 div 1000 = 75; (72 + 75) div 2 = 73", () => {
    const withStorage = least([{ name: "cpu", weight: 1 }, { name: "ephemeral-storage", weight: 1 }])
    expect(fitScore(withStorage, pod, stateOf({ cpu: 4000, "ephemeral-storage": 1000 }, { "ephemeral-storage": 250 }))).toBe(73)
  })
})

describe("fitScore, MostAllocated: min(R, A)·100 div A per resource", () => {
  const most = (resources = cpuMem) => profileWith({ type: "MostAllocated", resources })

  it("cpu 1100·100 div 4000 = 27, memory 3072·100 div 8192 = 37 → (27 + 37) div 2 = 32", () => {
    expect(fitScore(most(), pod, usual())).toBe(32)
  })

  it("weights cpu 3, memory 1: (27·3 + 37) div 4 = 118 div 4 = 29 (29.5 truncated)", () => {
    expect(fitScore(most([{ name: "cpu", weight: 3 }, { name: "memory", weight: 1 }]), pod, usual())).toBe(29)
  })

  it("allocatable 0 is skipped (cpu 27 alone) and scores 0 by itself (not 100, not NaN)", () => {
    expect(fitScore(most(), pod, stateOf({ cpu: 4000, memory: 0 }))).toBe(27)
    expect(fitScore(most(), pod, stateOf({}))).toBe(0)
    expect(mostAllocatedScore(0, 0)).toBe(0)
    expect(mostAllocatedScore(3, 0)).toBe(0)
  })

  it("more requested than allocatable counts as full: cpu min(4500, 4000) → 100; (100 + 37) div 2 = 68", () => {
    expect(fitScore(most(), { cpu: 3500, memory: 1024 }, usual())).toBe(68)
  })
})

describe("fitScore, RequestedToCapacityRatio: the shape (scores ×10) at u = R·100 div A, mean rounded half away from zero", () => {
  const ratio = (shape: ReadonlyArray<ShapePoint>, resources = cpuMem) =>
    profileWith({ type: "RequestedToCapacityRatio", resources, shape })
  const packing = [
    { utilization: 0, score: 0 },
    { utilization: 100, score: 10 },
  ]
  const spreading = [
    { utilization: 0, score: 10 },
    { utilization: 100, score: 0 },
  ]

  it("packing shape: cpu u = 27 → 27, memory 3113·100 div 8192 = 38 → 38; (27 + 38)/2 = 32.5 → 33 (not 32)", () => {
    expect(fitScore(ratio(packing), { cpu: 100, memory: 1065 }, usual())).toBe(33)
  })

  it("weights cpu 3, memory 1 on the packing shape: (27·3 + 38)/4 = 29.75 → 30", () => {
    expect(fitScore(ratio(packing, [{ name: "cpu", weight: 3 }, { name: "memory", weight: 1 }]), { cpu: 100, memory: 1065 }, usual())).toBe(30)
  })

  it("spreading shape: cpu 100 − 27 = 73, memory 100 − 37 = 63 → 68", () => {
    expect(fitScore(ratio(spreading), pod, usual())).toBe(68)
  })

  it("a resource scoring 0 leaves the mean: memory u = 0 on the packing shape → cpu's 27 alone (not 27/2 → 14)", () => {
    const empty = stateOf({ cpu: 4000, memory: 8192 })
    empty.nonZeroMemory = 0
    expect(fitScore(ratio(packing), { cpu: 100, memory: 0 }, empty)).toBe(27)
  })

  it("allocatable 0 is skipped; nothing scored → 0", () => {
    expect(fitScore(ratio(spreading), pod, stateOf({ cpu: 4000, memory: 0 }))).toBe(73)
    expect(fitScore(ratio(spreading), pod, stateOf({}))).toBe(0)
  })

  it("ratioScore: over capacity or allocatable 0 reads the shape at 100", () => {
    expect(ratioScore(5000, 4000, [0, 100], [0, 100])).toBe(100)
    expect(ratioScore(0, 0, [0, 100], [0, 100])).toBe(100)
    expect(ratioScore(0, 0, [0, 100], [100, 0])).toBe(0)
    // u = 4000·100 div 4000 = 100 exactly: still the shape, 100
    expect(ratioScore(4000, 4000, [0, 100], [0, 100])).toBe(100)
  })

  it("roundHalfAwayFromZero: halves away from zero", () => {
    expect(roundHalfAwayFromZero(0)).toBe(0)
    expect(roundHalfAwayFromZero(2.5)).toBe(3)
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3)
    expect(roundHalfAwayFromZero(-2.4)).toBe(-2)
  })

  it("brokenLinear: the first score below the first point, the last above the last, interpolated between", () => {
    expect(brokenLinear([10, 100], [30, 100], 5)).toBe(30)
    expect(brokenLinear([10, 100], [30, 100], 10)).toBe(30)
    // 30 + (100 − 30)·(55 − 10) div 90 = 30 + 3150 div 90 = 30 + 35 = 65
    expect(brokenLinear([10, 100], [30, 100], 55)).toBe(65)
    expect(brokenLinear([10, 50], [30, 100], 80)).toBe(100)
  })
})

describe("allocatableAndRequested (calculateResourceAllocatableRequest)", () => {
  it("cpu and memory: the scorers' non-zero sums, or the actual requests for BalancedAllocation", () => {
    const s = usual()
    expect(allocatableAndRequested("cpu", 100, s, false)).toEqual([4000, 1100])
    expect(allocatableAndRequested("cpu", 100, s, true)).toEqual([4000, 600])
    expect(allocatableAndRequested("memory", 1024, s, false)).toEqual([8192, 3072])
    expect(allocatableAndRequested("memory", 1024, s, true)).toEqual([8192, 2048])
  })

  it("scalar resources: (0, 0) when the pod asks none or the node has none; native others: (0, 0)", () => {
    const s = stateOf({ cpu: 4000, "example.com/gpu": 4, "hugepages-2Mi": 8 }, { "example.com/gpu": 1 })
    expect(allocatableAndRequested("example.com/gpu", 2, s, false)).toEqual([4, 3])
    expect(allocatableAndRequested("example.com/gpu", 0, s, false)).toEqual([0, 0])
    expect(allocatableAndRequested("hugepages-2Mi", 2, s, false)).toEqual([8, 2])
    expect(allocatableAndRequested("example.com/fpga", 1, s, false)).toEqual([0, 0])
    expect(allocatableAndRequested("pods", 1, s, false)).toEqual([0, 0])
    expect(allocatableAndRequested("ephemeral-storage", 0, s, false)).toEqual([0, 0])
    // ephemeral storage: actual requests plus the pod's, for both scorers
    const disk = stateOf({ "ephemeral-storage": 1000 }, { "ephemeral-storage": 250 })
    expect(allocatableAndRequested("ephemeral-storage", 100, disk, false)).toEqual([1000, 350])
    expect(allocatableAndRequested("ephemeral-storage", 100, disk, true)).toEqual([1000, 350])
  })
})

describe("NodeResourcesFit filter edges", () => {
  it("a node allowing no pods at all is Unschedulable, not unresolvable (preemption considers it)", () => {
    // pods: 0 + 1 > 0 → "Too many pods" with requested 1 > capacity 0, yet the pod count never makes it unresolvable
    const r = insufficientResources({ cpu: 100 }, { cpu: 4000, pods: 0 }, {}, 0, none)
    expect(r).toEqual([{ resource: "pods", reason: "Too many pods", requested: 1, used: 0, capacity: 0 }])
    expect(fitStatus(r)).toEqual({ code: "Unschedulable", reasons: ["Too many pods"] })
  })

  it("an extended resource asked exactly to what is left fits; one more does not", () => {
    const alloc = { cpu: 4000, pods: 110, "example.com/gpu": 2 }
    expect(insufficientResources({ "example.com/gpu": 1 }, alloc, { "example.com/gpu": 1 }, 0, none)).toEqual([])
    expect(insufficientResources({ "example.com/gpu": 2 }, alloc, { "example.com/gpu": 1 }, 0, none)).toEqual([
      { resource: "example.com/gpu", reason: "Insufficient example.com/gpu", requested: 2, used: 1, capacity: 2 },
    ])
    // exactly the node's allocatable: resolvable by evicting the user; more: not
    expect(fitStatus(insufficientResources({ "example.com/gpu": 2 }, alloc, { "example.com/gpu": 1 }, 0, none)).code).toBe("Unschedulable")
    expect(fitStatus(insufficientResources({ "example.com/gpu": 3 }, alloc, {}, 0, none)).code).toBe("UnschedulableAndUnresolvable")
  })

  it("a resource the pod does not ask for is not checked, even on an overcommitted node", () => {
    // cpu used 5000 of 4000: 0 > −1000 would say "Insufficient cpu"
    expect(insufficientResources({ memory: 100 }, { cpu: 4000, memory: 8192, pods: 110 }, { cpu: 5000 }, 0, none)).toEqual([])
  })

  it("ephemeral storage is checked like cpu and memory", () => {
    expect(insufficientResources({ "ephemeral-storage": 600 }, { "ephemeral-storage": 1000, pods: 110 }, { "ephemeral-storage": 400 }, 0, none)).toEqual([])
    expect(insufficientResources({ "ephemeral-storage": 601 }, { "ephemeral-storage": 1000, pods: 110 }, { "ephemeral-storage": 400 }, 0, none)).toMatchObject([
      { reason: "Insufficient ephemeral-storage" },
    ])
  })

  it("isIgnored: only extended resources, by name or by the group before the slash", () => {
    const ignored = { ignoredResources: ["example.com/a", "hugepages-2Mi"], ignoredResourceGroups: ["vendor.io", "kubernetes.io"] }
    expect(isIgnored("example.com/a", ignored)).toBe(true)
    expect(isIgnored("example.com/b", ignored)).toBe(false)
    expect(isIgnored("vendor.io/b", ignored)).toBe(true)
    expect(isIgnored("hugepages-2Mi", ignored)).toBe(false)
    expect(isIgnored("kubernetes.io/x", ignored)).toBe(false)
    expect(isIgnored("example.com/a", none)).toBe(false)
  })
})

describe("NodeResourcesFit filter: what the table tests above leave open", () => {
  it("no failed check is success", () => {
    expect(fitStatus([])).toEqual(success)
    expect(fitStatus([])).toEqual({ code: "Success", reasons: [] })
  })

  it("one reason per failed resource, extended resources in name order", () => {
    const alloc = { cpu: 4000, memory: 8192, pods: 110 }
    expect(insufficientResources({ memory: 8193 }, alloc, {}, 0, none)).toEqual([
      { resource: "memory", reason: "Insufficient memory", requested: 8193, used: 0, capacity: 8192 },
    ])
    expect(insufficientResources({ "example.com/b": 1, "example.com/a": 1 }, alloc, {}, 0, none).map((f) => f.reason)).toEqual([
      "Insufficient example.com/a",
      "Insufficient example.com/b",
    ])
  })

  it("a pods key in a request is not a resource to check (the pod count is)", () => {
    expect(insufficientResources({ cpu: 100, pods: 1 }, { cpu: 4000, pods: 0 }, {}, 0, none).map((f) => f.reason)).toEqual(["Too many pods"])
    expect(insufficientResources({ cpu: 100, pods: 5 }, { cpu: 4000, pods: 3 }, {}, 0, none)).toEqual([])
  })

  it("an extended resource asked 0 is not checked, even when the node is over it", () => {
    expect(insufficientResources({ cpu: 100, "example.com/gpu": 0 }, { cpu: 4000, pods: 110, "example.com/gpu": 2 }, { "example.com/gpu": 3 }, 0, none)).toEqual([])
    // one asked 0 beside one asked 5: the 5 is still checked
    expect(insufficientResources({ "example.com/a": 0, "example.com/b": 5 }, { pods: 110 }, {}, 0, none).map((f) => f.reason)).toEqual(["Insufficient example.com/b"])
  })
})

describe("the NodeResourcesFit plugins", () => {
  const cluster = undefined as never
  const p = schedulingPod("ns/p", { cpu: 3000, memory: 1024 })

  it("PreFilter computes the pod's requests; Filter uses them, or computes them without PreFilter", () => {
    const plugin = nodeResourcesFitFilterPlugin(defaultProfile)
    expect(plugin.name).toBe("NodeResourcesFit")
    expect(plugin.preFilter?.(p, cluster)).toEqual({ kind: "proceed", state: { cpu: 3000, memory: 1024 } })
    const s = usual() // 4000 − 500 used: 3500 left
    expect(plugin.filter(p, s, undefined, cluster)).toEqual(success)
    expect(plugin.filter(p, s, { cpu: 3501 }, cluster)).toEqual({ code: "Unschedulable", reasons: ["Insufficient cpu"] })
    const full = stateOf({ cpu: 4000, memory: 8192, pods: 110 }, { cpu: 1001 })
    expect(plugin.filter(p, full, undefined, cluster)).toEqual({ code: "Unschedulable", reasons: ["Insufficient cpu"] })
  })

  it("PreScore computes the scorer requests (absent keys defaulted); Score uses them, or computes them", () => {
    const plugin = nodeResourcesFitScorePlugin(defaultProfile)
    expect(plugin.name).toBe("NodeResourcesFit")
    // no memory request: the scorers assume 200Mi
    const cpuOnly = schedulingPod("ns/q", { cpu: 100 })
    expect(plugin.preScore?.(cpuOnly, [], cluster)).toEqual({ kind: "proceed", state: { cpu: 100, memory: 200 * 2 ** 20 } })
    const big = stateOf({ cpu: 4000, memory: 8 * 2 ** 30, pods: 110 })
    // cpu (4000 − 1100)·100 div 4000 = 72; memory (8Gi − 2048 − 200Mi)·100 div 8Gi = 97 (97.56) → (72 + 97) div 2 = 84
    expect(plugin.score(cpuOnly, big, undefined, cluster)).toBe(84)
    expect(plugin.score(cpuOnly, big, { cpu: 100, memory: 0 }, cluster)).toBe(85) // memory 99 → (72 + 99) div 2 = 85
  })
})
