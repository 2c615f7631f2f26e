/**
 * Kubernetes' replica-calculator cases (issue 12 §3), restated from the semantics of
 * `pkg/controller/podautoscaler/replica_calculator_test.go`: each test names the upstream case it
 * restates (notes: /work/notes/upstream-replicacalc.md). The harness mirrors upstream's: every pod
 * has two containers that each request `requests[i]` (default 1000m) and each use `levels[i]`, so a
 * pod's sample is 2·level and its request 2·request (percentages are those of one container);
 * pods are Running and Ready unless told otherwise; a "cool" pod started long ago, a "hot" one is
 * still inside the 5 min CPU initialization period and became ready too recently for its sample.
 * Tolerance 0.1 both ways. The arithmetic is in each test's comment.
 */
import { describe, expect, it } from "vitest"
import {
  defaultReadinessTiming,
  defaultTolerances,
  perPodValueReplicas,
  plainMetricReplicas,
  readyPodCount,
  resourceReplicas,
  valueReplicas,
  type PodMetric,
  type PodPhase,
  type PodSnapshot,
} from "../../../src/dynamics/autoscaling/index.ts"

const NOW = 2_000_000_000
const MIN = 60_000
const WINDOW = MIN

type Readiness = "True" | "False"
type Start = "cool" | "hot"

interface Case {
  /** Replicas, and pods unless `phase` lists more. */
  readonly current: number
  /** The scale's replica count when it differs from the pods listed (more replicas than pods). */
  readonly currentReplicas?: number
  readonly levels: ReadonlyArray<number>
  readonly requests?: ReadonlyArray<number>
  readonly readiness?: ReadonlyArray<Readiness>
  readonly start?: ReadonlyArray<Start>
  readonly phase?: ReadonlyArray<PodPhase>
  readonly deleting?: ReadonlyArray<boolean>
  /** Names the samples are reported under (upstream's `podNames`), default the pods'. */
  readonly sampleNames?: ReadonlyArray<string>
}

/** The pods of a case: max(current, phases given), like upstream's fake pod lister. */
const podsOf = (c: Case): PodSnapshot[] => {
  const n = Math.max(c.current, c.phase?.length ?? 0)
  return Array.from({ length: n }, (_, i): PodSnapshot => {
    const hot = c.start?.[i] === "hot"
    const startTime = hot ? NOW - 2 * MIN : NOW - 60 * MIN
    const status = c.readiness?.[i] ?? "True"
    // Ready: a cool pod became ready 5 s after starting, a hot one 30 s ago (less than a sample
    // window); not Ready: its condition changed at start, so it never was ready.
    const lastTransitionTime = status === "False" ? startTime : hot ? NOW - 30_000 : startTime + 5000
    const request = c.requests === undefined ? 1000 : c.requests[i]
    const requests = request === undefined ? {} : { cpu: request }
    return {
      name: `p${i}`,
      phase: c.phase?.[i] ?? "Running",
      deleting: c.deleting?.[i] ?? false,
      startTime,
      ready: { status, lastTransitionTime },
      containers: [
        { name: "c0", requests },
        { name: "c1", requests },
      ],
    }
  })
}

const samplesOf = (c: Case, perPod: (level: number) => number): Map<string, PodMetric> =>
  new Map(c.levels.map((level, i) => [c.sampleNames?.[i] ?? `p${i}`, { value: perPod(level), timestamp: NOW, window: WINDOW }]))

const common = { tolerances: defaultTolerances, now: NOW, timing: defaultReadinessTiming }

/** GetResourceReplicas on cpu with a Utilization target. */
const cpu = (c: Case, targetUtilization: number) =>
  resourceReplicas({ ...common, currentReplicas: c.currentReplicas ?? c.current, pods: podsOf(c), metrics: samplesOf(c, (l) => 2 * l), resource: "cpu", targetUtilization })

/** GetMetricReplicas: a Pods metric, one value per pod (no readiness rule: not cpu). */
const podsMetric = (c: Case, targetAverage: number) =>
  plainMetricReplicas({ ...common, currentReplicas: c.currentReplicas ?? c.current, pods: podsOf(c), metrics: samplesOf(c, (l) => l), resource: undefined, targetAverage })

/** GetRawResourceReplicas: cpu with an AverageValue target (the readiness rule applies). */
const cpuAverage = (c: Case, targetAverage: number) =>
  plainMetricReplicas({ ...common, currentReplicas: c.currentReplicas ?? c.current, pods: podsOf(c), metrics: samplesOf(c, (l) => 2 * l), resource: "cpu", targetAverage })

/** GetObjectMetricReplicas / GetExternalMetricReplicas: one value against a Value target. */
const objectValue = (c: Omit<Case, "levels">, value: number, target: number, reason = "FailedGetObjectMetric") =>
  valueReplicas({ currentReplicas: c.current, pods: podsOf({ ...c, levels: [] }), value, target, tolerances: defaultTolerances, reason })

/** Get…PerPodMetricReplicas: one value against an AverageValue target. */
const perPod = (current: number, value: number, targetAverage: number) =>
  perPodValueReplicas({ currentReplicas: current, value, targetAverage, tolerances: defaultTolerances })

describe("Resource cpu, Utilization target (GetResourceReplicas)", () => {
  it("TestReplicaCalcScaleUp: U = ⌊100·3000/6000⌋ = 50, 50/30 → ⌈1.667·3⌉ = 5", () => {
    expect(cpu({ current: 3, levels: [300, 500, 700] }, 30)).toEqual({ _tag: "Proposal", replicas: 5, utilization: 50, averageValue: 1000 })
  })

  it("TestReplicaCalcScaleUpUnreadyLessScale: p0 not ready → U 60 (ratio 2); p0 at 0: 2400/6000 = 40 → ⌈1.333·3⌉ = 4", () => {
    expect(cpu({ current: 3, levels: [300, 500, 700], readiness: ["False", "True", "True"] }, 30)).toEqual({
      _tag: "Proposal",
      replicas: 4,
      utilization: 60,
      averageValue: 1200,
    })
  })

  it("TestReplicaCalcScaleUpHotCpuLessScale: a hot p0 is set aside like an unready one → 4 (U 60)", () => {
    expect(cpu({ current: 3, levels: [300, 500, 700], start: ["hot", "cool", "cool"] }, 30)).toMatchObject({ replicas: 4, utilization: 60 })
  })

  it("TestReplicaCalcScaleUpUnreadyNoScale: U 40 (1.333); p1, p2 at 0: 800/6000 = 13 → 0.43 flips the direction → 3", () => {
    expect(cpu({ current: 3, levels: [400, 500, 700], readiness: ["True", "False", "False"] }, 30)).toEqual({
      _tag: "Proposal",
      replicas: 3,
      utilization: 40,
      averageValue: 800,
    })
  })

  it("TestReplicaCalcScaleHotCpuNoScale: p1, p2 hot and not ready → 3 (U 40)", () => {
    const c: Case = { current: 3, levels: [400, 500, 700], readiness: ["True", "False", "False"], start: ["cool", "hot", "hot"] }
    expect(cpu(c, 30)).toMatchObject({ replicas: 3, utilization: 40 })
  })

  it("TestReplicaCalcScaleUpIgnoresFailedPods: p2, p3 Failed are not missing pods: U 60 → ⌈2·2⌉ = 4", () => {
    const c: Case = { current: 2, levels: [500, 700], readiness: ["True", "True", "False", "False"], phase: ["Running", "Running", "Failed", "Failed"] }
    // counted as missing they would be 0 on the scale-up: 2400/8000 = 30 → within → 2
    expect(cpu(c, 30)).toMatchObject({ replicas: 4, utilization: 60 })
  })

  it("TestReplicaCalcScaleUpIgnoresDeletionPods: p2, p3 being deleted are ignored → 4", () => {
    const c: Case = { current: 2, levels: [500, 700], readiness: ["True", "True", "False", "False"], phase: ["Running", "Running", "Running", "Running"], deleting: [false, false, true, true] }
    expect(cpu(c, 30)).toMatchObject({ replicas: 4, utilization: 60 })
  })

  it("TestReplicaCalcScaleDown: U = ⌊100·2800/10000⌋ = 28 → ⌈0.56·5⌉ = 3", () => {
    expect(cpu({ current: 5, levels: [100, 300, 500, 250, 250] }, 50)).toEqual({ _tag: "Proposal", replicas: 3, utilization: 28, averageValue: 560 })
  })

  it("TestReplicaCalcScaleDownIncludeUnreadyPods: p3, p4 not ready are dropped on a scale-down (not zeroed): 900/3000 = 30 → ⌈0.6·3⌉ = 2", () => {
    const c: Case = { current: 5, levels: [100, 300, 500, 250, 250], readiness: ["True", "True", "True", "False", "False"] }
    // zeroed they would give 1800/10000 = 18 → ⌈0.36·5⌉ = 2 as well, but U is reported from the ready pods: 30
    expect(cpu(c, 50)).toEqual({ _tag: "Proposal", replicas: 2, utilization: 30, averageValue: 600 })
  })

  it("TestReplicaCalcScaleDownExcludeUnscheduledPods: four Pending pods → U 10 → ⌈0.2·1⌉ = 1", () => {
    const c: Case = { current: 5, levels: [100], readiness: ["True", "False", "False", "False", "False"], phase: ["Running", "Pending", "Pending", "Pending", "Pending"] }
    expect(cpu(c, 50)).toEqual({ _tag: "Proposal", replicas: 1, utilization: 10, averageValue: 200 })
  })

  it("TestReplicaCalcScaleDownIgnoreHotCpuPods: p3, p4 hot → U 30 → 2", () => {
    const c: Case = { current: 5, levels: [100, 300, 500, 250, 250], start: ["cool", "cool", "cool", "hot", "hot"] }
    expect(cpu(c, 50)).toMatchObject({ replicas: 2, utilization: 30 })
  })

  it("TestReplicaCalcScaleDownIgnoresFailedPods and …DeletionPods: five running + two Failed (or deleting) → U 28 → 3", () => {
    const readiness: Readiness[] = ["True", "True", "True", "True", "True", "False", "False"]
    const failed: Case = { current: 5, levels: [100, 300, 500, 250, 250], readiness, phase: ["Running", "Running", "Running", "Running", "Running", "Failed", "Failed"] }
    expect(cpu(failed, 50)).toMatchObject({ replicas: 3, utilization: 28 })
    const deleting: Case = { ...failed, phase: Array(7).fill("Running"), deleting: [false, false, false, false, false, true, true] }
    expect(cpu(deleting, 50)).toMatchObject({ replicas: 3, utilization: 28 })
  })

  it("TestReplicaCalcTolerance: requests 0.9/1.0/1.1 → U = ⌊100·6120/6000⌋ = 102 → within → 3", () => {
    expect(cpu({ current: 3, levels: [1010, 1030, 1020], requests: [900, 1000, 1100] }, 100)).toEqual({
      _tag: "Proposal",
      replicas: 3,
      utilization: 102,
      averageValue: 2040,
    })
  })

  it("TestReplicaCalcSuperfluousMetrics: samples of unknown pods are not counted: U = ⌊100·47000/8000⌋ = 587 → ⌈5.87·4⌉ = 24", () => {
    expect(cpu({ current: 4, levels: [4000, 9500, 3000, 7000, 3200, 2000] }, 100)).toEqual({
      _tag: "Proposal",
      replicas: 24,
      utilization: 587,
      averageValue: 11750,
    })
  })

  it("TestReplicaCalcMissingMetrics: U 24 → p2, p3 at 100 %: (990 + 4000)/8000 = 62 → ⌈0.62·4⌉ = 3", () => {
    // average of what was measured: (800 + 190)/2 = 495
    expect(cpu({ current: 4, levels: [400, 95] }, 100)).toEqual({ _tag: "Proposal", replicas: 3, utilization: 24, averageValue: 495 })
  })

  it("TestReplicaCalcMissingMetricsNoChangeEq / Gt / Lt: one of two pods measured", () => {
    // ratio exactly 1: the missing pod is neither 0 nor 100 % → 2
    expect(cpu({ current: 2, levels: [1000] }, 100)).toMatchObject({ replicas: 2, utilization: 100 })
    // 190 %: the missing pod at 0 → 95 % → within → 2
    expect(cpu({ current: 2, levels: [1900] }, 100)).toMatchObject({ replicas: 2, utilization: 190 })
    // 60 %: the missing pod at 100 % → 80 % → ⌈0.8·2⌉ = 2
    expect(cpu({ current: 2, levels: [600] }, 100)).toMatchObject({ replicas: 2, utilization: 60 })
  })

  it("TestReplicaCalcMissingMetricsUnreadyChange: U 45 (0.9); missing p2 at 100 %: 2900/4000 = 72 → 1.44 flips the direction → 3", () => {
    expect(cpu({ current: 3, levels: [100, 450], readiness: ["False", "True", "True"] }, 50)).toEqual({
      _tag: "Proposal",
      replicas: 3,
      utilization: 45,
      averageValue: 900,
    })
  })

  it("TestReplicaCalcMissingMetricsHotCpuNoChange: the same with a hot p0 → 3", () => {
    expect(cpu({ current: 3, levels: [100, 450], start: ["hot", "cool", "cool"] }, 50)).toMatchObject({ replicas: 3, utilization: 45 })
  })

  it("TestReplicaCalcMissingMetricsUnreadyScaleUp: U 200 (ratio 4); p0 unready and p2 missing at 0: 4000/6000 = 66 → ⌈1.32·3⌉ = 4", () => {
    expect(cpu({ current: 3, levels: [100, 2000], readiness: ["False", "True", "True"] }, 50)).toEqual({
      _tag: "Proposal",
      replicas: 4,
      utilization: 200,
      averageValue: 4000,
    })
  })

  it("TestReplicaCalcMissingMetricsHotCpuScaleUp: the same with p0 hot → 4", () => {
    const c: Case = { current: 3, levels: [100, 2000], readiness: ["False", "True", "True"], start: ["hot", "cool", "cool"] }
    expect(cpu(c, 50)).toMatchObject({ replicas: 4, utilization: 200 })
  })

  it("TestReplicaCalcMissingMetricsUnreadyScaleDown: U 10; p3 at 100 %, unready p0 left out: 2400/6000 = 40 → ⌈0.8·3⌉ = 3", () => {
    expect(cpu({ current: 4, levels: [100, 100, 100], readiness: ["False", "True", "True", "True"] }, 50)).toMatchObject({ replicas: 3, utilization: 10 })
  })

  it("TestReplicaCalcDuringRollingUpdateWithMaxSurge: 3 pods for 2 replicas; p2 at 100 %: 40 % → ⌈0.8·3⌉ = 3 > 2 on a scale-down → keep 2", () => {
    expect(cpu({ current: 2, levels: [100, 100], phase: ["Running", "Running", "Running"] }, 50)).toEqual({
      _tag: "Proposal",
      replicas: 2,
      utilization: 10,
      averageValue: 200,
    })
  })

  it("TestReplicaCalcComputedToleranceAlgImplementation: U 50 against 56 → ⌈0.893·10⌉ = 9; against 55 → 0.909, within → 10", () => {
    // ten pods using 150m per container, requests 300m with jitter ±100, ±10, ±2, ±1, 0, 0 (sum 3000)
    const c: Case = { current: 10, levels: Array(10).fill(150), requests: [400, 200, 310, 290, 302, 298, 301, 299, 300, 300] }
    expect(cpu(c, 56)).toMatchObject({ replicas: 9, utilization: 50 })
    expect(cpu(c, 55)).toMatchObject({ replicas: 10, utilization: 50 })
  })

  it("TestReplicaCalcEmptyCPURequest, …DisjointResourcesMetrics, …EmptyMetrics: failures, not proposals", () => {
    expect(cpu({ current: 1, levels: [200], requests: [] }, 100)).toEqual({
      _tag: "MetricFailure",
      reason: "FailedGetResourceMetric",
      message: "missing request for cpu in container c0 of Pod p0",
    })
    expect(cpu({ current: 1, levels: [100], sampleNames: ["an-older-pod-name"] }, 100)).toEqual({
      _tag: "MetricFailure",
      reason: "FailedGetResourceMetric",
      message: "no metrics returned matched known pods",
    })
    expect(cpu({ current: 4, levels: [] }, 100)).toEqual({
      _tag: "MetricFailure",
      reason: "FailedGetResourceMetric",
      message: "did not receive metrics for targeted pods (pods might be unready)",
    })
  })
})

describe("Pods metrics, AverageValue target (GetMetricReplicas)", () => {
  it("TestReplicaCalcScaleUpCM: ⌊60000/3⌋ = 20000 against 15000 → ⌈1.333·3⌉ = 4", () => {
    expect(podsMetric({ current: 3, levels: [20000, 10000, 30000] }, 15000)).toEqual({ _tag: "Proposal", replicas: 4, averageValue: 20000 })
  })

  it("TestReplicaCalcScaleUpCMUnreadyHotCpuNoLessScale: readiness is a cpu rule only: 30000 → ⌈2·3⌉ = 6", () => {
    const c: Case = { current: 3, levels: [50000, 10000, 30000], readiness: ["True", "True", "False"], start: ["cool", "cool", "hot"] }
    expect(podsMetric(c, 15000)).toEqual({ _tag: "Proposal", replicas: 6, averageValue: 30000 })
  })

  it("TestReplicaCalcScaleUpCMUnreadyHotCpuScaleWouldScaleDown: ⌊95000/3⌋ = 31666 → ⌈2.111·3⌉ = 7", () => {
    const c: Case = { current: 3, levels: [50000, 15000, 30000], readiness: ["False", "True", "False"], start: ["hot", "cool", "hot"] }
    expect(podsMetric(c, 15000)).toEqual({ _tag: "Proposal", replicas: 7, averageValue: 31666 })
  })

  it("TestReplicaCalcScaleDownCM and …ToleranceCM: 12000 of 20000 → ⌈0.6·5⌉ = 3; ⌊62000/3⌋ = 20666 → within → 3", () => {
    expect(podsMetric({ current: 5, levels: Array(5).fill(12000) }, 20000)).toEqual({ _tag: "Proposal", replicas: 3, averageValue: 12000 })
    expect(podsMetric({ current: 3, levels: [20000, 21000, 21000] }, 20000)).toEqual({ _tag: "Proposal", replicas: 3, averageValue: 20666 })
  })

  it("a Pods metric fails as FailedGetPodsMetric, a cpu AverageValue as FailedGetResourceMetric", () => {
    expect(podsMetric({ current: 0, levels: [] }, 100)).toMatchObject({ _tag: "MetricFailure", reason: "FailedGetPodsMetric" })
    expect(podsMetric({ current: 2, levels: [] }, 100)).toEqual({
      _tag: "MetricFailure",
      reason: "FailedGetPodsMetric",
      message: "did not receive metrics for targeted pods (pods might be unready)",
    })
    expect(cpuAverage({ current: 0, levels: [] }, 100)).toEqual({
      _tag: "MetricFailure",
      reason: "FailedGetResourceMetric",
      message: "no pods returned by selector while calculating replica count",
    })
  })
})

describe("Resource cpu, AverageValue target (GetRawResourceReplicas: the plain average with the cpu readiness rule)", () => {
  it("TestReplicaCalcScaleUpUnreadyLessScale restated per pod: ready average 1200 against 600 (2); p0 at 0: 2400/3 = 800 → ⌈1.333·3⌉ = 4", () => {
    expect(cpuAverage({ current: 3, levels: [300, 500, 700], readiness: ["False", "True", "True"] }, 600)).toEqual({ _tag: "Proposal", replicas: 4, averageValue: 1200 })
  })

  it("TestReplicaCalcScaleUpUnreadyNoScale restated per pod: 800 against 600 (1.333); p1, p2 at 0: 266 → flipped → 3", () => {
    expect(cpuAverage({ current: 3, levels: [400, 500, 700], readiness: ["True", "False", "False"] }, 600)).toEqual({ _tag: "Proposal", replicas: 3, averageValue: 800 })
  })

  it("TestReplicaCalcMissingMetrics restated per pod: 495 against 1000; p2, p3 at the target: (990 + 2000)/4 = 747 → ⌈0.747·4⌉ = 3", () => {
    expect(cpuAverage({ current: 4, levels: [400, 95] }, 1000)).toEqual({ _tag: "Proposal", replicas: 3, averageValue: 495 })
  })

  it("TestReplicaCalcMissingMetricsUnreadyScaleUp restated per pod: 4000 against 1000; p0 and p2 at 0: 4000/3 = 1333 → ⌈1.333·3⌉ = 4", () => {
    expect(cpuAverage({ current: 3, levels: [100, 2000], readiness: ["False", "True", "True"] }, 1000)).toEqual({ _tag: "Proposal", replicas: 4, averageValue: 4000 })
    // p1 at 3150: 3150/3 = 1050 → within → 3 (zeroing only one of p0, p2 would give 1575 → ⌈1.575·2⌉ = 4)
    expect(cpuAverage({ current: 3, levels: [100, 1575], readiness: ["False", "True", "True"] }, 1000)).toEqual({ _tag: "Proposal", replicas: 3, averageValue: 3150 })
  })

  it("TestReplicaCalcDuringRollingUpdateWithMaxSurge restated per pod: 300 against 400; p2 at 400: 333 → ⌈0.833·3⌉ = 3 > 2 on a scale-down → keep 2", () => {
    expect(cpuAverage({ current: 2, levels: [150, 150], phase: ["Running", "Running", "Running"] }, 400)).toEqual({ _tag: "Proposal", replicas: 2, averageValue: 300 })
  })
})

describe("Object and External metrics, Value target (GetObjectMetricReplicas, GetExternalMetricReplicas)", () => {
  it("TestReplicaCalcScaleUpCMObject / ScaleDownCMObject / ToleranceCMObject", () => {
    expect(objectValue({ current: 3 }, 20000, 15000)).toEqual({ _tag: "Proposal", replicas: 4, value: 20000 }) // ⌈1.333·3⌉
    expect(objectValue({ current: 5 }, 12000, 20000)).toEqual({ _tag: "Proposal", replicas: 3, value: 12000 }) // ⌈0.6·5⌉
    expect(objectValue({ current: 3 }, 20666, 20000)).toEqual({ _tag: "Proposal", replicas: 3, value: 20666 }) // 1.033 within
  })

  it("TestReplicaCalcScaleUpCMObjectIgnoresUnreadyPods: one ready pod of three: ⌈5·1⌉ = 5 (15 if all counted)", () => {
    expect(objectValue({ current: 3, readiness: ["False", "True", "False"] }, 50000, 10000)).toEqual({ _tag: "Proposal", replicas: 5, value: 50000 })
  })

  it("TestReplicaCalcScaleUpCMExternal / …IgnoresUnreadyPods / ScaleDownCMExternal / ToleranceCMExternal", () => {
    const external = "FailedGetExternalMetric"
    expect(objectValue({ current: 1 }, 8600, 4400, external)).toMatchObject({ replicas: 2 }) // ⌈1.955·1⌉
    expect(objectValue({ current: 3, readiness: ["False", "True", "False"] }, 8600, 4400, external)).toMatchObject({ replicas: 2 }) // ⌈1.955·1⌉, 6 if all counted
    expect(objectValue({ current: 5 }, 8600, 14334, external)).toMatchObject({ replicas: 3 }) // ⌈0.59998·5⌉
    expect(objectValue({ current: 3 }, 8600, 8888, external)).toMatchObject({ replicas: 3 }) // 0.968 within
  })

  it("readyPodCount: Running with Ready=True; Pending, Failed, Succeeded and not-ready pods are not ready", () => {
    const c: Case = {
      current: 6,
      levels: [],
      readiness: ["True", "False", "True", "True", "True", "True"],
      phase: ["Running", "Running", "Pending", "Failed", "Succeeded", "Running"],
    }
    expect(readyPodCount(podsOf(c))).toBe(2)
    expect(readyPodCount([{ name: "x", phase: "Running", deleting: false, containers: [] }])).toBe(0) // no Ready condition
    expect(readyPodCount([])).toBe(0)
  })

  // getUsageRatioReplicaCount: from zero replicas ⌈ratio⌉ with neither tolerance nor pods; otherwise
  // tolerance first, then getReadyPodsCount, which fails only when the selector lists no pod.
  it("getUsageRatioReplicaCount, currentReplicas == 0 branch: ⌈ratio⌉ with no pods, and even within the tolerance", () => {
    const external = { tolerances: defaultTolerances, reason: "FailedGetExternalMetric" }
    expect(valueReplicas({ ...external, currentReplicas: 0, pods: [], value: 8600, target: 4400 })).toEqual({ _tag: "Proposal", replicas: 2, value: 8600 }) // ⌈1.955⌉
    expect(valueReplicas({ ...external, currentReplicas: 0, pods: [], value: 4500, target: 4400 })).toEqual({ _tag: "Proposal", replicas: 2, value: 4500 }) // 1.023 within, still ⌈1.023⌉
    expect(valueReplicas({ ...external, currentReplicas: 0, pods: [], value: 0, target: 4400 })).toEqual({ _tag: "Proposal", replicas: 0, value: 0 }) // scale to zero
  })

  it("getUsageRatioReplicaCount, currentReplicas != 0: within the tolerance → current before the pods are counted, even with none listed", () => {
    expect(valueReplicas({ currentReplicas: 2, pods: [], value: 4500, target: 4400, tolerances: defaultTolerances, reason: "FailedGetExternalMetric" })).toEqual({
      _tag: "Proposal",
      replicas: 2,
      value: 4500,
    })
  })

  it("getReadyPodsCount: no pod listed outside the tolerance is a failure naming the metric's reason, with upstream's wrapped message", () => {
    expect(valueReplicas({ currentReplicas: 2, pods: [], value: 8600, target: 4400, tolerances: defaultTolerances, reason: "FailedGetExternalMetric" })).toEqual({
      _tag: "MetricFailure",
      reason: "FailedGetExternalMetric",
      message: "unable to calculate ready pods: no pods returned by selector while calculating replica count",
    })
  })

  it("getReadyPodsCount: pods listed but none ready is no failure: ⌈1.955·0⌉ = 0 replicas", () => {
    expect(objectValue({ current: 2, readiness: ["False", "False"] }, 8600, 4400, "FailedGetExternalMetric")).toEqual({ _tag: "Proposal", replicas: 0, value: 8600 })
    expect(objectValue({ current: 2, phase: ["Pending", "Failed"] }, 8600, 4400)).toEqual({ _tag: "Proposal", replicas: 0, value: 8600 })
  })
})

describe("Object and External metrics, AverageValue target (Get…PerPodMetricReplicas)", () => {
  it("TestReplicaCalcScaleUpCMPerPodObject: 20000/(5000·3) = 1.333 → ⌈20000/5000⌉ = 4, average ⌈20000/3⌉ = 6667", () => {
    expect(perPod(3, 20000, 5000)).toEqual({ _tag: "Proposal", replicas: 4, averageValue: 6667 })
  })

  it("TestReplicaCalcScaleDownPerPodCMObject: 6000/(2000·5) = 0.6 → 3, average 1200", () => {
    expect(perPod(5, 6000, 2000)).toEqual({ _tag: "Proposal", replicas: 3, averageValue: 1200 })
  })

  it("TestReplicaCalcTolerancePerPodCMObject: 20166/(5000·4) = 1.008, within → 4 (⌈20166/5000⌉ would be 5), average ⌈5041.5⌉ = 5042", () => {
    expect(perPod(4, 20166, 5000)).toEqual({ _tag: "Proposal", replicas: 4, averageValue: 5042 })
  })

  it("TestReplicaCalcScaleUpPerPodCMExternal / ScaleDownPerPodCMExternal / TolerancePerPodCMExternal", () => {
    expect(perPod(3, 8600, 2150)).toEqual({ _tag: "Proposal", replicas: 4, averageValue: 2867 }) // 1.333 → ⌈4⌉
    expect(perPod(5, 8600, 2867)).toEqual({ _tag: "Proposal", replicas: 3, averageValue: 1720 }) // 0.59993 → ⌈2.9997⌉
    expect(perPod(3, 8600, 2900)).toEqual({ _tag: "Proposal", replicas: 3, averageValue: 2867 }) // 0.9885 within
  })
})

// Boundaries the upstream cases leave open, each chosen so that one plausible slip in the
// calculator (a comparison off by its equality, a step skipped) changes the answer.
describe("boundaries of the rebalancing (same semantics, cases of our own)", () => {
  it("cpu: a ratio of exactly 1 with an unready pod is no scale-up: nothing is zeroed → keep 2", () => {
    // zeroing the Pending p1 would give 2000/4000 = 50 → ⌈0.5·2⌉ = 1
    expect(cpu({ current: 2, levels: [1000], phase: ["Running", "Pending"] }, 100)).toMatchObject({ replicas: 2, utilization: 100 })
  })

  it("cpu: a ratio of exactly 1 with a missing pod fills it with neither 100 % nor 0 → keep 2", () => {
    // 50 % at target 50; p1 at 100 % would give 3000/4000 = 75 → 1.5 → ⌈1.5·2⌉ = 3
    expect(cpu({ current: 2, levels: [500] }, 50)).toMatchObject({ replicas: 2, utilization: 50 })
  })

  it("cpu: zeroing an unready pod can bring the ratio within tolerance: 220 % → 4400/4000 = 110 → keep 2 (⌈2.2·1⌉ = 3 otherwise)", () => {
    expect(cpu({ current: 2, levels: [2200], phase: ["Running", "Pending"] }, 100)).toMatchObject({ replicas: 2, utilization: 220 })
  })

  it("cpu: a scale-up that would end below the current count keeps it: 300 %, p1 missing → 150 % → ⌈1.5·2⌉ = 3 < 5 → keep 5", () => {
    expect(cpu({ current: 2, currentReplicas: 5, levels: [3000] }, 100)).toMatchObject({ replicas: 5, utilization: 300 })
  })

  it("cpu: no pods is a failure of its own, even with samples", () => {
    const r = resourceReplicas({ ...common, currentReplicas: 1, pods: [], metrics: samplesOf({ current: 0, levels: [500] }, (l) => l), resource: "cpu", targetUtilization: 50 })
    expect(r).toEqual({ _tag: "MetricFailure", reason: "FailedGetResourceMetric", message: "no pods returned by selector while calculating replica count" })
  })

  it("Pods metric: fewer pods than replicas on a scale-up without missing or unready pods: ⌈1.5·2⌉ = 3, no guard on this path", () => {
    expect(podsMetric({ current: 2, currentReplicas: 5, levels: [1500, 1500] }, 1000)).toEqual({ _tag: "Proposal", replicas: 3, averageValue: 1500 })
  })

  it("calcPlainMetricReplicas, missing pods at a ratio of exactly 1: neither branch (`if < 1` / `else if > 1`) fills them → keep 2", () => {
    // counted at 0 (the old `else`) it would be 1000/2 = 500 → ⌈0.5·2⌉ = 1; at the target, 1000 → keep 2 by tolerance
    expect(podsMetric({ current: 2, levels: [1000] }, 1000)).toEqual({ _tag: "Proposal", replicas: 2, averageValue: 1000 })
    // the same through GetRawResourceReplicas (cpu, so p0's readiness counts): p0 unready, p1 at 1000, p2 missing;
    // ratio 1 is no scale-up, so p0 is not zeroed and p2 not filled → keep 3 (p2 at 0 would give 500 → ⌈0.5·2⌉ = 1)
    expect(cpuAverage({ current: 3, levels: [100, 500], readiness: ["False", "True", "True"] }, 1000)).toEqual({ _tag: "Proposal", replicas: 3, averageValue: 1000 })
  })

  it("Pods metric: a scale-up that would end below the current count keeps it: 3000, p2 missing → 2000 → ⌈2·3⌉ = 6 < 8 → keep 8", () => {
    expect(podsMetric({ current: 3, currentReplicas: 8, levels: [3000, 3000] }, 1000)).toEqual({ _tag: "Proposal", replicas: 8, averageValue: 3000 })
  })

  it("cpu AverageValue: a deleted pod's sample is left out: (1000 + 1000)/2 → 1 → keep 3 (with it 4000 → 8)", () => {
    const c: Case = { current: 3, levels: [500, 500, 5000], deleting: [false, false, true] }
    expect(cpuAverage(c, 1000)).toEqual({ _tag: "Proposal", replicas: 3, averageValue: 1000 })
  })

  it("cpu AverageValue: unready pods are not zeroed on a scale-down: 600 of 650 is within → keep 5", () => {
    // zeroed p3, p4 would give 1800/5 = 360 → ⌈0.554·5⌉ = 3
    const c: Case = { current: 5, levels: [100, 300, 500, 250, 250], readiness: ["True", "True", "True", "False", "False"] }
    expect(cpuAverage(c, 650)).toEqual({ _tag: "Proposal", replicas: 5, averageValue: 600 })
  })

  it("cpu AverageValue: a ratio of exactly 1 with an unready pod is no scale-up → keep 3", () => {
    // zeroing p0 would give 2000/3 = 666 → ⌈0.667·3⌉ = 2
    expect(cpuAverage({ current: 3, levels: [100, 500, 500], readiness: ["False", "True", "True"] }, 1000)).toEqual({ _tag: "Proposal", replicas: 3, averageValue: 1000 })
  })

  it("cpu AverageValue: on a scale-down with a missing pod the unready one stays out: (900 + 900 + 1000)/3 = 933 → within → keep 4", () => {
    // zeroing p0 as well would give 2800/4 = 700 → ⌈0.7·4⌉ = 3
    expect(cpuAverage({ current: 4, levels: [100, 450, 450], readiness: ["False", "True", "True", "True"] }, 1000)).toEqual({ _tag: "Proposal", replicas: 4, averageValue: 900 })
  })
})

describe("requests per pod (calculatePodRequests)", () => {
  const base = podsOf({ current: 1, levels: [] })[0] as PodSnapshot
  const one = (pod: PodSnapshot, sample: number, target: number, container?: string) =>
    resourceReplicas({ ...common, currentReplicas: 3, pods: [pod], metrics: new Map([[pod.name, { value: sample, timestamp: NOW, window: WINDOW }]]), resource: "cpu", targetUtilization: target, ...(container === undefined ? {} : { container }) })

  it("empty pod-level requests fall back to the containers: 1000 of 2000 → 50 % → keep 3", () => {
    expect(one({ ...base, podRequests: {} }, 1000, 50)).toEqual({ _tag: "Proposal", replicas: 3, utilization: 50, averageValue: 1000 })
  })

  it("a named container is read even when the pod has pod-level requests: 1500 of c1's 3000 → 50 % → keep 3", () => {
    const pod: PodSnapshot = { ...base, podRequests: { cpu: 8000 }, containers: [{ name: "c0", requests: { cpu: 1000 } }, { name: "c1", requests: { cpu: 3000 } }] }
    // the pod-level 8000 would give 18 % → ⌈0.36·1⌉ = 1
    expect(one(pod, 1500, 50, "c1")).toEqual({ _tag: "Proposal", replicas: 3, utilization: 50, averageValue: 1500 })
    expect(one(pod, 1500, 50, "c9")).toEqual({ _tag: "MetricFailure", reason: "FailedGetContainerResourceMetric", message: "container c9 not found in Pod p0" })
  })

  it("a pod-level request missing for the resource is a failure naming the pod", () => {
    expect(one({ ...base, podRequests: { memory: 5 } }, 1000, 50)).toEqual({
      _tag: "MetricFailure",
      reason: "FailedGetResourceMetric",
      message: "missing pod-level request for cpu in Pod p0",
    })
  })

  it("a pod without containers requests 0, and its usage still counts: 2500 of 2000 → 125 % → ⌈1.25·2⌉ = 3", () => {
    const bare: PodSnapshot = { ...base, name: "bare", containers: [] }
    const r = resourceReplicas({
      ...common,
      currentReplicas: 2,
      pods: [base, bare],
      metrics: new Map([
        ["p0", { value: 2000, timestamp: NOW, window: WINDOW }],
        ["bare", { value: 500, timestamp: NOW, window: WINDOW }],
      ]),
      resource: "cpu",
      targetUtilization: 100,
    })
    expect(r).toEqual({ _tag: "Proposal", replicas: 3, utilization: 125, averageValue: 1250 })
  })
})
