/**
 * VolumeRestrictions (kube-scheduler v1.35): upstream's table tests restated (TestGCEDiskConflicts
 * 5, TestAWSDiskConflicts 4, TestRBDDiskConflicts 4, TestISCSIDiskConflicts 4,
 * TestAccessModeConflicts 5 = 22 cases), the read-only exceptions, and ReadWriteOncePod through
 * the readable σ: kube-scheduler's message on every node, and preemption freeing the claim; and
 * the storage chapter's access modes (S8.2) against what σ enforces.
 */
import { describe, expect, it } from "vitest"
import { allowsConsumers } from "../../src/domain/storage/AccessModes.ts"
import {
  defaultProfile,
  type PodVolume,
  readableScheduler,
  REASON_DISK_CONFLICT,
  REASON_READ_WRITE_ONCE_POD_CONFLICT,
  volumeRestrictionsFilterPlugin,
  volumesConflict,
  type VolumeSource,
} from "../../src/scheduler/index.ts"
import { claim, podWith, pvcVolume, runPlugin, storage, worker } from "./volumeSupport.ts"

const vol = (source: VolumeSource, name = "v"): PodVolume => ({ name, source })
const unschedulable = (reason: string) => ({ code: "Unschedulable", reasons: [reason] })
const ok = { code: "Success", reasons: [] }
const none = storage({})

/** The four conflict tables share one shape: nothing / one state / same state / different state. */
const diskTable = (kind: string, state: VolumeSource, state2: VolumeSource) =>
  describe(`${kind} disk conflicts (upstream Test${kind}DiskConflicts)`, () => {
    const n = worker("n")
    it("nothing: PreFilter skips", () => {
      expect(runPlugin(volumeRestrictionsFilterPlugin, podWith("p", []), [{ node: n }], none).preFilter).toEqual({ kind: "skip" })
    })
    it("one state: a pod without volumes skips, whatever is on the node", () => {
      const r = runPlugin(volumeRestrictionsFilterPlugin, podWith("p", []), [{ node: n, pods: [podWith("e", [vol(state)])] }], none)
      expect(r.preFilter).toEqual({ kind: "skip" })
    })
    it("same state: the same disk on the node conflicts", () => {
      const r = runPlugin(volumeRestrictionsFilterPlugin, podWith("p", [vol(state)]), [{ node: n, pods: [podWith("e", [vol(state)])] }], none)
      expect(r.preFilter?.kind).toBe("proceed")
      expect(r.filter).toEqual([unschedulable(REASON_DISK_CONFLICT)])
    })
    it("different state: another disk does not", () => {
      const r = runPlugin(volumeRestrictionsFilterPlugin, podWith("p", [vol(state2)]), [{ node: n, pods: [podWith("e", [vol(state)])] }], none)
      expect(r.preFilter?.kind).toBe("proceed")
      expect(r.filter).toEqual([ok])
    })
  })

diskTable("GCE", { type: "gcePersistentDisk", pdName: "foo", readOnly: false }, { type: "gcePersistentDisk", pdName: "bar", readOnly: false })
diskTable("AWS", { type: "awsElasticBlockStore", volumeID: "foo", readOnly: false }, { type: "awsElasticBlockStore", volumeID: "bar", readOnly: false })
diskTable(
  "RBD",
  { type: "rbd", monitors: ["a", "b"], pool: "foo", image: "bar", readOnly: false },
  { type: "rbd", monitors: ["c", "d"], pool: "foo", image: "bar", readOnly: false },
)
diskTable(
  "ISCSI",
  { type: "iscsi", targetPortal: "127.0.0.1:3260", iqn: "iqn.2016-12.server:storage.target01", lun: 0, readOnly: false },
  { type: "iscsi", targetPortal: "127.0.0.1:3260", iqn: "iqn.2017-12.server:storage.target01", lun: 0, readOnly: false },
)

describe("GCE: a volume without restrictions (the fifth GCE case)", () => {
  it("an emptyDir skips the plugin", () => {
    const r = runPlugin(volumeRestrictionsFilterPlugin, podWith("p", [vol({ type: "other", kind: "emptyDir" })]), [{ node: worker("n") }], none)
    expect(r.preFilter).toEqual({ kind: "skip" })
  })
})

describe("read-only exceptions (isVolumeConflict)", () => {
  const gce = (readOnly: boolean): VolumeSource => ({ type: "gcePersistentDisk", pdName: "pd", readOnly })
  const aws = (readOnly: boolean): VolumeSource => ({ type: "awsElasticBlockStore", volumeID: "vol-1", readOnly })
  const iscsi = (readOnly: boolean, portal = "10.0.0.1:3260", lun = 0): VolumeSource => ({ type: "iscsi", targetPortal: portal, iqn: "iqn.x", lun, readOnly })
  const rbd = (readOnly: boolean, monitors = ["m1"], pool = "rbd"): VolumeSource => ({ type: "rbd", monitors, pool, image: "img", readOnly })
  it("GCE PD and iSCSI: only when both are read-only", () => {
    expect(volumesConflict(gce(true), gce(true))).toBe(false)
    expect(volumesConflict(gce(true), gce(false))).toBe(true)
    expect(volumesConflict(iscsi(true), iscsi(true))).toBe(false)
    expect(volumesConflict(iscsi(false), iscsi(true))).toBe(true)
  })
  it("iSCSI compares the IQN only, not the portal or LUN", () => {
    expect(volumesConflict(iscsi(false, "10.0.0.1:3260", 0), iscsi(false, "10.0.0.2:3260", 7))).toBe(true)
  })
  it("AWS EBS: even two read-only mounts conflict", () => {
    expect(volumesConflict(aws(true), aws(true))).toBe(true)
  })
  it("RBD: one shared monitor, same pool and image, unless both read-only", () => {
    expect(volumesConflict(rbd(false, ["m1", "m2"]), rbd(false, ["m2", "m3"]))).toBe(true)
    expect(volumesConflict(rbd(true), rbd(true))).toBe(false)
    expect(volumesConflict(rbd(false, ["m1"], "rbd"), rbd(false, ["m1"], "other"))).toBe(false)
  })
  it("different kinds never conflict", () => {
    expect(volumesConflict(gce(false), aws(false))).toBe(false)
  })
})

describe("ReadWriteOncePod (upstream TestAccessModeConflicts)", () => {
  const objects = storage({
    persistentVolumeClaims: [
      claim("claim-with-rwop-1", { accessModes: ["ReadWriteOncePod"] }),
      claim("claim-with-rwop-2", { accessModes: ["ReadWriteOncePod"] }),
      claim("claim-with-rwx", { accessModes: ["ReadWriteMany"] }),
    ],
  })
  const n = worker("node-1")
  const withOne = podWith("pod-with-one-pvc", [pvcVolume("claim-with-rwop-1")])
  const withTwo = podWith("pod-with-two-pvcs", [pvcVolume("claim-with-rwop-1"), pvcVolume("claim-with-rwop-2")])
  const withRwx = podWith("pod-with-rwx", [pvcVolume("claim-with-rwx")])

  it("nothing: skip", () => {
    expect(runPlugin(volumeRestrictionsFilterPlugin, podWith("p", []), [{ node: n }], objects).preFilter).toEqual({ kind: "skip" })
  })
  it("failed to get PVC: PreFilter rejects with the lister's message", () => {
    const r = runPlugin(volumeRestrictionsFilterPlugin, withOne, [{ node: n }], storage({}))
    expect(r.preFilter).toEqual({ kind: "reject", status: { code: "UnschedulableAndUnresolvable", reasons: ['persistentvolumeclaim "claim-with-rwop-1" not found'] } })
  })
  it("no access mode conflict: the RWOP claim is unused, skip", () => {
    const r = runPlugin(volumeRestrictionsFilterPlugin, withOne, [{ node: n, pods: [withRwx] }], objects)
    expect(r.preFilter).toEqual({ kind: "skip" })
  })
  it("access mode conflict: Unschedulable at Filter", () => {
    const r = runPlugin(volumeRestrictionsFilterPlugin, podWith("pod-with-one-conflict", [pvcVolume("claim-with-rwop-1")]), [{ node: n, pods: [withOne, withRwx] }], objects)
    expect(r.preFilter).toEqual({ kind: "proceed", state: { readWriteOncePodClaims: new Set(["claim-with-rwop-1"]), conflictingClaims: 1 } })
    expect(r.filter).toEqual([unschedulable(REASON_READ_WRITE_ONCE_POD_CONFLICT)])
  })
  it("two conflicts: Unschedulable", () => {
    const p = podWith("pod-with-two-conflicts", [pvcVolume("claim-with-rwop-1"), pvcVolume("claim-with-rwop-2")])
    const r = runPlugin(volumeRestrictionsFilterPlugin, p, [{ node: n, pods: [withTwo, withRwx] }], objects)
    expect(r.preFilter).toEqual({ kind: "proceed", state: { readWriteOncePodClaims: new Set(["claim-with-rwop-1", "claim-with-rwop-2"]), conflictingClaims: 2 } })
    expect(r.filter).toEqual([unschedulable(REASON_READ_WRITE_ONCE_POD_CONFLICT)])
  })
  it("the claim in use on another node fails every node, and a claim of the same name in another namespace is not the same", () => {
    const r = runPlugin(volumeRestrictionsFilterPlugin, withOne, [{ node: n }, { node: worker("node-2"), pods: [podWith("e", [pvcVolume("claim-with-rwop-1")])] }], objects)
    expect(r.filter).toEqual([unschedulable(REASON_READ_WRITE_ONCE_POD_CONFLICT), unschedulable(REASON_READ_WRITE_ONCE_POD_CONFLICT)])
    const other = runPlugin(volumeRestrictionsFilterPlugin, withOne, [{ node: n, pods: [podWith("other/e", [pvcVolume("claim-with-rwop-1")])] }], objects)
    expect(other.preFilter).toEqual({ kind: "skip" })
  })
})

describe("ReadWriteOncePod through the readable σ", () => {
  const objects = storage({ persistentVolumeClaims: [claim("data", { accessModes: ["ReadWriteOncePod"] })] })
  const profile = { ...defaultProfile, filters: ["VolumeRestrictions" as const], weights: {} }
  const holder = (priority: number) => podWith("holder", [pvcVolume("data")], { priority })

  // (the DynamicResources PostFilter of the default profile speaks first, as in kube-scheduler)
  it("every node fails with kube-scheduler's message; equal priority cannot preempt", () => {
    const s = readableScheduler({ nodes: [worker("a"), worker("b"), worker("c")], bound: [{ pod: holder(5), node: "b" }], storage: objects }, { profile })
    const r = s.schedule(podWith("second", [pvcVolume("data")], { priority: 5 }))
    expect(r.node).toBeNull()
    expect(r.message).toBe(
      "0/3 nodes are available: 3 node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode. no new claims to deallocate, preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    )
  })

  it("a higher-priority pod preempts the holder and takes its node", () => {
    const s = readableScheduler({ nodes: [worker("a"), worker("b"), worker("c")], bound: [{ pod: holder(1), node: "b" }], storage: objects }, { profile })
    const r = s.schedule(podWith("urgent", [pvcVolume("data")], { priority: 10 }))
    // only on b does removing a victim free the claim; a and c have nothing to evict
    expect(r).toMatchObject({ node: "b", victims: ["default/holder"] })
  })
})

describe("S8.2 tie-in: which access-mode limits σ enforces", () => {
  // The storage chapter's allowsConsumers says who may use a volume at once. σ enforces RWOP's
  // "one pod" (VolumeRestrictions); RWO's "one node" is left to attach (a Multi-Attach error after
  // binding), and ROX / RWX need nothing.
  const profile = { ...defaultProfile, filters: ["NodeName" as const, "VolumeRestrictions" as const], weights: {} }
  const second = (mode: "ReadWriteOncePod" | "ReadWriteOnce" | "ReadWriteMany") => {
    const objects = storage({ persistentVolumeClaims: [claim("data", { accessModes: [mode] })] })
    const s = readableScheduler({ nodes: [worker("a"), worker("b")], bound: [{ pod: podWith("first", [pvcVolume("data")]), node: "a" }], storage: objects }, { profile })
    return s.schedule(podWith("second", [pvcVolume("data")], { nodeName: "b" })).node
  }
  it("a second pod on another node: refused for RWOP only", () => {
    const twoPodsTwoNodes = { nodes: 2, pods: 2, writers: 2 }
    expect([allowsConsumers("ReadWriteOncePod", twoPodsTwoNodes), second("ReadWriteOncePod")]).toEqual([false, null])
    // allowed by σ although the access mode forbids it: the attach fails later, not the scheduling
    expect([allowsConsumers("ReadWriteOnce", twoPodsTwoNodes), second("ReadWriteOnce")]).toEqual([false, "b"])
    expect([allowsConsumers("ReadWriteMany", twoPodsTwoNodes), second("ReadWriteMany")]).toEqual([true, "b"])
  })
})
