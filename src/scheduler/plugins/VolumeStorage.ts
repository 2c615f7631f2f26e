/**
 * What the four volume plugins share (Kubernetes v1.35): lookups into the cluster's storage
 * objects as the scheduler's listers give them (claims by namespace and name, volumes, classes,
 * CSINodes and CSIDrivers by name, VolumeAttachments by node), the claim behind a pod volume, a claim's effective class, whether it is
 * bound, a PV's node affinity and a class's `allowedTopologies` against node labels, and the
 * listers' not-found messages.
 *
 * @since 0.1.0
 */
import type { ClusterObjects } from "../model/ClusterObjects.ts"
import { labelSelectorMatches, type Labels } from "../model/LabelSelector.ts"
import { nameOf, namespaceOf, type NodeSelectorTerm, type SchedulingPod } from "../model/SchedulingPod.ts"
import type { SchedulingNode } from "../model/SchedulingNode.ts"
import {
  type CsiDriver,
  type CsiNode,
  type CsiStorageCapacity,
  noStorage,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type PodVolume,
  type StorageClass,
  type StorageObjects,
  type VolumeAttachment,
} from "../model/Volumes.ts"
import { matchesTerm } from "./NodeAffinity.ts"

/**
 * Lookups into one set of storage objects; the first object of a name wins, as the API server
 * would never hold two.
 *
 * @since 0.1.0
 * @category model
 */
export interface StorageIndex {
  readonly storage: StorageObjects
  /** A claim by namespace and name. */
  readonly claim: (namespace: string, name: string) => PersistentVolumeClaim | undefined
  /** A PersistentVolume by name. */
  readonly volume: (name: string) => PersistentVolume | undefined
  /** A StorageClass by name. */
  readonly storageClass: (name: string) => StorageClass | undefined
  /** The CSINode of a node (named after it). */
  readonly csiNode: (nodeName: string) => CsiNode | undefined
  /** A CSIDriver by name. */
  readonly csiDriver: (name: string) => CsiDriver | undefined
  /** The VolumeAttachments whose `spec.nodeName` is the node, in input order (upstream's index by node name). */
  readonly attachmentsOn: (nodeName: string) => ReadonlyArray<VolumeAttachment>
  /**
   * The largest volume a CSIStorageCapacity of the class admits on `node` (its limit, among those
   * whose `nodeTopology` selects the node), or −1 when none does. Computed once per class and node:
   * with one capacity object per node (local storage), checking every object for every node would
   * cost nodes × nodes selector matches per pod.
   */
  readonly largestVolumeFor: (className: string, node: SchedulingNode) => number
  /** The default StorageClass: the newest marked default (then the first by name), if any. */
  readonly defaultClass?: string
}

const firstByKey = <A>(items: ReadonlyArray<A>, key: (a: A) => string): ReadonlyMap<string, A> => {
  const out = new Map<string, A>()
  for (const a of items) if (!out.has(key(a))) out.set(key(a), a)
  return out
}

/** The DefaultStorageClass admission plugin's choice among classes marked default. */
const defaultClassOf = (classes: ReadonlyArray<StorageClass>): string | undefined =>
  [...classes]
    .filter((c) => c.isDefault === true)
    .sort((a, b) => (b.creationTimestamp ?? 0) - (a.creationTimestamp ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0]?.name

// the limit capacitySufficient compares: maximumVolumeSize when set, else capacity
const capacityLimit = (capacity: CsiStorageCapacity): number | undefined => capacity.maximumVolumeSizeBytes ?? capacity.capacityBytes

/**
 * `capacitySufficient`: whether a CSIStorageCapacity admits a new volume of `bytes`; its limit is
 * `maximumVolumeSize` when set (the more precise of the two), else `capacity`, and neither means
 * no room.
 *
 * @since 0.1.0
 * @category predicates
 */
export const capacitySufficient = (capacity: CsiStorageCapacity, bytes: number): boolean => {
  const limit = capacityLimit(capacity)
  return limit !== undefined && limit >= bytes
}

/**
 * `nodeHasAccess`: whether a CSIStorageCapacity's `nodeTopology` selects the node; an absent
 * selector selects no node (the empty one selects every node).
 *
 * @since 0.1.0
 * @category predicates
 */
export const nodeHasAccess = (node: SchedulingNode, capacity: CsiStorageCapacity): boolean =>
  capacity.nodeTopology !== undefined && labelSelectorMatches(capacity.nodeTopology, node.labels)

/** The largest volume each class admits per node, memoised. */
interface RoomIndex {
  readonly largestVolumeFor: (className: string, node: SchedulingNode) => number
}

// Keyed by the capacities array, not the storage objects: Reserve copies the storage objects on
// every bind (claims and volumes change) but keeps this array, so the memo lives for the batch.
const roomIndexes = new WeakMap<ReadonlyArray<CsiStorageCapacity>, RoomIndex>()

const LABEL_SEPARATOR = "\u0000"

// A nodeTopology of a single matchLabels pair (a local-storage driver's per-node object) is found
// through that pair; any other selector is matched against every node.
const singleLabel = (c: CsiStorageCapacity): string | undefined => {
  const t = c.nodeTopology
  if (t === undefined || (t.matchExpressions?.length ?? 0) > 0) return undefined
  const pairs = Object.entries(t.matchLabels ?? {})
  return pairs.length === 1 ? `${pairs[0]![0]}${LABEL_SEPARATOR}${pairs[0]![1]}` : undefined
}

const roomIndex = (all: ReadonlyArray<CsiStorageCapacity>): RoomIndex => {
  const hit = roomIndexes.get(all)
  if (hit !== undefined) return hit
  const ofClass = new Map<string, CsiStorageCapacity[]>()
  for (const c of all) {
    const of = ofClass.get(c.storageClassName)
    if (of === undefined) ofClass.set(c.storageClassName, [c])
    else of.push(c)
  }
  const byClass = new Map<string, { readonly byLabel: Map<string, number>; readonly others: CsiStorageCapacity[]; readonly memo: WeakMap<SchedulingNode, number> }>()
  const classIndex = (className: string) => {
    let x = byClass.get(className)
    if (x !== undefined) return x
    x = { byLabel: new Map(), others: [], memo: new WeakMap() }
    for (const c of ofClass.get(className) ?? []) {
      const limit = capacityLimit(c)
      // no limit admits no volume, and a missing nodeTopology reaches no node: such an object never counts
      if (limit === undefined || c.nodeTopology === undefined) continue
      const label = singleLabel(c)
      if (label === undefined) x.others.push(c)
      else if (limit > (x.byLabel.get(label) ?? -1)) x.byLabel.set(label, limit)
    }
    byClass.set(className, x)
    return x
  }
  const largestVolumeFor = (className: string, node: SchedulingNode): number => {
    const x = classIndex(className)
    const known = x.memo.get(node)
    if (known !== undefined) return known
    let most = -1
    if (x.byLabel.size > 0) {
      for (const [key, value] of Object.entries(node.labels)) {
        const limit = x.byLabel.get(`${key}${LABEL_SEPARATOR}${value}`)
        if (limit !== undefined && limit > most) most = limit
      }
    }
    for (const c of x.others) {
      const limit = capacityLimit(c) as number
      if (limit > most && nodeHasAccess(node, c)) most = limit
    }
    x.memo.set(node, most)
    return most
  }
  const index: RoomIndex = { largestVolumeFor }
  roomIndexes.set(all, index)
  return index
}

const cache = new WeakMap<StorageObjects, StorageIndex>()
const NO_ATTACHMENTS: ReadonlyArray<VolumeAttachment> = []

/**
 * The index of `storage`, built once per storage object set.
 *
 * @since 0.1.0
 * @category constructors
 */
export const storageIndex = (storage: StorageObjects): StorageIndex => {
  const hit = cache.get(storage)
  if (hit !== undefined) return hit
  const claims = firstByKey(storage.persistentVolumeClaims, (c) => `${c.namespace}/${c.name}`)
  const volumes = firstByKey(storage.persistentVolumes, (v) => v.name)
  const classes = firstByKey(storage.storageClasses, (c) => c.name)
  const csiNodes = firstByKey(storage.csiNodes, (c) => c.nodeName)
  const csiDrivers = firstByKey(storage.csiDrivers ?? [], (d) => d.name)
  const capacities = roomIndex(storage.csiStorageCapacities ?? [])
  const defaultClass = defaultClassOf(storage.storageClasses)
  const attachments = new Map<string, VolumeAttachment[]>()
  for (const a of storage.volumeAttachments ?? []) {
    const on = attachments.get(a.nodeName)
    if (on === undefined) attachments.set(a.nodeName, [a])
    else on.push(a)
  }
  const index: StorageIndex = {
    storage,
    claim: (namespace, name) => claims.get(`${namespace}/${name}`),
    volume: (name) => volumes.get(name),
    storageClass: (name) => classes.get(name),
    csiNode: (nodeName) => csiNodes.get(nodeName),
    csiDriver: (name) => csiDrivers.get(name),
    attachmentsOn: (nodeName) => attachments.get(nodeName) ?? NO_ATTACHMENTS,
    largestVolumeFor: capacities.largestVolumeFor,
    ...(defaultClass === undefined ? {} : { defaultClass }),
  }
  cache.set(storage, index)
  return index
}

/**
 * The storage index of a cluster's objects (none when it has no storage).
 *
 * @since 0.1.0
 * @category constructors
 */
export const storageIndexOf = (objects: ClusterObjects): StorageIndex => storageIndex(objects.storage ?? noStorage)

/**
 * The claim a pod volume uses: `persistentVolumeClaim.claimName`, or `<pod>-<volume>` for a
 * generic ephemeral volume; `undefined` for every other source.
 *
 * @since 0.1.0
 * @category accessors
 */
export const claimNameOf = (pod: SchedulingPod, volume: PodVolume): string | undefined =>
  volume.source.type === "persistentVolumeClaim" ? volume.source.claimName : volume.source.type === "ephemeral" ? `${nameOf(pod)}-${volume.name}` : undefined

/**
 * A claim's class as the scheduler reads it: its own, else the default class (the admission
 * plugin and the PV controller assign it to claims created without one), else `""`.
 *
 * @since 0.1.0
 * @category accessors
 */
export const claimClassOf = (claim: PersistentVolumeClaim, index: StorageIndex): string => claim.storageClassName ?? index.defaultClass ?? ""

/**
 * Fully bound: `spec.volumeName` set and the binding completed (phase `Bound`).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isClaimBound = (claim: PersistentVolumeClaim): boolean =>
  claim.volumeName !== undefined && claim.volumeName !== "" && claim.phase === "Bound"

/**
 * Whether a PV's `claimRef` names this claim (and its uid, when both are known).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isVolumeBoundToClaim = (pv: PersistentVolume, claim: PersistentVolumeClaim): boolean =>
  pv.claimRef !== undefined &&
  pv.claimRef.name === claim.name &&
  pv.claimRef.namespace === claim.namespace &&
  (pv.claimRef.uid === undefined || pv.claimRef.uid === "" || claim.uid === undefined || pv.claimRef.uid === claim.uid)

// `CheckNodeAffinity` builds a node from the labels alone, so `matchFields` see an empty name.
const labelsOnly = (labels: Labels): SchedulingNode => ({ name: "", allocatable: {}, labels, taints: [], unschedulable: false })

/**
 * Whether some term holds for a node known only by its labels.
 *
 * @since 0.1.0
 * @category predicates
 */
export const termsMatchLabels = (terms: ReadonlyArray<NodeSelectorTerm>, labels: Labels): boolean => {
  const n = labelsOnly(labels)
  return terms.some((t) => matchesTerm(t, n))
}

/**
 * A PV's required node affinity against node labels (none = every node).
 *
 * @since 0.1.0
 * @category predicates
 */
export const volumeNodeAffinityMatches = (pv: PersistentVolume, labels: Labels): boolean =>
  pv.nodeAffinity === undefined || termsMatchLabels(pv.nodeAffinity, labels)

/**
 * A class's `allowedTopologies` against node labels: no terms allow every node.
 *
 * @since 0.1.0
 * @category predicates
 */
export const topologyAllows = (terms: ReadonlyArray<NodeSelectorTerm> | undefined, labels: Labels): boolean =>
  terms === undefined || terms.length === 0 || termsMatchLabels(terms, labels)

/**
 * The listers' NotFound message, e.g. `persistentvolumeclaim "data" not found`.
 *
 * @since 0.1.0
 * @category messages
 */
export const notFound = (resource: "persistentvolumeclaim" | "persistentvolume" | "storageclass.storage.k8s.io", name: string): string =>
  `${resource} "${name}" not found`

/**
 * `ephemeral.VolumeIsForPod`: a generic ephemeral volume's claim must be controlled by the pod.
 *
 * @since 0.1.0
 * @category messages
 */
export const ephemeralOwnerProblem = (pod: SchedulingPod, claim: PersistentVolumeClaim): string | undefined =>
  claim.namespace === namespaceOf(pod) && claim.controllerPod === nameOf(pod)
    ? undefined
    : `PVC ${claim.namespace}/${claim.name} was not created for pod ${namespaceOf(pod)}/${nameOf(pod)} (pod is not owner)`
