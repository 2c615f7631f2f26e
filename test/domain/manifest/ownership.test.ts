/**
 * What a dump of a live cluster shows twice, and how the scheduler's reader counts each pod once:
 * controllers whose objects are present are not expanded again (a Deployment found through its
 * ReplicaSet or its pods' pod-template-hash), a VM is modelled by its VMI, a virt-launcher pod by
 * its VMI (or running VM, placed where the launcher runs), and finished pods hold nothing.
 */
import { join } from "node:path"
import { readFileSync } from "node:fs"
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { controllerOf, decodeManifests, resolveOwnership, type Manifest } from "../../../src/domain/manifest/index.ts"
import { modelFromFiles } from "../../../src/scheduler/index.ts"

const decode = (text: string): ReadonlyArray<Manifest> => {
  const r = decodeManifests(text, "t.yaml")
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
const owner = (kind: string, name: string) => `ownerReferences: [{apiVersion: v1, kind: ${kind}, name: ${name}, uid: u-${name}, controller: true}]`
const pod = (name: string, extra = "", spec = "") =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: d${extra === "" ? "" : `, ${extra}`}}\nspec: {${spec}containers: [{name: c, resources: {requests: {cpu: 100m}}}]}\n`
const deployment = (name: string, replicas: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: d}\nspec: {replicas: ${replicas}, template: {spec: {containers: [{name: c, resources: {requests: {cpu: 100m}}}]}}}\n`
const vmi = (name: string, extra = "") =>
  `apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nmetadata: {name: ${name}, namespace: d${extra === "" ? "" : `, ${extra}`}}\nspec: {domain: {resources: {requests: {memory: 1Gi}}, devices: {}}}\n`
const vm = (name: string, strategy: string) =>
  `apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata: {name: ${name}, namespace: d}\nspec: {runStrategy: ${strategy}, template: {spec: {domain: {resources: {requests: {memory: 1Gi}}, devices: {}}}}}\n`
const represented = (text: string): Record<string, string> =>
  Object.fromEntries([...resolveOwnership(decode(text)).represented].map(([m, why]) => [`${m.kind}/${m.metadata?.name}`, why]))

describe("owner references", () => {
  it("the controller is the reference with controller: true", () => {
    const [p] = decode(pod("p", `ownerReferences: [{apiVersion: v1, kind: Node, name: n1, uid: x}, {apiVersion: apps/v1, kind: ReplicaSet, name: rs, uid: y, controller: true}]`))
    expect(controllerOf(p!)).toEqual({ kind: "ReplicaSet", name: "rs", controller: true })
    expect(controllerOf(decode(pod("q"))[0]!)).toBeUndefined()
  })
})

describe("what a live dump shows twice", () => {
  it("a Deployment, its ReplicaSet and its pods: only the pods are counted", () => {
    const rs = `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: web-5f6d, namespace: d, ${owner("Deployment", "web")}}\nspec: {replicas: 2, template: {spec: {containers: [{name: c}]}}}\n`
    const text = [deployment("web", 2), rs, pod("web-5f6d-a", owner("ReplicaSet", "web-5f6d")), pod("web-5f6d-b", owner("ReplicaSet", "web-5f6d"))].join("---\n")
    expect(Object.keys(represented(text)).sort()).toEqual(["Deployment/web", "ReplicaSet/web-5f6d"])
    const w = modelFromFiles([{ file: "t.yaml", text }]).workload
    expect(w.pending.map((p) => p.key)).toEqual(["d/web-5f6d-a", "d/web-5f6d-b"])
  })

  it("kubectl get deploy,pods (no ReplicaSet): the pods' pod-template-hash names their Deployment", () => {
    const p = pod("web-5f6d-a", `labels: {pod-template-hash: 5f6d}, ${owner("ReplicaSet", "web-5f6d")}`)
    expect(Object.keys(represented([deployment("web", 3), p].join("---\n")))).toEqual(["Deployment/web"])
    // a hash that does not end the ReplicaSet's name says nothing
    const other = pod("x", `labels: {pod-template-hash: beef}, ${owner("ReplicaSet", "web-5f6d")}`)
    expect(represented([deployment("web", 3), other].join("---\n"))).toEqual({})
  })

  it("a running VM and its VMI: the VMI; a virt-launcher pod: its VMI, bound where the launcher runs", () => {
    const launcher = pod("virt-launcher-db-x", owner("VirtualMachineInstance", "db"), "nodeName: n2, ")
    expect(Object.keys(represented([vm("db", "Always"), vmi("db"), launcher].join("---\n"))).sort()).toEqual(["Pod/virt-launcher-db-x", "VirtualMachine/db"])
    const nodes = "apiVersion: v1\nkind: Node\nmetadata: {name: n2, labels: {kubevirt.io/schedulable: 'true'}}\nstatus: {allocatable: {cpu: '4', memory: 8Gi, pods: '10', devices.kubevirt.io/kvm: 1k, devices.kubevirt.io/tun: 1k, devices.kubevirt.io/vhost-net: 1k, ephemeral-storage: 10Gi}}\n"
    const w = modelFromFiles([{ file: "t.yaml", text: [nodes, vmi("db"), launcher].join("---\n") }]).workload
    expect(w.bound.map((b) => [b.pod.key, b.node])).toEqual([["d/db", "n2"]])
    expect(w.pending).toEqual([])
    // only the VM and its launcher (kubectl get vm,pods): the VM's VMI, bound where the launcher runs
    const viaVm = modelFromFiles([{ file: "t.yaml", text: [nodes, vm("db", "Always"), launcher].join("---\n") }]).workload
    expect(viaVm.bound.map((b) => [b.pod.key, b.node])).toEqual([["d/db", "n2"]])
  })

  it("a launcher pod of a VM that is not running and no VMI: the pod is kept, not lost", () => {
    const launcher = pod("virt-launcher-db-x", owner("VirtualMachineInstance", "db"), "nodeName: n2, ")
    expect(represented([vm("db", "Manual"), launcher].join("---\n"))).toEqual({})
  })

  it("finished pods and VMIs hold nothing; a VMI's status.nodeName binds it", () => {
    const done = `${pod("job-x")}status: {phase: Succeeded}\n`
    const running = `${vmi("v")}status: {phase: Running, nodeName: n1}\n`
    const failed = `${vmi("f")}status: {phase: Failed, nodeName: n1}\n`
    const w = modelFromFiles([{ file: "t.yaml", text: [done, running, failed].join("---\n") }]).workload
    expect(w.bound.map((b) => [b.pod.key, b.node])).toEqual([["d/v", "n1"]])
    expect(w.skipped.map((s) => [s.key, s.reason])).toEqual([
      ["d/job-x", "terminated (phase Succeeded): holds no resources"],
      ["d/f", "terminated (phase Failed): holds no resources"],
    ])
  })

  it("every scheduled pod knows the manifest it came from", () => {
    const text = readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "operations", "kubectl", "get-all.yaml"), "utf8")
    const w = modelFromFiles([{ file: "get-all.yaml", text }]).workload
    const pods = [...w.bound.map((b) => b.pod), ...w.pending]
    expect(pods.map((p) => [p.key, w.origins?.get(p)?.manifest.kind])).toEqual([
      ["shop/web-7c9d8f6b5-x2k9q", "Pod"],
      ["shop/vm-db", "VirtualMachineInstance"],
    ])
  })
})
