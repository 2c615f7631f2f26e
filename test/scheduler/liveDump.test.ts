/**
 * What a dump of a live cluster shows twice, and how the scheduler's reader counts each pod once:
 * controllers whose objects are present are not expanded again (a Deployment found through its
 * ReplicaSet or its pods' pod-template-hash), a VM is modelled by its VMI, a virt-launcher pod by
 * its VMI (or running VM, placed where the launcher runs), and finished pods hold nothing.
 */
import { join } from "node:path"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { modelFromFiles } from "../../src/scheduler/index.ts"

const owner = (kind: string, name: string) => `ownerReferences: [{apiVersion: v1, kind: ${kind}, name: ${name}, uid: u-${name}, controller: true}]`
const pod = (name: string, extra = "", spec = "") =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: d${extra === "" ? "" : `, ${extra}`}}\nspec: {${spec}containers: [{name: c, resources: {requests: {cpu: 100m}}}]}\n`
const deployment = (name: string, replicas: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: d}\nspec: {replicas: ${replicas}, selector: {matchLabels: {app: ${name}}}, template: {metadata: {labels: {app: ${name}}}, spec: {containers: [{name: c, resources: {requests: {cpu: 100m}}}]}}}\n`
const vmi = (name: string, extra = "") =>
  `apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nmetadata: {name: ${name}, namespace: d${extra === "" ? "" : `, ${extra}`}}\nspec: {domain: {resources: {requests: {memory: 1Gi}}, devices: {}}}\n`
const vm = (name: string, strategy: string) =>
  `apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata: {name: ${name}, namespace: d}\nspec: {runStrategy: ${strategy}, template: {spec: {domain: {resources: {requests: {memory: 1Gi}}, devices: {}}}}}\n`
const nodes = "apiVersion: v1\nkind: Node\nmetadata: {name: NAME, labels: {kubevirt.io/schedulable: 'true'}}\nstatus: {allocatable: {cpu: '4', memory: 8Gi, pods: '10', devices.kubevirt.io/kvm: 1k, devices.kubevirt.io/tun: 1k, devices.kubevirt.io/vhost-net: 1k, ephemeral-storage: 10Gi}}\n"
const node = (name: string) => nodes.replace("NAME", name)
const workloadOf = (...docs: ReadonlyArray<string>) => modelFromFiles([{ file: "t.yaml", text: docs.join("---\n") }]).workload
const skippedKeys = (w: ReturnType<typeof workloadOf>) => w.skipped.map((s) => s.key)

describe("what a live dump shows twice", () => {
  it("a Deployment, its ReplicaSet and its pods: only the pods are counted", () => {
    const rs = `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: web-5f6d, namespace: d, ${owner("Deployment", "web")}}\nspec: {replicas: 2, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c}]}}}\n`
    const replica = (n: string) => pod(n, `labels: {app: web, pod-template-hash: 5f6d}, ${owner("ReplicaSet", "web-5f6d")}`)
    const w = workloadOf(node("n1"), deployment("web", 2), rs, replica("web-5f6d-a"), replica("web-5f6d-b"))
    expect(w.pending.map((p) => p.key)).toEqual(["d/web-5f6d-a", "d/web-5f6d-b"])
    expect(w.bound).toEqual([])
  })

  it("kubectl get deploy,pods (no ReplicaSet): the pods' pod-template-hash names their Deployment", () => {
    const p = pod("web-5f6d-a", `labels: {app: web, pod-template-hash: 5f6d}, ${owner("ReplicaSet", "web-5f6d")}`, "nodeName: n1, ")
    const w = workloadOf(node("n1"), deployment("web", 3), p)
    // the one running replica is the Deployment's; two more are missing
    expect(w.bound.map((b) => b.pod.key)).toEqual(["d/web-5f6d-a"])
    expect(w.pending).toHaveLength(2)
    expect(w.pending.every((q) => q.controller?.name === "web-5f6d")).toBe(true)
  })

  it("a running VM and its VMI: the VMI; a virt-launcher pod: its VMI, bound where the launcher runs", () => {
    const launcher = pod("virt-launcher-db-x", owner("VirtualMachineInstance", "db"), "nodeName: n2, ")
    const all = workloadOf(node("n2"), vm("db", "Always"), vmi("db"), launcher)
    expect(all.bound.map((b) => [b.pod.key, b.node])).toEqual([["d/db", "n2"]])
    expect(skippedKeys(all).sort()).toEqual(["d/db", "d/virt-launcher-db-x"])
    const w = workloadOf(node("n2"), vmi("db"), launcher)
    expect(w.bound.map((b) => [b.pod.key, b.node])).toEqual([["d/db", "n2"]])
    expect(w.pending).toEqual([])
    // only the VM and its launcher (kubectl get vm,pods): the VM's VMI, bound where the launcher runs
    const viaVm = workloadOf(node("n2"), vm("db", "Always"), launcher)
    expect(viaVm.bound.map((b) => [b.pod.key, b.node])).toEqual([["d/db", "n2"]])
    expect(viaVm.pending).toEqual([])
  })

  it("a launcher pod of a VM that is not running and no VMI: the pod is kept, not lost", () => {
    const launcher = pod("virt-launcher-db-x", owner("VirtualMachineInstance", "db"), "nodeName: n2, ")
    const w = workloadOf(node("n2"), vm("db", "Manual"), launcher)
    expect(w.bound.map((b) => [b.pod.key, b.node])).toEqual([["d/virt-launcher-db-x", "n2"]])
    expect(skippedKeys(w)).toEqual(["d/db"])
  })

  it("finished pods and VMIs hold nothing; a VMI's status.nodeName binds it", () => {
    const done = `${pod("job-x")}status: {phase: Succeeded}\n`
    const running = `${vmi("v")}status: {phase: Running, nodeName: n1}\n`
    const failed = `${vmi("f")}status: {phase: Failed, nodeName: n1}\n`
    const w = workloadOf(node("n1"), done, running, failed)
    expect(w.bound.map((b) => [b.pod.key, b.node])).toEqual([["d/v", "n1"]])
    expect(w.skipped.map((s) => [s.key, s.reason])).toEqual([
      ["d/job-x", "Pod is Succeeded: it no longer runs and uses nothing (kube-scheduler's cache drops it)"],
      ["d/f", "VirtualMachineInstance is Failed: its launcher pod no longer runs"],
    ])
  })

  it("every scheduled pod knows the manifest it came from", () => {
    const text = readFileSync(join(import.meta.dirname, "..", "fixtures", "operations", "kubectl", "get-all.yaml"), "utf8")
    const w = modelFromFiles([{ file: "get-all.yaml", text }]).workload
    const pods = [...w.bound.map((b) => b.pod), ...w.pending]
    expect(pods.map((p) => [p.key, w.origins?.get(p)?.manifest.kind])).toEqual([
      ["shop/web-7c9d8f6b5-x2k9q", "Pod"],
      ["shop/vm-db", "VirtualMachineInstance"],
    ])
  })
})
