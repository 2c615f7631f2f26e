/**
 * Operations on a live dump whose pod is being resized in place: the running pod holds what its
 * status says (the scheduler cache's count), but a controller's replacement and a capacity copy
 * are new pods that hold their spec alone.
 *
 * Two nodes of 4 cpu. On node-a: web-a1 (ReplicaSet web), spec 1 cpu, shrinking from 3 (status
 * 3: it holds 3) and api-b2 (ReplicaSet api), 2500m. node-b is empty.
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { decodeFiles, readModelFiles } from "../../src/cli/input.ts"
import { baseline, capacity, drain, inventory } from "../../src/operations/index.ts"
import { modelFromFiles } from "../../src/scheduler/index.ts"

const dir = mkdtempSync(join(tmpdir(), "catcluster-resize-ops-"))
const node = (name: string) => `apiVersion: v1\nkind: Node\nmetadata: {name: ${name}}\nstatus: {allocatable: {cpu: '4', memory: 8Gi, pods: '10'}}\n`
const owned = (name: string, rs: string) => `ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: ${rs}, uid: u-${rs}, controller: true}]`
const WEB =
  `apiVersion: v1\nkind: Pod\nmetadata: {name: web-a1, namespace: d, uid: u-web, labels: {app: web}, ${owned("web-a1", "web")}}\n` +
  `spec: {nodeName: node-a, containers: [{name: c, resources: {requests: {cpu: "1"}}}]}\n` +
  `status: {phase: Running, startTime: "2026-01-01T00:00:00Z", containerStatuses: [{name: c, allocatedResources: {cpu: "3"}, resources: {requests: {cpu: "3"}}}]}\n`
const API =
  `apiVersion: v1\nkind: Pod\nmetadata: {name: api-b2, namespace: d, uid: u-api, labels: {app: api}, ${owned("api-b2", "api")}}\n` +
  `spec: {nodeName: node-a, containers: [{name: c, resources: {requests: {cpu: 2500m}}}]}\nstatus: {phase: Running, startTime: "2026-01-01T00:00:01Z"}\n`

const files = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const nodes = files("nodes.yaml", [node("node-a"), node("node-b")].join("---\n"))
const load = (...docs: ReadonlyArray<string>) => {
  const input = readModelFiles([nodes, files(`pods-${Math.random().toString(36).slice(2)}.yaml`, docs.join("---\n"))])
  const manifests = decodeFiles(input)
  const model = modelFromFiles(input)
  const inv = inventory(model.nodes, model.workload, manifests)
  return { inv, state: baseline(inv), manifests }
}

describe("a resize in flight in operations", () => {
  it("the running pod holds its status's 3 cpu: a 1 cpu copy fits once on node-a, four times on node-b", () => {
    const { inv, state } = load(WEB)
    const c = capacity(inv, state, inv.units.get("d/web-a1")!.pod)
    // the copies are new pods of 1 cpu (the template's status is not theirs)
    expect(c.perNode.map((n) => [n.node, n.count])).toEqual([
      ["node-a", 1],
      ["node-b", 4],
    ])
  })

  it("drain: the replacement holds its spec's 1 cpu on node-b, so the 2500m replacement fits beside it", () => {
    const { inv, state } = load(WEB, API)
    const out = drain(inv, state, ["node-a"])
    expect(out.rescheduled.map((m) => [m.name, m.to])).toEqual([
      ["web-a1", "node-b"],
      ["api-b2", "node-b"],
    ])
    expect(out.pending).toEqual([])
    // after the drain node-b holds 1000 + 2500: one 500m copy fits there (3000 + … would leave none)
    const half = { ...inv.units.get("d/api-b2")!.pod, containers: [{ name: "c", requests: { cpu: 500 } }] }
    expect(capacity(inv, out.state, half).perNode.map((n) => [n.node, n.count])).toEqual([
      ["node-a", 0],
      ["node-b", 1],
    ])
  })
})
