/**
 * `catcluster schedule` on manifests with relations: refusals exit 2 naming the file and JSON
 * path (DynamicResources, an invalid spread constraint, a pod bound to an unknown node), a dump
 * of a live cluster schedules only what is missing, and the corpus still decodes into the full
 * snapshot (skipped when ../shared is absent).
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { clusterSnapshotOf, nodesFromText, scheduleBatch } from "../../src/scheduler/index.ts"
import { CORPUS_PRESENT, corpusWorkloads } from "./corpusWorkloads.ts"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const fixtures = join(import.meta.dirname, "fixtures")
const dir = mkdtempSync(join(tmpdir(), "catcluster-adapters-"))

const cli = (pods: string, ...args: string[]) => {
  const file = join(dir, `pods-${Math.random().toString(36).slice(2)}.yaml`)
  writeFileSync(file, pods)
  const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), "schedule", "--nodes", join(fixtures, "nodes.yaml"), "--pods", file, ...args], { encoding: "utf8", timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, file }
}

describe("catcluster schedule: refusals exit 2 with the file and path", () => {
  it("a pod with resourceClaims", () => {
    const r = cli(`apiVersion: v1
kind: Pod
metadata: {name: gpu-job, namespace: ml}
spec:
  resourceClaims: [{name: gpu, resourceClaimTemplateName: one-gpu}]
  containers: [{name: c, resources: {claims: [{name: gpu}]}}]`)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${r.file}: document 0, spec.resourceClaims: pod ml/gpu-job requests devices through DynamicResources`)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it("an invalid spread constraint in a Deployment's template", () => {
    const r = cli(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, minDomains: 2}]
      containers: [{name: c}]`)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      `${r.file}: document 0, spec.template.spec.topologySpreadConstraints[0].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway`,
    )
  })

  it("a pod bound to a node the nodes file lacks", () => {
    const r = cli(`apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: old, namespace: web}
  spec: {nodeName: worker-9, containers: [{name: c}]}
  status: {phase: Running}`)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${r.file}: document 0, items[0]: pod web/old is bound to node worker-9, which is not among the nodes`)
  })
})

describe("catcluster schedule on a dump of a live cluster", () => {
  it("schedules only the missing replica, notes what it skipped", () => {
    const r = cli(
      `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: ReplicaSet
  metadata: {name: api, namespace: shop}
  spec:
    replicas: 2
    selector: {matchLabels: {app: api}}
    template:
      metadata: {labels: {app: api}}
      spec: {containers: [{name: c, resources: {requests: {cpu: 100m, memory: 64Mi}}}]}
- apiVersion: v1
  kind: Pod
  metadata:
    name: api-x1
    namespace: shop
    labels: {app: api}
    ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api, uid: r, controller: true}]
  spec: {nodeName: worker-1, containers: [{name: c, resources: {requests: {cpu: 100m, memory: 64Mi}}}]}
  status: {phase: Running}
- apiVersion: v1
  kind: Pod
  metadata: {name: api-old, namespace: shop, labels: {app: api}}
  spec: {nodeName: worker-1, containers: [{name: c}]}
  status: {phase: Succeeded}`,
      "--json",
    )
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { placements: Array<{ pod: string; node: string | null }> }
    expect(out.placements.map((p) => p.pod)).toEqual(["shop/api-0"])
    expect(out.placements[0]!.node).not.toBeNull()
    expect(r.stderr).toContain("catcluster: note: shop/api-old not scheduled: Pod is Succeeded")
  })
})

describe.skipIf(!CORPUS_PRESENT)("the corpus (../shared/corpus; absent in a user's clone)", () => {
  it("every file still decodes into a snapshot; controllers and launchers carry their relations", () => {
    const nodes = nodesFromText(readFileSync(join(fixtures, "nodes.yaml"), "utf8"), "nodes.yaml")
    let pods = 0
    const pending: string[] = []
    for (const { file: f, workload: w } of corpusWorkloads()) {
      const cluster = clusterSnapshotOf(nodes, w)
      for (const p of w.pending) {
        pods++
        expect(p.namespace, `${f}: ${p.key}`).toBeDefined()
        if (p.controller?.kind === "VirtualMachineInstance") {
          expect(p.labels?.["kubevirt.io"], `${f}: ${p.key}`).toBe("virt-launcher")
          expect(p.nodeSelector["kubevirt.io/schedulable"]).toBe("true")
        }
        if (p.controller?.kind === "ReplicaSet") {
          const rs = cluster.controllers?.find((c) => c.name === p.controller?.name)
          expect(rs?.selector.matchLabels?.["pod-template-hash"], `${f}: ${p.key}`).toBe(p.labels?.["pod-template-hash"])
        }
      }
      for (const placement of scheduleBatch(cluster, w.pending)) if (placement.node === null) pending.push(`${f}: ${placement.pod}: ${placement.reasons.join(", ")}`)
    }
    // upstream's VolumeBinding holds the two Windows machines whose disk is a claim the corpus does not define
    expect(pending).toEqual([
      'vm-windows-clarge-windows.yaml: default/vm-windows-clarge-windows: 0/5 nodes are available, persistentvolumeclaim "disk-windows" not found',
      'vmi-windows.yaml: default/vmi-windows: 0/5 nodes are available, persistentvolumeclaim "disk-windows" not found',
    ])
    expect(pods).toBeGreaterThanOrEqual(15)
  })
})
