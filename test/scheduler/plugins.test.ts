/**
 * Plugins against values computed by hand from the kube-scheduler v1.35 formulas. Each expected
 * number is worked out in the comment next to it, so an off-by-one, a float where Go uses
 * integers, or a wrong rounding mode changes the result.
 */
import { describe, expect, it } from "vitest"
import {
  balancedScore,
  bestFitCell,
  brokenLinear,
  fitStatus,
  insufficientResources,
  intDiv,
  leastAllocatedScore,
  matchesRequirement,
  mostAllocatedScore,
  nodeAffinityFilter,
  normalizeScores,
  numFeasibleNodesToFind,
  pod,
  podRequests,
  ratioScore,
  roundHalfAwayFromZero,
  taintTolerationFilter,
  toleratesTaint,
  intolerablePreferNoScheduleCount,
  node,
} from "../../src/scheduler/index.ts"

const Mi = 2 ** 20
const Gi = 2 ** 30
const none = { ignoredResources: [], ignoredResourceGroups: [] }

describe("pod requests (init containers, sidecars, overhead, non-zero defaults)", () => {
  it("max(steady + sidecars, init peak) + overhead", () => {
    // containers 100m + 200m = 300m; init: sidecar 50m (S=50, candidate 50), plain 1000m (candidate 1050),
    // sidecar 20m (S=70, candidate 70). steady = 300 + 70 = 370; peak 1050 → 1050; + overhead 10 = 1060
    const p = pod("d/p", {}, {
      containers: [
        { name: "a", requests: { cpu: 100 } },
        { name: "b", requests: { cpu: 200 } },
      ],
      initContainers: [
        { name: "s1", requests: { cpu: 50 }, restartable: true },
        { name: "i1", requests: { cpu: 1000 }, restartable: false },
        { name: "s2", requests: { cpu: 20 }, restartable: true },
      ],
      overhead: { cpu: 10 },
    })
    expect(podRequests(p)["cpu"]).toBe(1060)
  })

  it("pod-level requests replace the aggregate for cpu/memory/hugepages, before overhead", () => {
    // cpu: pod level 2000 replaces 100 + 200, + overhead 10 = 2010; memory: no pod-level value → 64Mi;
    // example.com/x is not a pod-level resource → the container aggregate 1
    const p = pod("d/p", {}, {
      containers: [
        { name: "a", requests: { cpu: 100, memory: 64 * Mi, "example.com/x": 1 } },
        { name: "b", requests: { cpu: 200 } },
      ],
      overhead: { cpu: 10 },
      podLevelRequests: { cpu: 2000, "example.com/x": 5 },
    })
    expect(podRequests(p)).toEqual({ cpu: 2010, memory: 64 * Mi, "example.com/x": 1 })
    // the scorers' defaults are overridden by the pod-level value too
    expect(podRequests(p, true)["cpu"]).toBe(2010)
  })

  it("scorer defaults apply only to absent keys, per container", () => {
    // container a: cpu absent → 100m, memory 0 explicit → 0; container b: nothing → 100m + 200Mi
    const p = pod("d/p", {}, { containers: [{ name: "a", requests: { memory: 0 } }, { name: "b", requests: {} }] })
    expect(podRequests(p, true)).toEqual({ cpu: 200, memory: 200 * Mi })
    expect(podRequests(p)).toEqual({ memory: 0 })
  })
})

describe("NodeResourcesFit scoring (integer arithmetic)", () => {
  it("LeastAllocated on a 4000m / 8Gi node", () => {
    // cpu: (4000 − 1100)·100 div 4000 = 290000 div 4000 = 72 (72.5 truncated)
    expect(leastAllocatedScore(1100, 4000)).toBe(72)
    // memory: (8Gi − 3Gi)·100 div 8Gi = 62 (62.5 truncated)
    expect(leastAllocatedScore(3 * Gi, 8 * Gi)).toBe(62)
    // node score: (72 + 62) div 2 = 67
    expect(intDiv(72 + 62, 2)).toBe(67)
    expect(leastAllocatedScore(4001, 4000)).toBe(0)
    expect(leastAllocatedScore(4000, 4000)).toBe(0)
    expect(leastAllocatedScore(0, 0)).toBe(0)
  })

  it("MostAllocated clamps at capacity", () => {
    // 1100·100 div 4000 = 27 (27.5)
    expect(mostAllocatedScore(1100, 4000)).toBe(27)
    expect(mostAllocatedScore(5000, 4000)).toBe(100)
  })

  it("RequestedToCapacityRatio: shape scaled ×10, truncating interpolation, round half away from zero", () => {
    // shape (0,0) (30,7) (100,3) scaled to (0,0) (30,70) (100,30)
    const u = [0, 30, 100]
    const s = [0, 70, 30]
    // u = 1100·100 div 4000 = 27: 0 + (70 − 0)·(27 − 0) div 30 = 1890 div 30 = 63
    expect(ratioScore(1100, 4000, u, s)).toBe(63)
    // u = 65: 70 + (30 − 70)·(65 − 30) div 70 = 70 + trunc(−1400/70) = 70 − 20 = 50
    expect(ratioScore(2600, 4000, u, s)).toBe(50)
    // u = 64: 70 + trunc(−40·34/70) = 70 + trunc(−19.43) = 70 − 19 = 51 (toward zero, not floor)
    expect(brokenLinear(u, s, 64)).toBe(51)
    // above capacity: u = 100 → 30
    expect(ratioScore(5000, 4000, u, s)).toBe(30)
    expect(roundHalfAwayFromZero(62.5)).toBe(63)
    expect(roundHalfAwayFromZero(-62.5)).toBe(-63)
  })

  it("intDiv is the exact floor even for large byte counts", () => {
    const cases: ReadonlyArray<readonly [number, number]> = [
      [6_399_999_999_999_999, 100_000_000_000_000],
      [2 ** 53 - 1, 3],
      [99 * 1_099_511_627_776 - 1, 1_099_511_627_776],
    ]
    for (const [a, b] of cases) expect(intDiv(a, b)).toBe(Number(BigInt(a) / BigInt(b)))
  })

  it("BalancedAllocation: |f₁ − f₂|/2 for two, population std for three", () => {
    // f = 0.5, 0.25 → σ = 0.125 → trunc(87.5) = 87
    expect(balancedScore([0.5, 0.25], 2, 0.75)).toBe(87)
    // f = 0.2, 0.4, 0.6: mean 0.4, σ = sqrt((0.04 + 0 + 0.04)/3) = 0.1633 → trunc(83.67) = 83
    expect(balancedScore([0.2, 0.4, 0.6], 3, 1.2)).toBe(83)
    expect(balancedScore([0.7], 1, 0.7)).toBe(100)
  })

  it("normalisation: largest → 100, reversed for taints, all-zero cases", () => {
    const s = Int32Array.of(0, 1, 3)
    normalizeScores(s, 3, true)
    // 100·1 div 3 = 33 → 67; 100·3 div 3 = 100 → 0
    expect([...s]).toEqual([100, 67, 0])
    const z = Int32Array.of(0, 0)
    normalizeScores(z, 2, true)
    expect([...z]).toEqual([100, 100])
    const y = Int32Array.of(0, 0)
    normalizeScores(y, 2, false)
    expect([...y]).toEqual([0, 0])
  })
})

describe("NodeResourcesFit filter", () => {
  it("reasons and status codes as kube-scheduler gives them", () => {
    const alloc = { cpu: 2000, memory: 4 * Gi, pods: 3, "example.com/gpu": 1 }
    const used = { cpu: 1500, memory: 1 * Gi }
    const r = insufficientResources({ cpu: 600, memory: 3 * Gi, "example.com/gpu": 2 }, alloc, used, 3, none)
    expect(r.map((x) => x.reason)).toEqual(["Too many pods", "Insufficient cpu", "Insufficient example.com/gpu"])
    // gpu 2 > allocatable 1: no eviction can help
    expect(fitStatus(r).code).toBe("UnschedulableAndUnresolvable")
    const q = insufficientResources({ cpu: 600 }, alloc, used, 0, none)
    expect(fitStatus(q)).toEqual({ code: "Unschedulable", reasons: ["Insufficient cpu"] })
    // equality fits: 500 = 2000 − 1500
    expect(insufficientResources({ cpu: 500 }, alloc, used, 0, none)).toEqual([])
  })

  it("a pod requesting nothing is only checked for the pod count", () => {
    expect(insufficientResources({}, { pods: 1 }, {}, 1, none).map((x) => x.reason)).toEqual(["Too many pods"])
    expect(insufficientResources({ cpu: 0 }, { pods: 2 }, {}, 1, none)).toEqual([])
  })

  it("ignored extended resources and groups are skipped, native names never", () => {
    const ignored = { ignoredResources: ["example.com/a"], ignoredResourceGroups: ["vendor.io"] }
    const r = insufficientResources({ "example.com/a": 1, "vendor.io/b": 1, "hugepages-2Mi": 1, "kubernetes.io/x": 1 }, { pods: 9 }, {}, 0, ignored)
    expect(r.map((x) => x.resource)).toEqual(["hugepages-2Mi", "kubernetes.io/x"])
  })
})

describe("taints, tolerations and node affinity", () => {
  const t = (key: string, operator: "Equal" | "Exists", value: string, effect: "" | "NoSchedule" | "PreferNoSchedule" | "NoExecute") => ({
    key,
    operator,
    value,
    effect,
  })
  it("toleration matching", () => {
    const taint = { key: "gpu", value: "yes", effect: "NoSchedule" } as const
    expect(toleratesTaint(t("", "Exists", "", ""), taint)).toBe(true)
    expect(toleratesTaint(t("gpu", "Equal", "yes", ""), taint)).toBe(true)
    expect(toleratesTaint(t("gpu", "Equal", "no", ""), taint)).toBe(false)
    expect(toleratesTaint(t("gpu", "Exists", "", "NoExecute"), taint)).toBe(false)
  })
  it("filter rejects an untolerated hard taint with v1.35's message; PreferNoSchedule only counts in the score", () => {
    const n = node("n", { pods: 1 }, {
      taints: [
        { key: "soft", value: "", effect: "PreferNoSchedule" },
        { key: "a", value: "1", effect: "NoExecute" },
      ],
    })
    expect(taintTolerationFilter(pod("d/p", {}), n).reasons).toEqual(["node(s) had untolerated taint(s)"])
    const tolerant = pod("d/p", {}, { tolerations: [t("a", "Exists", "", "")] })
    expect(taintTolerationFilter(tolerant, n).code).toBe("Success")
    expect(intolerablePreferNoScheduleCount(tolerant, n)).toBe(1)
    // a NoSchedule-only toleration does not count for PreferNoSchedule scoring
    expect(intolerablePreferNoScheduleCount(pod("d/p", {}, { tolerations: [t("soft", "Exists", "", "NoSchedule")] }), n)).toBe(1)
  })
  it("selector operators, Gt/Lt as int64, empty terms match nothing", () => {
    const labels = { gen: "7", zone: "a" }
    expect(matchesRequirement({ key: "gen", operator: "Gt", values: ["5"] }, labels)).toBe(true)
    expect(matchesRequirement({ key: "gen", operator: "Lt", values: ["10"] }, labels)).toBe(true)
    // string comparison would say "7" > "10"; int64 says 7 < 10
    expect(matchesRequirement({ key: "gen", operator: "Gt", values: ["10"] }, labels)).toBe(false)
    expect(matchesRequirement({ key: "zone", operator: "Gt", values: ["1"] }, labels)).toBe(false)
    expect(matchesRequirement({ key: "disk", operator: "NotIn", values: ["ssd"] }, labels)).toBe(true)
    expect(matchesRequirement({ key: "disk", operator: "In", values: ["ssd"] }, labels)).toBe(false)
    const n = node("n", { pods: 1 }, { labels })
    expect(nodeAffinityFilter(pod("d/p", {}, { requiredTerms: [{ matchExpressions: [], matchFields: [] }] }), n).code).not.toBe("Success")
    expect(nodeAffinityFilter(pod("d/p", {}, { nodeSelector: { zone: "a" } }), n).code).toBe("Success")
  })
})

describe("NUMA best fit and nodes to score", () => {
  it("best fit: fewest CPUs left, then least memory left", () => {
    const cells = [
      { cpus: 8, memoryBytes: 16 * Gi, hugepagesBytes: 0 },
      { cpus: 4, memoryBytes: 16 * Gi, hugepagesBytes: 0 },
      { cpus: 4, memoryBytes: 8 * Gi, hugepagesBytes: 4 * Gi },
    ]
    expect(bestFitCell(cells, { vcpus: 4, memoryBytes: 4 * Gi, hugepages: false })).toBe(2)
    expect(bestFitCell(cells, { vcpus: 4, memoryBytes: 12 * Gi, hugepages: false })).toBe(1)
    expect(bestFitCell(cells, { vcpus: 2, memoryBytes: 2 * Gi, hugepages: true })).toBe(2)
    expect(bestFitCell(cells, { vcpus: 9, memoryBytes: 1, hugepages: false })).toBe(-1)
  })
  it("adaptive percentageOfNodesToScore", () => {
    expect(numFeasibleNodesToFind(50, "adaptive")).toBe(50) // < 100 nodes: all
    expect(numFeasibleNodesToFind(1000, "adaptive")).toBe(420) // 50 − 8 = 42 %
    expect(numFeasibleNodesToFind(5000, "adaptive")).toBe(500) // 50 − 40 = 10 %
    expect(numFeasibleNodesToFind(50000, "adaptive")).toBe(2500) // floor 5 %
    expect(numFeasibleNodesToFind(500, 10)).toBe(100) // at least 100
    expect(numFeasibleNodesToFind(5000, "all")).toBe(5000)
  })
})
