/**
 * Plugin VolumeZone (Kubernetes v1.35).
 *
 * The zone and region labels of the PVs a pod's claims are bound to
 * (`topology.kubernetes.io/zone|region` and the beta `failure-domain.beta.kubernetes.io/zone|region`;
 * a value may list several zones separated by `__`) must be matched by the node's label of the
 * same key (a beta key on the PV also accepts the node's GA key); a node without any of the four
 * labels accepts every volume (a single-zone cluster). A mismatch → UnschedulableAndUnresolvable
 * "node(s) had no available volume zone".
 *
 * PreFilter reads each `persistentVolumeClaim` volume (not generic ephemeral ones): a missing
 * claim, class or PV rejects the pod with the lister's not-found message; an unbound claim is
 * skipped when its class binds WaitForFirstConsumer, rejected otherwise ("PersistentVolumeClaim
 * had no pv name and storageClass name" without a class, "PersistentVolume had no name" with an
 * Immediate one). No zone-labelled PV → the plugin is skipped.
 *
 * @since 0.1.0
 */
import type { ClusterView } from "../framework/ClusterView.ts"
import { type FilterPlugin, type PreFilterOutcome, proceed, skip } from "../framework/Plugin.ts"
import type { Labels } from "../model/LabelSelector.ts"
import { namespaceOf, type SchedulingPod } from "../model/SchedulingPod.ts"
import type { PersistentVolume } from "../model/Volumes.ts"
import type { Profile } from "../profile/Profile.ts"
import type { NodeState } from "../readable/NodeState.ts"
import { failure, type Status, success } from "./Status.ts"
import { claimClassOf, notFound, type StorageIndex, storageIndexOf } from "./VolumeStorage.ts"

/** @since 0.1.0 @category constants */
export const REASON_VOLUME_ZONE_CONFLICT = "node(s) had no available volume zone"

/**
 * The topology labels VolumeZone compares, in upstream's order.
 *
 * @since 0.1.0
 * @category constants
 */
export const TOPOLOGY_LABELS: ReadonlyArray<string> = [
  "failure-domain.beta.kubernetes.io/zone",
  "failure-domain.beta.kubernetes.io/region",
  "topology.kubernetes.io/zone",
  "topology.kubernetes.io/region",
]

/** One label a PV is constrained by: its key and the allowed values. @since 0.1.0 @category model */
export interface VolumeTopology {
  readonly volume: string
  readonly key: string
  readonly values: ReadonlySet<string>
}

/**
 * `LabelZonesToSet`: `a__b` → {a, b}, each trimmed; an empty part makes the value unusable.
 *
 * @since 0.1.0
 * @category accessors
 */
export const zonesOf = (value: string): ReadonlySet<string> | undefined => {
  const parts = value.split("__").map((p) => p.trim())
  return parts.some((p) => p === "") ? undefined : new Set(parts)
}

/**
 * A PV's topology constraints (labels whose value cannot be parsed are ignored).
 *
 * @since 0.1.0
 * @category accessors
 */
export const volumeTopologies = (pv: PersistentVolume): ReadonlyArray<VolumeTopology> =>
  TOPOLOGY_LABELS.flatMap((key) => {
    const value = pv.labels[key]
    const values = value === undefined ? undefined : zonesOf(value)
    return values === undefined ? [] : [{ volume: pv.name, key, values }]
  })

/**
 * The pod's volume topologies, or the message rejecting it.
 *
 * @since 0.1.0
 * @category accessors
 */
export const podVolumeTopologies = (pod: SchedulingPod, cluster: ClusterView): { readonly topologies: ReadonlyArray<VolumeTopology> } | { readonly problem: string } =>
  podVolumeTopologiesIn(pod, storageIndexOf(cluster.objects))

/**
 * {@link podVolumeTopologies} over a storage index.
 *
 * @since 0.1.0
 * @category accessors
 */
export const podVolumeTopologiesIn = (pod: SchedulingPod, index: StorageIndex): { readonly topologies: ReadonlyArray<VolumeTopology> } | { readonly problem: string } => {
  const ns = namespaceOf(pod)
  const topologies: VolumeTopology[] = []
  for (const v of pod.volumes ?? []) {
    if (v.source.type !== "persistentVolumeClaim") continue
    const claimName = v.source.claimName
    if (claimName === "") return { problem: "PersistentVolumeClaim had no name" }
    const claim = index.claim(ns, claimName)
    if (claim === undefined) return { problem: notFound("persistentvolumeclaim", claimName) }
    if (claim.volumeName === undefined || claim.volumeName === "") {
      const className = claimClassOf(claim, index)
      if (className === "") return { problem: "PersistentVolumeClaim had no pv name and storageClass name" }
      const sc = index.storageClass(className)
      if (sc === undefined) return { problem: notFound("storageclass.storage.k8s.io", className) }
      if (sc.volumeBindingMode === "WaitForFirstConsumer") continue
      return { problem: "PersistentVolume had no name" }
    }
    const pv = index.volume(claim.volumeName)
    if (pv === undefined) return { problem: notFound("persistentvolume", claim.volumeName) }
    topologies.push(...volumeTopologies(pv))
  }
  return { topologies }
}

const GA: Readonly<Record<string, string>> = {
  "failure-domain.beta.kubernetes.io/zone": "topology.kubernetes.io/zone",
  "failure-domain.beta.kubernetes.io/region": "topology.kubernetes.io/region",
}

/**
 * Whether a node's labels satisfy the volume topologies.
 *
 * @since 0.1.0
 * @category predicates
 */
export const zonesFit = (topologies: ReadonlyArray<VolumeTopology>, labels: Labels): boolean => {
  if (!TOPOLOGY_LABELS.some((k) => Object.hasOwn(labels, k))) return true
  return topologies.every((t) => {
    const value = Object.hasOwn(labels, t.key) ? labels[t.key] : labels[GA[t.key] ?? t.key]
    return value !== undefined && t.values.has(value)
  })
}

/** VolumeZone's PreFilter. @since 0.1.0 @category plugins */
export const volumeZonePreFilter = (pod: SchedulingPod, cluster: ClusterView): PreFilterOutcome<ReadonlyArray<VolumeTopology>> => {
  const r = podVolumeTopologies(pod, cluster)
  if ("problem" in r) return { kind: "reject", status: failure("UnschedulableAndUnresolvable", r.problem) }
  return r.topologies.length === 0 ? skip : proceed(r.topologies)
}

/** VolumeZone's Filter (computing the topologies itself when PreFilter did not run). @since 0.1.0 @category filters */
export const volumeZoneFilter = (pod: SchedulingPod, node: NodeState, state: ReadonlyArray<VolumeTopology> | undefined, cluster: ClusterView): Status => {
  if ((pod.volumes ?? []).length === 0) return success
  let topologies = state
  if (topologies === undefined) {
    const r = podVolumeTopologies(pod, cluster)
    if ("problem" in r) return failure("UnschedulableAndUnresolvable", r.problem)
    topologies = r.topologies
  }
  return zonesFit(topologies, node.node.labels) ? success : failure("UnschedulableAndUnresolvable", REASON_VOLUME_ZONE_CONFLICT)
}

/** VolumeZone at PreFilter and Filter. @since 0.1.0 @category plugins */
export const volumeZoneFilterPlugin = (_profile: Profile): FilterPlugin<ReadonlyArray<VolumeTopology>> => ({
  name: "VolumeZone",
  preFilter: volumeZonePreFilter,
  filter: volumeZoneFilter,
})
