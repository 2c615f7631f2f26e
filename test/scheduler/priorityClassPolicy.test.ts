/**
 * A PriorityClass's `preemptionPolicy`, as the Priority admission plugin writes it into the pods
 * that name the class (or, for pods naming none, the global default class): `Never` keeps them
 * from preempting; a pod that gives another policy is refused with admission's message. Before,
 * only the pod's own field was read and a pod of a non-preempting class preempted.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { workloadFromText } from "../../src/scheduler/index.ts"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")

const klass = (name: string, policy: string | undefined, globalDefault = false) => `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: ${name}}
value: 1000
${policy === undefined ? "" : `preemptionPolicy: ${policy}\n`}${globalDefault ? "globalDefault: true\n" : ""}---
`
const pod = (name: string, extra = "") => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
${extra}  containers: [{name: c, image: x, resources: {requests: {cpu: "4"}}}]
---
`
const never = (text: string) => Object.fromEntries(workloadFromText(text, "w.yaml").pending.map((p) => [p.key, p.neverPreempts === true]))

describe("the class's preemptionPolicy", () => {
  it("Never on the class: its pods never preempt; a class without one (PreemptLowerPriority) and the pod's own field as before", () => {
    const text =
      klass("batch", "Never") +
      klass("web", undefined) +
      pod("a", "  priorityClassName: batch\n") +
      pod("b", "  priorityClassName: web\n") +
      pod("c", "  preemptionPolicy: Never\n") +
      pod("d")
    expect(never(text)).toEqual({ "default/a": true, "default/b": false, "default/c": true, "default/d": false })
  })

  it("pods naming no class take the global default class's policy", () => {
    expect(never(klass("quiet", "Never", true) + pod("a"))).toEqual({ "default/a": true })
    expect(never(klass("loud", "PreemptLowerPriority", true) + pod("a"))).toEqual({ "default/a": false })
  })

  it("a controller's pods and a VMI's launcher pod take it from their template", () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: jobs}
spec:
  replicas: 2
  selector: {matchLabels: {app: jobs}}
  template:
    metadata: {labels: {app: jobs}}
    spec:
      priorityClassName: batch
      containers: [{name: c, image: x}]
---
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: {name: vm}
spec:
  priorityClassName: batch
  domain: {devices: {}, memory: {guest: 1Gi}}
`
    expect(Object.values(never(klass("batch", "Never") + deployment))).toEqual([true, true, true])
  })

  it("a pod giving another policy than its class's is refused with admission's message and path", () => {
    expect(() => workloadFromText(klass("batch", "Never") + pod("a", "  priorityClassName: batch\n  preemptionPolicy: PreemptLowerPriority\n"), "w.yaml")).toThrow(
      "w.yaml: document 1, spec.preemptionPolicy: the string value of PreemptionPolicy (PreemptLowerPriority) must not be provided in pod spec; priority admission controller computed Never from the given PriorityClass name",
    )
  })
})

describe("catcluster schedule", () => {
  it("a pod of a non-preempting class stays pending with kube-scheduler's message instead of preempting", () => {
    const dir = mkdtempSync(join(tmpdir(), "catcluster-pc-policy-"))
    const file = join(dir, "w.yaml")
    writeFileSync(file, klass("batch", "Never") + pod("low", "  nodeName: node-a\n") + pod("hi", "  priorityClassName: batch\n  nodeSelector: {kubernetes.io/hostname: node-a}\n"))
    const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), "schedule", "--nodes", join(root, "test", "fixtures", "operations", "small", "nodes.yaml"), "--workloads", file], { encoding: "utf8", timeout: 60_000 })
    expect(r.status).toBe(0)
    expect(r.stdout.trim()).toMatch(
      /^default\/hi\s+\(pending\)\s+0\/3 nodes are available: 1 Insufficient cpu, 2 node\(s\) didn't match Pod's node affinity\/selector\. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never\.$/,
    )
  })
})
