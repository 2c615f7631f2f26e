/**
 * RuntimeClass admission (plugin/pkg/admission/runtimeclass): the overhead and scheduling
 * constraints a RuntimeClass writes into the pods that name it, the API server's refusals, and
 * pods that were admitted already (a live dump) read as they are.
 */
import { describe, expect, it } from "vitest"
import { inputWarnings } from "../../src/cli/input.ts"
import { decodeFile } from "../../src/scheduler/adapters/source.ts"
import { clusterSnapshotOf, nodesFromText, scheduleBatch, workloadFromText } from "../../src/scheduler/index.ts"
import { refusedWorkload } from "./refusedWorkload.ts"

const kata = `apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata: {name: kata}
handler: kata
overhead: {podFixed: {cpu: 250m, memory: 120Mi}}
scheduling:
  nodeSelector: {runtime: kata}
  tolerations: [{key: sandbox, operator: Exists, effect: NoSchedule}]
`
const pod = (name: string, spec: string) => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: d}
spec:
${spec}
`

const refused = (text: string): string => refusedWorkload(text)

describe("RuntimeClass admission on pods about to be created", () => {
  it("writes the class's overhead, node selector and tolerations into a pod and a Deployment's pods", () => {
    const w = workloadFromText(
      kata +
        pod("p", "  runtimeClassName: kata\n  nodeSelector: {disk: ssd}\n  containers: [{name: c, resources: {requests: {cpu: 100m}}}]") +
        `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: d}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {runtimeClassName: kata, containers: [{name: c}]}`,
      "pods.yaml",
    )
    expect(w.pending).toHaveLength(3)
    for (const p of w.pending) {
      expect(p.overhead).toEqual({ cpu: 250, memory: 120 * 2 ** 20 })
      expect(p.tolerations).toEqual([{ key: "sandbox", operator: "Exists", value: "", effect: "NoSchedule" }])
      expect(p.nodeSelector["runtime"]).toBe("kata")
    }
    expect(w.pending[0]!.nodeSelector).toEqual({ disk: "ssd", runtime: "kata" })
  })

  it("so the scheduler counts the overhead and honours the class's node selector", () => {
    const nodes = nodesFromText(
      `apiVersion: v1
kind: Node
metadata: {name: plain, labels: {kubernetes.io/hostname: plain}}
status: {allocatable: {cpu: "1", memory: 1Gi, pods: "10"}}
---
apiVersion: v1
kind: Node
metadata: {name: sandboxed, labels: {kubernetes.io/hostname: sandboxed, runtime: kata}}
spec: {taints: [{key: sandbox, effect: NoSchedule}]}
status: {allocatable: {cpu: "1", memory: 1Gi, pods: "10"}}`,
      "nodes.yaml",
    )
    // 800m + 250m overhead do not fit 1 cpu (more than the node has: preemption cannot help); 700m + 250m do
    const w = workloadFromText(
      kata + pod("big", "  runtimeClassName: kata\n  containers: [{name: c, resources: {requests: {cpu: 800m}}}]") + pod("small", "  runtimeClassName: kata\n  containers: [{name: c, resources: {requests: {cpu: 700m}}}]"),
      "pods.yaml",
    )
    for (const engine of ["hot", "readable"] as const) {
      const out = scheduleBatch(clusterSnapshotOf(nodes, w), w.pending, { engine })
      expect(out.map((p) => [p.pod, p.node])).toEqual([
        ["d/big", null],
        ["d/small", "sandboxed"],
      ])
      expect(out[0]!.message).toBe("0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.")
    }
  })

  it("refuses what the API server refuses, naming the field", () => {
    expect(refused(pod("p", "  runtimeClassName: gvisor\n  containers: [{name: c}]"))).toBe(
      'pods.yaml: document 0, spec.runtimeClassName: pod rejected: RuntimeClass "gvisor" not found (its overhead and scheduling constraints decide where the pod fits: add the RuntimeClass to the input)',
    )
    expect(refused(kata + pod("p", "  runtimeClassName: kata\n  overhead: {cpu: 100m}\n  containers: [{name: c}]"))).toBe(
      "pods.yaml: document 1, spec.overhead: pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead",
    )
    const bare = "apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: runc}\nhandler: runc\n"
    expect(refused(bare + pod("p", "  runtimeClassName: runc\n  overhead: {cpu: 100m}\n  containers: [{name: c}]"))).toBe(
      "pods.yaml: document 1, spec.overhead: pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead",
    )
    expect(refused(kata + pod("p", "  runtimeClassName: kata\n  nodeSelector: {runtime: runc}\n  containers: [{name: c}]"))).toBe(
      "pods.yaml: document 1, spec.nodeSelector.runtime: conflict: runtimeClass.scheduling.nodeSelector[runtime] = kata; pod.spec.nodeSelector[runtime] = runc",
    )
    expect(refused(`${kata}---\n${kata}`)).toBe("pods.yaml: document 1, metadata.name: RuntimeClass kata is defined twice (first at pods.yaml: document 0)")
  })

  it("an equal overhead (1000m is 1) is accepted and kept", () => {
    const w = workloadFromText(kata + pod("p", "  runtimeClassName: kata\n  overhead: {cpu: '0.25', memory: 125829120}\n  containers: [{name: c}]"), "pods.yaml")
    expect(w.pending[0]!.overhead).toEqual({ cpu: 250, memory: 120 * 2 ** 20 })
  })
})

describe("pods admitted already", () => {
  it("a bound pod with its status, or one with a status or a uid, is read as it is, class or not", () => {
    const variants = [
      { meta: "", spec: "  nodeName: n1\n", status: "status: {phase: Running}\n" },
      { meta: ", uid: 7c4e-1234", spec: "", status: "" },
      { meta: "", spec: "", status: "status: {phase: Pending}\n" },
    ]
    for (const v of variants) {
      const w = workloadFromText(`apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: d${v.meta}}\nspec:\n${v.spec}  runtimeClassName: gvisor\n  containers: [{name: c}]\n${v.status}`, "dump.yaml")
      const p = w.pending[0] ?? w.bound[0]!.pod
      expect(p.overhead).toEqual({})
      expect(p.nodeSelector).toEqual({})
    }
  })

  it("a pod that sets its overhead is taken as admission's result when its class is absent, or when it names none", () => {
    const w = workloadFromText(pod("a", "  runtimeClassName: gvisor\n  overhead: {cpu: 100m}\n  containers: [{name: c}]") + pod("b", "  overhead: {cpu: 50m}\n  containers: [{name: c}]"), "pods.yaml")
    expect(w.pending.map((p) => p.overhead)).toEqual([{ cpu: 100 }, { cpu: 50 }])
  })
})

describe("RuntimeClass and LimitRange are modelled kinds", () => {
  it("neither is listed among the kinds left out; a kind catcluster does not read still is", () => {
    const text = kata + "---\napiVersion: v1\nkind: LimitRange\nmetadata: {name: l, namespace: d}\nspec: {limits: []}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: d}\n"
    expect(inputWarnings(decodeFile(text, "x.yaml").manifests)).toEqual(["1 object of kinds catcluster does not model, read and left out: ConfigMap ×1"])
  })
})
