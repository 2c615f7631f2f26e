/**
 * Hand-computed cases for every branch of the replica calculator (Kubernetes v1.35
 * replica_calculator.go), incl. the tolerance boundary and the ceil/floor steps.
 */
import { describe, expect, it } from "vitest"
import {
  defaultReadinessTiming,
  defaultTolerances,
  groupPods,
  perPodValueReplicas,
  plainMetricReplicas,
  readyPodCount,
  resourceReplicas,
  valueReplicas,
  type PodMetric,
  type PodSnapshot,
} from "../../../src/dynamics/autoscaling/index.ts"

const NOW = 1_000_000_000
const MIN = 60_000
const running = (name: string, request = 1000, startedAgo = 10 * MIN, readyAgo = startedAgo - 5000): PodSnapshot => ({
  name,
  phase: "Running",
  deleting: false,
  startTime: NOW - startedAgo,
  ready: { status: "True", lastTransitionTime: NOW - readyAgo },
  containers: [{ name: "app", requests: { cpu: request } }],
})
const sample = (value: number, ago = 0): PodMetric => ({ value, timestamp: NOW - ago, window: 15_000 })
const base = { tolerances: defaultTolerances, now: NOW, timing: defaultReadinessTiming, resource: "cpu" }
const calc = (current: number, pods: PodSnapshot[], metrics: Array<[string, PodMetric]>, target: number) =>
  resourceReplicas({ ...base, currentReplicas: current, pods, metrics: new Map(metrics), targetUtilization: target })

describe("resource utilization", () => {
  it("U = ⌊100·Σusage/Σrequest⌋ and ⌈ratio·ready⌉", () => {
    // usage 1001+1000 over 2000 → U = ⌊100.05⌋ = 100; ratio 100/50 = 2 → ⌈2·2⌉ = 4
    const r = calc(2, [running("a"), running("b")], [["a", sample(1001)], ["b", sample(1000)]], 50)
    expect(r).toEqual({ _tag: "Proposal", replicas: 4, utilization: 100, averageValue: 1000 })
  })
  it("ratio exactly 1.1 → no change; 1.11 → change", () => {
    expect(calc(4, [running("a")], [["a", sample(550)]], 50)).toMatchObject({ replicas: 4, utilization: 55 })
    // 1110m of 1000m: U = 111, ratio 1.11 → ⌈1.11·1⌉ = 2
    expect(calc(4, [running("a")], [["a", sample(1110)]], 100)).toMatchObject({ replicas: 2 })
  })
  it("ratio exactly 0.9 → no change; 0.89 → ⌈0.89·10⌉ = 9", () => {
    const pods = Array.from({ length: 10 }, (_, i) => running(`p${i}`))
    const at = (u: number) => pods.map((p): [string, PodMetric] => [p.name, sample(u)])
    expect(calc(10, pods, at(900), 100)).toMatchObject({ replicas: 10 })
    expect(calc(10, pods, at(890), 100)).toMatchObject({ replicas: 9 })
  })
  it("the utilization floors before the ratio: 1.1 + ε of usage still within tolerance", () => {
    // 1109m/1000m → U = 110 → ratio 1.1 → within
    expect(calc(3, [running("a")], [["a", sample(1109)]], 100)).toMatchObject({ replicas: 3, utilization: 110 })
  })
  it("missing pods on scale-down count as request·max(100,target)/100", () => {
    // ready a,b at 20% of 1000m, c missing. U=20, ratio 0.2 (<1). c gets 1000·100/100=1000.
    // new U = ⌊100·1400/3000⌋ = 46, ratio .46 → ⌈.46·3⌉ = 2
    const r = calc(3, [running("a"), running("b"), running("c")], [["a", sample(200)], ["b", sample(200)]], 100)
    expect(r).toMatchObject({ replicas: 2, utilization: 20 })
  })
  it("missing pods on scale-up count 0; direction flip → current", () => {
    // a at 160% of target 100: ratio 1.6; b missing → 0: U' = 80 → ratio .8 < 1: flip → current
    expect(calc(2, [running("a"), running("b")], [["a", sample(1600)]], 100)).toMatchObject({ replicas: 2, utilization: 160 })
    // a at 300%: U' = 150 → ⌈1.5·2⌉ = 3
    expect(calc(2, [running("a"), running("b")], [["a", sample(3000)]], 100)).toMatchObject({ replicas: 3 })
  })
  it("unready pods count 0 on scale-up only", () => {
    const pending: PodSnapshot = { name: "p", phase: "Pending", deleting: false, containers: [{ name: "app", requests: { cpu: 1000 } }] }
    // scale-up: a 2000/1000 target 100 → ratio 2; p unready → 0: U' = 100 → within → current 2
    expect(calc(2, [running("a"), pending], [["a", sample(2000)]], 100)).toMatchObject({ replicas: 2, utilization: 200 })
    // a 3000: U' = 150 → ⌈1.5·2⌉ = 3
    expect(calc(2, [running("a"), pending], [["a", sample(3000)]], 100)).toMatchObject({ replicas: 3 })
    // scale-down with unready: unready ignored, ⌈0.5·1⌉ = 1
    expect(calc(2, [running("a"), pending], [["a", sample(500)]], 100)).toMatchObject({ replicas: 1 })
  })
  it("new count against the direction → current", () => {
    // scale-down: a, b at 0 usage target 10; c missing → gets 1000·100/100. U' = ⌊100·1000/3000⌋=33 → ratio 3.3 > 1: flip → current
    expect(calc(3, [running("a"), running("b"), running("c")], [["a", sample(0)], ["b", sample(0)]], 10)).toMatchObject({ replicas: 3 })
  })
  it("ignores deleted and failed pods, errors on a missing request and on no metrics", () => {
    const deleted: PodSnapshot = { ...running("d"), deleting: true }
    const failed: PodSnapshot = { ...running("f"), phase: "Failed" }
    expect(calc(3, [running("a"), deleted, failed], [["a", sample(500)], ["d", sample(5000)], ["f", sample(5000)]], 100)).toMatchObject({ replicas: 1, utilization: 50 })
    const noRequest: PodSnapshot = { ...running("n"), containers: [{ name: "side", requests: {} }] }
    expect(calc(1, [noRequest], [["n", sample(5)]], 50)).toMatchObject({ _tag: "MetricFailure", message: "missing request for cpu in container side of Pod n" })
    expect(calc(1, [running("a")], [], 50)).toMatchObject({ _tag: "MetricFailure" })
  })
})

describe("CPU warm-up rule (groupPods)", () => {
  const group = (pod: PodSnapshot, metric: PodMetric) => groupPods([pod], new Map([[pod.name, metric]]), "cpu", NOW, defaultReadinessTiming)
  it("inside the 5 min initialization period: sample must start a window after readiness", () => {
    // started 2 min ago, ready 20 s ago; sample now with 15 s window → 20 > 15 → ready
    expect(group(running("a", 1000, 2 * MIN, 20_000), sample(1)).readyCount).toBe(1)
    // ready 10 s ago → the window reaches back before readiness → unready
    expect(group(running("a", 1000, 2 * MIN, 10_000), sample(1)).unready.has("a")).toBe(true)
    // exactly 15 s: timestamp == transition + window, not before → ready
    expect(group(running("a", 1000, 2 * MIN, 15_000), sample(1)).readyCount).toBe(1)
  })
  it("after the period: unready only if never ready within the 30 s delay", () => {
    const notReady = (transitionAfterStart: number): PodSnapshot => ({
      ...running("a", 1000, 10 * MIN),
      ready: { status: "False", lastTransitionTime: NOW - 10 * MIN + transitionAfterStart },
    })
    expect(group(notReady(29_000), sample(1)).unready.has("a")).toBe(true)
    expect(group(notReady(31_000), sample(1)).readyCount).toBe(1)
  })
  it("the warm-up rule is for CPU only", () => {
    const pod = running("a", 1000, 2 * MIN, 1000)
    expect(groupPods([pod], new Map([["a", sample(1)]]), undefined, NOW, defaultReadinessTiming).readyCount).toBe(1)
  })
})

describe("plain, object and external metrics", () => {
  const pods = [running("a"), running("b"), running("c")]
  const plain = (current: number, values: Array<[string, number]>, target: number) =>
    plainMetricReplicas({ ...base, resource: undefined, currentReplicas: current, pods, metrics: new Map(values.map(([n, v]) => [n, sample(v)])), targetAverage: target })
  it("average ⌊Σ/n⌋, ⌈ratio·ready⌉", () => {
    // (1000+1000+1001)/3 = 1000 (floor) → ratio 2 at target 500 → 6
    expect(plain(3, [["a", 1000], ["b", 1000], ["c", 1001]], 500)).toEqual({ _tag: "Proposal", replicas: 6, averageValue: 1000 })
  })
  it("missing pods get the target on scale-down", () => {
    // a=100,b=100 target 1000: ratio .1; c missing → 1000: avg 400 → ⌈.4·3⌉ = 2
    expect(plain(3, [["a", 100], ["b", 100]], 1000)).toMatchObject({ replicas: 2 })
  })
  it("Object Value and AverageValue", () => {
    const notReady: PodSnapshot = { ...running("c"), ready: { status: "False", lastTransitionTime: NOW } }
    expect(valueReplicas({ currentReplicas: 3, pods, value: 330, target: 300, tolerances: defaultTolerances, reason: "x" })).toMatchObject({ replicas: 3 })
    expect(valueReplicas({ currentReplicas: 3, pods: [running("a"), running("b"), notReady], value: 900, target: 300, tolerances: defaultTolerances, reason: "x" })).toMatchObject({ replicas: 6 })
    expect(valueReplicas({ currentReplicas: 0, pods: [], value: 250, target: 100, tolerances: defaultTolerances, reason: "x" })).toMatchObject({ replicas: 3 })
    expect(perPodValueReplicas({ currentReplicas: 2, value: 1001, targetAverage: 100, tolerances: defaultTolerances })).toEqual({ _tag: "Proposal", replicas: 11, averageValue: 501 })
  })
})

describe("requests (calculateRequests)", () => {
  const pod = (extra: Partial<PodSnapshot>): PodSnapshot => ({ ...running("a"), ...extra })
  it("pod-level requests win when no container is named", () => {
    // pod-level 2000m, container 1000m: usage 1000 → U = 50 at target 50 → within → current
    const p = pod({ podRequests: { cpu: 2000 } })
    expect(calc(3, [p], [["a", sample(1000)]], 50)).toMatchObject({ replicas: 3, utilization: 50 })
    expect(calc(3, [pod({ podRequests: { memory: 5 } })], [["a", sample(1000)]], 50)).toMatchObject({ _tag: "MetricFailure", message: "missing pod-level request for cpu in Pod a" })
  })
  it("a named container that does not exist is an error", () => {
    const r = resourceReplicas({ ...base, currentReplicas: 1, pods: [running("a")], metrics: new Map([["a", sample(5)]]), targetUtilization: 50, container: "nope" })
    expect(r).toMatchObject({ _tag: "MetricFailure", message: "container nope not found in Pod a" })
  })
})

// Issue 12 §3: cases after Kubernetes' replica_calculator_test.go semantics (missing, unready and
// pending pods; Pods metrics; per-pod values), each chosen so one surviving mutant changes the
// answer. The arithmetic is in the comments.
describe("rebalancing missing and unready pods (replica_calculator_test.go semantics)", () => {
  const pending = (name: string, request = 1000): PodSnapshot => ({ name, phase: "Pending", deleting: false, containers: [{ name: "app", requests: { cpu: request } }] })
  const plain = (current: number, pods: PodSnapshot[], metrics: Array<[string, PodMetric]>, target: number) =>
    plainMetricReplicas({ ...base, resource: undefined, currentReplicas: current, pods, metrics: new Map(metrics), targetAverage: target })

  it("a missing pod counts as 0 % on a scale-up", () => {
    // ready a, b at 80 %, c has no sample; target 50: ratio 1.6 → c at 0: 1600/3000 = 53 % → 1.06, within tolerance → 3
    // (without the 0 the ratio stays 1.6 and ⌈1.6·2⌉ = 4)
    expect(calc(3, [running("a"), running("b"), running("c")], [["a", sample(800)], ["b", sample(800)]], 50)).toMatchObject({ replicas: 3 })
  })

  it("a missing pod counts at its request on a scale-down, and unready pods are not zeroed then", () => {
    // a, d at 20 %, b missing, c Pending; target 50: ratio 0.4 → b at 100 %: 1400/3000 = 46 % → 0.92, within → 4
    // (zeroing the pending c too would give 1400/4000 = 35 % → ⌈0.7·4⌉ = 3)
    const pods = [running("a"), running("b"), pending("c"), running("d")]
    expect(calc(4, pods, [["a", sample(200)], ["d", sample(200)]], 50)).toMatchObject({ replicas: 4, utilization: 20 })
  })

  it("a rebalanced ratio that flips the direction keeps the current count", () => {
    // a at 10 %, b and c missing; target 50: ratio 0.2 → b, c at 100 %: 2100/3000 = 70 % → 1.4 > 1: flipped → 3
    // (without the guard: ⌈1.4·3⌉ = 5)
    expect(calc(3, [running("a"), running("b"), running("c")], [["a", sample(100)]], 50)).toMatchObject({ replicas: 3 })
  })

  it("Pods metric: missing pods count at the target on a scale-down", () => {
    // a at 500, b missing; target 1000: ratio 0.5 → b at 1000: 750 → 0.75 → ⌈0.75·2⌉ = 2 (not ⌈0.5·1⌉ = 1)
    expect(plain(3, [running("a"), running("b")], [["a", sample(500)]], 1000)).toMatchObject({ replicas: 2, averageValue: 500 })
  })

  it("Pods metric: unready pods count as 0 on a scale-up", () => {
    // a, b, c at 1400, d Pending; target 1000: ratio 1.4 → d at 0: 4200/4 = 1050 → 1.05, within → 4 (not ⌈1.4·3⌉ = 5)
    const pods = [running("a"), running("b"), running("c"), pending("d")]
    expect(plain(4, pods, [["a", sample(1400)], ["b", sample(1400)], ["c", sample(1400)]], 1000)).toMatchObject({ replicas: 4 })
  })

  it("readyPodCount counts Running pods whose Ready condition is True only", () => {
    const notReady: PodSnapshot = { ...running("b"), ready: { status: "False", lastTransitionTime: NOW } }
    expect(readyPodCount([running("a"), notReady, pending("c"), { ...running("d"), phase: "Succeeded" }])).toBe(1)
  })

  it("AverageValue of an Object/External metric: the reported average is value / current", () => {
    // 10000 over 4 replicas, 1000 per pod: ratio 2.5 → ⌈10000/1000⌉ = 10, average ⌈10000/4⌉ = 2500
    expect(perPodValueReplicas({ currentReplicas: 4, value: 10_000, targetAverage: 1000, tolerances: defaultTolerances })).toEqual({
      _tag: "Proposal",
      replicas: 10,
      averageValue: 2500,
    })
  })
})
