/**
 * NodeResourcesFit by hand (issue 12 §3): the readable σ and the hot path share these kernels, so
 * the equivalence property cannot catch a change in them; these tables can. Every expected value
 * below is computed by hand in the comment beside it, from Kubernetes v1.35's noderesources
 * semantics (fitsRequest, leastRequestedScore, mostRequestedScore).
 */
import { describe, expect, it } from "vitest"
import { fitStatus, insufficientResources } from "../../../src/scheduler/plugins/NodeResourcesFit.ts"
import { intDiv, leastAllocatedScore, mostAllocatedScore } from "../../../src/scheduler/plugins/ResourceScore.ts"

const none = { ignoredResources: [], ignoredResourceGroups: [] }
const node = { cpu: 4000, memory: 8192, pods: 110 }

describe("NodeResourcesFit filter: request against what is left", () => {
  it("a request equal to what is left fits; one unit more does not", () => {
    // 4000 − 1000 used = 3000 left
    expect(insufficientResources({ cpu: 3000 }, node, { cpu: 1000 }, 1, none)).toEqual([])
    expect(insufficientResources({ cpu: 3001 }, node, { cpu: 1000 }, 1, none)).toEqual([
      { resource: "cpu", reason: "Insufficient cpu", requested: 3001, used: 1000, capacity: 4000 },
    ])
  })

  it("a pod asking exactly a node's capacity is resolvable by preemption; one asking more is not", () => {
    // 4000 requested on a node of 4000 with 1000 used: evicting the 1000 makes room, so Unschedulable
    const exact = insufficientResources({ cpu: 4000 }, node, { cpu: 1000 }, 1, none)
    expect(exact.map((f) => f.resource)).toEqual(["cpu"])
    expect(fitStatus(exact).code).toBe("Unschedulable")
    // 4001 > 4000 allocatable: no eviction can help
    expect(fitStatus(insufficientResources({ cpu: 4001 }, node, { cpu: 1000 }, 1, none)).code).toBe("UnschedulableAndUnresolvable")
    expect(fitStatus(insufficientResources({ memory: 8192 }, node, { memory: 1 }, 1, none)).code).toBe("Unschedulable")
    expect(fitStatus(insufficientResources({ memory: 8193 }, node, {}, 0, none)).code).toBe("UnschedulableAndUnresolvable")
  })

  it("too many pods is never unresolvable, and a pod's own slot counts", () => {
    // 110 pods allowed, 110 there: the 111th does not fit, but eviction could make room
    const full = insufficientResources({ cpu: 100 }, node, {}, 110, none)
    expect(full.map((f) => f.reason)).toEqual(["Too many pods"])
    expect(fitStatus(full).code).toBe("Unschedulable")
    expect(insufficientResources({ cpu: 100 }, node, {}, 109, none)).toEqual([])
  })
})

describe("NodeResourcesFit score kernels, by hand", () => {
  it("LeastAllocated: (A − R)·100 div A, 0 when R > A or A = 0", () => {
    expect(leastAllocatedScore(1100, 4000)).toBe(72) // 2900·100 / 4000 = 72.5 → 72
    expect(leastAllocatedScore(3072, 8192)).toBe(62) // 5120·100 / 8192 = 62.5 → 62
    expect(leastAllocatedScore(4000, 4000)).toBe(0)
    expect(leastAllocatedScore(0, 4000)).toBe(100)
    expect(leastAllocatedScore(4001, 4000)).toBe(0)
    expect(leastAllocatedScore(0, 0)).toBe(0)
    expect(leastAllocatedScore(1, 3)).toBe(66) // 2·100 / 3 = 66.7 → 66 (truncated, not rounded)
  })

  it("MostAllocated: min(R, A)·100 div A, 0 when A = 0 (not 100, not NaN)", () => {
    expect(mostAllocatedScore(1100, 4000)).toBe(27) // 1100·100 / 4000 = 27.5 → 27
    expect(mostAllocatedScore(2, 3)).toBe(66) // 200 / 3 = 66.7 → 66
    expect(mostAllocatedScore(5000, 4000)).toBe(100) // capped at A
    expect(mostAllocatedScore(0, 0)).toBe(0)
    expect(mostAllocatedScore(7, 0)).toBe(0)
  })

  it("intDiv truncates toward zero like Go's int64 division", () => {
    expect(intDiv(7, 2)).toBe(3)
    expect(intDiv(199, 100)).toBe(1)
    expect(intDiv(200, 100)).toBe(2)
    expect(intDiv(0, 5)).toBe(0)
    expect(intDiv(2 ** 53 - 1, 2)).toBe(2 ** 52 - 1) // 4503599627370495.5 → …495
  })
})
