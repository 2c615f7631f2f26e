/**
 * The queue plugins (v1.35): SchedulingGates at PreEnqueue (upstream's TestPreEnqueue, 2 cases,
 * plus the condition the apiserver writes, and the binding the apiserver refuses when the plugin is
 * disabled) and PrioritySort at QueueSort (upstream's
 * priority_sort_test.go, 4 cases, with the creation timestamp standing in for the queue time),
 * and the batch that schedules in queue order but answers in input order, on both engines.
 */
import { describe, expect, it } from "vitest"
import {
  batchOrder,
  bindingRefusal,
  defaultProfile,
  gatedPlacement,
  MESSAGE_SCHEDULING_GATED,
  node,
  pod,
  prioritySortOrder,
  type Profile,
  REASON_SCHEDULER_ERROR,
  REASON_SCHEDULING_GATED,
  type SchedulingPod,
  scheduleBatch,
  schedulingGatesStatus,
  snapshot,
} from "../../src/scheduler/index.ts"

const ENGINES = ["hot", "readable"] as const

describe("SchedulingGates", () => {
  it("upstream TestPreEnqueue: a pod without gates passes", () => {
    expect(schedulingGatesStatus(pod("d/p", {}))).toEqual({ code: "Success", reasons: [] })
    expect(schedulingGatesStatus(pod("d/p", {}, { schedulingGates: [] }))).toEqual({ code: "Success", reasons: [] })
  })

  it("upstream TestPreEnqueue: a gated pod is UnschedulableAndUnresolvable, gates printed as Go prints a slice", () => {
    expect(schedulingGatesStatus(pod("d/p", {}, { schedulingGates: ["foo", "bar"] }))).toEqual({
      code: "UnschedulableAndUnresolvable",
      reasons: ["waiting for scheduling gates: [foo bar]"],
    })
  })

  it("the placement carries the PodScheduled condition the apiserver writes (reason and message)", () => {
    expect(REASON_SCHEDULING_GATED).toBe("SchedulingGated")
    expect(MESSAGE_SCHEDULING_GATED).toBe("Scheduling is blocked due to non-empty scheduling gates")
    expect(gatedPlacement(pod("d/p", {}, { schedulingGates: ["g"] }))).toEqual({
      pod: "d/p",
      node: null,
      reasons: ["SchedulingGated"],
      message: "Scheduling is blocked due to non-empty scheduling gates",
      victims: [],
    })
  })

  it.each(ENGINES)("a gated pod stays pending and takes no room (%s)", (engine) => {
    const cluster = snapshot([node("a", { cpu: 1000, memory: 2 ** 30, pods: 10 })])
    const out = scheduleBatch(cluster, [pod("d/gated", { cpu: 800 }, { schedulingGates: ["wait"] }), pod("d/next", { cpu: 800 })], { engine })
    expect(out.map((p) => [p.pod, p.node, p.message])).toEqual([
      ["d/gated", null, MESSAGE_SCHEDULING_GATED],
      ["d/next", "a", ""],
    ])
  })

  it.each(ENGINES)("with the plugin disabled, the cycle runs but the apiserver refuses the binding: pending, holding nothing (%s)", (engine) => {
    const profile: Profile = { ...defaultProfile, schedulingGates: false }
    const cluster = snapshot([node("a", { cpu: 1000, memory: 2 ** 30, pods: 10 })])
    const out = scheduleBatch(cluster, [pod("d/gated", { cpu: 800 }, { schedulingGates: ["wait"] }), pod("d/next", { cpu: 800 })], { engine, profile, explain: true })
    const refusal = 'running Bind plugin "DefaultBinder": Operation cannot be fulfilled on pods/binding "gated": pod gated has non-empty .spec.schedulingGates'
    expect(out.map((p) => [p.pod, p.node, p.reasons, p.message])).toEqual([
      ["d/gated", null, [REASON_SCHEDULER_ERROR], refusal],
      ["d/next", "a", [], ""],
    ])
    // it was filtered and scored like any pod: node a was feasible for it
    expect(out[0]?.scores?.map((e) => [e.node, e.feasible])).toEqual([["a", true]])
    expect(bindingRefusal(pod("d/free", {}))).toBeUndefined()
  })

  it.each(ENGINES)("with the plugin disabled, a gated pod's preemption evicts its victims and then its binding is refused (%s)", (engine) => {
    const profile: Profile = { ...defaultProfile, schedulingGates: false }
    const low = pod("d/low", { cpu: 800 }, { priority: 0 })
    const cluster = snapshot([node("a", { cpu: 1000, memory: 2 ** 30, pods: 10 })], [{ node: "a", pod: low }])
    const out = scheduleBatch(cluster, [pod("d/urgent", { cpu: 800 }, { priority: 1000, schedulingGates: ["wait"] }), pod("d/next", { cpu: 800 })], { engine, profile })
    expect(out.map((p) => [p.pod, p.node, p.victims, p.reasons])).toEqual([
      ["d/urgent", null, ["d/low"], [REASON_SCHEDULER_ERROR]],
      ["d/next", "a", [], []],
    ])
  })
})

const at = (key: string, priority: number, creationTimestamp?: number): SchedulingPod =>
  pod(key, { cpu: 600 }, { priority, ...(creationTimestamp === undefined ? {} : { creationTimestamp }) })

describe("PrioritySort", () => {
  // Upstream's Less(p1, p2) cases: the order of [p1, p2] is [0, 1] exactly when Less(p1, p2).
  it.each([
    ["p1.priority less than p2.priority", at("d/p1", 1, 0), at("d/p2", 2, 0), [1, 0]],
    ["p1.priority greater than p2.priority", at("d/p1", 2, 0), at("d/p2", 1, 0), [0, 1]],
    ["equal priority. p1 is added to schedulingQ earlier than p2", at("d/p1", 1, 1000), at("d/p2", 1, 2000), [0, 1]],
    ["equal priority. p2 is added to schedulingQ earlier than p1", at("d/p1", 1, 2000), at("d/p2", 1, 1000), [1, 0]],
  ] as const)("upstream: %s", (_, p1, p2, order) => {
    expect(prioritySortOrder([p1, p2])).toEqual(order)
  })

  it("priority descending (negatives included), then creation time, then input order for equal times", () => {
    const pods = [at("d/a", 0, 30), at("d/b", -5, 10), at("d/c", 7, 50), at("d/d", 0, 20), at("d/e", 0, 20)]
    expect(prioritySortOrder(pods)).toEqual([2, 3, 4, 0, 1])
  })

  it("when a pod has no creation timestamp, equal priorities keep the input order", () => {
    const pods = [at("d/a", 0, 30), at("d/b", 0), at("d/c", 0, 10), at("d/d", 1, 99)]
    expect(prioritySortOrder(pods)).toEqual([3, 0, 1, 2])
  })

  it("gated pods are not queued: they go last and do not count for the creation-time rule", () => {
    const pods = [at("d/late", 0, 20), pod("d/gated", {}, { schedulingGates: ["g"] }), at("d/early", 0, 10)]
    expect(batchOrder(pods, defaultProfile)).toEqual([2, 0, 1])
    // without the gates plugin the gated pod is queued, has no timestamp, so input order rules
    expect(batchOrder(pods, { ...defaultProfile, schedulingGates: false })).toEqual([0, 1, 2])
    // without PrioritySort the queue is FIFO
    expect(batchOrder([at("d/low", 0), at("d/high", 9)], { ...defaultProfile, prioritySort: false })).toEqual([0, 1])
  })

  const one = snapshot([node("a", { cpu: 1000, memory: 2 ** 30, pods: 10 })])

  it.each(ENGINES)("the higher priority pod is scheduled first; placements come back in input order (%s)", (engine) => {
    const out = scheduleBatch(one, [at("d/low", 0), at("d/high", 10)], { engine })
    expect(out.map((p) => [p.pod, p.node, p.victims])).toEqual([
      ["d/low", null, []],
      ["d/high", "a", []],
    ])
  })

  it.each(ENGINES)("without PrioritySort the input order rules, so the high priority pod must preempt (%s)", (engine) => {
    const out = scheduleBatch(one, [at("d/low", 0), at("d/high", 10)], { engine, profile: { ...defaultProfile, prioritySort: false } })
    expect(out.map((p) => [p.pod, p.node, p.victims])).toEqual([
      ["d/low", "a", []],
      ["d/high", "a", ["d/low"]],
    ])
  })

  it.each(ENGINES)("equal priorities: the earlier created pod gets the room (%s)", (engine) => {
    const out = scheduleBatch(one, [at("d/second", 5, 2_000), at("d/first", 5, 1_000)], { engine })
    expect(out.map((p) => p.node)).toEqual([null, "a"])
  })

  it("the documented example: y has the higher priority, so it gets the node", () => {
    const placements = scheduleBatch(snapshot([node("a", { cpu: 1000, memory: 2 ** 30, pods: 10 })]), [pod("d/x", { cpu: 600 }), pod("d/y", { cpu: 600 }, { priority: 5 })])
    expect(placements.map((p) => p.node)).toEqual([null, "a"])
  })
})
