/**
 * Pods running past a node's allocatable (`spec.nodeName` and started there): kube-scheduler would
 * never put them there and the kubelet would refuse them now (OutOfcpu, OutOfpods, …), but they
 * were admitted already; the commands that read a cluster say so on stderr, naming the node, the
 * resources and the pods, and still answer. (A pod still arriving is judged by the kubelet
 * instead: test/cli/kubeletAdmission.test.ts.)
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { boundOvercommits } from "../../src/cli/cluster.ts"
import { node, pod } from "../../src/scheduler/index.ts"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const nodes = join(root, "test", "fixtures", "operations", "small", "nodes.yaml")

const bound = (key: string, at: string, cpu: number) => ({ pod: pod(key, { cpu }), node: at })

describe("boundOvercommits", () => {
  const n1 = node("n1", { cpu: 4000, memory: 2 ** 30, pods: 2 })
  const n2 = node("n2", { cpu: 4000, memory: 2 ** 30, pods: 2 })

  it("within allocatable (equal counts as within): nothing", () => {
    expect(boundOvercommits({ nodes: [n1, n2], bound: [bound("d/a", "n1", 2000), bound("d/b", "n1", 2000)] })).toEqual([])
  })

  it("over on cpu and pods: one line naming node, resources (sorted) and pods", () => {
    const w = boundOvercommits({ nodes: [n1, n2], bound: [bound("d/a", "n1", 3000), bound("d/b", "n1", 1500), bound("d/c", "n1", 0), bound("d/d", "n2", 100)] })
    expect(w).toEqual(["node n1: the pods running on it request more than its allocatable (cpu 4500m of 4, pods 3 of 2; d/a, d/b, d/c): the kubelet refuses a new pod past allocatable (OutOfcpu), but these started already, so they are counted as placed there"])
  })

  it("a pod shrinking in place holds what its status says until the kubelet applies it (assignedPodRequests)", () => {
    const shrinking = pod("d/s", { cpu: 1000 }, { containers: [{ name: "c", requests: { cpu: 1000 }, allocated: { cpu: 3500 }, actuated: { cpu: 3500 } }] })
    const w = boundOvercommits({ nodes: [n1], bound: [{ pod: shrinking, node: "n1" }, bound("d/a", "n1", 1000)] })
    expect(w).toHaveLength(1)
    expect(w[0]).toContain("(cpu 4500m of 4; d/s, d/a)")
  })

  it("an extended resource the node does not have", () => {
    const w = boundOvercommits({ nodes: [n1], bound: [{ pod: pod("d/gpu", { "example.com/gpu": 1 }), node: "n1" }] })
    expect(w).toHaveLength(1)
    expect(w[0]).toContain("example.com/gpu 1 of 0")
  })
})

describe("catcluster schedule", () => {
  it("warns about a running nodeName pod that overcommits its node, and schedules the rest around it", () => {
    const dir = mkdtempSync(join(tmpdir(), "catcluster-overcommit-"))
    const file = join(dir, "pods.yaml")
    writeFileSync(
      file,
      `apiVersion: v1
kind: Pod
metadata: {name: big}
spec:
  nodeName: node-a
  containers: [{name: c, image: x, resources: {requests: {cpu: "6"}}}]
status: {phase: Running, startTime: "2026-12-01T00:00:00Z"}
---
apiVersion: v1
kind: Pod
metadata: {name: small}
spec:
  nodeSelector: {kubernetes.io/hostname: node-a}
  containers: [{name: c, image: x, resources: {requests: {cpu: "1"}}}]
`,
    )
    const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), "schedule", "--nodes", nodes, "--workloads", file], { encoding: "utf8", timeout: 60_000 })
    expect(r.status).toBe(0)
    expect(r.stderr).toBe(
      "catcluster: warning: node node-a: the pods running on it request more than its allocatable (cpu 6 of 4; default/big): the kubelet refuses a new pod past allocatable (OutOfcpu), but these started already, so they are counted as placed there\n",
    )
    expect(r.stdout).toMatch(/^default\/small\s+\(pending\)\s+0\/3 nodes are available: 1 Insufficient cpu, 2 node\(s\) didn't match Pod's node affinity\/selector\./)
  })
})
