/**
 * VolumeBinding's storage capacity check (kube-scheduler v1.35, binder.go `checkVolumeProvisions`,
 * `hasEnoughCapacity`, `capacitySufficient`, `nodeHasAccess`): upstream's binder_test.go
 * TestCapacity restated row by row for a driver that opted in and one that did not, the
 * capacity-tracking runs of TestFindPodVolumesWithProvisioning, how FindPodVolumes turns the
 * first failing claim into reasons, and a batch that sees the same capacities for every pod.
 * Each case runs the plugin alone (its Filter status, code included) and both engines through the
 * whole default profile, which must give the node the same reasons. Through the CLI: the warning
 * for CSIStorageCapacities without their CSIDriver, the two kinds no longer "not modelled", and bad
 * input exiting 2 with the file, document and path. (The manifest fixtures storage-capacity* of
 * fixtures/volumes/volume-binding run `schedule --explain --json` on both engines.)
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import {
  capacitySufficient,
  defaultProfile,
  hotScheduler,
  nodeHasAccess,
  readableScheduler,
  REASON_BIND_CONFLICT,
  REASON_NOT_ENOUGH_SPACE,
  storageIndex,
  volumeBindingFilterPlugin,
  type ClusterSnapshot,
  type CsiStorageCapacity,
  type SchedulingNode,
  type SchedulingPod,
  type StorageObjects,
} from "../../src/scheduler/index.ts"
import { boundClaim, claim, csiCapacity, csiDriver, Gi, podWith, pvcVolume, runPlugin, storage, storageClass, volume, worker } from "./volumeSupport.ts"
import { spawnCli } from "../support/spawnCli.ts"

const Mi = 2 ** 20
// binder_test.go's fixtures: the provisioner, its class (allowedTopologies admit node1), the node label
const PROVISIONER = "test-provisioner"
const NODE_KEY = "nodeKey"
const WAIT_WITH_PROVISIONER = "waitClassWithProvisioner"
const WAIT = "waitClass"
const classes = [
  storageClass(WAIT_WITH_PROVISIONER, {
    provisioner: PROVISIONER,
    volumeBindingMode: "WaitForFirstConsumer",
    allowedTopologies: [{ matchExpressions: [{ key: NODE_KEY, operator: "In", values: ["node1", "reference-value"] }], matchFields: [] }],
  }),
  storageClass(WAIT, { provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "WaitForFirstConsumer" }),
  storageClass("topoMismatchClass", {
    provisioner: PROVISIONER,
    volumeBindingMode: "WaitForFirstConsumer",
    allowedTopologies: [{ matchExpressions: [{ key: NODE_KEY, operator: "In", values: ["reference-value"] }], matchFields: [] }],
  }),
]
const node1 = worker("node1", { [NODE_KEY]: "node1" })
const node2 = worker("node2", { [NODE_KEY]: "node2" })
const provisionedPVC = claim("provisioned-pvc", { storageClassName: WAIT_WITH_PROVISIONER, requestBytes: Gi })
const onNode = (n: SchedulingNode) => ({ matchLabels: { [NODE_KEY]: n.labels[NODE_KEY] as string } })
// makeCapacity: an empty nodeTopology (every node) unless a node is given
const capacity = (className: string, node: SchedulingNode | undefined, sizes: Partial<CsiStorageCapacity>, name = "net"): CsiStorageCapacity =>
  csiCapacity(name, className, { nodeTopology: node === undefined ? {} : onNode(node), ...sizes })
const networkAttachedCapacity = capacity(WAIT_WITH_PROVISIONER, undefined, { capacityBytes: Gi }, "net")
const node1Capacity = capacity(WAIT_WITH_PROVISIONER, node1, { capacityBytes: Gi }, "node1")
const node2Capacity = capacity(WAIT_WITH_PROVISIONER, node2, { capacityBytes: Gi }, "node2")

const ok = { code: "Success", reasons: [] }
const unresolvable = (...reasons: string[]) => ({ code: "UnschedulableAndUnresolvable", reasons })
const claimsPod = (claims: ReadonlyArray<string>): SchedulingPod => podWith("test-pod", claims.map((c) => pvcVolume(c)))

/**
 * The plugin's Filter status on each node, after checking that both engines, under the whole
 * default profile, give every node the same reasons (none on a feasible node).
 */
const filterOnBothEngines = (incoming: SchedulingPod, nodes: ReadonlyArray<SchedulingNode>, objects: StorageObjects) => {
  const alone = runPlugin(volumeBindingFilterPlugin, incoming, nodes.map((n) => ({ node: n })), objects)
  const cluster: ClusterSnapshot = { nodes, bound: [], storage: objects }
  const reasonsOf = (engine: "hot" | "readable") => {
    const s = engine === "hot" ? hotScheduler(cluster, { profile: defaultProfile }) : readableScheduler(cluster, { profile: defaultProfile })
    const placed = s.schedule(incoming, { explain: true })
    return nodes.map((n) => placed.scores?.find((e) => e.node === n.name)?.reasons ?? [])
  }
  const readable = reasonsOf("readable")
  expect(reasonsOf("hot")).toEqual(readable)
  expect(readable).toEqual((alone.filter ?? []).map((s) => s.reasons))
  return alone.filter
}

describe("VolumeBinding capacity: binder_test.go TestCapacity", () => {
  // [case name, capacities, room on node1] — upstream expects ErrReasonNotEnoughSpace where there is no room
  const rows: ReadonlyArray<readonly [string, ReadonlyArray<CsiStorageCapacity>, boolean]> = [
    ["network-attached", [networkAttachedCapacity], true],
    ["local-storage", [node1Capacity], true],
    // upstream's three objects share one name, so its informer keeps node1Capacity alone; named apart here
    ["multiple", [networkAttachedCapacity, node2Capacity, node1Capacity], true],
    ["no-storage", [], false],
    ["wrong-node", [capacity(WAIT_WITH_PROVISIONER, node2, { capacityBytes: Gi })], false],
    ["wrong-storage-class", [capacity(WAIT, node1, { capacityBytes: Gi })], false],
    ["insufficient-storage", [capacity(WAIT_WITH_PROVISIONER, node1, { capacityBytes: Mi })], false],
    ["insufficient-volume-size", [capacity(WAIT_WITH_PROVISIONER, node1, { capacityBytes: Gi, maximumVolumeSizeBytes: Mi })], false],
    ["zero-storage", [capacity(WAIT_WITH_PROVISIONER, node1, { capacityBytes: 0 })], false],
    ["zero-volume-size", [capacity(WAIT_WITH_PROVISIONER, node1, { maximumVolumeSizeBytes: 0 })], false],
    ["nil-storage", [capacity(WAIT_WITH_PROVISIONER, node1, {})], false],
  ]
  for (const optIn of [true, false]) {
    describe(`CSIDriver.StorageCapacity=${optIn}`, () => {
      for (const [name, capacities, room] of rows) {
        it(`${name}: ${optIn && !room ? "not enough free storage" : "fits"}`, () => {
          const objects = storage({ storageClasses: classes, persistentVolumeClaims: [provisionedPVC], csiDrivers: [csiDriver(PROVISIONER, optIn)], csiStorageCapacities: capacities })
          expect(filterOnBothEngines(claimsPod(["provisioned-pvc"]), [node1], objects)).toEqual([optIn && !room ? unresolvable(REASON_NOT_ENOUGH_SPACE) : ok])
        })
      }
    })
  }
})

describe("VolumeBinding capacity: the rules behind TestCapacity (binder.go)", () => {
  const objects = (capacities: ReadonlyArray<CsiStorageCapacity>, drivers = [csiDriver(PROVISIONER, true)]) =>
    storage({ storageClasses: classes, persistentVolumeClaims: [provisionedPVC], csiDrivers: drivers, csiStorageCapacities: capacities })
  it("volumeLimit: maximumVolumeSize wins over capacity, in both directions", () => {
    expect(filterOnBothEngines(claimsPod(["provisioned-pvc"]), [node1], objects([capacity(WAIT_WITH_PROVISIONER, node1, { capacityBytes: Mi, maximumVolumeSizeBytes: Gi })]))).toEqual([ok])
    expect(capacitySufficient(csiCapacity("c", WAIT_WITH_PROVISIONER, { capacityBytes: 2 * Gi, maximumVolumeSizeBytes: Gi - 1 }), Gi)).toBe(false)
    expect(capacitySufficient(csiCapacity("c", WAIT_WITH_PROVISIONER, { capacityBytes: Gi }), Gi)).toBe(true)
  })
  it("nodeHasAccess: an absent nodeTopology reaches no node, an empty one every node", () => {
    const nodes = [node1, worker("node3", { [NODE_KEY]: "reference-value" })]
    const nowhere = capacity(WAIT_WITH_PROVISIONER, undefined, { capacityBytes: Gi })
    const { nodeTopology: _, ...withoutTopology } = nowhere
    expect(filterOnBothEngines(claimsPod(["provisioned-pvc"]), nodes, objects([withoutTopology]))).toEqual([unresolvable(REASON_NOT_ENOUGH_SPACE), unresolvable(REASON_NOT_ENOUGH_SPACE)])
    expect(filterOnBothEngines(claimsPod(["provisioned-pvc"]), nodes, objects([nowhere]))).toEqual([ok, ok])
  })
  it("the nodeTopology's label selector decides per node; node2 fails allowedTopologies before capacity is looked at", () => {
    const nodes = [node1, node2, worker("node3", { [NODE_KEY]: "reference-value" })]
    const zonal = capacity(WAIT_WITH_PROVISIONER, undefined, { capacityBytes: 10 * Gi, nodeTopology: { matchExpressions: [{ key: NODE_KEY, operator: "In", values: ["node2", "reference-value"] }] } })
    expect(filterOnBothEngines(claimsPod(["provisioned-pvc"]), nodes, objects([zonal]))).toEqual([
      unresolvable(REASON_NOT_ENOUGH_SPACE),
      unresolvable(REASON_BIND_CONFLICT),
      ok,
    ])
  })
  it("a driver is looked up by the class's provisioner: a CSIDriver of another name turns nothing on", () => {
    expect(filterOnBothEngines(claimsPod(["provisioned-pvc"]), [node1], objects([], [csiDriver("other.example.com", true)]))).toEqual([ok])
  })
})

describe("VolumeBinding capacity: TestFindPodVolumesWithProvisioning, CSIDriver with capacity tracking and no CSIStorageCapacity", () => {
  const pvNode1a = volume("pv-node1a", { storageClassName: WAIT, capacityBytes: 5e9, nodeAffinity: [{ matchExpressions: [{ key: NODE_KEY, operator: "In", values: ["node1"] }], matchFields: [] }] })
  const pvBound = volume("pv-bound", { storageClassName: WAIT, capacityBytes: 1e9, claimRef: { namespace: "default", name: "bound-pvc" }, phase: "Bound" })
  const unboundPVC = claim("unbound-pvc", { storageClassName: WAIT, requestBytes: 1e9 })
  const boundPVC = boundClaim("bound-pvc", "pv-bound", { storageClassName: WAIT, requestBytes: 1e9 })
  const selectedNodePVC = claim("provisioned-pvc", { storageClassName: WAIT_WITH_PROVISIONER, selectedNode: "node1" })
  const noProvisionerPVC = claim("no-provisioner-pvc", { storageClassName: WAIT })
  const topoMismatchPVC = claim("topo-mismatch-pvc", { storageClassName: "topoMismatchClass" })
  const cases: ReadonlyArray<readonly [string, ReadonlyArray<typeof provisionedPVC>, ReadonlyArray<ReturnType<typeof volume>>, ReadonlyArray<string>]> = [
    ["one-provisioned", [provisionedPVC], [], [REASON_NOT_ENOUGH_SPACE]],
    // the static match's bind conflict for the claim to provision is replaced by checkVolumeProvisions' verdict
    ["two-unbound-pvcs,one-matched,one-provisioned", [unboundPVC, provisionedPVC], [pvNode1a], [REASON_NOT_ENOUGH_SPACE]],
    ["one-bound,one-provisioned", [boundPVC, provisionedPVC], [pvBound], [REASON_NOT_ENOUGH_SPACE]],
    ["one-binding,one-selected-node", [boundPVC, selectedNodePVC], [pvBound], [REASON_NOT_ENOUGH_SPACE]],
    ["invalid-provisioner", [noProvisionerPVC], [], [REASON_BIND_CONFLICT]],
    ["volume-topology-unsatisfied", [topoMismatchPVC], [], [REASON_BIND_CONFLICT]],
  ]
  for (const [name, claims, volumes, reasons] of cases) {
    for (const driver of [undefined, csiDriver(PROVISIONER, false), csiDriver(PROVISIONER, true)]) {
      const tracking = driver?.storageCapacity === true
      const want = tracking ? reasons : reasons.filter((r) => r !== REASON_NOT_ENOUGH_SPACE)
      it(`${name}, ${driver === undefined ? "no CSIDriver" : `CSIDriver ${tracking ? "with" : "without"} capacity tracking`}: ${want.join(", ") || "fits"}`, () => {
        const objects = storage({ storageClasses: classes, persistentVolumeClaims: claims, persistentVolumes: volumes, ...(driver === undefined ? {} : { csiDrivers: [driver] }) })
        expect(filterOnBothEngines(claimsPod(claims.map((c) => c.name)), [node1], objects)).toEqual([want.length === 0 ? ok : unresolvable(...want)])
      })
    }
  }
})

describe("VolumeBinding capacity: FindPodVolumes' reasons", () => {
  // checkVolumeProvisions walks the claims to provision smallest first and stops at the first failure
  const objects = (smallNeedsRoom: boolean) =>
    storage({
      storageClasses: classes,
      persistentVolumeClaims: [
        claim("room", { storageClassName: WAIT_WITH_PROVISIONER, requestBytes: smallNeedsRoom ? Gi : 5 * Gi }),
        claim("static", { storageClassName: WAIT, requestBytes: smallNeedsRoom ? 5 * Gi : Gi }),
      ],
      csiDrivers: [csiDriver(PROVISIONER, true)],
    })
  it("a claim without room before a claim without a provisioner: only the storage reason", () => {
    expect(filterOnBothEngines(claimsPod(["room", "static"]), [node1], objects(true))).toEqual([unresolvable(REASON_NOT_ENOUGH_SPACE)])
  })
  it("a claim without a provisioner before a claim without room: only the bind conflict", () => {
    expect(filterOnBothEngines(claimsPod(["room", "static"]), [node1], objects(false))).toEqual([unresolvable(REASON_BIND_CONFLICT)])
  })
  it("a bound claim's node conflict comes before the storage reason", () => {
    const s = storage({
      storageClasses: classes,
      persistentVolumeClaims: [boundClaim("bound", "pv-elsewhere", { storageClassName: WAIT }), provisionedPVC],
      persistentVolumes: [volume("pv-elsewhere", { storageClassName: WAIT, phase: "Bound", nodeAffinity: [{ matchExpressions: [{ key: NODE_KEY, operator: "In", values: ["node2"] }], matchFields: [] }] })],
      csiDrivers: [csiDriver(PROVISIONER, true)],
    })
    expect(filterOnBothEngines(claimsPod(["bound", "provisioned-pvc"]), [node1], s)).toEqual([unresolvable("node(s) had volume node affinity conflict", REASON_NOT_ENOUGH_SPACE)])
  })
})

describe("VolumeBinding capacity: a batch sees the capacities of the input", () => {
  // room for one 1Gi volume on node1, none on node3; the scheduler never takes a provisioned size off
  const node3 = worker("node3", { [NODE_KEY]: "reference-value" })
  const objects = storage({
    storageClasses: classes,
    persistentVolumeClaims: [claim("first", { storageClassName: WAIT_WITH_PROVISIONER }), claim("second", { storageClassName: WAIT_WITH_PROVISIONER })],
    csiDrivers: [csiDriver(PROVISIONER, true)],
    csiStorageCapacities: [capacity(WAIT_WITH_PROVISIONER, node1, { capacityBytes: Gi })],
  })
  for (const engine of ["hot", "readable"] as const) {
    it(`${engine}: both pods provision on node1, one after the other`, () => {
      const cluster: ClusterSnapshot = { nodes: [node1, node3], bound: [], storage: objects }
      const s = engine === "hot" ? hotScheduler(cluster, { profile: defaultProfile }) : readableScheduler(cluster, { profile: defaultProfile })
      const placed = ["first", "second"].map((c) => s.schedule(podWith(`user-${c}`, [pvcVolume(c)]), { explain: true }))
      expect(placed.map((p) => p.node)).toEqual(["node1", "node1"])
      expect(placed[1]?.scores?.find((e) => e.node === "node3")?.reasons).toEqual([REASON_NOT_ENOUGH_SPACE])
    })
  }
})

describe("catcluster schedule with CSIDrivers and CSIStorageCapacities", () => {
  const dir = mkdtempSync(join(tmpdir(), "catcluster-capacity-"))
  // the project's CLI runner, on a file of these manifests (the file is kept: messages name it)
  const cli = async (pods: string) => {
    const file = join(dir, `pods-${Math.random().toString(36).slice(2)}.yaml`)
    writeFileSync(file, pods)
    return { ...(await spawnCli("schedule", "--nodes", join(import.meta.dirname, "fixtures", "volumes", "volume-binding", "nodes.yaml"), "--pods", file, "--json")), file }
  }
  const claimAndPod = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: default}
spec: {accessModes: [ReadWriteOnce], storageClassName: local-lvm, resources: {requests: {storage: 2Gi}}}
---
apiVersion: v1
kind: Pod
metadata: {name: pod-a, namespace: default}
spec:
  containers: [{name: c, image: busybox}]
  volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]
`
  const classAndCapacity = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: local-lvm}
provisioner: lvm.csi.example.com
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: storage.k8s.io/v1
kind: CSIStorageCapacity
metadata: {name: tiny, namespace: kube-system}
storageClassName: local-lvm
capacity: 1Mi
nodeTopology: {}
---
`

  it("CSIStorageCapacities without their CSIDriver: a warning to add it, capacity not checked, and none of the three kinds (a VolumeAttachment too) said to be left out", async () => {
    const r = await cli(`${classAndCapacity}apiVersion: storage.k8s.io/v1
kind: VolumeAttachment
metadata: {name: va-1}
spec: {attacher: lvm.csi.example.com, nodeName: a, source: {persistentVolumeName: pv-1}}
---
${claimAndPod}`)
    expect(r.code).toBe(0)
    expect(r.stderr).toContain(
      'catcluster: warning: 1 CSIStorageCapacity for provisioner "lvm.csi.example.com" (kube-system/tiny) but no CSIDriver "lvm.csi.example.com" in the input: kube-scheduler checks storage capacity only for a driver whose CSIDriver sets storageCapacity: true, so σ does not check it here and may place pods where the provisioner has no room; if your cluster has the CSIDriver, add it (kubectl get csidrivers -o yaml)',
    )
    expect(r.stderr).not.toContain("does not model")
    expect(JSON.parse(r.stdout).placements[0].node).not.toBeNull()
  })

  it("with the CSIDriver opted in, no warning and the claim finds no room", async () => {
    const r = await cli(`apiVersion: storage.k8s.io/v1
kind: CSIDriver
metadata: {name: lvm.csi.example.com}
spec: {storageCapacity: true}
---
${classAndCapacity}${claimAndPod}`)
    expect(r.code).toBe(0)
    expect(r.stderr).toBe("")
    expect(JSON.parse(r.stdout).placements[0]).toMatchObject({
      node: null,
      message: "0/3 nodes are available: 3 node(s) did not have enough free storage. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    })
  })

  const capacityDoc = (fields: string) => `apiVersion: storage.k8s.io/v1
kind: CSIStorageCapacity
metadata: {name: c, namespace: kube-system}
${fields}
---
${claimAndPod}`
  const refused: ReadonlyArray<readonly [string, string, string]> = [
    ["a capacity that is not a quantity", "storageClassName: local-lvm\ncapacity: lots", 'document 0, capacity: expected a quantity, got "lots"'],
    ["a missing storageClassName", "capacity: 1Gi", "document 0, storageClassName: required field missing (expected string)"],
    ["an invalid nodeTopology selector", "storageClassName: local-lvm\nnodeTopology: {matchExpressions: [{key: zone, operator: In}]}", "document 0, nodeTopology.matchExpressions[0].values: must be specified when `operator` is 'In' or 'NotIn'"],
  ]
  for (const [name, fields, message] of refused) {
    it(`refuses ${name}: exit 2, the file, document and path`, async () => {
      const r = await cli(capacityDoc(fields))
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(new RegExp(`${r.file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(:\\d+:\\d+)?: ${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`))
      expect(r.stderr).not.toMatch(/\n\s+at /)
    })
  }
})

describe("the storage index's largest volume per class and node (what hasEnoughCapacity compares)", () => {
  const a = worker("a", { "topology.topolvm.io/node": "a", zone: "z1" })
  const b = worker("b", { "topology.topolvm.io/node": "b", zone: "z2" })
  const perNode = (name: string, host: string, bytes: number, className = "lvm") =>
    csiCapacity(name, className, { capacityBytes: bytes, nodeTopology: { matchLabels: { "topology.topolvm.io/node": host } } })
  it("per-node objects are found through their one label; the largest limit counts; other classes, no limit and no topology never count", () => {
    const index = storageIndex(
      storage({
        csiStorageCapacities: [
          perNode("a-large", "a", 5 * Gi),
          perNode("a-small", "a", Gi),
          perNode("b", "b", 2 * Gi),
          perNode("a-other-class", "a", 50 * Gi, "other"),
          csiCapacity("no-limit", "lvm", { nodeTopology: { matchLabels: { "topology.topolvm.io/node": "b" } } }),
          csiCapacity("no-topology", "lvm", { capacityBytes: 90 * Gi }),
        ],
      }),
    )
    expect(index.largestVolumeFor("lvm", a)).toBe(5 * Gi)
    expect(index.largestVolumeFor("lvm", b)).toBe(2 * Gi)
    expect(index.largestVolumeFor("other", a)).toBe(50 * Gi)
    expect(index.largestVolumeFor("other", b)).toBe(-1)
    expect(index.largestVolumeFor("absent", a)).toBe(-1)
  })
  it("any other selector is matched against the node: expressions, two labels, the empty selector (every node); maximumVolumeSize is the limit", () => {
    const index = storageIndex(
      storage({
        csiStorageCapacities: [
          csiCapacity("zonal", "lvm", { capacityBytes: 3 * Gi, nodeTopology: { matchExpressions: [{ key: "zone", operator: "In", values: ["z2"] }] } }),
          csiCapacity("two-labels", "lvm", { capacityBytes: 7 * Gi, nodeTopology: { matchLabels: { zone: "z1", "topology.topolvm.io/node": "b" } } }),
          csiCapacity("everywhere", "lvm", { capacityBytes: 9 * Gi, maximumVolumeSizeBytes: Gi, nodeTopology: {} }),
        ],
      }),
    )
    expect(index.largestVolumeFor("lvm", a)).toBe(Gi)
    expect(index.largestVolumeFor("lvm", b)).toBe(3 * Gi)
  })
  it("a node selected by several one-label objects of the class gets the largest of their limits, whichever label comes last", () => {
    // a's labels: hostname, the topolvm node label, then zone; the zonal object (2 Gi) is read after the per-node one (5 Gi)
    const index = storageIndex(
      storage({
        csiStorageCapacities: [
          perNode("a", "a", 5 * Gi),
          csiCapacity("zone-z1", "lvm", { capacityBytes: 2 * Gi, nodeTopology: { matchLabels: { zone: "z1" } } }),
          csiCapacity("host-b", "lvm", { capacityBytes: Gi, nodeTopology: { matchLabels: { "kubernetes.io/hostname": "b" } } }),
          csiCapacity("zone-z2", "lvm", { capacityBytes: 3 * Gi, nodeTopology: { matchLabels: { zone: "z2" } } }),
        ],
      }),
    )
    expect(index.largestVolumeFor("lvm", a)).toBe(5 * Gi)
    // b: hostname (1 Gi) first, then the per-node object (2 Gi), then zone z2 (3 Gi)
    const forB = storageIndex(
      storage({
        csiStorageCapacities: [
          perNode("b", "b", 2 * Gi),
          csiCapacity("host-b", "lvm", { capacityBytes: 4 * Gi, nodeTopology: { matchLabels: { "kubernetes.io/hostname": "b" } } }),
          csiCapacity("zone-z2", "lvm", { capacityBytes: Gi, nodeTopology: { matchLabels: { zone: "z2" } } }),
        ],
      }),
    )
    expect(forB.largestVolumeFor("lvm", b)).toBe(4 * Gi)
  })
  it("one matchLabels pair with matchExpressions is a selector like any other: both must hold (LabelSelectorAsSelector)", () => {
    const index = storageIndex(
      storage({
        csiStorageCapacities: [
          csiCapacity("a-not-z1", "lvm", {
            capacityBytes: 6 * Gi,
            nodeTopology: { matchLabels: { "topology.topolvm.io/node": "a" }, matchExpressions: [{ key: "zone", operator: "NotIn", values: ["z1"] }] },
          }),
          csiCapacity("b-in-z2", "lvm", {
            capacityBytes: 8 * Gi,
            nodeTopology: { matchLabels: { "topology.topolvm.io/node": "b" }, matchExpressions: [{ key: "zone", operator: "In", values: ["z2"] }] },
          }),
        ],
      }),
    )
    expect(index.largestVolumeFor("lvm", a)).toBe(-1)
    expect(index.largestVolumeFor("lvm", b)).toBe(8 * Gi)
  })
  it("a zero limit is a limit: the object admits a volume of 0 bytes (0, not the −1 of no object)", () => {
    const index = storageIndex(storage({ csiStorageCapacities: [perNode("a-full", "a", 0), csiCapacity("everywhere-full", "other", { capacityBytes: 0, nodeTopology: {} })] }))
    expect(index.largestVolumeFor("lvm", a)).toBe(0)
    expect(index.largestVolumeFor("lvm", b)).toBe(-1)
    expect(index.largestVolumeFor("other", b)).toBe(0)
  })
  it("nodeHasAccess: no nodeTopology reaches no node, the empty selector every node, else the selector decides", () => {
    expect(nodeHasAccess(a, csiCapacity("none", "lvm", { capacityBytes: Gi }))).toBe(false)
    expect(nodeHasAccess(a, csiCapacity("all", "lvm", { capacityBytes: Gi, nodeTopology: {} }))).toBe(true)
    expect(nodeHasAccess(a, csiCapacity("z2", "lvm", { capacityBytes: Gi, nodeTopology: { matchLabels: { zone: "z2" } } }))).toBe(false)
    expect(nodeHasAccess(b, csiCapacity("z2", "lvm", { capacityBytes: Gi, nodeTopology: { matchLabels: { zone: "z2" } } }))).toBe(true)
  })
  it("the answer is per node object and per capacity list: a node of the same name with other labels, and a list with other sizes, are asked afresh", () => {
    const list = [perNode("a", "a", Gi)]
    const index = storageIndex(storage({ csiStorageCapacities: list }))
    expect(index.largestVolumeFor("lvm", a)).toBe(Gi)
    expect(index.largestVolumeFor("lvm", worker("a", { "topology.topolvm.io/node": "elsewhere" }))).toBe(-1)
    expect(storageIndex(storage({ csiStorageCapacities: [perNode("a", "a", 4 * Gi)] })).largestVolumeFor("lvm", a)).toBe(4 * Gi)
  })
})
