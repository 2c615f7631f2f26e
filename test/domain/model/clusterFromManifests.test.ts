/**
 * The domain's cluster built from manifests: machines, units (replicas, running VMs, VMIs),
 * placements, errors naming file/document/path, and nothing dropped silently.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { parse } from "yaml"
import { decodeVmiSpec } from "../../../src/domain/kubevirt/VmiSpec.ts"
import { virtLauncherPod } from "../../../src/domain/kubevirt/virtLauncherPod.ts"
import { decodeManifests } from "../../../src/domain/manifest/decode.ts"
import type { Manifest } from "../../../src/domain/manifest/Manifest.ts"
import { clusterFromManifests, type ClusterModel } from "../../../src/domain/model/clusterFromManifests.ts"
import { showModelError, type ModelError } from "../../../src/domain/model/ModelError.ts"
import { toRecord } from "../../../src/domain/resources/ResourceVector.ts"

const fixtures = join(import.meta.dirname, "..", "..", "app", "check", "fixtures")
const Mi = 1024n * 1024n
const Gi = 1024n * Mi

const decode = (...texts: ReadonlyArray<readonly [string, string]>): ReadonlyArray<Manifest> =>
  texts.flatMap(([file, text]) => {
    const r = decodeManifests(text, file)
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    return r.right
  })
const fixture = (name: string): readonly [string, string] => [name, readFileSync(join(fixtures, name), "utf8")]
const model = (manifests: ReadonlyArray<Manifest>): ClusterModel => {
  const r = clusterFromManifests(manifests)
  if (E.isLeft(r)) throw new Error(r.left.map(showModelError).join("\n"))
  return r.right
}
const errors = (manifests: ReadonlyArray<Manifest>): ReadonlyArray<ModelError> => {
  const r = clusterFromManifests(manifests)
  if (E.isRight(r)) throw new Error("expected model errors")
  return r.left
}

describe("clusterFromManifests", () => {
  const manifests = decode(fixture("nodes.yaml"), fixture("clean.yaml"))
  const m = model(manifests)

  it("turns Nodes into machines with their allocatable and capacity", () => {
    expect(m.cluster.machines.map((x) => x.name)).toEqual(["kvm-1", "plain-1"])
    const kvm = m.cluster.machines[0]!
    expect(kvm.allocatable.get("cpu")).toBe(7500n)
    expect(kvm.allocatable.get("memory")).toBe(30n * Gi)
    expect(kvm.capacity.get("memory")).toBe(32n * Gi)
    expect(kvm.allocatable.get("devices.kubevirt.io/kvm")).toBe(1000n)
  })

  it("expands replicas, wraps containers into Pods (Ω) and running VMs into VMIs (Ω′)", () => {
    expect(m.units.map((u) => `${u.unit._tag} ${u.unit.name}`)).toEqual(["Pod shop/web[0]", "Pod shop/web[1]", "Pod shop/cache", "VMI shop/db"])
    expect(m.units.map((u) => u.origin.replica)).toEqual([0, 1, undefined, undefined])
    const web = m.units[0]!
    expect(toRecord(web.request)).toEqual({ cpu: "500", memory: String(256n * Mi) })
    expect(web.unit._tag === "Pod" && web.unit.containers.map((c) => [c.name, c.image, String(c.limits.get("cpu"))])).toEqual([["shop/web[0]/nginx", "nginx:1.29", "1000"]])
  })

  it("gives a VMI the launcher pod KubeVirt renders from the raw manifest", () => {
    const raw = parse(readFileSync(join(fixtures, "clean.yaml"), "utf8").split("\n---\n")[2]!)
    const spec = decodeVmiSpec(raw, "clean.yaml")
    if (E.isLeft(spec)) throw spec.left
    const db = m.units.find((u) => u.unit.name === "shop/db")!
    expect(toRecord(db.request)).toEqual(toRecord(new Map(Object.entries(virtLauncherPod(spec.right).requests))))
    expect(db.request.get("memory")! > 4n * Gi).toBe(true) // guest memory plus overhead
    expect(db.unit._tag === "VMI" && db.unit.vm.vcpus).toBe(2)
  })

  it("takes σ from spec.nodeName and a container's kernel from its host", () => {
    expect([...m.placement]).toEqual([["shop/cache", "plain-1"]])
    const cache = m.units.find((u) => u.unit.name === "shop/cache")!
    expect(cache.unit._tag === "Pod" && cache.unit.containers[0]!.kernel).toBe("linux")
    const web = m.units[0]!
    expect(web.unit._tag === "Pod" && web.unit.containers[0]!.kernel).toBe("(unscheduled)")
  })

  it("lists what it does not model, with the reason, and drops nothing", () => {
    expect(m.notModelled.map((n) => [n.kind, n.object])).toEqual([
      ["VirtualMachine", "shop/stopped"],
      ["ConfigMap", "shop/settings"],
    ])
    expect(m.notModelled[0]!.reason).toContain("running: false")
    // every manifest is a machine, the origin of a unit, or listed
    const accounted = new Set([...m.machines.map((x) => x.source), ...m.units.map((u) => u.origin.source), ...m.notModelled.map((n) => n.source)])
    expect(manifests.every((x) => accounted.has(x.source))).toBe(true)
  })

  it("names cluster-scoped objects it does not model without a namespace, namespaced ones with theirs", () => {
    const storage = decode([
      "storage.yaml",
      `apiVersion: v1
kind: PersistentVolume
metadata: { name: pv-1 }
spec: { capacity: { storage: 1Gi }, accessModes: [ReadWriteOnce], hostPath: { path: /x } }
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: fast }
provisioner: example.com/fast
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }`,
    ])
    expect(model(storage).notModelled.map((n) => [n.kind, n.object])).toEqual([
      ["PersistentVolume", "pv-1"],
      ["StorageClass", "fast"],
      ["PersistentVolumeClaim", "default/data"],
    ])
  })

  it("models a running VM once when its VMI is given too, and keeps equal names of different kinds apart", () => {
    const both = decode([
      "vm.yaml",
      `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: { name: twin }
spec: { running: true, template: { spec: { domain: { devices: {}, memory: { guest: 1Gi } } } } }
---
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: { name: twin }
spec: { domain: { devices: {}, memory: { guest: 1Gi } } }
status: { nodeName: kvm-1 }
---
apiVersion: v1
kind: Pod
metadata: { name: twin }
spec: { containers: [{ name: c, image: i }] }`,
    ])
    const t = model(both)
    expect(t.units.map((u) => u.unit.name)).toEqual(["default/twin", "default/twin#2"])
    expect(t.placement.get("default/twin")).toBe("kvm-1")
    expect(t.notModelled.map((n) => n.reason)).toEqual(["running (running: true); modelled by its VirtualMachineInstance of the same name"])
  })

  it("a Node, a Pod or a VMI named twice (in its namespace) is an error naming both places; other namespaces and generated names are fine", () => {
    const twice = (kind: string, body: string, meta = "") => `apiVersion: ${kind === "VirtualMachineInstance" ? "kubevirt.io/v1" : "v1"}\nkind: ${kind}\nmetadata: { name: twin${meta} }\n${body}\n`
    const pod = "spec: { containers: [{ name: c, image: i }] }"
    const vmi = "spec: { domain: { devices: {}, memory: { guest: 1Gi } } }"
    const node = "status: { allocatable: { cpu: '4', memory: 8Gi, pods: '10' } }"
    for (const [kind, body, shown] of [["Pod", pod, "Pod default/twin"], ["VirtualMachineInstance", vmi, "VirtualMachineInstance default/twin"], ["Node", node, "Node twin"]] as const) {
      const decoded = decode(["a.yaml", twice(kind, body)], ["b.yaml", twice(kind, body)])
      const r = clusterFromManifests(decoded)
      expect(E.isLeft(r) && r.left.map(showModelError)).toEqual([`b.yaml: document 0, ${shown}, metadata.name: Duplicate value: "twin" (first at a.yaml: document 0)`])
    }
    expect(model(decode(["a.yaml", twice("Pod", pod)], ["b.yaml", twice("Pod", pod, ", namespace: other")])).units.map((u) => u.unit.name)).toEqual(["default/twin", "other/twin"])
    const generated = (n: number) => `apiVersion: v1\nkind: Pod\nmetadata: { generateName: web- }\nspec: { containers: [{ name: c${n}, image: i }] }\n`
    expect(model(decode(["a.yaml", generated(1)], ["b.yaml", generated(2)])).units).toHaveLength(2)
  })

  it("leaves terminated Pods and VMIs out of σ, saying why", () => {
    const done = model(
      decode([
        "done.yaml",
        `apiVersion: v1
kind: Pod
metadata: { name: finished }
spec: { nodeName: node-1, containers: [{ name: a, resources: { requests: { cpu: "8" } } }] }
status: { phase: Succeeded }
---
apiVersion: v1
kind: Pod
metadata: { name: running }
spec: { nodeName: node-1, containers: [{ name: a }] }
status: { phase: Running }
---
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: { name: crashed }
spec: { domain: { devices: {}, memory: { guest: 1Gi } } }
status: { phase: Failed, nodeName: node-1 }`,
      ]),
    )
    expect([...done.placement]).toEqual([["default/running", "node-1"]])
    expect(done.notModelled.map((n) => [n.object, n.reason])).toEqual([
      ["default/finished", "terminated (phase Succeeded): holds no resources on its node"],
      ["default/crashed", "terminated (phase Failed): its launcher pod holds no resources"],
    ])
  })

  it("refuses what it cannot model, naming the file, document and path", () => {
    const bad = decode([
      "bad.yaml",
      `apiVersion: v1
kind: Node
metadata: { name: empty }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: huge }
spec: { replicas: 20000, selector: {}, template: { spec: { containers: [{ name: a }] } } }`,
    ])
    const es = errors(bad)
    expect(es.map((e) => [e.source.document, e.object, e.path])).toEqual([
      [0, "Node empty", "status.allocatable"],
      [1, "Deployment default/huge", "spec.replicas"],
    ])
    expect(showModelError(es[1]!)).toMatch(/^bad\.yaml: document 1, Deployment default\/huge, spec\.replicas: 20000 replicas/)
  })
})
