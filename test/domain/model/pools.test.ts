/**
 * VirtualMachineInstanceReplicaSet and VirtualMachinePool: decoded, expanded into one VMI unit
 * per replica (a pool only when its VMs run), scheduled as one launcher pod per replica, with
 * template errors pointing into the pool's own document.
 */
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { decodeManifests, showManifestError } from "../../../src/domain/manifest/index.ts"
import type { Manifest } from "../../../src/domain/manifest/Manifest.ts"
import { clusterFromManifests } from "../../../src/domain/model/clusterFromManifests.ts"
import { showModelError } from "../../../src/domain/model/ModelError.ts"
import { selectorMatches, unitLabelsOf, vmiTemplateOf } from "../../../src/domain/model/templates.ts"
import { modelFromFiles } from "../../../src/scheduler/adapters/fromManifests.ts"

const vmiSpec = `
      domain:
        cpu: { cores: 2 }
        memory: { guest: 2Gi }
        devices: { disks: [{ name: root, disk: { bus: virtio } }] }
        resources: { requests: { memory: 2Gi } }
      volumes: [{ name: root, containerDisk: { image: quay.io/containerdisks/fedora:41 } }]`

const rs = (replicas: number) => `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstanceReplicaSet
metadata: { name: render, namespace: media }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: render } }
  template:
    metadata: { labels: { app: render } }
    spec:${vmiSpec}
`

const pool = (runStrategy: string) => `apiVersion: pool.kubevirt.io/v1beta1
kind: VirtualMachinePool
metadata: { name: web, namespace: prod }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  virtualMachineTemplate:
    metadata: { labels: { app: web } }
    spec:
      runStrategy: ${runStrategy}
      template:
        metadata: { labels: { app: web, tier: front } }
        spec:
          evictionStrategy: LiveMigrate
          domain:
            cpu: { cores: 1 }
            memory: { guest: 1Gi }
            devices: { disks: [{ name: root, disk: { bus: virtio } }] }
`

const decode = (text: string): ReadonlyArray<Manifest> => {
  const r = decodeManifests(text, "pools.yaml")
  if (E.isLeft(r)) throw new Error(r.left.map(showManifestError).join("\n"))
  return r.right
}

describe("VMI replica sets and VM pools", () => {
  it("decode with their templates, selectors and replicas", () => {
    const [r] = decode(rs(3))
    const [p] = decode(pool("Always"))
    expect(r!.kind).toBe("VirtualMachineInstanceReplicaSet")
    expect(p!.kind).toBe("VirtualMachinePool")
    expect(r!.unknownFields).toEqual([])
    expect(p!.unknownFields).toEqual([])
    expect(vmiTemplateOf(r!)).toMatchObject({ path: "spec.template.spec", replicas: 3, labels: { app: "render" } })
    expect(vmiTemplateOf(p!)).toMatchObject({ path: "spec.virtualMachineTemplate.spec.template.spec", replicas: 3, labels: { app: "web", tier: "front" } })
    expect(vmiTemplateOf(p!)!.spec.evictionStrategy).toBe("LiveMigrate")
    expect(unitLabelsOf(p!)).toEqual({ app: "web", tier: "front" })
  })

  it("become one VMI unit per replica; a pool whose VMs are halted is listed as not modelled", () => {
    const m = clusterFromManifests([...decode(rs(3)), ...decode(pool("Always"))])
    if (E.isLeft(m)) throw new Error(m.left.map(showModelError).join("\n"))
    expect(m.right.units.map((u) => [u.unit.name, u.unit._tag, u.origin.kind, u.origin.replica])).toEqual([
      ["media/render[0]", "VMI", "VirtualMachineInstanceReplicaSet", 0],
      ["media/render[1]", "VMI", "VirtualMachineInstanceReplicaSet", 1],
      ["media/render[2]", "VMI", "VirtualMachineInstanceReplicaSet", 2],
      ["prod/web[0]", "VMI", "VirtualMachinePool", 0],
      ["prod/web[1]", "VMI", "VirtualMachinePool", 1],
      ["prod/web[2]", "VMI", "VirtualMachinePool", 2],
    ])
    const halted = clusterFromManifests(decode(pool("Halted")))
    if (E.isLeft(halted)) throw new Error("expected a model")
    expect(halted.right.units).toEqual([])
    expect(halted.right.notModelled.map((n) => n.reason)).toEqual(["its VMs are stopped (runStrategy Halted: no VMI is started for it)"])
  })

  it("a bad template is an error naming the pool's document and the path inside it", () => {
    const bad = rs(2).replace("guest: 2Gi", "guest: 2GB")
    const r = decodeManifests(bad, "pools.yaml")
    // the io-ts codec already rejects the quantity, with the path into the replica set
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r)) expect(r.left.map(showManifestError).join("\n")).toContain("spec.template.spec.domain.memory.guest")
  })

  it("are scheduled as one launcher pod per replica, named <name>-<i>", () => {
    const { workload } = modelFromFiles([{ file: "pools.yaml", text: `${rs(2)}---\n${pool("Always")}---\n${pool("Halted").replace("name: web", "name: stopped")}` }])
    expect(workload.pending.map((p) => p.key)).toEqual(["media/render-0", "media/render-1", "prod/web-0", "prod/web-1", "prod/web-2"])
    expect(workload.pending.every((p) => p.requiresKvm && p.nodeSelector?.["kubevirt.io/schedulable"] === "true")).toBe(true)
    // 2 vCPU at the default cpuAllocationRatio 10: 200m
    expect(workload.pending[0]!.containers[0]!.requests["cpu"]).toBe(200)
    expect(workload.skipped.map((s) => s.key)).toEqual(["prod/stopped"])
  })
})

describe("label selectors", () => {
  it("matchLabels and every matchExpressions operator", () => {
    const labels = { app: "web", tier: "front" }
    expect(selectorMatches({}, labels)).toBe(true)
    expect(selectorMatches({ matchLabels: { app: "web" } }, labels)).toBe(true)
    expect(selectorMatches({ matchLabels: { app: "db" } }, labels)).toBe(false)
    expect(selectorMatches({ matchExpressions: [{ key: "tier", operator: "In", values: ["front", "back"] }] }, labels)).toBe(true)
    expect(selectorMatches({ matchExpressions: [{ key: "tier", operator: "NotIn", values: ["front"] }] }, labels)).toBe(false)
    expect(selectorMatches({ matchExpressions: [{ key: "zone", operator: "NotIn", values: ["a"] }] }, labels)).toBe(true)
    expect(selectorMatches({ matchExpressions: [{ key: "app", operator: "Exists" }] }, labels)).toBe(true)
    expect(selectorMatches({ matchExpressions: [{ key: "app", operator: "DoesNotExist" }] }, labels)).toBe(false)
    expect(selectorMatches({ matchExpressions: [{ key: "app", operator: "Gt", values: ["1"] }] }, labels)).toBe(false)
  })
})
