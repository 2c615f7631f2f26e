/**
 * Pods that name their node (`spec.nodeName`) and have not started there go through that node's
 * kubelet first: `schedule` lists the rejected ones after its placements (text) and under
 * `rejected` (`--json`) with the kubelet's reason and message; the other commands warn about each
 * on stderr; the pods admitted take room from the pods the scheduler places later.
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { spawnCli } from "../support/spawnCli.ts"

const dir = mkdtempSync(join(tmpdir(), "catcluster-kubelet-"))
const write = (name: string, text: string): string => {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}

// n1: 4 cpu, 3 pods, one gpu, a NoExecute taint, label disk=ssd; n2: 4 cpu, plain
const nodes = write(
  "nodes.yaml",
  `apiVersion: v1
kind: NodeList
items:
- apiVersion: v1
  kind: Node
  metadata: {name: n1, labels: {kubernetes.io/hostname: n1, disk: ssd}}
  spec:
    taints: [{key: dedicated, value: db, effect: NoExecute}]
  status: {allocatable: {cpu: "4", memory: 8Gi, pods: "3", example.com/gpu: "1"}}
- apiVersion: v1
  kind: Node
  metadata: {name: n2, labels: {kubernetes.io/hostname: n2}}
  status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
`,
)

const TOLERATE = "tolerations: [{key: dedicated, operator: Exists, effect: NoExecute}]"
const pinned = (name: string, nodeName: string, spec: string, status = "") => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  nodeName: ${nodeName}
${spec
  .split("\n")
  .map((l) => `  ${l}`)
  .join("\n")}
${status}`

const RUNNING = `status: {phase: Running, startTime: "2026-12-01T00:00:00Z"}\n`

// one input holding every reason; order matters: each pod is judged against those admitted before it
const pods = write(
  "pods.yaml",
  [
    pinned("live", "n2", `containers: [{name: c, image: x, resources: {requests: {cpu: "3"}}}]`, RUNNING),
    pinned("cpu", "n2", `containers: [{name: c, image: x, resources: {requests: {cpu: "2"}}}]`),
    pinned("gpu-a", "n1", `${TOLERATE}\ncontainers: [{name: c, image: x, resources: {requests: {example.com/gpu: "1"}, limits: {example.com/gpu: "1"}}}]`),
    pinned("gpu-b", "n1", `${TOLERATE}\ncontainers: [{name: c, image: x, resources: {requests: {example.com/gpu: "1"}, limits: {example.com/gpu: "1"}}}]`),
    pinned("selector", "n2", `nodeSelector: {disk: ssd}\ncontainers: [{name: c, image: x}]`),
    pinned("port-a", "n1", `${TOLERATE}\ncontainers: [{name: c, image: x, ports: [{containerPort: 80, hostPort: 8080}]}]`),
    pinned("port-b", "n1", `${TOLERATE}\ncontainers: [{name: c, image: x, ports: [{containerPort: 80, hostPort: 8080}]}]`),
    pinned("taint", "n1", `containers: [{name: c, image: x}]`),
    pinned("third", "n1", `${TOLERATE}\ncontainers: [{name: c, image: x}]`),
    pinned("fourth", "n1", `${TOLERATE}\ncontainers: [{name: c, image: x}]`),
    `apiVersion: v1
kind: Pod
metadata: {name: later}
spec:
  nodeSelector: {kubernetes.io/hostname: n2}
  containers: [{name: c, image: x, resources: {requests: {cpu: "2"}}}]
`,
  ].join("---\n"),
)

const REJECTED = [
  { pod: "default/cpu", node: "n2", reason: "OutOfcpu", message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 2000, used: 3000, capacity: 4000" },
  { pod: "default/gpu-b", node: "n1", reason: "OutOfexample.com/gpu", message: "Pod was rejected: Node didn't have enough resource: example.com/gpu, requested: 1, used: 1, capacity: 1" },
  { pod: "default/selector", node: "n2", reason: "NodeAffinity", message: "Pod was rejected: Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector" },
  { pod: "default/port-b", node: "n1", reason: "NodePorts", message: "Pod was rejected: Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports" },
  { pod: "default/taint", node: "n1", reason: "TaintToleration", message: "Pod was rejected: Predicate TaintToleration failed: node(s) had untolerated taint(s)" },
  { pod: "default/fourth", node: "n1", reason: "OutOfpods", message: "Pod was rejected: Node didn't have enough resource: pods, requested: 1, used: 3, capacity: 3" },
]

describe("catcluster schedule with pods that name their node", () => {
  it("--json: the placements, then every rejected pod with the kubelet's reason and message", async () => {
    const r = await spawnCli("schedule", "--nodes", nodes, "--pods", pods, "--json")
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { placements: Array<{ pod: string; node: string | null; message: string }>; rejected: unknown }
    expect(out.rejected).toEqual(REJECTED)
    // the admitted pods hold n1's three pod slots; the running pod's 3 cpus leave n2 one: later stays pending
    expect(out.placements.map((p) => [p.pod, p.node])).toEqual([["default/later", null]])
    expect(out.placements[0]?.message).toMatch(/^0\/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) had untolerated taint\(s\)\./)
  })

  it("text: the rejected pods follow the placements, one line each, and nothing is warned twice", async () => {
    const r = await spawnCli("schedule", "--nodes", nodes, "--pods", pods)
    expect(r.code).toBe(0)
    expect(r.stderr).toBe("")
    const lines = r.stdout.trimEnd().split("\n")
    expect(lines[0]).toMatch(/^default\/later\s+\(pending\)\s+0\/2 nodes are available/)
    expect(lines.slice(1)).toEqual(REJECTED.map((x) => `${x.pod.padEnd(16)}  (rejected by the kubelet of ${x.node})  ${x.reason}: ${x.message}`))
  })

  it("a pod bound to a node that is not in the input is bad input (exit 2), as before", async () => {
    const stray = write("stray.yaml", pinned("stray", "n9", `containers: [{name: c, image: x}]`))
    const r = await spawnCli("schedule", "--nodes", nodes, "--pods", stray)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("pod default/stray is bound to node n9, which is not among the nodes")
  })

  it("only rejected pods and nothing pending: the rejections are the answer, the note says nothing is left to schedule", async () => {
    const only = write("only.yaml", pinned("lonely", "n1", `containers: [{name: c, image: x}]`))
    const r = await spawnCli("schedule", "--nodes", nodes, "--pods", only)
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(`default/lonely  (rejected by the kubelet of n1)  TaintToleration: ${REJECTED[4]?.message}\n`)
    expect(r.stderr).toBe("catcluster: note: nothing to schedule: the input holds no pending pod\n")
  })
})

describe("the other commands read the same admission", () => {
  it("capacity warns about each rejected pod and counts only the admitted ones", async () => {
    const want = write("want.yaml", `apiVersion: v1\nkind: Pod\nmetadata: {name: one}\nspec:\n  containers: [{name: c, image: x, resources: {requests: {cpu: "1"}}}]\n`)
    const r = await spawnCli("capacity", "--nodes", nodes, "--workloads", pods, "--pod", want, "--json")
    expect(r.code).toBe(0)
    for (const x of REJECTED) {
      expect(r.stderr).toContain(`catcluster: warning: pod ${x.pod} names node ${x.node} (spec.nodeName) and the kubelet there rejects it: ${x.reason}: ${x.message}; it ends Failed and uses nothing\n`)
    }
    // n1 is full (3 pods, and its taint), n2 has 1 cpu left after the running pod: one more 1-cpu pod fits
    // (counting the rejected 2-cpu pod on n2 would leave none)
    expect((JSON.parse(r.stdout) as { fits: number }).fits).toBe(1)
  })
})
