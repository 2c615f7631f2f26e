/**
 * The hot path's volume kernel (core/VolumeKernel.ts) directly: pods without volumes cost nothing
 * (no state, no verdicts, the relational mask passes through untouched), bind and unbind keep the
 * per-node volume pods and claim users, and Reserve leaves the kernel's own storage objects as
 * VolumeBinding's Reserve does (static PV bound, provisioned PV created).
 */
import { describe, expect, it } from "vitest"
import { NO_VOLUMES, volumeKernel } from "../../src/scheduler/core/VolumeKernel.ts"
import { defaultProfile, REASON_BIND_CONFLICT, REASON_DISK_CONFLICT, REASON_READ_WRITE_ONCE_POD_CONFLICT, type StorageObjects } from "../../src/scheduler/index.ts"
import { claim, csiNode, Gi, podWith, pvcVolume, storage, storageClass, volume, worker } from "./volumeSupport.ts"

const nodes = [worker("a", { "topology.kubernetes.io/zone": "z1" }), worker("b", { "topology.kubernetes.io/zone": "z2" })]
const wait = storageClass("wait", { volumeBindingMode: "WaitForFirstConsumer", provisioner: "csi.example.com" })
const kernel = (s: StorageObjects) => volumeKernel(nodes, defaultProfile, { storage: s })
const codes = (k: ReturnType<typeof kernel>, verdicts: Uint16Array | null) => (verdicts === null ? null : [...verdicts].map((v) => (v === 0 ? "ok" : k.status(v).reasons.join(", "))))

describe("VolumeKernel", () => {
  it("a pod without volumes, or with only an emptyDir, gets no state, no verdicts and no buffers; the relational mask passes through", () => {
    const k = kernel(storage({ persistentVolumeClaims: [claim("data")] }))
    const relations = new Uint8Array([0, 3])
    expect(k.prepare(podWith("p", []))).toBe(NO_VOLUMES)
    expect(k.prepare(podWith("q", [{ name: "tmp", source: { type: "other", kind: "emptyDir" } }]))).toBe(NO_VOLUMES)
    expect(k.mask(NO_VOLUMES, relations)).toBe(relations)
    expect(k.mask(NO_VOLUMES, null)).toBeNull()
    // no per-node buffer either
    expect(k.scratchBytes()).toBe(0)
  })

  it("bind and unbind: a disk and a ReadWriteOncePod claim are in use while their pod is bound", () => {
    const k = kernel(storage({ persistentVolumeClaims: [claim("data", { accessModes: ["ReadWriteOncePod"], volumeName: "pv", phase: "Bound" })], persistentVolumes: [volume("pv")] }))
    const disk = { name: "d", source: { type: "awsElasticBlockStore" as const, volumeID: "vol-1", readOnly: false } }
    k.bind(0, podWith("holder", [disk, pvcVolume("data")]), 1)
    const c = k.prepare(podWith("p", [disk, pvcVolume("data")]))
    // a: the claim is in use elsewhere; b: the disk is mounted there too (checked first)
    expect(codes(k, c.verdicts)).toEqual([REASON_READ_WRITE_ONCE_POD_CONFLICT, REASON_DISK_CONFLICT])
    // the verdicts (2 bytes per node) and the scan mask (1 byte per node), now allocated
    expect(k.scratchBytes()).toBe(3 * nodes.length)
    // preemption's dry run on b without the holder frees both
    expect(k.verdictWithout(c, 1, [0])).toBe(0)
    k.unbind(0, 1)
    expect(k.prepare(podWith("p", [disk, pvcVolume("data")])).verdicts?.every((v) => v === 0)).toBe(true)
  })

  it("Reserve binds the chosen static PV in the kernel's own storage, so the next claim finds none", () => {
    const pv = volume("local-a", { storageClassName: "wait", nodeAffinity: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["a"] }], matchFields: [] }] })
    const noProvisioning = storageClass("wait", { volumeBindingMode: "WaitForFirstConsumer", provisioner: "kubernetes.io/no-provisioner" })
    const k = kernel(storage({ storageClasses: [noProvisioning], persistentVolumes: [pv], persistentVolumeClaims: [claim("one", { storageClassName: "wait" }), claim("two", { storageClassName: "wait" })] }))
    const first = k.prepare(podWith("first", [pvcVolume("one")]))
    expect(codes(k, first.verdicts)).toEqual(["ok", REASON_BIND_CONFLICT])
    k.bind(0, podWith("first", [pvcVolume("one")]), 0)
    k.reserve(first, 0)
    expect(k.storage().volume("local-a")?.claimRef).toEqual({ namespace: "default", name: "one" })
    expect(k.storage().claim("default", "one")).toMatchObject({ volumeName: "local-a", phase: "Bound" })
    expect(codes(k, k.prepare(podWith("second", [pvcVolume("two")])).verdicts)).toEqual([REASON_BIND_CONFLICT, REASON_BIND_CONFLICT])
  })

  it("Reserve provisions a PV whose node affinity is the node's zone (the driver's topology key)", () => {
    const k = kernel(
      storage({
        storageClasses: [wait],
        persistentVolumeClaims: [claim("data", { storageClassName: "wait", requestBytes: 5 * Gi, uid: "u1" })],
        csiNodes: [csiNode("b", [{ name: "csi.example.com", topologyKeys: ["topology.kubernetes.io/zone"] }])],
      }),
    )
    const c = k.prepare(podWith("p", [pvcVolume("data")]))
    k.bind(0, podWith("p", [pvcVolume("data")]), 1)
    k.reserve(c, 1)
    expect(k.storage().volume("pvc-u1")).toMatchObject({
      capacityBytes: 5 * Gi,
      csiDriver: "csi.example.com",
      nodeAffinity: [{ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: ["z2"] }], matchFields: [] }],
    })
    expect(k.storage().claim("default", "data")).toMatchObject({ volumeName: "pvc-u1", phase: "Bound", selectedNode: "b" })
  })

  it("PreFilter rejections carry the readable plugins' messages, first in filter order", () => {
    const k = kernel(storage({ storageClasses: [storageClass("now")], persistentVolumeClaims: [claim("immediate", { storageClassName: "now" })] }))
    expect(k.prepare(podWith("p", [pvcVolume("missing")])).rejection).toBe('persistentvolumeclaim "missing" not found')
    expect(k.prepare(podWith("p", [pvcVolume("immediate")])).rejection).toBe("pod has unbound immediate PersistentVolumeClaims")
    expect(k.prepare(podWith("p", [{ name: "e", source: { type: "ephemeral" } }])).rejection).toBe(
      'waiting for ephemeral volume controller to create the persistentvolumeclaim "p-e"',
    )
  })
})
