/**
 * LimitRanger through `schedule`: a claim outside a namespace's PersistentVolumeClaim bounds is
 * refused as the API server refuses it (exit 2, its message), a claim that exists is read as it is.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const cli = (...args: string[]) => {
  const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), ...args], { encoding: "utf8", cwd: root, timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const nodes = `apiVersion: v1
kind: Node
metadata: {name: n1, labels: {kubernetes.io/hostname: n1}}
status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
`
const bounds = `apiVersion: v1
kind: LimitRange
metadata: {name: storage, namespace: d}
spec:
  limits:
  - type: PersistentVolumeClaim
    min: {storage: 1Gi}
    max: {storage: 10Gi}
---
`
const claim = (storage: string, extra = "") => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: big, namespace: d}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: ${storage}}}
${extra}`

describe("schedule: LimitRange PersistentVolumeClaim items", () => {
  const dir = mkdtempSync(join(tmpdir(), "catcluster-limitranger-"))
  const nodesFile = join(dir, "nodes.yaml")
  writeFileSync(nodesFile, nodes)
  const run = (name: string, text: string) => {
    const file = join(dir, name)
    writeFileSync(file, text)
    return { file, ...cli("schedule", "--nodes", nodesFile, "--workloads", file) }
  }

  it("a claim above max is refused with the API server's message, exit 2 (was a note and exit 0)", () => {
    const r = run("max.yaml", bounds + claim("20Gi"))
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe(`catcluster: ${r.file}: document 1: persistentvolumeclaims "big" is forbidden: maximum storage usage per PersistentVolumeClaim is 10Gi, but request is 20Gi`)
  })

  it("a claim below min is refused; a StatefulSet's claim too", () => {
    expect(run("min.yaml", bounds + claim("100Mi")).stderr).toContain('persistentvolumeclaims "big" is forbidden: minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 100Mi')
    const sts = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: d}
spec:
  replicas: 1
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: pg}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 11Gi}}}
`
    const r = run("sts.yaml", bounds + sts)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('persistentvolumeclaims "data-db-0" is forbidden: maximum storage usage per PersistentVolumeClaim is 10Gi, but request is 11Gi')
  })

  it("a claim inside the bounds, or one that exists in a live dump, is accepted silently", () => {
    for (const text of [bounds + claim("5Gi"), bounds + claim("20Gi", "status: {phase: Pending}\n")]) {
      const r = run("ok.yaml", text)
      expect(r.code).toBe(0)
      // the input holds claims only: the one line is schedule's own, nothing about the claim
      expect(r.stderr).toBe("catcluster: note: nothing to schedule: the input holds no pending pod\n")
    }
  })
})
