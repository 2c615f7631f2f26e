/**
 * The main job's schedule section reads the same kubelet admission as `schedule`: a pod naming
 * its node that the kubelet rejects is counted in the summary, listed with its reason and message
 * in report.json and report.html, and leaves its room to the pods scheduled after it.
 */
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { runPipeline } from "../../src/app/pipeline.ts"
import { makeProgress } from "../../src/cli/Progress.ts"

const NODES = `apiVersion: v1
kind: NodeList
items:
- {apiVersion: v1, kind: Node, metadata: {name: n1, labels: {kubernetes.io/hostname: n1}}, status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}}
`

const PODS = `apiVersion: v1
kind: Pod
metadata: {name: db}
spec:
  nodeName: n1
  containers: [{name: c, image: x, resources: {requests: {cpu: "3", memory: 1Gi}, limits: {cpu: "3", memory: 1Gi}}}]
status: {phase: Running, startTime: "2026-12-01T00:00:00Z"}
---
apiVersion: v1
kind: Pod
metadata: {name: big}
spec:
  nodeName: n1
  containers: [{name: c, image: x, resources: {requests: {cpu: "2", memory: 1Gi}, limits: {cpu: "2", memory: 1Gi}}}]
---
apiVersion: v1
kind: Pod
metadata: {name: small}
spec:
  containers: [{name: c, image: x, resources: {requests: {cpu: "1", memory: 1Gi}, limits: {cpu: "1", memory: 1Gi}}}]
`

interface ScheduleResult {
  readonly placements: ReadonlyArray<{ readonly pod: string; readonly node: string | null }>
  readonly rejected: ReadonlyArray<{ readonly pod: string; readonly node: string; readonly reason: string; readonly message: string }>
  readonly overcommits: ReadonlyArray<string>
}

let report: { steps: Record<string, { summary: string; result: ScheduleResult }> }
let html: string

beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), "catcluster-run-kubelet-"))
  await runPipeline(
    [
      { file: "nodes.yaml", text: NODES },
      { file: "pods.yaml", text: PODS },
    ],
    { outDir, seed: 1, progress: makeProgress({ quiet: true }), only: ["schedule"] },
  )
  report = JSON.parse(readFileSync(join(outDir, "report.json"), "utf8")) as typeof report
  html = readFileSync(join(outDir, "report.html"), "utf8")
}, 120_000)

describe("run: the schedule section after the kubelets' admission", () => {
  it("lists the rejected pod with the kubelet's reason and message, and places the pending pod in the room it left", () => {
    const s = report.steps["schedule"]!
    expect(s.result.rejected).toEqual([
      { pod: "default/big", node: "n1", reason: "OutOfcpu", message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 2000, used: 3000, capacity: 4000" },
    ])
    expect(s.result.placements).toEqual([expect.objectContaining({ pod: "default/small", node: "n1" })])
    expect(s.result.overcommits).toEqual([])
    expect(s.summary).toContain("1 pods naming their node rejected by its kubelet")
    expect(html).toContain("OutOfcpu")
    expect(html).toContain("1 were rejected")
  })
})
