/**
 * Preemption reads the running pods' `status.startTime`, as kube-scheduler v1.35 does
 * (`MoreImportantPod`, `GetEarliestPodStartTime`): at equal priority the earlier-started pod is
 * the more important one (reprieved first), and among candidate nodes that tie on everything else
 * the one whose highest-priority victims started latest is chosen. A pod without a start time
 * counts as started now. The input order of the dump is made to disagree with the start times, so
 * a model that read the order instead would choose otherwise. Both engines, from manifests.
 */
import { describe, expect, it } from "vitest"
import { modelFromFiles, scheduleBatch } from "../../src/scheduler/index.ts"

const nodeDoc = (name: string, cpu: string) => `- apiVersion: v1
  kind: Node
  metadata: {name: ${name}, labels: {kubernetes.io/hostname: ${name}}}
  status: {allocatable: {cpu: "${cpu}", memory: 16Gi, pods: "110"}}
`
const running = (name: string, node: string, cpu: string, start?: string) => `- apiVersion: v1
  kind: Pod
  metadata: {name: ${name}, namespace: d, uid: ${name}-uid}
  spec:
    nodeName: ${node}
    priority: 1
    containers: [{name: c, image: busybox, resources: {requests: {cpu: "${cpu}"}}}]
  status: {phase: Running${start === undefined ? "" : `, startTime: "${start}"`}, conditions: [{type: Ready, status: "True"}]}
`
const preemptor = (cpu: string) => `- apiVersion: v1
  kind: Pod
  metadata: {name: urgent, namespace: d}
  spec:
    priority: 100
    containers: [{name: c, image: busybox, resources: {requests: {cpu: "${cpu}"}}}]
`
const schedule = (items: ReadonlyArray<string>) => {
  const model = modelFromFiles([{ file: "dump.yaml", text: `apiVersion: v1\nkind: List\nitems:\n${items.join("")}` }])
  const [hot, readable] = (["hot", "readable"] as const).map((engine) => scheduleBatch(model.cluster, model.workload.pending, { engine }))
  expect(hot).toEqual(readable)
  return hot?.[0]
}

describe("preemption and status.startTime", () => {
  it("the node whose victim started latest is chosen (listed first, started in June, against one listed second that started in January)", () => {
    const placed = schedule([nodeDoc("a", "2"), nodeDoc("b", "2"), running("june", "a", "2", "2026-06-01T00:00:00Z"), running("january", "b", "2", "2026-01-01T00:00:00Z"), preemptor("2")])
    expect(placed?.node).toBe("a")
    expect(placed?.victims).toEqual(["d/june"])
  })

  it("a victim without a start time started now: its node wins over one whose victim has a start time", () => {
    const placed = schedule([nodeDoc("a", "2"), nodeDoc("b", "2"), running("old", "a", "2", "2026-06-01T00:00:00Z"), running("fresh", "b", "2"), preemptor("2")])
    expect(placed?.node).toBe("b")
    expect(placed?.victims).toEqual(["d/fresh"])
  })

  it("the earlier-started of two equal-priority pods is reprieved first, so the later one is the victim", () => {
    const placed = schedule([nodeDoc("a", "4"), running("june", "a", "2", "2026-06-01T00:00:00Z"), running("january", "a", "2", "2026-01-01T00:00:00Z"), preemptor("2")])
    expect(placed?.node).toBe("a")
    expect(placed?.victims).toEqual(["d/june"])
  })

  it("a start time that is not RFC 3339 is bad input naming the field", () => {
    expect(() => modelFromFiles([{ file: "dump.yaml", text: `apiVersion: v1\nkind: List\nitems:\n${nodeDoc("a", "2")}${running("bad", "a", "1", "yesterday")}` }])).toThrow(
      "dump.yaml: document 0, items[1], status.startTime",
    )
  })
})
