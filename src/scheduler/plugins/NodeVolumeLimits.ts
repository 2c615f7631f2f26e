/**
 * Plugin NodeVolumeLimits (Kubernetes v1.35, `CSILimits`).
 *
 * A node's CSINode says, per CSI driver, how many volumes it can use (`allocatable.count`). The
 * pod's attachable volumes are counted per driver against it, together with the unique volumes
 * of the pods already on the node (a volume shared by several pods counts once):
 * - a claim bound to a CSI PV: the PV's driver and volume handle;
 * - a claim bound to an in-tree PV that CSI migration covers (AWS EBS, GCE PD, Azure Disk,
 *   Cinder, Portworx) on a node with a CSINode: the migrated driver;
 * - an unbound claim, or one whose PV is missing: its StorageClass's provisioner (translated when
 *   it is an in-tree one), as a volume of its own; no class → not counted;
 * - a generic ephemeral volume: its claim `<pod>-<volume>`, which the pod must own;
 * - an inline in-tree volume CSI migration covers, translated likewise.
 * Inline CSI ephemeral volumes (`csi:`) are not attachable and are not counted, as upstream.
 *
 * The node's VolumeAttachments count too (`getNodeVolumeAttachmentInfo`, no feature gate): a
 * volume stays attached after its pod is gone until the attach/detach controller detaches it, and
 * the object is deleted only then. Each VolumeAttachment whose `spec.nodeName` is the node counts
 * as `<attacher>/<volume handle of its PV>` under the driver `spec.attacher`, attached or not
 * (`status` is not read) and being deleted or not (detaching is still attached), unless a pod on the node already uses that volume (one volume counts
 * once). Not counted: one without a `persistentVolumeName` (an inline migrated volume), or whose
 * PV is missing or not a CSI volume. The pod's own volumes are not matched against them: a
 * volume already attached here that the pod brings counts both as attached and as new, as
 * upstream does. A batch creates no VolumeAttachments (the attach/detach controller does, after
 * binding); the pods it binds count through their volumes.
 *
 * Over the limit → Unschedulable "node(s) exceed max volume count". A missing claim of the pod
 * itself → UnschedulableAndUnresolvable `looking up PVC <ns>/<name>: persistentvolumeclaim
 * "<name>" not found`; claims of pods already placed that are missing are not counted.
 *
 * Not modelled: the exact CSI volume handles of translated GCE PD / Azure volumes (each in-tree
 * volume counts once under its own identifier).
 *
 * @since 0.1.0
 */
import type { ClusterView } from "../framework/ClusterView.ts"
import { type FilterPlugin, type PreFilterOutcome, proceed, skip } from "../framework/Plugin.ts"
import { namespaceOf, type SchedulingPod } from "../model/SchedulingPod.ts"
import type { CsiNode, InTreeVolume, PersistentVolumeClaim, VolumeSource } from "../model/Volumes.ts"
import type { Profile } from "../profile/Profile.ts"
import type { NodeState } from "../readable/NodeState.ts"
import { failure, type Status, success } from "./Status.ts"
import { claimClassOf, claimNameOf, ephemeralOwnerProblem, notFound, type StorageIndex, storageIndexOf } from "./VolumeStorage.ts"

/** @since 0.1.0 @category constants */
export const REASON_MAX_VOLUME_COUNT = "node(s) exceed max volume count"

/**
 * The CSI driver each in-tree plugin migrates to (csi-translation-lib).
 *
 * @since 0.1.0
 * @category constants
 */
export const MIGRATED_DRIVERS: Readonly<Record<InTreeVolume["plugin"], string>> = {
  "kubernetes.io/aws-ebs": "ebs.csi.aws.com",
  "kubernetes.io/gce-pd": "pd.csi.storage.gke.io",
  "kubernetes.io/azure-disk": "disk.csi.azure.com",
  "kubernetes.io/cinder": "cinder.csi.openstack.org",
  "kubernetes.io/portworx-volume": "pxd.portworx.com",
}

const isMigratable = (name: string): name is InTreeVolume["plugin"] => Object.hasOwn(MIGRATED_DRIVERS, name)

/**
 * `isCSIMigrationOn`: the node has a CSINode and the plugin is one whose migration is on (GA).
 *
 * @since 0.1.0
 * @category predicates
 */
export const csiMigrationOn = (csiNode: CsiNode | undefined, plugin: string): boolean => csiNode !== undefined && isMigratable(plugin)

/** The CSI volume handle of an in-tree volume; an EBS `aws://<zone>/<id>` becomes `<id>`. */
const translatedHandle = (v: InTreeVolume): string => {
  if (v.plugin === "kubernetes.io/aws-ebs" && v.volumeID.startsWith("aws://")) {
    const path = v.volumeID.slice("aws://".length)
    const slash = path.indexOf("/")
    return (slash < 0 ? "" : path.slice(slash)).replace(/^\/+|\/+$/g, "")
  }
  return v.volumeID
}

/** An inline source that CSI migration can translate, as an in-tree volume. */
const inlineInTree = (s: VolumeSource): InTreeVolume | undefined => {
  switch (s.type) {
    case "awsElasticBlockStore":
      return { plugin: "kubernetes.io/aws-ebs", volumeID: s.volumeID }
    case "gcePersistentDisk":
      return { plugin: "kubernetes.io/gce-pd", volumeID: s.pdName }
    case "azureDisk":
      return { plugin: "kubernetes.io/azure-disk", volumeID: s.diskURI }
    case "cinder":
      return { plugin: "kubernetes.io/cinder", volumeID: s.volumeID }
    case "portworxVolume":
      return { plugin: "kubernetes.io/portworx-volume", volumeID: s.volumeID }
    default:
      return undefined
  }
}

// Stands in for upstream's random prefix of a not-yet-provisioned volume's handle.
const UNBOUND_PREFIX = "unbound"

/** `getCSIDriverInfoFromSC`: a claim without a usable PV counts under its class's provisioner. */
const driverFromClass = (claim: PersistentVolumeClaim, index: StorageIndex, csiNode: CsiNode | undefined): { driver: string; handle: string } | undefined => {
  const className = claimClassOf(claim, index)
  if (className === "") return undefined
  const sc = index.storageClass(className)
  if (sc === undefined) return undefined
  const handle = `${UNBOUND_PREFIX}-${claim.namespace}/${claim.name}`
  if (isMigratable(sc.provisioner)) return csiMigrationOn(csiNode, sc.provisioner) ? { driver: MIGRATED_DRIVERS[sc.provisioner], handle } : undefined
  return { driver: sc.provisioner, handle }
}

/**
 * `getCSIDriverInfo`: the driver and volume handle a claim counts under, or `undefined` when it
 * is not counted.
 *
 * @since 0.1.0
 * @category accessors
 */
export const claimDriver = (claim: PersistentVolumeClaim, index: StorageIndex, csiNode: CsiNode | undefined): { driver: string; handle: string } | undefined => {
  if (claim.volumeName === undefined || claim.volumeName === "") return driverFromClass(claim, index, csiNode)
  const pv = index.volume(claim.volumeName)
  if (pv === undefined) return driverFromClass(claim, index, csiNode)
  if (pv.csiDriver !== undefined && pv.volumeHandle !== undefined) return { driver: pv.csiDriver, handle: pv.volumeHandle }
  if (pv.inTree === undefined || !csiMigrationOn(csiNode, pv.inTree.plugin)) return undefined
  return { driver: MIGRATED_DRIVERS[pv.inTree.plugin], handle: translatedHandle(pv.inTree) }
}

/**
 * `filterAttachableVolumes`: the pod's attachable volumes as `driver/handle` → driver, added to
 * `into`. For the pod being scheduled (`incoming`) a missing claim is a problem (returned as a
 * message); for pods already placed it is skipped.
 *
 * @since 0.1.0
 * @category accessors
 */
export const attachableVolumes = (
  pod: SchedulingPod,
  index: StorageIndex,
  csiNode: CsiNode | undefined,
  incoming: boolean,
  into: Map<string, string>,
): string | undefined => {
  const ns = namespaceOf(pod)
  for (const v of pod.volumes ?? []) {
    const claimName = claimNameOf(pod, v)
    if (claimName === undefined) {
      const inTree = inlineInTree(v.source)
      if (inTree !== undefined && csiMigrationOn(csiNode, inTree.plugin)) into.set(`${MIGRATED_DRIVERS[inTree.plugin]}/${translatedHandle(inTree)}`, MIGRATED_DRIVERS[inTree.plugin])
      continue
    }
    const claim = index.claim(ns, claimName)
    if (claim === undefined) {
      if (incoming) return `looking up PVC ${ns}/${claimName}: ${notFound("persistentvolumeclaim", claimName)}`
      continue
    }
    if (v.source.type === "ephemeral") {
      const problem = ephemeralOwnerProblem(pod, claim)
      if (problem !== undefined) return problem
    }
    const found = claimDriver(claim, index, csiNode)
    if (found !== undefined) into.set(`${found.driver}/${found.handle}`, found.driver)
  }
  return undefined
}

/**
 * `getNodeVolumeAttachmentInfo`: the volumes the node's VolumeAttachments keep attached, as
 * `attacher/handle` → attacher. Keyed like {@link attachableVolumes} so that a volume both
 * attached and used by a pod on the node is one entry.
 *
 * @since 0.1.0
 * @category accessors
 */
export const attachedVolumesOn = (nodeName: string, index: StorageIndex): ReadonlyMap<string, string> => {
  const out = new Map<string, string>()
  for (const a of index.attachmentsOn(nodeName)) {
    // upstream skips, rather than refuses, what it cannot key: an inline source, a PV it cannot find or that is not CSI
    if (a.attacher === "" || a.persistentVolumeName === undefined) continue
    const pv = index.volume(a.persistentVolumeName)
    if (pv === undefined || pv.csiDriver === undefined) continue
    out.set(`${a.attacher}/${pv.volumeHandle ?? ""}`, a.attacher)
  }
  return out
}

/**
 * The per-driver limits of a CSINode (drivers without `allocatable.count` have none).
 *
 * @since 0.1.0
 * @category accessors
 */
export const volumeLimits = (csiNode: CsiNode | undefined): ReadonlyMap<string, number> =>
  new Map((csiNode?.drivers ?? []).flatMap((d) => (d.allocatableCount === undefined ? [] : [[d.name, d.allocatableCount] as const])))

/** NodeVolumeLimits' PreFilter: skip pods without claims, ephemeral or migratable inline volumes. @since 0.1.0 @category plugins */
export const nodeVolumeLimitsPreFilter = (pod: SchedulingPod): PreFilterOutcome<true> =>
  (pod.volumes ?? []).some((v) => v.source.type === "persistentVolumeClaim" || v.source.type === "ephemeral" || inlineInTree(v.source) !== undefined)
    ? proceed(true as const)
    : skip

/**
 * NodeVolumeLimits' Filter on the node `nodeName` with this CSINode (absent: none), these pods, in
 * bind order (only their volumes matter), and the node's VolumeAttachments in `index`.
 *
 * @since 0.1.0
 * @category filters
 */
export const volumeLimitsStatus = (
  pod: SchedulingPod,
  nodeName: string,
  csiNode: CsiNode | undefined,
  existing: ReadonlyArray<SchedulingPod>,
  index: StorageIndex,
): Status => {
  if ((pod.volumes ?? []).length === 0) return success
  const fresh = new Map<string, string>()
  const problem = attachableVolumes(pod, index, csiNode, true, fresh)
  // upstream: NotFound → UnschedulableAndUnresolvable; an ownership error is an Error status, which
  // the readable σ has no code for and reports as unresolvable too
  if (problem !== undefined) return failure("UnschedulableAndUnresolvable", problem)
  if (fresh.size === 0) return success
  const limits = volumeLimits(csiNode)
  if (limits.size === 0) return success
  const attached = new Map<string, string>()
  for (const p of existing) {
    const problem = attachableVolumes(p, index, csiNode, false, attached)
    if (problem !== undefined) return failure("UnschedulableAndUnresolvable", problem)
  }
  const attachedCount = new Map<string, number>()
  for (const [unique, driver] of attached) {
    fresh.delete(unique)
    attachedCount.set(driver, (attachedCount.get(driver) ?? 0) + 1)
  }
  // after the pods: an attachment of a volume some pod here uses is already counted; the pod's own
  // volumes were taken out of `fresh` by the pods alone, not by the attachments
  for (const [unique, driver] of attachedVolumesOn(nodeName, index)) {
    if (!attached.has(unique)) attachedCount.set(driver, (attachedCount.get(driver) ?? 0) + 1)
  }
  const newCount = new Map<string, number>()
  for (const driver of fresh.values()) newCount.set(driver, (newCount.get(driver) ?? 0) + 1)
  for (const [driver, count] of newCount) {
    const limit = limits.get(driver)
    if (limit !== undefined && (attachedCount.get(driver) ?? 0) + count > limit) return failure("Unschedulable", REASON_MAX_VOLUME_COUNT)
  }
  return success
}

/** NodeVolumeLimits' Filter. @since 0.1.0 @category filters */
export const nodeVolumeLimitsFilter = (pod: SchedulingPod, node: NodeState, cluster: ClusterView): Status => {
  if ((pod.volumes ?? []).length === 0) return success
  const index = storageIndexOf(cluster.objects)
  return volumeLimitsStatus(
    pod,
    node.node.name,
    index.csiNode(node.node.name),
    node.pods.map((b) => b.pod),
    index,
  )
}

/** NodeVolumeLimits at PreFilter and Filter. @since 0.1.0 @category plugins */
export const nodeVolumeLimitsFilterPlugin = (_profile: Profile): FilterPlugin<true> => ({
  name: "NodeVolumeLimits",
  preFilter: nodeVolumeLimitsPreFilter,
  filter: (pod, node, _state, cluster) => nodeVolumeLimitsFilter(pod, node, cluster),
})
