/**
 * NodeVolumeLimits (kube-scheduler v1.35, CSILimits): upstream's TestCSILimits restated, its 33
 * cases (volumeAttachments.test.ts runs the two with VolumeAttachments on both engines, with more
 * of its own). The fixture is upstream's: per driver, PVCs `csi-<driver>-<j>` bound to PVs
 * of the same name (CSI volumes whose handle is the name; `kubernetes.io/aws-ebs` ones are in-tree
 * EBS volumes, `kubernetes.io/hostpath` ones are not attachable); `csi-4` unbound with class
 * `csi-sc` (provisioner: the first driver), `csi-5` without a class, `csi-6` bound to a missing PV
 * with class `csi-sc`; the node's CSINode lists every driver, with `maxVols` as the limit or none;
 * `vaCount` VolumeAttachments per driver on the node, for the PVs `csi-<driver>-<j>`, j < vaCount
 * (upstream's getFakeVolumeAttachmentLister). The missing-claim message is the informer lister's
 * (`persistentvolumeclaim "abc-xyz" not found`, what kube-scheduler prints); upstream's table
 * expects `persistentvolumeclaims` because its fake lister names the resource in the plural.
 * Then TestVolumeLimitScalingGate's gate-off row (the gate is alpha in v1.35).
 */
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { decodeManifests } from "../../src/domain/manifest/index.ts"
import {
  defaultProfile,
  hotScheduler,
  nodeVolumeLimitsFilterPlugin,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type PodVolume,
  readableScheduler,
  REASON_MAX_VOLUME_COUNT,
  type SchedulingPod,
  storageObjectsOf,
  type VolumeSource,
} from "../../src/scheduler/index.ts"
import { attachment, claim, csiNode, podWith, pvcVolume, runPlugin, storage, storageClass, volume, worker } from "./volumeSupport.ts"

const EBS = "ebs.csi.aws.com"
const GCE = "pd.csi.storage.gke.io"
const IN_TREE_EBS = "kubernetes.io/aws-ebs"
const HOSTPATH = "kubernetes.io/hostpath"

const fixture = (
  drivers: ReadonlyArray<string>,
  limitSource: "csinode" | "csinode-with-no-limit" | "none",
  maxVols: number,
  extraClaims: ReadonlyArray<PersistentVolumeClaim>,
  vaCount = 0,
) => {
  const pvs: PersistentVolume[] = []
  const pvcs: PersistentVolumeClaim[] = []
  for (const d of drivers)
    for (let j = 0; j < 4; j++) {
      const name = `csi-${d}-${j}`
      pvs.push(
        volume(name, d === IN_TREE_EBS ? { inTree: { plugin: IN_TREE_EBS, volumeID: name } } : d === HOSTPATH ? {} : { csiDriver: d, volumeHandle: name }),
      )
      pvcs.push(claim(name, { volumeName: name }))
    }
  pvcs.push(claim("csi-4", { storageClassName: "csi-sc" }), claim("csi-5"), claim("csi-6", { storageClassName: "csi-sc", volumeName: "missing-in-action" }), ...extraClaims)
  const csiNodes =
    limitSource === "none"
      ? []
      : [csiNode("node-for-max-pd-test-1", drivers.map((name) => ({ name, ...(limitSource === "csinode" ? { allocatableCount: maxVols } : {}) })), { migratedPlugins: [IN_TREE_EBS] })]
  const volumeAttachments = drivers.flatMap((d) => Array.from({ length: vaCount }, (_, j) => attachment(`va-${d}-${j}`, "node-for-max-pd-test-1", d, `csi-${d}-${j}`)))
  return storage({ persistentVolumes: pvs, persistentVolumeClaims: pvcs, storageClasses: [storageClass("csi-sc", { provisioner: drivers[0] as string })], csiNodes, volumeAttachments })
}

const pvcs = (key: string, ...names: string[]): SchedulingPod => podWith(key, names.map((n, i) => pvcVolume(n, `v${i}`)))
const inline = (source: VolumeSource, name = "inline"): PodVolume => ({ name, source })
const configMapAndSecret: ReadonlyArray<PodVolume> = [inline({ type: "other", kind: "configMap" }, "cm"), inline({ type: "other", kind: "secret" }, "secret")]
const ephemeral = (name: string): PodVolume => ({ name, source: { type: "ephemeral" } })

const runningPod = pvcs("running", `csi-${EBS}-3`)
const pendingVolumePod = pvcs("pending", "csi-4")
const unboundPVCPod2 = pvcs("pending-2", "csi-4")
const missingPVPod = pvcs("missing-pv", "csi-6")
const noSCPVCPod = pvcs("no-sc", "csi-5")
const gceTwoVolPod = pvcs("gce-two", `csi-${GCE}-1`, `csi-${GCE}-2`)
const inTreeOneVolPod = pvcs("in-tree-one", `csi-${IN_TREE_EBS}-0`)
const inTreeTwoVolPod = pvcs("in-tree-two", `csi-${IN_TREE_EBS}-1`, `csi-${IN_TREE_EBS}-2`)
const csiEBSOneVolPod = pvcs("ebs-one", `csi-${EBS}-0`)
const csiEBSTwoVolPod = pvcs("ebs-two", `csi-${EBS}-1`, `csi-${EBS}-2`)
const inTreeNonMigratableOneVolPod = pvcs("hostpath", `csi-${HOSTPATH}-0`)
const ephemeralVolumePod = podWith("test/abc", [ephemeral("xyz")])
const ephemeralClaim = claim("abc-xyz", { namespace: "test", storageClassName: "csi-sc", controllerPod: "abc" })
const conflictingClaim = claim("abc-xyz", { namespace: "test", storageClassName: "csi-sc" })
const ephemeralTwoVolumePod = podWith("test/abc", [ephemeral("x"), ephemeral("y")])
const ephemeralClaimX = claim("abc-x", { namespace: "test", storageClassName: "csi-sc", controllerPod: "abc" })
const ephemeralClaimY = claim("abc-y", { namespace: "test", storageClassName: "csi-sc", controllerPod: "abc" })
const inTreeInlineVolPod = podWith("inline", [inline({ type: "awsElasticBlockStore", volumeID: "aws-inline1", readOnly: false })])
const inTreeInlineVolPodWithSameCSIVolumeID = podWith("inline-same", [inline({ type: "awsElasticBlockStore", volumeID: `csi-${EBS}-1`, readOnly: false })])
const onlyConfigmapAndSecretVolPod = podWith("cm-secret", configMapAndSecret)
const pvcPodWithConfigmapAndSecret = podWith("pvc-cm-secret", [...configMapAndSecret, pvcVolume(`csi-${EBS}-0`)])
const ephemeralPodWithConfigmapAndSecret = podWith("test/abc", [...configMapAndSecret, ephemeral("xyz")])
const inlineMigratablePodWithConfigmapAndSecret = podWith("inline-cm-secret", [
  ...configMapAndSecret,
  inline({ type: "awsElasticBlockStore", volumeID: "aws-inline1", readOnly: false }),
])

interface Case {
  readonly test: string
  readonly newPod: SchedulingPod
  readonly existing?: ReadonlyArray<SchedulingPod>
  readonly drivers: ReadonlyArray<string>
  readonly maxVols?: number
  readonly limitSource?: "csinode" | "csinode-with-no-limit"
  readonly extraClaims?: ReadonlyArray<PersistentVolumeClaim>
  readonly vaCount?: number
  readonly want?: string | { readonly unresolvable: string }
  readonly wantSkip?: true
}

const cases: ReadonlyArray<Case> = [
  // the new pod's csi-ebs-0 is one of the attached volumes: matched against the pods on the node only, it counts as new too
  { test: "should count VolumeAttachments towards volume limit when no pods exist", newPod: csiEBSOneVolPod, drivers: [EBS], maxVols: 2, vaCount: 2, limitSource: "csinode", want: REASON_MAX_VOLUME_COUNT },
  { test: "should schedule pod when VolumeAttachments count does not exceed limit", newPod: csiEBSOneVolPod, drivers: [EBS], maxVols: 2, vaCount: 1, limitSource: "csinode" },
  { test: "fits when node volume limit >= new pods CSI volume", newPod: csiEBSOneVolPod, existing: [runningPod, csiEBSTwoVolPod], drivers: [EBS], maxVols: 4, limitSource: "csinode" },
  { test: "doesn't when node volume limit <= pods CSI volume", newPod: csiEBSOneVolPod, existing: [runningPod, csiEBSTwoVolPod], drivers: [EBS], maxVols: 2, limitSource: "csinode", want: REASON_MAX_VOLUME_COUNT },
  { test: "should when driver does not support volume limits", newPod: csiEBSOneVolPod, existing: [runningPod, csiEBSTwoVolPod], drivers: [EBS], maxVols: 2, limitSource: "csinode-with-no-limit" },
  { test: "count pending PVCs towards volume limit <= pods CSI volume", newPod: csiEBSOneVolPod, existing: [pendingVolumePod, csiEBSTwoVolPod], drivers: [EBS], maxVols: 2, limitSource: "csinode", want: REASON_MAX_VOLUME_COUNT },
  { test: "count multiple pending pvcs towards volume limit >= pods CSI volume", newPod: csiEBSOneVolPod, existing: [pendingVolumePod, unboundPVCPod2, csiEBSTwoVolPod], drivers: [EBS], maxVols: 4, limitSource: "csinode" },
  { test: "should count PVCs with invalid PV name but valid SC", newPod: csiEBSOneVolPod, existing: [missingPVPod, csiEBSTwoVolPod], drivers: [EBS], maxVols: 2, limitSource: "csinode", want: REASON_MAX_VOLUME_COUNT },
  { test: "don't count pvcs with missing SC towards volume limit", newPod: csiEBSOneVolPod, existing: [runningPod, noSCPVCPod], drivers: [EBS], maxVols: 2, limitSource: "csinode" },
  { test: "count pvcs with the same type towards volume limit", newPod: csiEBSOneVolPod, existing: [gceTwoVolPod, csiEBSTwoVolPod], drivers: [EBS, GCE], maxVols: 2, limitSource: "csinode", want: REASON_MAX_VOLUME_COUNT },
  { test: "don't count pvcs with different type towards volume limit", newPod: gceTwoVolPod, existing: [csiEBSTwoVolPod, runningPod], drivers: [EBS, GCE], maxVols: 2, limitSource: "csinode" },
  { test: "should count in-tree volumes if migration is enabled", newPod: inTreeOneVolPod, existing: [inTreeTwoVolPod], drivers: [IN_TREE_EBS, EBS], maxVols: 2, limitSource: "csinode", want: REASON_MAX_VOLUME_COUNT },
  { test: "nil csi node", newPod: inTreeInlineVolPod, existing: [inTreeTwoVolPod], drivers: [IN_TREE_EBS, EBS] },
  { test: "should count unbound in-tree volumes if migration is enabled", newPod: pendingVolumePod, existing: [inTreeTwoVolPod], drivers: [IN_TREE_EBS, EBS], maxVols: 2, limitSource: "csinode", want: REASON_MAX_VOLUME_COUNT },
  { test: "should not limit pod if volume used does not report limits", newPod: inTreeOneVolPod, existing: [inTreeTwoVolPod], drivers: [IN_TREE_EBS, EBS], maxVols: 2, limitSource: "csinode-with-no-limit" },
  { test: "should not count non-migratable in-tree volumes", newPod: inTreeNonMigratableOneVolPod, existing: [csiEBSTwoVolPod], drivers: [HOSTPATH, EBS], maxVols: 2, limitSource: "csinode" },
  { test: "should count in-tree inline volumes if migration is enabled", newPod: inTreeInlineVolPod, existing: [inTreeTwoVolPod], drivers: [IN_TREE_EBS, EBS], maxVols: 2, limitSource: "csinode", want: REASON_MAX_VOLUME_COUNT },
  { test: "should count in-tree and csi volumes if migration is enabled (when scheduling in-tree volumes)", newPod: inTreeOneVolPod, existing: [csiEBSTwoVolPod], drivers: [IN_TREE_EBS, EBS], maxVols: 2, limitSource: "csinode", want: REASON_MAX_VOLUME_COUNT },
  { test: "should count in-tree, inline and csi volumes if migration is enabled (when scheduling in-tree volumes)", newPod: inTreeInlineVolPod, existing: [csiEBSTwoVolPod, inTreeOneVolPod], drivers: [IN_TREE_EBS, EBS], maxVols: 3, limitSource: "csinode", want: REASON_MAX_VOLUME_COUNT },
  { test: "should not count in-tree, inline and csi volumes if migration is enabled (when scheduling in-tree volumes)", newPod: inTreeInlineVolPodWithSameCSIVolumeID, existing: [csiEBSTwoVolPod, inTreeOneVolPod], drivers: [IN_TREE_EBS, EBS], maxVols: 3, limitSource: "csinode" },
  { test: "should count in-tree and csi volumes if migration is enabled (when scheduling csi volumes)", newPod: csiEBSOneVolPod, existing: [inTreeTwoVolPod], drivers: [IN_TREE_EBS, EBS], maxVols: 2, limitSource: "csinode", want: REASON_MAX_VOLUME_COUNT },
  { test: "ephemeral volume missing", newPod: ephemeralVolumePod, drivers: [EBS], limitSource: "csinode-with-no-limit", want: { unresolvable: 'looking up PVC test/abc-xyz: persistentvolumeclaim "abc-xyz" not found' } },
  // upstream: an Error status (the scheduling cycle fails); the readable σ reports it as unresolvable
  { test: "ephemeral volume not owned", newPod: ephemeralVolumePod, drivers: [EBS], limitSource: "csinode-with-no-limit", extraClaims: [conflictingClaim], want: { unresolvable: "PVC test/abc-xyz was not created for pod test/abc (pod is not owner)" } },
  { test: "ephemeral volume unbound", newPod: ephemeralVolumePod, drivers: [EBS], limitSource: "csinode-with-no-limit", extraClaims: [ephemeralClaim] },
  { test: "ephemeral doesn't when node volume limit <= pods CSI volume", newPod: ephemeralVolumePod, existing: [runningPod, csiEBSTwoVolPod], drivers: [EBS], maxVols: 2, limitSource: "csinode", extraClaims: [ephemeralClaim], want: REASON_MAX_VOLUME_COUNT },
  { test: "ephemeral doesn't when node volume limit <= pods ephemeral CSI volume", newPod: csiEBSOneVolPod, existing: [runningPod, ephemeralTwoVolumePod], drivers: [EBS], maxVols: 2, limitSource: "csinode", extraClaims: [ephemeralClaimX, ephemeralClaimY], want: REASON_MAX_VOLUME_COUNT },
  // upstream runs this one with the (since removed) GenericEphemeralVolume gate off; the answer is the same
  { test: "persistent doesn't when node volume limit <= pods ephemeral CSI volume + persistent volume, ephemeral disabled", newPod: csiEBSOneVolPod, existing: [runningPod, ephemeralVolumePod, csiEBSTwoVolPod], drivers: [EBS], maxVols: 3, limitSource: "csinode", extraClaims: [ephemeralClaim], want: REASON_MAX_VOLUME_COUNT },
  { test: "persistent doesn't when node volume limit <= pods ephemeral CSI volume + persistent volume", newPod: csiEBSOneVolPod, existing: [runningPod, ephemeralVolumePod, csiEBSTwoVolPod], drivers: [EBS], maxVols: 3, limitSource: "csinode", extraClaims: [ephemeralClaim], want: REASON_MAX_VOLUME_COUNT },
  { test: "persistent okay when node volume limit > pods ephemeral CSI volume + persistent volume", newPod: csiEBSOneVolPod, existing: [runningPod, ephemeralVolumePod, csiEBSTwoVolPod], drivers: [EBS], maxVols: 5, limitSource: "csinode", extraClaims: [ephemeralClaim] },
  { test: "skip Filter when the pod only uses secrets and configmaps", newPod: onlyConfigmapAndSecretVolPod, drivers: [EBS], maxVols: 2, limitSource: "csinode", wantSkip: true },
  { test: "don't skip Filter when the pod has pvcs", newPod: pvcPodWithConfigmapAndSecret, drivers: [EBS], maxVols: 2, limitSource: "csinode" },
  { test: "don't skip Filter when the pod has ephemeral volumes", newPod: ephemeralPodWithConfigmapAndSecret, drivers: [EBS], limitSource: "csinode-with-no-limit", want: { unresolvable: 'looking up PVC test/abc-xyz: persistentvolumeclaim "abc-xyz" not found' } },
  { test: "don't skip Filter when the pod has inline migratable volumes", newPod: inlineMigratablePodWithConfigmapAndSecret, existing: [inTreeTwoVolPod], drivers: [IN_TREE_EBS, EBS], maxVols: 2, limitSource: "csinode", want: REASON_MAX_VOLUME_COUNT },
  // two of upstream's cases more, outside its table: a pod without volumes and an inline CSI volume
  { test: "a pod without volumes skips", newPod: podWith("bare", []), existing: [csiEBSTwoVolPod], drivers: [EBS], maxVols: 0, limitSource: "csinode", wantSkip: true },
  { test: "an inline CSI ephemeral volume is not attachable: skip", newPod: podWith("inline-csi", [inline({ type: "csi", driver: EBS })]), existing: [csiEBSTwoVolPod], drivers: [EBS], maxVols: 0, limitSource: "csinode", wantSkip: true },
]

describe("NodeVolumeLimits (upstream TestCSILimits)", () => {
  for (const c of cases) {
    it(c.test, () => {
      const objects = fixture(c.drivers, c.limitSource ?? "none", c.maxVols ?? 0, c.extraClaims ?? [], c.vaCount ?? 0)
      const r = runPlugin(nodeVolumeLimitsFilterPlugin, c.newPod, [{ node: worker("node-for-max-pd-test-1"), pods: c.existing ?? [] }], objects)
      if (c.wantSkip === true) {
        expect(r.preFilter).toEqual({ kind: "skip" })
        return
      }
      expect(r.preFilter?.kind).toBe("proceed")
      const want =
        c.want === undefined
          ? { code: "Success", reasons: [] }
          : typeof c.want === "string"
            ? { code: "Unschedulable", reasons: [c.want] }
            : { code: "UnschedulableAndUnresolvable", reasons: [c.want.unresolvable] }
      expect(r.filter).toEqual([want])
    })
  }
  it("counts the upstream table: 33 restated + 2 more", () => {
    expect(cases.length).toBe(35)
  })
})

describe("NodeVolumeLimits details", () => {
  it("an EBS volume written aws://<zone>/<id> is the same volume as its CSI handle", () => {
    const objects = fixture([IN_TREE_EBS, EBS], "csinode", 1, [])
    const existing = podWith("e", [inline({ type: "awsElasticBlockStore", volumeID: "vol-0abc", readOnly: false })])
    const same = podWith("p", [inline({ type: "awsElasticBlockStore", volumeID: "aws://us-east-1a/vol-0abc", readOnly: false })])
    const other = podWith("q", [inline({ type: "awsElasticBlockStore", volumeID: "aws://us-east-1a/vol-0def", readOnly: false })])
    const node = worker("node-for-max-pd-test-1")
    expect(runPlugin(nodeVolumeLimitsFilterPlugin, same, [{ node, pods: [existing] }], objects).filter).toEqual([{ code: "Success", reasons: [] }])
    expect(runPlugin(nodeVolumeLimitsFilterPlugin, other, [{ node, pods: [existing] }], objects).filter).toEqual([{ code: "Unschedulable", reasons: [REASON_MAX_VOLUME_COUNT] }])
  })
  it("only the node's own CSINode counts: another node's limits do not apply", () => {
    const objects = fixture([EBS], "csinode", 0, [])
    const r = runPlugin(nodeVolumeLimitsFilterPlugin, csiEBSOneVolPod, [{ node: worker("node-for-max-pd-test-1") }, { node: worker("other") }], objects)
    expect(r.filter).toEqual([
      { code: "Unschedulable", reasons: [REASON_MAX_VOLUME_COUNT] },
      { code: "Success", reasons: [] },
    ])
  })
})

describe("NodeVolumeLimits (upstream TestVolumeLimitScalingGate, v1.35)", () => {
  // VolumeLimitScaling is alpha and off in v1.35: the API server drops CSIDriver's
  // spec.preventPodSchedulingIfMissing and the plugin never checks that the driver is installed.
  // Upstream's gate-off row: a CSINode listing no driver, the pod's driver opted in → the pod fits.
  // (Its four gate-on rows need the gate; not restated.)
  const manifests = `apiVersion: storage.k8s.io/v1
kind: CSIDriver
metadata: {name: ${EBS}}
spec: {attachRequired: true, preventPodSchedulingIfMissing: true}
---
apiVersion: storage.k8s.io/v1
kind: CSINode
metadata: {name: node-for-max-pd-test-1}
spec: {drivers: []}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: csi-${EBS}-0}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  csi: {driver: ${EBS}, volumeHandle: csi-${EBS}-0}
  claimRef: {namespace: default, name: csi-${EBS}-0}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: csi-${EBS}-0, namespace: default, annotations: {pv.kubernetes.io/bind-completed: "yes"}}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, volumeName: csi-${EBS}-0, storageClassName: ""}
status: {phase: Bound}
`
  it("gate disabled - skip driver presence check (regardless of CSIDriver presence): both engines place the pod", () => {
    const decoded = decodeManifests(manifests, "storage.yaml")
    if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left))
    const objects = storageObjectsOf(decoded.right)
    expect(objects.csiDrivers?.map((d) => d.name)).toEqual([EBS])
    expect(objects.csiNodes).toEqual([expect.objectContaining({ nodeName: "node-for-max-pd-test-1", drivers: [] })])
    const node = worker("node-for-max-pd-test-1")
    const r = runPlugin(nodeVolumeLimitsFilterPlugin, csiEBSOneVolPod, [{ node }], objects)
    expect(r.preFilter?.kind).toBe("proceed")
    expect(r.filter).toEqual([{ code: "Success", reasons: [] }])
    for (const make of [readableScheduler, hotScheduler]) {
      const placed = make({ nodes: [node], bound: [], storage: objects }, { profile: defaultProfile }).schedule(csiEBSOneVolPod)
      expect(placed.node).toBe("node-for-max-pd-test-1")
    }
  })
})
