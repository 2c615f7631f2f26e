/**
 * Normalisation with and without `behavior` (horizontal.go, Kubernetes v1.35), hand-computed.
 */
import { describe, expect, it } from "vitest"
import {
  emptyHistory,
  normalize,
  normalizeWithBehavior,
  reconcile,
  recordScaleEvent,
  scaleDownLimitWithRules,
  scaleUpLimitWithRules,
  withDefaults,
  type History,
  type PodSnapshot,
} from "../../../src/dynamics/autoscaling/index.ts"

const S = 1000
const history = (recs: Array<[number, number]>): History => ({ ...emptyHistory, recommendations: recs.map(([value, time]) => ({ value, time })) })

describe("without behavior", () => {
  it("scale-up limit max(2·current, 4)", () => {
    expect(normalize({ current: 1, proposed: 9, min: 1, max: 50, now: 0, history: emptyHistory })).toMatchObject({ replicas: 4, reasons: ["ReadyForNewScale", "ScaleUpLimit"] })
    expect(normalize({ current: 3, proposed: 9, min: 1, max: 50, now: 0, history: emptyHistory }).replicas).toBe(6)
    expect(normalize({ current: 3, proposed: 9, min: 1, max: 5, now: 0, history: emptyHistory })).toMatchObject({ replicas: 5, reasons: ["ReadyForNewScale", "TooManyReplicas"] })
    expect(normalize({ current: 3, proposed: 0, min: 2, max: 5, now: 0, history: emptyHistory })).toMatchObject({ replicas: 2, reasons: ["ReadyForNewScale", "TooFewReplicas"] })
  })
  it("stabilisation: max over the last 300 s, the cutoff sample included", () => {
    const now = 1000 * S
    const h = history([[9, now - 300 * S], [12, now - 301 * S], [7, now - 10 * S]])
    const r = normalize({ current: 10, proposed: 3, min: 1, max: 50, now, history: h })
    expect(r).toMatchObject({ replicas: 9, reasons: ["ScaleDownStabilized", "DesiredWithinRange"] })
    // the 301 s old sample is forgotten, the new one appended
    expect(r.history.recommendations.map((x) => x.value)).toEqual([9, 7, 3])
  })
})

describe("with behavior", () => {
  const defaults = withDefaults({})
  it("defaults: up Pods 4 / Percent 100 per 15 s (Max), down window 300 s", () => {
    expect(defaults.scaleUp).toMatchObject({ stabilizationWindowSeconds: 0, selectPolicy: "Max" })
    expect(defaults.scaleDown).toMatchObject({ stabilizationWindowSeconds: 300, policies: [{ type: "Percent", value: 100, periodSeconds: 15 }] })
    // current 3: max(3+4, ⌈3·2⌉) = 7; current 10: max(14, 20) = 20
    expect(normalizeWithBehavior({ current: 3, proposed: 40, min: 1, max: 100, now: 0, history: emptyHistory, behavior: defaults }).replicas).toBe(7)
    expect(normalizeWithBehavior({ current: 10, proposed: 40, min: 1, max: 100, now: 0, history: emptyHistory, behavior: defaults })).toMatchObject({ replicas: 20, reasons: ["ReadyForNewScale", "ScaleUpLimit"] })
  })
  it("scale events inside the period lower the period's start", () => {
    const now = 100 * S
    // 4 added 10 s ago (inside 15 s): start = 10 − 4 = 6 → max(6+4, 12) = 12
    const h: History = { ...emptyHistory, scaleUpEvents: [{ value: 4, time: now - 10 * S }] }
    expect(scaleUpLimitWithRules(10, h, defaults.scaleUp, now)).toBe(12)
    // exactly 15 s ago: outside (strictly after the cutoff counts) → 20
    const h2: History = { ...emptyHistory, scaleUpEvents: [{ value: 4, time: now - 15 * S }] }
    expect(scaleUpLimitWithRules(10, h2, defaults.scaleUp, now)).toBe(20)
  })
  it("Percent down floors, Pods down subtracts, Min/Disabled select", () => {
    const rules = withDefaults({ scaleDown: { policies: [{ type: "Percent", value: 30, periodSeconds: 60 }, { type: "Pods", value: 2, periodSeconds: 60 }] } }).scaleDown
    // ⌊7·0.7⌋ = 4, 7−2 = 5; Max change → 4; Min change → 5
    expect(scaleDownLimitWithRules(7, emptyHistory, rules, 0)).toBe(4)
    expect(scaleDownLimitWithRules(7, emptyHistory, { ...rules, selectPolicy: "Min" }, 0)).toBe(5)
    expect(scaleDownLimitWithRules(7, emptyHistory, { ...rules, selectPolicy: "Disabled" }, 0)).toBe(7)
    // Percent up rounds up: ⌈3·1.1⌉ = 4
    expect(scaleUpLimitWithRules(3, emptyHistory, { stabilizationWindowSeconds: 0, selectPolicy: "Max", policies: [{ type: "Percent", value: 10, periodSeconds: 60 }] }, 0)).toBe(4)
  })
  it("stabilisation windows: up = min inside its window, down = max inside its window", () => {
    const b = withDefaults({ scaleUp: { stabilizationWindowSeconds: 60 } })
    const now = 1000 * S
    const h = history([[6, now - 30 * S], [9, now - 200 * S]])
    // up: min(12, 6) = 6; down: max(12, 6, 9) = 12; current 5 → clamp into [6, 12] → 6
    expect(normalizeWithBehavior({ current: 5, proposed: 12, min: 1, max: 100, now, history: h, behavior: b })).toMatchObject({ replicas: 6, reasons: ["ScaleUpStabilized", "DesiredWithinRange"] })
    // scale-down held by the 300 s window: proposal 2, down = 9 → current 10 clamps to 9
    expect(normalizeWithBehavior({ current: 10, proposed: 2, min: 1, max: 100, now, history: h, behavior: b }).replicas).toBe(9)
  })
  it("records scale events only with behavior", () => {
    expect(recordScaleEvent(emptyHistory, withDefaults({}), 3, 7, 5).scaleUpEvents).toEqual([{ value: 4, time: 5 }])
  })
})

describe("reconcile", () => {
  const pod = (name: string): PodSnapshot => ({
    name,
    phase: "Running",
    deleting: false,
    startTime: 0,
    ready: { status: "True", lastTransitionTime: 1000 },
    containers: [{ name: "app", requests: { cpu: 500 } }],
  })
  const usage = (name: string, cpu: number) => ({ name, timestamp: 3_600_000, window: 15_000, containers: [{ name: "app", usage: { cpu } }] })
  const spec = { minReplicas: 1, maxReplicas: 10, metrics: [{ type: "Resource" as const, name: "cpu", target: { type: "Utilization" as const, averageUtilization: 50 } }] }
  it("proposal then normalisation, special cases outside [min, max]", () => {
    // U = ⌊100·(500+500)/1000⌋ = 100 → ratio 2 → ⌈2·2⌉ = 4; scale-up limit 4
    const r = reconcile(spec, { currentReplicas: 2, pods: [pod("a"), pod("b")], usage: [usage("a", 500), usage("b", 500)], now: 3_600_000 }, emptyHistory)
    expect(r).toMatchObject({ proposedReplicas: 4, desiredReplicas: 4, metrics: [{ type: "Resource", name: "cpu", replicas: 4, utilization: 100, averageValue: 500 }] })
    expect(reconcile(spec, { currentReplicas: 12, pods: [], usage: [], now: 0 }, emptyHistory)).toMatchObject({ desiredReplicas: 10 })
    expect(reconcile(spec, { currentReplicas: 0, pods: [], usage: [], now: 0 }, emptyHistory)).toMatchObject({ desiredReplicas: 0, reasons: ["ScalingDisabled"] })
  })
  it("several metrics: the maximum; an invalid metric blocks a scale-down", () => {
    const two = { ...spec, metrics: [...spec.metrics, { type: "External" as const, name: "queue", target: { type: "Value" as const, value: 1000 } }] }
    const input = { currentReplicas: 2, pods: [pod("a"), pod("b")], usage: [usage("a", 500), usage("b", 500)], now: 3_600_000 }
    expect(reconcile(two, { ...input, externalValues: { queue: 3000 } }, emptyHistory).proposedReplicas).toBe(6)
    // CPU says 1 (scale-down), the external metric is missing → no change
    const low = { ...input, usage: [usage("a", 10), usage("b", 10)] }
    expect(reconcile(two, low, emptyHistory)).toMatchObject({ desiredReplicas: 2, reasons: ["FailedComputeMetricsReplicas", "FailedGetExternalMetric: no value for external metric queue"] })
  })
})
