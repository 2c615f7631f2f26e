/**
 * DaemonSets expanded as the DaemonSet controller (v1.35) creates their pods: one per node that
 * should run it (nodeName, nodeSelector, required node affinity, NoSchedule / NoExecute taints
 * counting the daemon tolerations), each pinned by `metadata.name In [node]` and scheduled by
 * kube-scheduler like any pod; nodes that already have one get none; through the CLI (exit
 * codes, messages) and drain (a daemon pod stays).
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { modelFromFiles, SchedulerInputError, type SchedulingPod, workloadFromText } from "../../src/scheduler/index.ts"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const dir = mkdtempSync(join(tmpdir(), "catcluster-daemonset-"))

// cp: control-plane taint; w1: cordoned (spec.unschedulable); w2: 500m cpu; w3: zone b, NoExecute taint
const NODES = `apiVersion: v1
kind: NodeList
items:
- apiVersion: v1
  kind: Node
  metadata: {name: cp, labels: {kubernetes.io/hostname: cp, zone: a}}
  spec: {taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]}
  status: {allocatable: {cpu: "2", memory: 4Gi, pods: "10"}}
- apiVersion: v1
  kind: Node
  metadata: {name: w1, labels: {kubernetes.io/hostname: w1, zone: a}}
  spec: {unschedulable: true}
  status: {allocatable: {cpu: "2", memory: 4Gi, pods: "10"}}
- apiVersion: v1
  kind: Node
  metadata: {name: w2, labels: {kubernetes.io/hostname: w2, zone: a, disk: ssd}}
  status: {allocatable: {cpu: 500m, memory: 4Gi, pods: "10"}}
- apiVersion: v1
  kind: Node
  metadata: {name: w3, labels: {kubernetes.io/hostname: w3, zone: b, disk: ssd}}
  spec: {taints: [{key: dedicated, value: db, effect: NoExecute}, {key: soft, effect: PreferNoSchedule}]}
  status: {allocatable: {cpu: "2", memory: 4Gi, pods: "10"}}
`

const daemonSet = (spec: string, cpu = "100m") => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: kube-system}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
${spec
  .split("\n")
  .filter((l) => l !== "")
  .map((l) => `      ${l}`)
  .join("\n")}
      containers: [{name: a, image: agent, resources: {requests: {cpu: ${cpu}}}}]
`

const model = (workloads: string) => modelFromFiles([{ file: "nodes.yaml", text: NODES }, { file: "ds.yaml", text: workloads }])
const pinnedTo = (p: SchedulingPod): ReadonlyArray<string> => p.requiredTerms?.flatMap((t) => t.matchFields.flatMap((r) => r.values)) ?? []
const pods = (workloads: string) => model(workloads).workload.pending

describe("which nodes get a daemon pod (NodeShouldRunDaemonPod)", () => {
  it("every node whose NoSchedule / NoExecute taints are tolerated; a cordoned node too (the unschedulable toleration)", () => {
    // cp's control-plane taint and w3's NoExecute taint are not tolerated; w3's PreferNoSchedule does not count
    expect(pods(daemonSet("")).map(pinnedTo)).toEqual([["w1"], ["w2"]])
  })

  it("tolerating the taints puts one on every node", () => {
    const p = pods(daemonSet("tolerations: [{operator: Exists}]"))
    expect(p.map(pinnedTo)).toEqual([["cp"], ["w1"], ["w2"], ["w3"]])
  })

  it("nodeSelector and required node affinity choose the nodes; the pod's own required terms are replaced by the pin", () => {
    const affinity = `tolerations: [{operator: Exists}]
nodeSelector: {disk: ssd}
affinity:
  nodeAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: In, values: [b]}]}]`
    const p = pods(daemonSet(affinity))
    expect(p.map(pinnedTo)).toEqual([["w3"]])
    expect(p[0]!.requiredTerms).toEqual([{ matchExpressions: [], matchFields: [{ key: "metadata.name", operator: "In", values: ["w3"] }] }])
    expect(p[0]!.nodeSelector).toEqual({ disk: "ssd" })
  })

  it("a template nodeName runs it on that node only, bound there", () => {
    const m = model(daemonSet("nodeName: w2"))
    expect(m.workload.pending).toEqual([])
    expect(m.workload.bound.map((b) => [b.pod.key, b.node])).toEqual([["kube-system/agent-0", "w2"]])
  })

  it("no node that should run it: no pod, and a note naming the DaemonSet", () => {
    const m = model(daemonSet("nodeSelector: {disk: nvme}"))
    expect(m.workload.pending).toEqual([])
    expect(m.workload.skipped).toContainEqual({ key: "kube-system/agent", reason: expect.stringContaining("DaemonSet: no node should run it") })
  })

  it("read without nodes: no pod, and a note", () => {
    const w = workloadFromText(daemonSet(""), "ds.yaml")
    expect(w.pending).toEqual([])
    expect(w.skipped).toContainEqual({ key: "kube-system/agent", reason: "DaemonSet read without nodes: its pods (one per eligible node) are not modelled" })
  })
})

describe("what each daemon pod carries", () => {
  const tolerationKeys = (p: SchedulingPod) => p.tolerations.map((t) => `${t.key}:${t.effect}`)

  it("the daemon tolerations; network-unavailable only with hostNetwork", () => {
    const plain = pods(daemonSet(""))[0]!
    expect(tolerationKeys(plain)).toEqual([
      "node.kubernetes.io/not-ready:NoExecute",
      "node.kubernetes.io/unreachable:NoExecute",
      "node.kubernetes.io/disk-pressure:NoSchedule",
      "node.kubernetes.io/memory-pressure:NoSchedule",
      "node.kubernetes.io/pid-pressure:NoSchedule",
      "node.kubernetes.io/unschedulable:NoSchedule",
    ])
    expect(tolerationKeys(pods(daemonSet("hostNetwork: true"))[0]!)).toContain("node.kubernetes.io/network-unavailable:NoSchedule")
  })

  it("a toleration the same but for tolerationSeconds is replaced, others kept", () => {
    const p = pods(daemonSet("tolerations: [{key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 30}, {key: x, operator: Exists}]"))[0]!
    expect(p.tolerations.filter((t) => t.key === "node.kubernetes.io/not-ready")).toHaveLength(1)
    expect(p.tolerations.find((t) => t.key === "node.kubernetes.io/not-ready")).not.toHaveProperty("tolerationSeconds", 30)
    expect(tolerationKeys(p)).toContain("x:")
  })

  it("labels controller-revision-hash and pod-template-generation; controlled by the DaemonSet", () => {
    const p = pods(daemonSet(""))[0]!
    expect(p.labels).toMatchObject({ app: "agent", "pod-template-generation": "1" })
    expect(p.labels!["controller-revision-hash"]).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/)
    expect(p.controller).toEqual({ apiVersion: "apps/v1", kind: "DaemonSet", name: "agent" })
  })
})

describe("a dump of a live cluster", () => {
  it("nodes that already have its pod (bound, or pinned and pending) get no other", () => {
    const existing = (name: string, node: string, bound: boolean) => `---
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: kube-system
  labels: {app: agent}
  ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: agent, uid: u1, controller: true}]
spec:
${bound ? `  nodeName: ${node}` : `  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchFields: [{key: metadata.name, operator: In, values: [${node}]}]}]}}}`}
  tolerations: [{operator: Exists}]
  containers: [{name: a, image: agent}]
`
    const m = model(daemonSet("tolerations: [{operator: Exists}]") + existing("agent-x1", "w1", true) + existing("agent-x2", "w3", false))
    const created = m.workload.pending.filter((p) => p.key.startsWith("kube-system/agent-") && p.key !== "kube-system/agent-x2")
    expect(created.map(pinnedTo)).toEqual([["cp"], ["w2"]])
  })
})

describe("bad input", () => {
  it("a selector that does not match the template's labels names the path", () => {
    const bad = daemonSet("").replace("matchLabels: {app: agent}", "matchLabels: {app: other}")
    expect(() => model(bad)).toThrow(SchedulerInputError)
    expect(() => model(bad)).toThrow(/ds\.yaml: document 0, spec\.template\.metadata\.labels.*`selector` does not match template `labels`/)
  })
})

describe("catcluster schedule / drain with a DaemonSet", () => {
  const files = (workloads: string) => {
    const id = Math.random().toString(36).slice(2)
    const nodes = join(dir, `nodes-${id}.yaml`)
    const ds = join(dir, `ds-${id}.yaml`)
    writeFileSync(nodes, NODES)
    writeFileSync(ds, workloads)
    return { nodes, ds }
  }
  const run = (...args: string[]) => spawnSync(tsx, [join(root, "src", "cli", "main.ts"), ...args], { encoding: "utf8", timeout: 60_000 })

  it("one pod per eligible node, each where it is pinned; one that does not fit stays pending with kube-scheduler's message", () => {
    const f = files(daemonSet("", "1"))
    const r = run("schedule", "--nodes", f.nodes, "--workloads", f.ds)
    expect(r.status).toBe(0)
    expect(r.stderr).not.toContain("DaemonSet")
    const lines = r.stdout.trim().split("\n")
    expect(lines[0]).toMatch(/^kube-system\/agent-0\s+w1$/)
    // w2 has 500m: the request exceeds its allocatable (unresolvable), the other nodes are outside the pin
    expect(lines[1]).toMatch(
      /^kube-system\/agent-1\s+\(pending\)\s+0\/4 nodes are available: 1 Insufficient cpu, 3 node\(s\) didn't satisfy plugin\(s\) \[NodeAffinity\]\. no new claims to deallocate, preemption: 0\/4 nodes are available: 4 Preemption is not helpful for scheduling\.$/,
    )
  })

  it("no node should run it: the note, and 'nothing to schedule' instead of a blank line", () => {
    const f = files(daemonSet("nodeSelector: {disk: nvme}"))
    const r = run("schedule", "--nodes", f.nodes, "--workloads", f.ds)
    expect(r.status).toBe(0)
    expect(r.stdout).toBe("")
    expect(r.stderr).toBe(
      "catcluster: note: kube-system/agent not scheduled: DaemonSet: no node should run it (nodeName, nodeSelector, node affinity, NoSchedule / NoExecute taints): it runs no pods\ncatcluster: note: nothing to schedule: the input holds no pending pod\n",
    )
  })

  it("drain leaves the daemon pod where it runs", () => {
    const f = files(daemonSet(""))
    const r = run("drain", "w2", "--nodes", f.nodes, "--workloads", f.ds, "--json")
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout) as { stays: ReadonlyArray<{ key: string }>; rescheduled: ReadonlyArray<unknown> }
    expect(out.stays.map((s) => s.key)).toEqual(["kube-system/agent-1"])
    expect(out.rescheduled).toEqual([])
  })
})
