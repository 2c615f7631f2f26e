/**
 * What the four volume plugins share (Kubernetes v1.35): lookups into the cluster's storage
 * objects as the scheduler's listers give them (claims by namespace and name, volumes, classes,
 * CSINodes and CSIDrivers by name), the claim behind a pod volume, a claim's effective class, whether it is
 * bound, a PV's node affinity and a class's `allowedTopologies` against node labels, and the
 * listers' not-found messages.
 *
 * @since 0.1.0
 */
import type { ClusterObjects } from "../model/ClusterObjects.ts"
import type { Labels } from "../model/LabelSelector.ts"
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
  /** The CSIStorageCapacity objects of a StorageClass, in input order. */
  readonly capacitiesOf: (className: string) => ReadonlyArray<CsiStorageCapacity>
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

const cache = new WeakMap<StorageObjects, StorageIndex>()

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
  // grouped once: Filter reads a class's capacities for every node
  const capacities = new Map<string, CsiStorageCapacity[]>()
  for (const c of storage.csiStorageCapacities ?? []) {
    const of = capacities.get(c.storageClassName)
    if (of === undefined) capacities.set(c.storageClassName, [c])
    else of.push(c)
  }
  const defaultClass = defaultClassOf(storage.storageClasses)
  const index: StorageIndex = {
    storage,
    claim: (namespace, name) => claims.get(`${namespace}/${name}`),
    volume: (name) => volumes.get(name),
    storageClass: (name) => classes.get(name),
    csiNode: (nodeName) => csiNodes.get(nodeName),
    csiDriver: (name) => csiDrivers.get(name),
    capacitiesOf: (className) => capacities.get(className) ?? [],
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
