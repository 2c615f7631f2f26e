/**
 * Snapshot decoding details: sidecar requests, pod-level requests, Go durations, behavior
 * defaults, and the API defaults of an HPA without metrics.
 */
import { describe, expect, it } from "vitest"
import { historyFromValue, hpaFromText, podsFromText, SnapshotInputError, usageFromText } from "../../../src/dynamics/autoscaling/index.ts"

describe("snapshot decoding", () => {
  it("sums sidecar (restartPolicy Always) init containers, skips plain init containers, keeps pod-level requests", () => {
    const text = `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  resources: {requests: {cpu: "2"}}
  initContainers:
    - {name: init, resources: {requests: {cpu: 5}}}
    - {name: proxy, restartPolicy: Always, resources: {requests: {cpu: 100m}}}
  containers:
    - {name: app, resources: {requests: {cpu: 0.5}}}
status: {phase: Running, startTime: "2026-01-01T00:00:00Z"}
`
    const [pod] = podsFromText(text, "p.yaml")
    expect(pod?.containers.map((c) => [c.name, c.requests["cpu"]])).toEqual([["app", 500], ["proxy", 100]])
    expect(pod?.podRequests).toEqual({ cpu: 2000 })
    expect(pod?.startTime).toBe(Date.parse("2026-01-01T00:00:00Z"))
    expect(pod?.ready).toBeUndefined()
  })
  it("reads Go durations and rejects bad ones with the path", () => {
    const doc = (window: string) => `apiVersion: metrics.k8s.io/v1beta1
kind: PodMetrics
metadata: {name: p}
timestamp: "2026-01-01T00:00:00Z"
window: ${window}
containers: [{name: app, usage: {cpu: 1500u}}]
`
    expect(usageFromText(doc("1m0.5s"), "m.yaml")[0]).toMatchObject({ window: 60_500, containers: [{ usage: { cpu: 2 } }] })
    expect(() => usageFromText(doc("15 seconds"), "m.yaml")).toThrow(/m\.yaml: document 0, window: expected a duration/)
  })
  it("an HPA without metrics gets CPU 80 %, min 1; behavior gets its defaults", () => {
    const h = hpaFromText(
      `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: h}
spec:
  scaleTargetRef: {kind: Deployment, name: d}
  maxReplicas: 5
  behavior: {scaleDown: {selectPolicy: Min, tolerance: 0.05}}
`,
      "h.yaml",
    )
    expect(h.spec.minReplicas).toBe(1)
    expect(h.spec.metrics).toEqual([{ type: "Resource", name: "cpu", target: { type: "Utilization", averageUtilization: 80 } }])
    expect(h.spec.behavior?.scaleDown).toMatchObject({ stabilizationWindowSeconds: 300, selectPolicy: "Min", tolerance: 0.05 })
    expect(h.spec.behavior?.scaleUp.policies).toHaveLength(2)
    expect(h.currentReplicas).toBeUndefined()
  })
  it("a Utilization target without averageUtilization names the path", () => {
    const text = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
spec:
  scaleTargetRef: {kind: Deployment, name: d}
  maxReplicas: 5
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization}}}]
`
    expect(() => hpaFromText(text, "h.yaml")).toThrow(SnapshotInputError)
    expect(() => hpaFromText(text, "h.yaml")).toThrow("h.yaml: document 0, spec.metrics[0].resource.target.averageUtilization: required for a Utilization target")
  })
  it("a malformed PodMetrics is one line, path and problem as the manifest decoder words them (no io-ts type dump)", () => {
    const list = `apiVersion: metrics.k8s.io/v1beta1
kind: PodMetricsList
items:
- {metadata: {name: a}, timestamp: "2026-01-01T00:00:00Z", window: 15s, containers: []}
- {metadata: {name: b}, timestamp: "2026-01-01T00:00:00Z", window: 15s, containers: "nope"}
`
    // io-ts' own name for the list is Array<{ name: string, usage: { [K in string]: quantity } }>
    expect(() => usageFromText(list, "m.yaml")).toThrow(new SnapshotInputError("m.yaml", 'document 0, items[1].containers', 'expected a list, got "nope"'))
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {containers: [{name: a}]}
status: {phase: Running, conditions: [{type: Ready, status: "True"}, {status: "True"}]}
`
    expect(() => podsFromText(pod, "p.yaml")).toThrow(new SnapshotInputError("p.yaml", "document 0, status.conditions[1].type", "required field missing (expected string)"))
  })
  it("history: times must be RFC 3339", () => {
    expect(historyFromValue({ recommendations: [{ value: 3, time: "2026-01-01T00:00:00Z" }] }, "h.json").recommendations).toEqual([{ value: 3, time: Date.parse("2026-01-01T00:00:00Z") }])
    expect(() => historyFromValue({ recommendations: [{ value: 3, time: "yesterday" }] }, "h.json")).toThrow("h.json: recommendations[0].time: expected an RFC 3339 time")
  })
})
