/**
 * Reading a model that mixes nodes and workloads: NUMA cells from NodeResourceTopology objects,
 * priorities resolved from PriorityClass objects as admission does, controllers expanded into
 * one pod per replica.
 */
import { describe, expect, it } from "vitest"
import { defaultModelText } from "../../src/app/model.ts"
import { modelFromFiles, SchedulerInputError, scheduleBatch, workloadFromText } from "../../src/scheduler/index.ts"

const nrt = (node: string, zones: string) => `apiVersion: topology.node.k8s.io/v1alpha2
kind: NodeResourceTopology
metadata: { name: ${node} }
zones:
${zones}`
const node = (name: string) => `apiVersion: v1
kind: Node
metadata: { name: ${name}, labels: { kubevirt.io/schedulable: "true" } }
status: { allocatable: { cpu: "8", memory: 32Gi, pods: "110", devices.kubevirt.io/kvm: 1k, devices.kubevirt.io/tun: 1k, devices.kubevirt.io/vhost-net: 1k } }`

describe("model files", () => {
  it("reads NUMA cells from NodeResourceTopology zones of type Node (whole CPUs, memory, hugepages summed)", () => {
    const text = [
      node("n1"),
      nrt("n1", `  - { name: node-0, type: Node, resources: [{ name: cpu, allocatable: "3" }, { name: memory, allocatable: 12Gi }, { name: hugepages-2Mi, allocatable: 1Gi }, { name: hugepages-1Gi, allocatable: 2Gi }] }
  - { name: socket-0, type: Socket, resources: [{ name: cpu, allocatable: "8" }] }
  - { name: node-1, type: Node, resources: [{ name: cpu, capacity: "5" }, { name: memory, capacity: 16Gi }] }`),
    ].join("\n---\n")
    const { nodes } = modelFromFiles([{ file: "m.yaml", text }])
    expect(nodes[0]!.numaCells).toEqual([
      { cpus: 3, memoryBytes: 12 * 2 ** 30, hugepagesBytes: 3 * 2 ** 30 },
      { cpus: 5, memoryBytes: 16 * 2 ** 30, hugepagesBytes: 0 },
    ])
  })

  it("rejects fractional NUMA CPUs and a topology for a node that does not exist, naming where", () => {
    const frac = [node("n1"), nrt("n1", `  - { name: node-0, type: Node, resources: [{ name: cpu, allocatable: 1500m }] }`)].join("\n---\n")
    expect(() => modelFromFiles([{ file: "m.yaml", text: frac }])).toThrow(/m\.yaml: document 1, zones\[0\]\.resources\[0\]\.allocatable: NUMA cells hold whole CPUs/)
    const orphan = [node("n1"), nrt("n2", `  - { name: node-0, type: Node, resources: [{ name: cpu, allocatable: "1" }] }`)].join("\n---\n")
    expect(() => modelFromFiles([{ file: "m.yaml", text: orphan }])).toThrow(SchedulerInputError)
  })

  it("resolves priorities: spec.priority, then the class, then the global default; an unknown class is rejected", () => {
    const classes = `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: { name: gold }
value: 500
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: { name: fallback }
value: 7
globalDefault: true`
    const pod = (name: string, extra: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec: { ${extra}containers: [{ name: c }] }`
    const w = workloadFromText(
      [classes, pod("a", "priorityClassName: gold, "), pod("b", ""), pod("c", "priority: 500, priorityClassName: gold, "), pod("d", "priorityClassName: system-node-critical, "), pod("e", "priority: 42, priorityClassName: unlisted, ")].join("\n---\n"),
      "p.yaml",
    )
    // e: a live dump's pod carries the priority admission computed, even when its class is not in the dump
    expect(w.pending.map((p) => [p.key, p.priority])).toEqual([["default/a", 500], ["default/b", 7], ["default/c", 500], ["default/d", 2_000_001_000], ["default/e", 42]])
    expect(() => workloadFromText(pod("x", "priorityClassName: platinum, "), "p.yaml")).toThrow(/p\.yaml: document 0, spec\.priorityClassName: no PriorityClass with name platinum was found/)
    // what the Priority admission plugin refuses, and what an int32 cannot hold
    expect(() => workloadFromText([classes, pod("c", "priority: 3, priorityClassName: gold, ")].join("\n---\n"), "p.yaml")).toThrow(
      "p.yaml: document 2, spec.priority: the integer value of priority (3) must not be provided in pod spec; priority admission controller computed 500 from the given PriorityClass name",
    )
    expect(() => workloadFromText(pod("big", "priority: 1e300, "), "p.yaml")).toThrow(/spec\.priority|1e\+300/)
    expect(() => workloadFromText(pod("huge", "priority: 4294967296, "), "p.yaml")).toThrow("spec.priority: Invalid value: 4294967296: must be a 32-bit integer")
  })

  it("expands controllers into one pod per replica and schedules the embedded default model", () => {
    const { nodes, workload } = modelFromFiles([{ file: "default-cluster.yaml", text: defaultModelText() }])
    expect(nodes.map((n) => [n.name, n.numaCells?.length ?? 0])).toEqual([["hv-a", 2], ["hv-b", 2], ["ct-a", 0], ["gpu-a", 0]])
    // Deployment web → ReplicaSet web-<pod-template-hash> → its three pods
    const web = workload.pending.filter((p) => p.controller?.kind === "ReplicaSet")
    const rs = web[0]!.controller!.name
    expect(rs).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/)
    expect(web.map((p) => p.key)).toEqual([`prod/${rs}-0`, `prod/${rs}-1`, `prod/${rs}-2`])
    const placements = scheduleBatch({ nodes, bound: workload.bound }, workload.pending, { seed: 1 })
    const where = Object.fromEntries(placements.map((p) => [p.pod, p.node]))
    // The dedicated-CPU NUMA VMI needs a cell with 4+1 CPUs: only the KVM hosts have cells.
    expect(["hv-a", "hv-b"]).toContain(where["prod/latency-critical"])
    // The GPU VMI tolerates the GPU taint and needs nvidia.com/gpu: only gpu-a has it.
    expect(where["dev/ml-train"]).toBe("gpu-a")
    expect(placements.every((p) => p.node !== null)).toBe(true)
  })
})
