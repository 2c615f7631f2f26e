/**
 * VolumeBinding (kube-scheduler v1.35): upstream's TestVolumeBinding filter cases restated (12;
 * its remaining cases score with StorageCapacityScoring, alpha and off in v1.35, and the newest
 * PreFilter no longer narrows nodes by local PVs), FindMatchingVolume's rules one by one,
 * provisioning (no-provisioner, allowedTopologies, selected-node), and the Reserve model through
 * the readable σ: a WaitForFirstConsumer claim whose only PV constrains the node, the PV then
 * bound so a later pod cannot take it, and a provisioned volume that follows its node's zone.
 */
import { describe, expect, it } from "vitest"
import {
  defaultProfile,
  findMatchingVolume,
  readableScheduler,
  REASON_BIND_CONFLICT,
  REASON_NODE_CONFLICT,
  REASON_PV_NOT_EXIST,
  REASON_UNBOUND_IMMEDIATE,
  storageIndex,
  volumeBindingFilterPlugin,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type StorageObjects,
} from "../../src/scheduler/index.ts"
import { boundClaim, claim, csiNode, Gi, podWith, pvcVolume, runPlugin, storage, storageClass, viewOf, volume, worker } from "./volumeSupport.ts"

const HOST = "kubernetes.io/hostname"
const ZONE = "topology.kubernetes.io/zone"
const ok = { code: "Success", reasons: [] }
const unresolvable = (...reasons: string[]) => ({ code: "UnschedulableAndUnresolvable", reasons })
const rejected = (message: string) => ({ kind: "reject", status: unresolvable(message) })
const onHost = (host: string) => [{ matchExpressions: [{ key: HOST, operator: "In" as const, values: [host] }], matchFields: [] }]

// upstream's classes: neither has a provisioner
const immediateSC = storageClass("immediate-sc", { provisioner: "" })
const waitSC = storageClass("wait-sc", { provisioner: "", volumeBindingMode: "WaitForFirstConsumer" })
const classes = [immediateSC, waitSC]
const pod = (...claims: string[]) => podWith("pod-a", claims.map((c) => pvcVolume(c)))
const nodeA = worker("node-a")

describe("VolumeBinding: upstream TestVolumeBinding (filter cases)", () => {
  it("pod has not pvcs: skip", () => {
    expect(runPlugin(volumeBindingFilterPlugin, podWith("pod-a", []), [{ node: nodeA }], storage({})).preFilter).toEqual({ kind: "skip" })
  })
  it("all bound", () => {
    const objects = storage({ storageClasses: classes, persistentVolumeClaims: [boundClaim("pvc-a", "pv-a", { storageClassName: "wait-sc" })], persistentVolumes: [volume("pv-a", { storageClassName: "wait-sc" })] })
    const r = runPlugin(volumeBindingFilterPlugin, pod("pvc-a"), [{ node: nodeA }], objects)
    expect(r.preFilter?.kind).toBe("proceed")
    expect(r.filter).toEqual([ok])
  })
  it("all bound with local volumes", () => {
    const objects = storage({
      storageClasses: classes,
      persistentVolumeClaims: [boundClaim("pvc-a", "pv-a", { storageClassName: "wait-sc" }), boundClaim("pvc-b", "pv-b", { storageClassName: "wait-sc" })],
      persistentVolumes: [
        volume("pv-a", { storageClassName: "wait-sc", phase: "Bound", nodeAffinity: onHost("node-a") }),
        volume("pv-b", { storageClassName: "wait-sc", phase: "Bound", nodeAffinity: onHost("node-a") }),
      ],
    })
    expect(runPlugin(volumeBindingFilterPlugin, pod("pvc-a", "pvc-b"), [{ node: nodeA }, { node: worker("node-b") }], objects).filter).toEqual([
      ok,
      unresolvable(REASON_NODE_CONFLICT),
    ])
  })
  it("PVC does not exist", () => {
    expect(runPlugin(volumeBindingFilterPlugin, pod("pvc-a"), [{ node: nodeA }], storage({})).preFilter).toEqual(rejected('persistentvolumeclaim "pvc-a" not found'))
  })
  it("Part of PVCs do not exist", () => {
    const objects = storage({ storageClasses: classes, persistentVolumeClaims: [boundClaim("pvc-a", "pv-a", { storageClassName: "wait-sc" })] })
    expect(runPlugin(volumeBindingFilterPlugin, pod("pvc-a", "pvc-b"), [{ node: nodeA }], objects).preFilter).toEqual(rejected('persistentvolumeclaim "pvc-b" not found'))
  })
  it("immediate claims not bound", () => {
    const objects = storage({ storageClasses: classes, persistentVolumeClaims: [claim("pvc-a", { storageClassName: "immediate-sc" })] })
    expect(runPlugin(volumeBindingFilterPlugin, pod("pvc-a"), [{ node: nodeA }], objects).preFilter).toEqual(rejected(REASON_UNBOUND_IMMEDIATE))
  })
  it("unbound claims no matches", () => {
    const objects = storage({ storageClasses: classes, persistentVolumeClaims: [claim("pvc-a", { storageClassName: "wait-sc" })] })
    expect(runPlugin(volumeBindingFilterPlugin, pod("pvc-a"), [{ node: nodeA }], objects).filter).toEqual([unresolvable(REASON_BIND_CONFLICT)])
  })
  it("bound and unbound unsatisfied: both reasons, in upstream's order", () => {
    const objects = storage({
      storageClasses: classes,
      persistentVolumeClaims: [boundClaim("pvc-a", "pv-a", { storageClassName: "wait-sc" }), claim("pvc-b", { storageClassName: "wait-sc" })],
      persistentVolumes: [
        volume("pv-a", { storageClassName: "wait-sc", nodeAffinity: [{ matchExpressions: [{ key: "foo", operator: "In", values: ["bar"] }], matchFields: [] }] }),
      ],
    })
    const r = runPlugin(volumeBindingFilterPlugin, pod("pvc-a", "pvc-b"), [{ node: worker("node-a", { foo: "barbar" }) }], objects)
    expect(r.filter).toEqual([unresolvable(REASON_NODE_CONFLICT, REASON_BIND_CONFLICT)])
  })
  it("pvc not found", () => {
    expect(runPlugin(volumeBindingFilterPlugin, pod("pvc-a"), [{ node: nodeA }], storage({ storageClasses: classes })).preFilter).toEqual(
      rejected('persistentvolumeclaim "pvc-a" not found'),
    )
  })
  it("pv not found", () => {
    const objects = storage({ storageClasses: classes, persistentVolumeClaims: [boundClaim("pvc-a", "pv-a", { storageClassName: "wait-sc" })] })
    expect(runPlugin(volumeBindingFilterPlugin, pod("pvc-a"), [{ node: nodeA }], objects).filter).toEqual([unresolvable(REASON_PV_NOT_EXIST)])
  })
  it("pv not found claim lost", () => {
    const objects = storage({ storageClasses: classes, persistentVolumeClaims: [boundClaim("pvc-a", "pv-a", { storageClassName: "wait-sc", phase: "Lost" })] })
    expect(runPlugin(volumeBindingFilterPlugin, pod("pvc-a"), [{ node: nodeA }], objects).preFilter).toEqual(
      rejected('persistentvolumeclaim "pvc-a" bound to non-existent persistentvolume "pv-a"'),
    )
  })
  it("local volumes with close capacity: nodes without a fitting PV fail", () => {
    const local = (name: string, host: string, size: number) => volume(name, { storageClassName: "wait-sc", phase: "Available", capacityBytes: size * Gi, nodeAffinity: onHost(host) })
    const objects = storage({
      storageClasses: classes,
      persistentVolumeClaims: [claim("pvc-a", { storageClassName: "wait-sc", requestBytes: 50 * Gi })],
      persistentVolumes: [local("pv-a-0", "node-a", 200), local("pv-a-1", "node-a", 200), local("pv-b-0", "node-b", 100), local("pv-b-1", "node-b", 100)],
    })
    const r = runPlugin(volumeBindingFilterPlugin, pod("pvc-a"), [{ node: nodeA }, { node: worker("node-b") }, { node: worker("node-c") }], objects)
    expect(r.filter).toEqual([ok, ok, unresolvable(REASON_BIND_CONFLICT)])
  })
})

describe("VolumeBinding: the claim checks of PreFilter", () => {
  it("a claim being deleted, a pre-bound claim, a missing or foreign ephemeral claim", () => {
    const objects = storage({
      storageClasses: classes,
      persistentVolumeClaims: [
        claim("gone", { storageClassName: "wait-sc", deleting: true }),
        claim("prebound", { storageClassName: "wait-sc", volumeName: "pv-x" }),
        claim("pod-a-scratch", { storageClassName: "wait-sc" }),
      ],
    })
    const n = [{ node: nodeA }]
    expect(runPlugin(volumeBindingFilterPlugin, pod("gone"), n, objects).preFilter).toEqual(rejected('persistentvolumeclaim "gone" is being deleted'))
    expect(runPlugin(volumeBindingFilterPlugin, pod("prebound"), n, objects).preFilter).toEqual(rejected(REASON_UNBOUND_IMMEDIATE))
    const eph = (volumeName: string) => podWith("pod-a", [{ name: volumeName, source: { type: "ephemeral" } }])
    expect(runPlugin(volumeBindingFilterPlugin, eph("data"), n, objects).preFilter).toEqual(
      rejected('waiting for ephemeral volume controller to create the persistentvolumeclaim "pod-a-data"'),
    )
    expect(runPlugin(volumeBindingFilterPlugin, eph("scratch"), n, objects).preFilter).toEqual(
      rejected("PVC default/pod-a-scratch was not created for pod default/pod-a (pod is not owner)"),
    )
  })
  it("a claim without a class, or of a missing class, is immediate; the default class makes it delayed", () => {
    const objects = storage({ persistentVolumeClaims: [claim("none"), claim("missing", { storageClassName: "nope" })] })
    expect(runPlugin(volumeBindingFilterPlugin, pod("none"), [{ node: nodeA }], objects).preFilter).toEqual(rejected(REASON_UNBOUND_IMMEDIATE))
    expect(runPlugin(volumeBindingFilterPlugin, pod("missing"), [{ node: nodeA }], objects).preFilter).toEqual(rejected(REASON_UNBOUND_IMMEDIATE))
    const withDefault = storage({ ...objects, storageClasses: [storageClass("std", { volumeBindingMode: "WaitForFirstConsumer", isDefault: true })] })
    expect(runPlugin(volumeBindingFilterPlugin, pod("none"), [{ node: nodeA }], withDefault).filter).toEqual([ok])
  })
})

describe("FindMatchingVolume, rule by rule", () => {
  const c = claim("c", { storageClassName: "wait-sc", requestBytes: 10 * Gi })
  const pv = (name: string, rest: Partial<PersistentVolume> = {}) => volume(name, { storageClassName: "wait-sc", capacityBytes: 10 * Gi, ...rest })
  const pick = (volumes: ReadonlyArray<PersistentVolume>, theClaim: PersistentVolumeClaim = c, labels: Readonly<Record<string, string>> = {}, excluded: ReadonlySet<string> = new Set()) =>
    findMatchingVolume(theClaim, theClaim.storageClassName ?? "", volumes, worker("n", labels), excluded)?.name
  it("the smallest that fits; the first of equal size; none too small", () => {
    expect(pick([pv("big", { capacityBytes: 50 * Gi }), pv("small"), pv("small-2")])).toBe("small")
    expect(pick([pv("tiny", { capacityBytes: 5 * Gi })])).toBeUndefined()
  })
  it("a PV pre-bound to the claim wins even when bigger, unless its node affinity rejects the node", () => {
    const pre = pv("pre", { capacityBytes: 100 * Gi, claimRef: { namespace: "default", name: "c" }, phase: "Bound" })
    expect(pick([pv("small"), pre])).toBe("pre")
    expect(pick([pv("small"), { ...pre, nodeAffinity: onHost("elsewhere") }])).toBeUndefined()
  })
  it("skips PVs claimed by another claim, excluded, deleting, not Available, of another class or mode or attributes class", () => {
    expect(pick([pv("x", { claimRef: { namespace: "default", name: "other" } })])).toBeUndefined()
    expect(pick([pv("x")], c, {}, new Set(["x"]))).toBeUndefined()
    expect(pick([pv("x", { deleting: true })])).toBeUndefined()
    expect(pick([pv("x", { phase: "Released" })])).toBeUndefined()
    expect(pick([pv("x", { storageClassName: "other" })])).toBeUndefined()
    expect(pick([pv("x", { volumeMode: "Block" })])).toBeUndefined()
    expect(pick([pv("x", { volumeAttributesClassName: "gold" })])).toBeUndefined()
    expect(pick([pv("x", { volumeMode: "Block" })], { ...c, volumeMode: "Block" })).toBe("x")
  })
  it("the claim's access modes must all be offered; its selector must match the PV's labels", () => {
    expect(pick([pv("x", { accessModes: ["ReadOnlyMany"] })])).toBeUndefined()
    expect(pick([pv("x", { accessModes: ["ReadWriteOnce", "ReadOnlyMany"] })], { ...c, accessModes: ["ReadOnlyMany"] })).toBe("x")
    expect(pick([pv("x", { labels: { tier: "fast" } })], { ...c, selector: { matchLabels: { tier: "slow" } } })).toBeUndefined()
    expect(pick([pv("x", { labels: { tier: "fast" } })], { ...c, selector: { matchLabels: { tier: "fast" } } })).toBe("x")
  })
  it("node affinity is checked on the labels alone: matchFields on metadata.name never match", () => {
    const byName = pv("x", { nodeAffinity: [{ matchExpressions: [], matchFields: [{ key: "metadata.name", operator: "In", values: ["n"] }] }] })
    expect(pick([byName])).toBeUndefined()
    expect(pick([pv("y", { nodeAffinity: onHost("n") })], c, { [HOST]: "n" })).toBe("y")
  })
})

describe("VolumeBinding: several claims, provisioning", () => {
  const wait = (provisioner: string, rest = {}) => storageClass("wait", { provisioner, volumeBindingMode: "WaitForFirstConsumer", ...rest })
  it("claims are matched smallest first and never share a PV", () => {
    const objects = storage({
      storageClasses: [wait("")],
      persistentVolumeClaims: [claim("big", { storageClassName: "wait", requestBytes: 20 * Gi }), claim("small", { storageClassName: "wait", requestBytes: 5 * Gi })],
      persistentVolumes: [volume("pv-20", { storageClassName: "wait", capacityBytes: 20 * Gi }), volume("pv-5", { storageClassName: "wait", capacityBytes: 5 * Gi })],
    })
    expect(runPlugin(volumeBindingFilterPlugin, pod("big", "small"), [{ node: nodeA }], objects).filter).toEqual([ok])
    const one = storage({ ...objects, persistentVolumes: [volume("pv-20", { storageClassName: "wait", capacityBytes: 20 * Gi })] })
    expect(runPlugin(volumeBindingFilterPlugin, pod("big", "small"), [{ node: nodeA }], one).filter).toEqual([unresolvable(REASON_BIND_CONFLICT)])
  })
  it("provisioning: a provisioner is needed (not kubernetes.io/no-provisioner); allowedTopologies choose the nodes", () => {
    const zoned = [{ matchExpressions: [{ key: ZONE, operator: "In" as const, values: ["z1"] }], matchFields: [] }]
    const make = (sc: ReturnType<typeof wait>) => storage({ storageClasses: [sc], persistentVolumeClaims: [claim("c", { storageClassName: "wait" })] })
    const nodes = [{ node: worker("a", { [ZONE]: "z1" }) }, { node: worker("b", { [ZONE]: "z2" }) }]
    expect(runPlugin(volumeBindingFilterPlugin, pod("c"), nodes, make(wait("kubernetes.io/no-provisioner"))).filter).toEqual([unresolvable(REASON_BIND_CONFLICT), unresolvable(REASON_BIND_CONFLICT)])
    expect(runPlugin(volumeBindingFilterPlugin, pod("c"), nodes, make(wait("csi.example.com"))).filter).toEqual([ok, ok])
    expect(runPlugin(volumeBindingFilterPlugin, pod("c"), nodes, make(wait("csi.example.com", { allowedTopologies: zoned }))).filter).toEqual([ok, unresolvable(REASON_BIND_CONFLICT)])
  })
  it("a claim whose provisioning selected a node fits that node only", () => {
    const objects = storage({ storageClasses: [wait("csi.example.com")], persistentVolumeClaims: [claim("c", { storageClassName: "wait", selectedNode: "b" })] })
    expect(runPlugin(volumeBindingFilterPlugin, pod("c"), [{ node: worker("a") }, { node: worker("b") }], objects).filter).toEqual([unresolvable(REASON_BIND_CONFLICT), ok])
  })
})

describe("VolumeBinding through the readable σ: WaitForFirstConsumer and Reserve", () => {
  const profile = { ...defaultProfile, filters: ["VolumeBinding" as const], weights: { NodeResourcesFit: 1 } }
  const local = storageClass("local", { provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "WaitForFirstConsumer" })
  const nodes = [worker("a"), worker("b"), worker("c")]
  const objects: StorageObjects = storage({
    storageClasses: [local],
    persistentVolumes: [volume("local-b", { storageClassName: "local", capacityBytes: 100 * Gi, nodeAffinity: onHost("b") })],
    persistentVolumeClaims: [claim("data-0", { storageClassName: "local", requestBytes: 10 * Gi }), claim("data-1", { storageClassName: "local", requestBytes: 10 * Gi })],
  })

  it("the only PV that fits decides the node; once bound, a second claim finds none and a sharer follows the PV", () => {
    const s = readableScheduler({ nodes, bound: [], storage: objects }, { profile })
    // a and c have no PV of the class: only b passes the filter
    expect(s.schedule(podWith("db-0", [pvcVolume("data-0")])).node).toBe("b")
    // local-b is now bound to data-0: data-1 has no PV left and its class cannot provision
    const r = s.schedule(podWith("db-1", [pvcVolume("data-1")]))
    expect(r.node).toBeNull()
    expect(r.message).toBe(
      "0/3 nodes are available: 3 node(s) didn't find available persistent volumes to bind. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    )
    // data-0 is bound to local-b now: a pod sharing it must run on b
    const sharer = s.schedule(podWith("reader", [pvcVolume("data-0")]), { explain: true })
    expect(sharer.node).toBe("b")
    expect(sharer.scores?.filter((x) => !x.feasible).map((x) => [x.node, x.reasons])).toEqual([
      ["a", [REASON_NODE_CONFLICT]],
      ["c", [REASON_NODE_CONFLICT]],
    ])
  })

  it("Reserve binds the chosen PV to its claim (claimRef, phases) and leaves the rest alone", () => {
    const plugin = volumeBindingFilterPlugin(profile)
    const { states, view } = viewOf(nodes.map((node) => ({ node })), objects)
    const p = podWith("db-0", [pvcVolume("data-0")])
    const pre = plugin.preFilter?.(p, view)
    const state = pre?.kind === "proceed" ? pre.state : undefined
    expect(state).toBeDefined()
    expect(plugin.reserve?.(p, states[0]!, state, view)).toBeUndefined() // a: nothing fits, nothing changes
    const after = plugin.reserve?.(p, states[1]!, state, view)
    const index = storageIndex(after?.storage ?? objects)
    expect(index.volume("local-b")).toMatchObject({ claimRef: { namespace: "default", name: "data-0" }, phase: "Bound" })
    expect(index.claim("default", "data-0")).toMatchObject({ volumeName: "local-b", phase: "Bound" })
    expect(index.claim("default", "data-1")).toEqual(objects.persistentVolumeClaims[1])
  })

  it("a provisioned volume is reachable where its driver's topology keys say: the node's zone", () => {
    const zonal = storageClass("zonal", { provisioner: "pd.csi.storage.gke.io", volumeBindingMode: "WaitForFirstConsumer" })
    const zoned = [worker("a1", { [ZONE]: "z1" }), worker("b1", { [ZONE]: "z2" }), worker("b2", { [ZONE]: "z2" })]
    const csi = zoned.map((n) => csiNode(n.name, [{ name: "pd.csi.storage.gke.io", topologyKeys: [ZONE] }]))
    const shared = storage({
      storageClasses: [zonal],
      csiNodes: csi,
      persistentVolumeClaims: [claim("shared", { storageClassName: "zonal", accessModes: ["ReadWriteMany"] })],
    })
    // pin the first pod to b1; the volume is provisioned in z2
    const s = readableScheduler({ nodes: zoned, bound: [], storage: shared }, { profile: { ...profile, filters: ["NodeName", "VolumeBinding"] } })
    expect(s.schedule(podWith("first", [pvcVolume("shared")], { nodeName: "b1" })).node).toBe("b1")
    // a sharer may go to either z2 node, never to z1
    const r = s.schedule(podWith("second", [pvcVolume("shared")]), { explain: true })
    expect(["b1", "b2"]).toContain(r.node)
    expect(r.scores?.find((x) => x.node === "a1")).toMatchObject({ feasible: false, reasons: [REASON_NODE_CONFLICT] })
  })
})
