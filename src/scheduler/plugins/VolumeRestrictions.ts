/**
 * Plugin VolumeRestrictions (Kubernetes v1.35).
 *
 * Disk conflicts with the pods already on the node, for the inline sources that cannot be
 * mounted twice: the same GCE PD unless every mount is read-only, the same AWS EBS volume ID
 * (always), the same iSCSI IQN unless both are read-only, the same Ceph RBD image (a shared
 * monitor, same pool and image) unless both are read-only → Unschedulable
 * "node(s) had no available disk".
 *
 * ReadWriteOncePod: PreFilter counts the pod's RWOP claims that a scheduled pod already uses
 * (anywhere in the cluster); Filter then fails every node with Unschedulable
 * "node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode",
 * so preemption may free the claim. The dry run does what upstream's RemovePod does to that
 * count: it subtracts, per victim, how many of its `persistentVolumeClaim` volumes name one of
 * the pod's RWOP claims, by name only (a victim in another namespace with a claim of the same
 * name counts; a victim mounting the claim twice counts twice), and AddPod adds them back while
 * victims are reprieved. So a claim two scheduled pods use is freed by evicting one of them,
 * as upstream (v1.35) decides it. A missing claim rejects the pod at PreFilter
 * (UnschedulableAndUnresolvable, the lister's not-found message). PreFilter skips the plugin when
 * the pod has neither restricted inline volumes nor a conflicting RWOP claim.
 *
 * @since 0.1.0
 */
import type { ClusterView } from "../framework/ClusterView.ts"
import { type FilterPlugin, type PreFilterOutcome, proceed, skip } from "../framework/Plugin.ts"
import { namespaceOf, type SchedulingPod } from "../model/SchedulingPod.ts"
import type { PodVolume, VolumeSource } from "../model/Volumes.ts"
import type { Profile } from "../profile/Profile.ts"
import type { NodeState } from "../readable/NodeState.ts"
import { failure, type Status, success } from "./Status.ts"
import { notFound, type StorageIndex, storageIndexOf } from "./VolumeStorage.ts"

/** @since 0.1.0 @category constants */
export const REASON_DISK_CONFLICT = "node(s) had no available disk"
/** @since 0.1.0 @category constants */
export const REASON_READ_WRITE_ONCE_POD_CONFLICT = "node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode"

/**
 * What PreFilter found: the names of the pod's RWOP claims and how many of them scheduled pods
 * already use (preemption's dry run lowers the count, see {@link claimReferences}).
 *
 * @since 0.1.0
 * @category model
 */
export interface VolumeRestrictionsState {
  readonly readWriteOncePodClaims: ReadonlySet<string>
  readonly conflictingClaims: number
}

const restricted = (s: VolumeSource): boolean =>
  s.type === "gcePersistentDisk" || s.type === "awsElasticBlockStore" || s.type === "rbd" || s.type === "iscsi"

/**
 * PreFilter's `needsCheck`: the pod mounts an inline GCE PD, AWS EBS, Ceph RBD or iSCSI volume.
 *
 * @since 0.1.0
 * @category predicates
 */
export const needsDiskCheck = (pod: SchedulingPod): boolean => (pod.volumes ?? []).some((v) => restricted(v.source))

/**
 * Whether two inline volumes are the same disk and may not both be mounted.
 *
 * @since 0.1.0
 * @category predicates
 */
export const volumesConflict = (a: VolumeSource, b: VolumeSource): boolean => {
  if (a.type === "gcePersistentDisk" && b.type === "gcePersistentDisk") return a.pdName === b.pdName && !(a.readOnly && b.readOnly)
  if (a.type === "awsElasticBlockStore" && b.type === "awsElasticBlockStore") return a.volumeID === b.volumeID
  if (a.type === "iscsi" && b.type === "iscsi") return a.iqn === b.iqn && !(a.readOnly && b.readOnly)
  if (a.type === "rbd" && b.type === "rbd")
    return a.monitors.some((m) => b.monitors.includes(m)) && a.pool === b.pool && a.image === b.image && !(a.readOnly && b.readOnly)
  return false
}

/**
 * Whether the pod's restricted inline volumes conflict with a volume of a pod on the node.
 *
 * @since 0.1.0
 * @category predicates
 */
export const hasDiskConflict = (volumes: ReadonlyArray<PodVolume>, existing: ReadonlyArray<SchedulingPod>): boolean =>
  volumes.some((v) => restricted(v.source) && existing.some((p) => (p.volumes ?? []).some((e) => volumesConflict(v.source, e.source))))

/**
 * The pod's `persistentVolumeClaim` volumes whose claim has the ReadWriteOncePod access mode, or
 * the not-found message of the first missing claim.
 *
 * @since 0.1.0
 * @category accessors
 */
export const readWriteOncePodClaims = (pod: SchedulingPod, cluster: ClusterView): { readonly claims: ReadonlySet<string> } | { readonly missing: string } =>
  readWriteOncePodClaimsIn(pod, storageIndexOf(cluster.objects))

/**
 * {@link readWriteOncePodClaims} over a storage index.
 *
 * @since 0.1.0
 * @category accessors
 */
export const readWriteOncePodClaimsIn = (pod: SchedulingPod, index: StorageIndex): { readonly claims: ReadonlySet<string> } | { readonly missing: string } => {
  const ns = namespaceOf(pod)
  const claims = new Set<string>()
  for (const v of pod.volumes ?? []) {
    if (v.source.type !== "persistentVolumeClaim") continue
    const claim = index.claim(ns, v.source.claimName)
    if (claim === undefined) return { missing: notFound("persistentvolumeclaim", v.source.claimName) }
    if (claim.accessModes.includes("ReadWriteOncePod")) claims.add(v.source.claimName)
  }
  return { claims }
}

/**
 * How many of `claims` (in `namespace`) a scheduled pod uses: the snapshot's set of claims in use.
 *
 * @since 0.1.0
 * @category accessors
 */
export const claimsInUse = (namespace: string, claims: ReadonlySet<string>, cluster: ClusterView): number => {
  if (claims.size === 0) return 0
  const used = new Set<string>()
  for (const s of cluster.nodes)
    for (const b of s.pods) {
      if (namespaceOf(b.pod) !== namespace) continue
      for (const v of b.pod.volumes ?? []) if (v.source.type === "persistentVolumeClaim" && claims.has(v.source.claimName)) used.add(v.source.claimName)
    }
  return used.size
}

/**
 * `conflictingPVCRefCountForPod`: how many of a pod's `persistentVolumeClaim` volumes name one of
 * `claims` (names only, whatever the pod's namespace; each volume counts), what upstream's
 * RemovePod subtracts from the conflicting count for a victim and AddPod adds back.
 *
 * @since 0.1.0
 * @category accessors
 */
export const claimReferences = (pod: SchedulingPod, claims: ReadonlySet<string>): number => {
  let count = 0
  for (const v of pod.volumes ?? []) if (v.source.type === "persistentVolumeClaim" && claims.has(v.source.claimName)) count++
  return count
}

/** VolumeRestrictions' RemovePod for preemption's dry run: the state with the victims' references taken off. @since 0.1.0 @category plugins */
export const volumeRestrictionsRemovePods = (state: VolumeRestrictionsState, removed: ReadonlyArray<SchedulingPod>): VolumeRestrictionsState => ({
  ...state,
  conflictingClaims: removed.reduce((n, p) => n - claimReferences(p, state.readWriteOncePodClaims), state.conflictingClaims),
})

/** VolumeRestrictions' PreFilter. @since 0.1.0 @category plugins */
export const volumeRestrictionsPreFilter = (pod: SchedulingPod, cluster: ClusterView): PreFilterOutcome<VolumeRestrictionsState> => {
  const needsCheck = needsDiskCheck(pod)
  const rwop = readWriteOncePodClaims(pod, cluster)
  if ("missing" in rwop) return { kind: "reject", status: failure("UnschedulableAndUnresolvable", rwop.missing) }
  const conflictingClaims = claimsInUse(namespaceOf(pod), rwop.claims, cluster)
  if (!needsCheck && conflictingClaims === 0) return skip
  return proceed({ readWriteOncePodClaims: rwop.claims, conflictingClaims })
}

/** VolumeRestrictions' Filter. @since 0.1.0 @category filters */
export const volumeRestrictionsFilter = (pod: SchedulingPod, node: NodeState, state: VolumeRestrictionsState | undefined): Status => {
  if (hasDiskConflict(pod.volumes ?? [], node.pods.map((b) => b.pod))) return failure("Unschedulable", REASON_DISK_CONFLICT)
  if (state !== undefined && state.conflictingClaims > 0) return failure("Unschedulable", REASON_READ_WRITE_ONCE_POD_CONFLICT)
  return success
}

/** VolumeRestrictions at PreFilter and Filter. @since 0.1.0 @category plugins */
export const volumeRestrictionsFilterPlugin = (_profile: Profile): FilterPlugin<VolumeRestrictionsState> => ({
  name: "VolumeRestrictions",
  preFilter: volumeRestrictionsPreFilter,
  filter: (pod, node, state) => volumeRestrictionsFilter(pod, node, state),
  removePods: (_pod, state, removed) => volumeRestrictionsRemovePods(state, removed),
})
