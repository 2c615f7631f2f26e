/**
 * The kubelet's admission of pods that name their node (v1.35 `predicateAdmitHandler.Admit`):
 * the predicate on its own (each reason and message, the check order, what is not checked), one
 * pod at a time against the running pods plus those admitted before (`admitInOrder`), and through
 * the manifests (`modelFromFiles`): which pods are being admitted, what a rejection leaves behind,
 * and that the scheduler then sees the admitted pods and not the rejected ones.
 */
import { describe, expect, it } from "vitest"
import { admitInOrder, kubeletAdmission, modelFromFiles, node, pod, scheduleBatch, SchedulerInputError } from "../../src/scheduler/index.ts"

const n1 = node("n1", { cpu: 4000, memory: 8 * 2 ** 30, pods: 3, "example.com/gpu": 1 })

describe("kubeletAdmission: each reason, as the pod's status shows it", () => {
  it("admits a pod that fits (undefined)", () => {
    expect(kubeletAdmission(pod("d/p", { cpu: 2000 }, { nodeName: "n1" }), n1, [pod("d/q", { cpu: 2000 })])).toBeUndefined()
  })

  it("OutOfcpu: requested, used (the running pods' requests) and capacity in millicores", () => {
    expect(kubeletAdmission(pod("d/p", { cpu: 2001 }, { nodeName: "n1" }), n1, [pod("d/q", { cpu: 2000 })])).toEqual({
      reason: "OutOfcpu",
      message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 2001, used: 2000, capacity: 4000",
    })
  })

  it("OutOfmemory in bytes", () => {
    expect(kubeletAdmission(pod("d/p", { memory: 9 * 2 ** 30 }), n1, [])).toEqual({
      reason: "OutOfmemory",
      message: `Pod was rejected: Node didn't have enough resource: memory, requested: ${9 * 2 ** 30}, used: 0, capacity: ${8 * 2 ** 30}`,
    })
  })

  it("OutOfpods: checked before anything else, even for a pod requesting nothing (requested 1, used = pods there)", () => {
    const three = [pod("d/a", {}), pod("d/b", {}), pod("d/c", {})]
    expect(kubeletAdmission(pod("d/p", { cpu: 9000 }), n1, three)).toEqual({
      reason: "OutOfpods",
      message: "Pod was rejected: Node didn't have enough resource: pods, requested: 1, used: 3, capacity: 3",
    })
    expect(kubeletAdmission(pod("d/p", {}), n1, three)?.reason).toBe("OutOfpods")
    expect(kubeletAdmission(pod("d/p", {}), n1, three.slice(1))).toBeUndefined()
  })

  it("OutOf<extended resource> when the node lists it; a resource the node does not list at all is not checked (removeMissingExtendedResources)", () => {
    expect(kubeletAdmission(pod("d/p", { "example.com/gpu": 1 }), n1, [pod("d/q", { "example.com/gpu": 1 })])).toEqual({
      reason: "OutOfexample.com/gpu",
      message: "Pod was rejected: Node didn't have enough resource: example.com/gpu, requested: 1, used: 1, capacity: 1",
    })
    expect(kubeletAdmission(pod("d/p", { "example.com/fpga": 4 }), n1, [])).toBeUndefined()
    // listed with 0: checked
    expect(kubeletAdmission(pod("d/p", { "example.com/fpga": 1 }), node("z", { pods: 10, "example.com/fpga": 0 }), [])?.reason).toBe("OutOfexample.com/fpga")
  })

  it("hugepages are not extended resources: absent from the node still rejects", () => {
    expect(kubeletAdmission(pod("d/p", { "hugepages-2Mi": 2 ** 21 }), n1, [])?.reason).toBe("OutOfhugepages-2Mi")
  })

  it("only the first failure is reported: cpu before memory", () => {
    expect(kubeletAdmission(pod("d/p", { cpu: 5000, memory: 9 * 2 ** 30 }), n1, [])?.reason).toBe("OutOfcpu")
  })

  it("NodeAffinity: nodeSelector and required node affinity, with the scheduler plugin's reason", () => {
    const selected = pod("d/p", {}, { nodeSelector: { disk: "ssd" } })
    expect(kubeletAdmission(selected, n1, [])).toEqual({
      reason: "NodeAffinity",
      message: "Pod was rejected: Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector",
    })
    expect(kubeletAdmission(selected, node("n1", { pods: 3 }, { labels: { disk: "ssd" } }), [])).toBeUndefined()
    const required = pod("d/p", {}, { requiredTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }], matchFields: [] }] })
    expect(kubeletAdmission(required, n1, [])?.reason).toBe("NodeAffinity")
  })

  it("resources come before node affinity", () => {
    expect(kubeletAdmission(pod("d/p", { cpu: 5000 }, { nodeSelector: { disk: "ssd" } }), n1, [])?.reason).toBe("OutOfcpu")
  })

  it("NodePorts: a host port a running pod holds", () => {
    const port = { protocol: "TCP" as const, hostIP: "", hostPort: 8080 }
    const p = pod("d/p", {}, { hostPorts: [port] })
    expect(kubeletAdmission(p, n1, [pod("d/q", {}, { hostPorts: [port] })])).toEqual({
      reason: "NodePorts",
      message: "Pod was rejected: Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports",
    })
    expect(kubeletAdmission(p, n1, [pod("d/q", {}, { hostPorts: [{ ...port, protocol: "UDP" }] })])).toBeUndefined()
  })

  it("TaintToleration: only NoExecute taints; static pods are not checked", () => {
    const tainted = node("t", { pods: 10 }, { taints: [{ key: "dedicated", value: "db", effect: "NoExecute" }] })
    expect(kubeletAdmission(pod("d/p", {}), tainted, [])).toEqual({
      reason: "TaintToleration",
      message: "Pod was rejected: Predicate TaintToleration failed: node(s) had untolerated taint(s)",
    })
    expect(kubeletAdmission(pod("d/p", {}, { tolerations: [{ key: "dedicated", operator: "Exists", value: "", effect: "NoExecute" }] }), tainted, [])).toBeUndefined()
    expect(kubeletAdmission(pod("d/p", {}), tainted, [], { static: true })).toBeUndefined()
    const noSchedule = node("t", { pods: 10 }, { taints: [{ key: "dedicated", value: "db", effect: "NoSchedule" }] })
    expect(kubeletAdmission(pod("d/p", {}), noSchedule, [])).toBeUndefined()
  })

  it("the OS checks come first: the pod's kubernetes.io/os label, then spec.os.name, against the node's OS label (linux when unset)", () => {
    expect(kubeletAdmission(pod("d/p", { cpu: 9000 }), n1, [], { osLabel: "windows" })).toEqual({
      reason: "PodOSSelectorNodeLabelDoesNotMatch",
      message: "Pod was rejected: Failed to admit pod as the `kubernetes.io/os` label doesn't match node label",
    })
    expect(kubeletAdmission(pod("d/p", {}), n1, [], { os: "windows" })).toEqual({
      reason: "PodOSNotSupported",
      message: "Pod was rejected: Failed to admit pod as the OS field doesn't match node OS",
    })
    // a Strict supplemental-groups policy needs a node reporting the feature (status.features), checked before resources
    expect(kubeletAdmission(pod("d/p", { cpu: 9000 }), n1, [], { strictSupplementalGroups: true })).toEqual({
      reason: "SupplementalGroupsPolicyNotSupported",
      message: "Pod was rejected: SupplementalGroupsPolicy=Strict is not supported in this node",
    })
    expect(kubeletAdmission(pod("d/p", {}), node("s", { pods: 10 }, { supplementalGroupsPolicy: true }), [], { strictSupplementalGroups: true })).toBeUndefined()
    const windows = node("w", { pods: 10 }, { labels: { "kubernetes.io/os": "windows" } })
    expect(kubeletAdmission(pod("d/p", {}), windows, [], { os: "windows", osLabel: "windows" })).toBeUndefined()
    expect(kubeletAdmission(pod("d/p", {}), n1, [], { os: "linux", osLabel: "linux" })).toBeUndefined()
  })
})

describe("admitInOrder: one pod at a time", () => {
  const big = (key: string) => ({ pod: pod(key, { cpu: 2000 }, { nodeName: "n1" }), node: "n1" })

  it("each pod is judged against the running pods plus those admitted before it; a rejected one uses nothing", () => {
    const r = admitInOrder([n1], [{ pod: pod("d/running", { cpu: 1000 }), node: "n1" }], [big("d/a"), big("d/b"), { pod: pod("d/c", { cpu: 1000 }), node: "n1" }])
    expect(r.admitted.map((b) => b.pod.key)).toEqual(["d/a", "d/c"])
    expect(r.rejected.map((x) => [x.pod.key, x.node, x.reason])).toEqual([["d/b", "n1", "OutOfcpu"]])
    expect(r.rejected[0]?.message).toBe("Pod was rejected: Node didn't have enough resource: cpu, requested: 2000, used: 3000, capacity: 4000")
  })

  it("a binding to a node that is not given is left alone (the snapshot refuses it)", () => {
    const r = admitInOrder([n1], [], [{ pod: pod("d/x", { cpu: 99_000 }), node: "elsewhere" }])
    expect(r.admitted.map((b) => b.node)).toEqual(["elsewhere"])
    expect(r.rejected).toEqual([])
  })
})

const NODES = `apiVersion: v1
kind: NodeList
items:
- apiVersion: v1
  kind: Node
  metadata: {name: n1, labels: {kubernetes.io/hostname: n1}}
  status: {allocatable: {cpu: "4", memory: 8Gi, pods: "10"}}
- apiVersion: v1
  kind: Node
  metadata: {name: n2, labels: {kubernetes.io/hostname: n2}}
  status: {allocatable: {cpu: "4", memory: 8Gi, pods: "10"}}
`

const podDoc = (name: string, cpu: string, extra = "", status = "") => `apiVersion: v1
kind: Pod
metadata: {name: ${name}${extra}}
spec:
  nodeName: n1
  containers: [{name: c, image: x, resources: {requests: {cpu: "${cpu}"}}}]
${status}`

const model = (pods: ReadonlyArray<string>) => modelFromFiles([{ file: "nodes.yaml", text: NODES }, { file: "pods.yaml", text: pods.join("---\n") }])
const keys = (m: ReturnType<typeof model>) => ({ bound: m.workload.bound.map((b) => b.pod.key), rejected: m.workload.rejected.map((r) => `${r.pod.key} ${r.reason}`) })

describe("through the manifests: which pods the kubelet judges", () => {
  it("pods without a status are admitted in input order, each against those before it", () => {
    const m = model([podDoc("a", "3"), podDoc("b", "2"), podDoc("c", "1")])
    expect(keys(m)).toEqual({ bound: ["default/a", "default/c"], rejected: ["default/b OutOfcpu"] })
    // the snapshot the scheduler gets holds what was admitted only
    expect(m.cluster.bound.map((b) => b.pod.key)).toEqual(["default/a", "default/c"])
  })

  it("a running pod is never re-admitted: it stays bound and counts against the pods arriving", () => {
    const running = "status: {phase: Running, startTime: \"2026-12-01T00:00:00Z\"}\n"
    const m = model([podDoc("arriving", "2"), podDoc("old", "3", "", running)])
    expect(keys(m)).toEqual({ bound: ["default/old"], rejected: ["default/arriving OutOfcpu"] })
    // two running pods past allocatable both stay (the overcommit warning speaks for them)
    const over = model([podDoc("x1", "3", "", running), podDoc("x2", "3", "", running)])
    expect(keys(over)).toEqual({ bound: ["default/x1", "default/x2"], rejected: [] })
  })

  it("Pending without status.startTime is still arriving; Pending with it was admitted (pulling images)", () => {
    const waiting = "status: {phase: Pending, qosClass: Burstable}\n"
    const started = "status: {phase: Pending, startTime: \"2026-12-01T00:00:00Z\"}\n"
    expect(keys(model([podDoc("a", "3"), podDoc("w", "2", "", waiting)])).rejected).toEqual(["default/w OutOfcpu"])
    expect(keys(model([podDoc("a", "3"), podDoc("s", "2", "", started)])).rejected).toEqual(["default/a OutOfcpu"])
  })

  it("when every arriving pod has a creationTimestamp, the kubelet takes them oldest first", () => {
    const at = (t: string) => `, creationTimestamp: "${t}"`
    const m = model([podDoc("late", "3", at("2026-12-01T00:00:02Z")), podDoc("early", "2", at("2026-12-01T00:00:01Z"))])
    expect(keys(m)).toEqual({ bound: ["default/early"], rejected: ["default/late OutOfcpu"] })
  })

  it("a pod being deleted is not judged (the kubelet skips admission for it) and holds its room until it is gone", () => {
    const m = model([podDoc("a", "3"), podDoc("gone", "2", `, deletionTimestamp: "2026-12-01T00:00:00Z"`)])
    expect(keys(m)).toEqual({ bound: ["default/gone"], rejected: ["default/a OutOfcpu"] })
  })

  it("a controller's pods whose template names a node are created now and judged one by one", () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: pinned}
spec:
  replicas: 3
  selector: {matchLabels: {app: pinned}}
  template:
    metadata: {labels: {app: pinned}}
    spec:
      nodeName: n2
      containers: [{name: c, image: x, resources: {requests: {cpu: "1500m"}}}]
`
    const m = modelFromFiles([{ file: "nodes.yaml", text: NODES }, { file: "d.yaml", text: deployment }])
    expect(m.workload.bound.length).toBe(2)
    expect(m.workload.rejected.map((r) => [r.node, r.reason])).toEqual([["n2", "OutOfcpu"]])
  })

  it("the kubelet's OS checks read the pod's label and spec.os, the node's status.features; static pods skip the taint check", () => {
    const labelled = model([podDoc("w", "1", ", labels: {kubernetes.io/os: windows}")])
    expect(keys(labelled).rejected).toEqual(["default/w PodOSSelectorNodeLabelDoesNotMatch"])
    const field = model([`apiVersion: v1
kind: Pod
metadata: {name: f}
spec:
  nodeName: n1
  os: {name: windows}
  containers: [{name: c, image: x}]
`])
    expect(keys(field).rejected).toEqual(["default/f PodOSNotSupported"])
    const strict = (name: string, nodeName: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  nodeName: ${nodeName}
  securityContext: {supplementalGroupsPolicy: Strict}
  containers: [{name: c, image: x}]
`
    const reporting = NODES.replace(`metadata: {name: n2, labels: {kubernetes.io/hostname: n2}}\n  status: {`, `metadata: {name: n2, labels: {kubernetes.io/hostname: n2}}\n  status: {features: {supplementalGroupsPolicy: true}, `)
    expect(reporting).not.toBe(NODES)
    const groups = modelFromFiles([{ file: "nodes.yaml", text: reporting }, { file: "pods.yaml", text: [strict("s1", "n1"), strict("s2", "n2")].join("---\n") }])
    expect(groups.workload.rejected.map((r) => `${r.pod.key} ${r.reason}`)).toEqual(["default/s1 SupplementalGroupsPolicyNotSupported"])
    const tainted = NODES.replace("metadata: {name: n1, labels: {kubernetes.io/hostname: n1}}", "metadata: {name: n1, labels: {kubernetes.io/hostname: n1}}\n  spec: {taints: [{key: k, effect: NoExecute}]}")
    const annotated = (source: string) => podDoc(`from-${source}`, "1", `, annotations: {kubernetes.io/config.source: ${source}}`)
    const m = modelFromFiles([{ file: "nodes.yaml", text: tainted }, { file: "pods.yaml", text: [annotated("file"), annotated("api")].join("---\n") }])
    expect(m.workload.rejected.map((r) => `${r.pod.key} ${r.reason}`)).toEqual(["default/from-api TaintToleration"])
  })

  it("a rejected pod is not counted by the PodDisruptionBudget", () => {
    const pdb = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: b}
spec:
  minAvailable: 1
  selector: {matchLabels: {app: w}}
`
    const m = model([podDoc("a", "3", ", labels: {app: w}"), podDoc("b", "2", ", labels: {app: w}"), pdb])
    expect(keys(m).rejected).toEqual(["default/b OutOfcpu"])
    // one healthy pod (a) for minAvailable 1: no disruption left (counting b would allow one)
    expect(m.cluster.disruptionBudgets?.[0]?.disruptionsAllowed).toBe(0)
  })

  it("a pod naming a node that is not in the input stays bad input (exit 2 material), not a rejection", () => {
    expect(() => modelFromFiles([{ file: "nodes.yaml", text: NODES }, { file: "pods.yaml", text: podDoc("x", "1").replace("nodeName: n1", "nodeName: n9") }])).toThrow(
      new SchedulerInputError("pods.yaml: document 0", "pod default/x is bound to node n9, which is not among the nodes"),
    )
  })
})

describe("the scheduler after admission", () => {
  it("an admitted pod makes a later pending pod unschedulable; a rejected one leaves room", () => {
    const pending = `apiVersion: v1
kind: Pod
metadata: {name: later}
spec:
  nodeSelector: {kubernetes.io/hostname: n1}
  containers: [{name: c, image: x, resources: {requests: {cpu: "2"}}}]
`
    const m = model([podDoc("admitted", "3"), podDoc("rejected", "2"), pending])
    expect(keys(m).rejected).toEqual(["default/rejected OutOfcpu"])
    const [p] = scheduleBatch(m.cluster, m.workload.pending)
    expect(p?.node).toBeNull()
    expect(p?.message).toMatch(/^0\/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) didn't match Pod's node affinity\/selector\./)
    // without the admitted pod's 3 cpus, the pending pod fits on n1
    const alone = model([podDoc("rejected", "5"), pending])
    expect(keys(alone).rejected).toEqual(["default/rejected OutOfcpu"])
    expect(scheduleBatch(alone.cluster, alone.workload.pending)[0]?.node).toBe("n1")
  })
})
