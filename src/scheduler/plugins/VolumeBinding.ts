/**
 * Plugin VolumeBinding (Kubernetes v1.35): PreFilter, Filter and Reserve.
 *
 * PreFilter reads the claims of the pod's `persistentVolumeClaim` and generic ephemeral volumes
 * and rejects the pod (UnschedulableAndUnresolvable) when one is missing
 * (`persistentvolumeclaim "<name>" not found`, or for an ephemeral volume `waiting for ephemeral
 * volume controller to create the persistentvolumeclaim "<name>"`), Lost, being deleted, not owned
 * by the pod (ephemeral), or unbound without delayed binding ("pod has unbound immediate
 * PersistentVolumeClaims": its class is missing, Immediate or absent, or it is pre-bound to a PV
 * by `volumeName` and waits for the PV controller). A pod without claims skips the plugin.
 *
 * Filter, per node (all failures UnschedulableAndUnresolvable, reasons in upstream's order):
 * - bound claims: the PV must exist ("node(s) unavailable due to one or more pvc(s) bound to
 *   non-existent pv(s)") and its required node affinity must hold ("node(s) had volume node
 *   affinity conflict");
 * - unbound WaitForFirstConsumer claims, smallest request first: a static PV of the claim's class
 *   that is Available (or pre-bound to the claim), large enough, of the same volume mode and
 *   volume attributes class, matching the claim's selector and access modes and whose node
 *   affinity admits the node — the smallest such; a claim without one must be provisionable: its
 *   class has a provisioner (not `kubernetes.io/no-provisioner`) and `allowedTopologies` admit the
 *   node. A claim whose provisioning already chose a node (`volume.kubernetes.io/selected-node`)
 *   fits only that node. Otherwise "node(s) didn't find available persistent volumes to bind";
 * - storage capacity, for each claim to provision once its class passed those checks: when a
 *   CSIDriver named like the class's provisioner has `spec.storageCapacity: true`, some
 *   CSIStorageCapacity of the claim's class must have a limit (`maximumVolumeSize`, else
 *   `capacity`; neither: no room) at least the claim's request and a `nodeTopology` selecting the
 *   node (none: no node). Otherwise "node(s) did not have enough free storage". Without such a
 *   CSIDriver (not a CSI driver, or one that did not opt in) capacity is not checked, as upstream.
 *   The claims are checked in turn and the first that fails decides: a claim without room before
 *   one without a provisioner gives only the storage reason, the other order only the bind one.
 *
 * The scheduler never takes a provisioned volume's size off a CSIStorageCapacity: the driver's
 * external-provisioner publishes new objects once it has created the volume, later than one
 * batch. Every pod of a batch sees the capacities of the input, so several claims may each fit
 * the same room that holds only one of them, as in kube-scheduler between two capacity updates.
 *
 * Reserve, once the pod is bound: each chosen static PV gets the claim as `claimRef` and the
 * claim becomes Bound to it; each claim to provision becomes Bound to a new PV `pvc-<uid or
 * namespace-name>` of the claim's size, modes and class, whose driver is the provisioner and whose
 * node affinity is the node's values of the topology keys the node's CSINode lists for that driver
 * (none listed: reachable from every node). This is the state once the PV controller and the
 * provisioner have finished what upstream's Reserve and PreBind start, so a later pod cannot
 * take the same PV and a pod sharing the claim follows its volume.
 *
 * Not modelled: the CSI translation of in-tree PVs' topology, and the Score extension
 * (StorageCapacityScoring is alpha and off in v1.35).
 *
 * @since 0.1.0
 */
import type { ClusterView } from "../framework/ClusterView.ts"
import { type FilterPlugin, type PreFilterOutcome, proceed, skip } from "../framework/Plugin.ts"
import type { ClusterObjects } from "../model/ClusterObjects.ts"
import { labelSelectorMatches } from "../model/LabelSelector.ts"
import type { SchedulingNode } from "../model/SchedulingNode.ts"
import { namespaceOf, type NodeSelectorTerm, type SchedulingPod } from "../model/SchedulingPod.ts"
import type { PersistentVolume, PersistentVolumeClaim, StorageObjects } from "../model/Volumes.ts"
import type { Profile } from "../profile/Profile.ts"
import type { NodeState } from "../readable/NodeState.ts"
import { MIGRATED_DRIVERS } from "./NodeVolumeLimits.ts"
import { failure, type Status, success } from "./Status.ts"
import {
  claimClassOf,
  claimNameOf,
  ephemeralOwnerProblem,
  isClaimBound,
  isVolumeBoundToClaim,
  notFound,
  type StorageIndex,
  storageIndexOf,
  topologyAllows,
  volumeNodeAffinityMatches,
} from "./VolumeStorage.ts"

/** @since 0.1.0 @category constants */
export const REASON_NODE_CONFLICT = "node(s) had volume node affinity conflict"
/** @since 0.1.0 @category constants */
export const REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind"
/** @since 0.1.0 @category constants */
export const REASON_NOT_ENOUGH_SPACE = "node(s) did not have enough free storage"
/** @since 0.1.0 @category constants */
export const REASON_PV_NOT_EXIST = "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)"
/** @since 0.1.0 @category constants */
export const REASON_UNBOUND_IMMEDIATE = "pod has unbound immediate PersistentVolumeClaims"
/** The provisioner of classes that only bind static PVs. @since 0.1.0 @category constants */
export const NO_PROVISIONER = "kubernetes.io/no-provisioner"

/**
 * What PreFilter found: the pod's bound claims, its unbound WaitForFirstConsumer claims, and the
 * PVs of those claims' classes.
 *
 * @since 0.1.0
 * @category model
 */
export interface VolumeBindingState {
  readonly boundClaims: ReadonlyArray<PersistentVolumeClaim>
  readonly delayedClaims: ReadonlyArray<PersistentVolumeClaim>
  readonly volumesByClass: ReadonlyMap<string, ReadonlyArray<PersistentVolume>>
}

/**
 * The volumes one node would give the pod: static PVs for claims, claims to provision, or why not.
 *
 * @since 0.1.0
 * @category model
 */
export interface PodVolumes {
  readonly reasons: ReadonlyArray<string>
  readonly staticBindings: ReadonlyArray<{ readonly claim: PersistentVolumeClaim; readonly volume: PersistentVolume }>
  readonly provisions: ReadonlyArray<PersistentVolumeClaim>
}

/**
 * `podHasPVCs` and `GetPodVolumeClaims`: the claims of the pod sorted into bound and delayed
 * ones, `undefined` for a pod without claims, or the message rejecting it.
 *
 * @since 0.1.0
 * @category accessors
 */
export const podVolumeClaims = (pod: SchedulingPod, index: StorageIndex): VolumeBindingState | undefined | { readonly problem: string } => {
  const ns = namespaceOf(pod)
  const claims: PersistentVolumeClaim[] = []
  for (const v of pod.volumes ?? []) {
    const claimName = claimNameOf(pod, v)
    if (claimName === undefined) continue
    const ephemeral = v.source.type === "ephemeral"
    const claim = index.claim(ns, claimName)
    if (claim === undefined)
      return { problem: ephemeral ? `waiting for ephemeral volume controller to create the persistentvolumeclaim "${claimName}"` : notFound("persistentvolumeclaim", claimName) }
    if (claim.phase === "Lost") return { problem: `persistentvolumeclaim "${claim.name}" bound to non-existent persistentvolume "${claim.volumeName ?? ""}"` }
    if (claim.deleting === true) return { problem: `persistentvolumeclaim "${claim.name}" is being deleted` }
    if (ephemeral) {
      const problem = ephemeralOwnerProblem(pod, claim)
      if (problem !== undefined) return { problem }
    }
    // a claim used by two volumes is bound once
    if (!claims.includes(claim)) claims.push(claim)
  }
  if (claims.length === 0) return undefined
  const boundClaims: PersistentVolumeClaim[] = []
  const delayedClaims: PersistentVolumeClaim[] = []
  for (const claim of claims) {
    if (isClaimBound(claim)) {
      boundClaims.push(claim)
      continue
    }
    const className = claimClassOf(claim, index)
    const delayed = className !== "" && index.storageClass(className)?.volumeBindingMode === "WaitForFirstConsumer"
    // a pre-bound claim (volumeName set, not yet bound) waits for the PV controller like an immediate one
    if (!delayed || (claim.volumeName !== undefined && claim.volumeName !== "")) return { problem: REASON_UNBOUND_IMMEDIATE }
    delayedClaims.push(claim)
  }
  const volumesByClass = new Map<string, ReadonlyArray<PersistentVolume>>()
  for (const claim of delayedClaims) {
    const className = claimClassOf(claim, index)
    if (!volumesByClass.has(className)) volumesByClass.set(className, index.storage.persistentVolumes.filter((pv) => pv.storageClassName === className))
  }
  return { boundClaims, delayedClaims, volumesByClass }
}

/**
 * `FindMatchingVolume` on the scheduler's path: the PV pre-bound to the claim if it admits the
 * node, else the smallest Available PV that fits the claim on this node (the first of equal size).
 *
 * @since 0.1.0
 * @category accessors
 */
export const findMatchingVolume = (
  claim: PersistentVolumeClaim,
  className: string,
  volumes: ReadonlyArray<PersistentVolume>,
  node: SchedulingNode,
  excluded: ReadonlySet<string>,
): PersistentVolume | undefined => {
  let smallest: PersistentVolume | undefined
  for (const pv of volumes) {
    if (excluded.has(pv.name)) continue
    if (pv.claimRef !== undefined && !isVolumeBoundToClaim(pv, claim)) continue
    if (pv.capacityBytes < claim.requestBytes) continue
    if ((pv.volumeMode ?? "Filesystem") !== (claim.volumeMode ?? "Filesystem")) continue
    if ((pv.volumeAttributesClassName ?? "") !== (claim.volumeAttributesClassName ?? "")) continue
    if (pv.deleting === true) continue
    const affinityOk = volumeNodeAffinityMatches(pv, node.labels)
    if (isVolumeBoundToClaim(pv, claim)) return affinityOk ? pv : undefined
    if ((pv.phase ?? "Available") !== "Available") continue
    if (claim.selector !== undefined && !labelSelectorMatches(claim.selector, pv.labels)) continue
    if (pv.storageClassName !== className) continue
    if (!affinityOk) continue
    if (!claim.accessModes.every((m) => pv.accessModes.includes(m))) continue
    if (smallest === undefined || pv.capacityBytes < smallest.capacityBytes) smallest = pv
  }
  return smallest
}

/**
 * `hasEnoughCapacity`: whether a volume for `claim` can be provisioned by `provisioner` for
 * `node` as far as storage capacity goes. Only a CSIDriver of the provisioner's name with
 * `storageCapacity: true` turns the check on; then some CSIStorageCapacity of the class must be
 * large enough and reachable from the node. (Upstream skips a claim without a storage request;
 * every claim has one here, as the API server requires it.)
 *
 * @since 0.1.0
 * @category predicates
 */
export const hasEnoughCapacity = (provisioner: string, claim: PersistentVolumeClaim, className: string, node: SchedulingNode, index: StorageIndex): boolean => {
  if (index.csiDriver(provisioner)?.storageCapacity !== true) return true
  return index.largestVolumeFor(className, node) >= claim.requestBytes
}

/**
 * `checkVolumeProvisions`: the claims to provision on `node`, in turn, until one fails: its class
 * cannot provision here (no provisioner, or `allowedTopologies` exclude the node) or there is no
 * room for it. Each failure answers for the whole pod, so only the first one counts.
 *
 * @since 0.1.0
 * @category predicates
 */
export const checkVolumeProvisions = (
  claims: ReadonlyArray<PersistentVolumeClaim>,
  node: SchedulingNode,
  index: StorageIndex,
): { readonly provisionable: boolean; readonly sufficientStorage: boolean } => {
  for (const claim of claims) {
    const className = claimClassOf(claim, index)
    const sc = index.storageClass(className)
    if (sc === undefined || sc.provisioner === "" || sc.provisioner === NO_PROVISIONER || !topologyAllows(sc.allowedTopologies, node.labels)) {
      return { provisionable: false, sufficientStorage: true }
    }
    if (!hasEnoughCapacity(sc.provisioner, claim, className, node, index)) return { provisionable: true, sufficientStorage: false }
  }
  return { provisionable: true, sufficientStorage: true }
}

/**
 * `FindPodVolumes`: whether the pod's claims can be satisfied on `node`, and how.
 *
 * @since 0.1.0
 * @category accessors
 */
export const findPodVolumes = (state: VolumeBindingState, node: SchedulingNode, index: StorageIndex): PodVolumes => {
  let boundSatisfied = true
  let unboundSatisfied = true
  let sufficientStorage = true
  let volumesFound = true
  let staticBindings: Array<{ claim: PersistentVolumeClaim; volume: PersistentVolume }> = []
  let provisions: PersistentVolumeClaim[] = []
  const done = (): PodVolumes => ({
    reasons: [
      ...(boundSatisfied ? [] : [REASON_NODE_CONFLICT]),
      ...(unboundSatisfied ? [] : [REASON_BIND_CONFLICT]),
      ...(sufficientStorage ? [] : [REASON_NOT_ENOUGH_SPACE]),
      ...(volumesFound ? [] : [REASON_PV_NOT_EXIST]),
    ],
    staticBindings,
    provisions,
  })
  for (const claim of state.boundClaims) {
    const pv = index.volume(claim.volumeName ?? "")
    if (pv === undefined) {
      volumesFound = false
      break
    }
    if (!volumeNodeAffinityMatches(pv, node.labels)) {
      boundSatisfied = false
      break
    }
  }
  if (state.delayedClaims.length === 0) return done()
  const toMatch: PersistentVolumeClaim[] = []
  const toProvision: PersistentVolumeClaim[] = []
  for (const claim of state.delayedClaims) {
    if (claim.selectedNode === undefined) toMatch.push(claim)
    else if (claim.selectedNode === node.name) toProvision.push(claim)
    else {
      unboundSatisfied = false
      return done()
    }
  }
  if (toMatch.length > 0) {
    const chosen = new Set<string>()
    const matched: Array<{ claim: PersistentVolumeClaim; volume: PersistentVolume }> = []
    // smallest request first (a stable sort, where upstream's is not)
    for (const claim of [...toMatch].sort((a, b) => a.requestBytes - b.requestBytes)) {
      const className = claimClassOf(claim, index)
      const pv = findMatchingVolume(claim, className, state.volumesByClass.get(className) ?? [], node, chosen)
      if (pv === undefined) {
        toProvision.push(claim)
        unboundSatisfied = false
        continue
      }
      chosen.add(pv.name)
      matched.push({ claim, volume: pv })
    }
    staticBindings = matched
  }
  if (toProvision.length > 0) {
    // replaces the static match's verdict, as upstream: a claim without a PV that can be provisioned is satisfied
    const checked = checkVolumeProvisions(toProvision, node, index)
    unboundSatisfied = checked.provisionable
    sufficientStorage = checked.sufficientStorage
    provisions = checked.provisionable && checked.sufficientStorage ? toProvision : []
  }
  return done()
}

/** VolumeBinding's PreFilter. @since 0.1.0 @category plugins */
export const volumeBindingPreFilter = (pod: SchedulingPod, cluster: ClusterView): PreFilterOutcome<VolumeBindingState> => {
  const r = podVolumeClaims(pod, storageIndexOf(cluster.objects))
  if (r === undefined) return skip
  if ("problem" in r) return { kind: "reject", status: failure("UnschedulableAndUnresolvable", r.problem) }
  return proceed(r)
}

/** VolumeBinding's Filter. @since 0.1.0 @category filters */
export const volumeBindingFilter = (node: NodeState, state: VolumeBindingState | undefined, cluster: ClusterView): Status => {
  if (state === undefined) return success
  const { reasons } = findPodVolumes(state, node.node, storageIndexOf(cluster.objects))
  return reasons.length === 0 ? success : failure("UnschedulableAndUnresolvable", ...reasons)
}

/** The node affinity of a volume provisioned for `node`: its values of the driver's topology keys. */
const provisionedAffinity = (driver: string, node: SchedulingNode, index: StorageIndex): ReadonlyArray<NodeSelectorTerm> | undefined => {
  const keys = index.csiNode(node.name)?.drivers.find((d) => d.name === driver)?.topologyKeys ?? []
  const requirements = keys.flatMap((key) => {
    const value = node.labels[key]
    return value === undefined ? [] : [{ key, operator: "In" as const, values: [value] }]
  })
  return requirements.length === 0 ? undefined : [{ matchExpressions: requirements, matchFields: [] }]
}

/**
 * The storage objects after the pod's volumes are bound on `node`: static PVs bound to their
 * claims, claims to provision bound to new PVs.
 *
 * @since 0.1.0
 * @category combinators
 */
export const bindPodVolumes = (volumes: PodVolumes, node: SchedulingNode, index: StorageIndex): StorageObjects => {
  const storage = index.storage
  const claimUpdates = new Map<PersistentVolumeClaim, PersistentVolumeClaim>()
  const volumeUpdates = new Map<PersistentVolume, PersistentVolume>()
  const created: PersistentVolume[] = []
  const ref = (claim: PersistentVolumeClaim) => ({ namespace: claim.namespace, name: claim.name, ...(claim.uid === undefined ? {} : { uid: claim.uid }) })
  for (const { claim, volume } of volumes.staticBindings) {
    volumeUpdates.set(volume, { ...volume, claimRef: ref(claim), phase: "Bound" })
    claimUpdates.set(claim, { ...claim, volumeName: volume.name, phase: "Bound" })
  }
  const taken = new Set(storage.persistentVolumes.map((pv) => pv.name))
  for (const claim of volumes.provisions) {
    const className = claimClassOf(claim, index)
    const provisioner = index.storageClass(className)?.provisioner ?? ""
    const base = `pvc-${claim.uid ?? `${claim.namespace}-${claim.name}`}`
    let name = base
    for (let i = 2; taken.has(name); i++) name = `${base}-${i}`
    taken.add(name)
    const inTree = Object.hasOwn(MIGRATED_DRIVERS, provisioner) ? (provisioner as keyof typeof MIGRATED_DRIVERS) : undefined
    const driver = inTree === undefined ? provisioner : MIGRATED_DRIVERS[inTree]
    const affinity = provisionedAffinity(driver, node, index)
    created.push({
      name,
      labels: {},
      capacityBytes: claim.requestBytes,
      accessModes: claim.accessModes,
      storageClassName: className,
      claimRef: ref(claim),
      ...(affinity === undefined ? {} : { nodeAffinity: affinity }),
      ...(inTree === undefined ? { csiDriver: provisioner, volumeHandle: name } : { inTree: { plugin: inTree, volumeID: name } }),
      phase: "Bound",
      ...(claim.volumeMode === undefined ? {} : { volumeMode: claim.volumeMode }),
      ...(claim.volumeAttributesClassName === undefined ? {} : { volumeAttributesClassName: claim.volumeAttributesClassName }),
    })
    claimUpdates.set(claim, { ...claim, volumeName: name, phase: "Bound", selectedNode: node.name })
  }
  return {
    ...storage,
    persistentVolumes: [...storage.persistentVolumes.map((pv) => volumeUpdates.get(pv) ?? pv), ...created],
    persistentVolumeClaims: storage.persistentVolumeClaims.map((c) => claimUpdates.get(c) ?? c),
  }
}

/**
 * Reserve over a storage index: the storage objects with the pod's volumes bound on `node`,
 * `undefined` if nothing changes.
 *
 * @since 0.1.0
 * @category combinators
 */
export const reservePodVolumes = (state: VolumeBindingState | undefined, node: SchedulingNode, index: StorageIndex): StorageObjects | undefined => {
  if (state === undefined || state.delayedClaims.length === 0) return undefined
  const volumes = findPodVolumes(state, node, index)
  if (volumes.reasons.length > 0 || (volumes.staticBindings.length === 0 && volumes.provisions.length === 0)) return undefined
  return bindPodVolumes(volumes, node, index)
}

/** VolumeBinding's Reserve: the objects with the pod's volumes bound, `undefined` if nothing changes. @since 0.1.0 @category plugins */
export const volumeBindingReserve = (node: NodeState, state: VolumeBindingState | undefined, cluster: ClusterView): ClusterObjects | undefined => {
  const storage = reservePodVolumes(state, node.node, storageIndexOf(cluster.objects))
  return storage === undefined ? undefined : { ...cluster.objects, storage }
}

/** VolumeBinding at PreFilter, Filter and Reserve. @since 0.1.0 @category plugins */
export const volumeBindingFilterPlugin = (_profile: Profile): FilterPlugin<VolumeBindingState> => ({
  name: "VolumeBinding",
  preFilter: volumeBindingPreFilter,
  filter: (_pod, node, state, cluster) => volumeBindingFilter(node, state, cluster),
  reserve: (_pod, node, state, cluster) => volumeBindingReserve(node, state, cluster),
})
