/**
 * The hot path's volume plugins (Kubernetes v1.35): VolumeRestrictions, NodeVolumeLimits,
 * VolumeBinding and VolumeZone, with the readable plugins' kernels (disk conflicts, attachable
 * volumes and limits, FindPodVolumes, zone sets, Reserve) over the hot scheduler's own state:
 *
 * - per node, the bound pods that mount volumes (bind order), and per claim how many bound pods
 *   mount it (ReadWriteOncePod), kept up to date on bind and unbind, so preemption's victims
 *   release their disks, attachments and claims;
 * - the storage objects as VolumeBinding's Reserve leaves them (a static PV bound to its claim, a
 *   provisioned claim with its new PV), so later pods see them;
 * - per cycle, PreFilter (a rejection with the readable plugin's message, or each plugin's state)
 *   and one verdict per node: 0 passes, else 1 + the index of the first failing volume filter's
 *   status (plugins in {@link FILTER_PLUGINS} order), read by the scan as a mask and by the
 *   diagnosis for the reasons.
 *
 * A pod without volumes costs one length check per cycle and per bind: no state, no verdicts (the
 * per-node buffers are only allocated once a pod with volumes needs them).
 *
 * @since 0.1.0
 */
import type { ClusterObjects } from "../model/ClusterObjects.ts"
import type { SchedulingNode } from "../model/SchedulingNode.ts"
import { namespaceOf, type SchedulingPod } from "../model/SchedulingPod.ts"
import { noStorage, type PersistentVolumeClaim, type StorageObjects } from "../model/Volumes.ts"
import { filterEnabled, type FilterPluginName, type Profile } from "../profile/Profile.ts"
import { nodeVolumeLimitsPreFilter, volumeLimitsStatus } from "../plugins/NodeVolumeLimits.ts"
import { failure, type Status, success } from "../plugins/Status.ts"
import { findPodVolumes, podVolumeClaims, reservePodVolumes, type VolumeBindingState } from "../plugins/VolumeBinding.ts"
import {
  claimReferences,
  hasDiskConflict,
  needsDiskCheck,
  REASON_DISK_CONFLICT,
  REASON_READ_WRITE_ONCE_POD_CONFLICT,
  readWriteOncePodClaimsIn,
} from "../plugins/VolumeRestrictions.ts"
import { capacitySufficient, claimClassOf, nodeHasAccess, type StorageIndex, storageIndex } from "../plugins/VolumeStorage.ts"
import { podVolumeTopologiesIn, REASON_VOLUME_ZONE_CONFLICT, type VolumeTopology, zonesFit } from "../plugins/VolumeZone.ts"

/**
 * One cycle's volume state for the incoming pod: a PreFilter rejection, or what each enabled
 * volume filter needs (absent = the plugin skipped itself) and the verdict per node.
 *
 * @since 0.1.0
 * @category model
 */
export interface CycleVolumes {
  /** An UnschedulableAndUnresolvable PreFilter rejection (the first, in filter order). */
  readonly rejection?: string
  /** Per node: 0 passes every volume filter, else 1 + index of the status (see `status`). */
  readonly verdicts: Uint16Array | null
  readonly pod?: SchedulingPod
  /** VolumeRestrictions runs its Filter; `rwop` (its RWOP claim names) is absent when its PreFilter did not run. */
  readonly restrictions?: { readonly disks: boolean; readonly rwop?: ReadonlySet<string> }
  /** NodeVolumeLimits runs its Filter. */
  /** How many of the RWOP claims scheduled pods use (VolumeRestrictions' PreFilter count). */
  readonly conflicting: number
  readonly limits: boolean
  readonly binding?: VolumeBindingState
  /** VolumeZone's topologies, or (its PreFilter disabled) the problem its Filter reports. */
  readonly zone?: { readonly topologies: ReadonlyArray<VolumeTopology> } | { readonly problem: string }
}

/** The cycle state of a pod the volume plugins have nothing to say about. @since 0.1.0 @category constants */
export const NO_VOLUMES: CycleVolumes = { verdicts: null, conflicting: 0, limits: false }

/** The volume plugins of one hot scheduler. @since 0.1.0 @category model */
export interface VolumeKernel {
  /** Pod `id` is bound on node `n`. */
  readonly bind: (id: number, pod: SchedulingPod, n: number) => void
  readonly unbind: (id: number, n: number) => void
  /** PreFilter and the per-node verdicts for `pod`. */
  readonly prepare: (pod: SchedulingPod) => CycleVolumes
  /** The scan's filter mask: the relational verdicts and the volume verdicts together (non-zero fails). */
  readonly mask: (c: CycleVolumes, relations: Uint8Array | null) => Uint8Array | null
  /** The verdict on node `n` with the pods `removed` taken off it (preemption's dry run). */
  readonly verdictWithout: (c: CycleVolumes, n: number, removed: ReadonlyArray<number>) => number
  /** The status of a non-zero verdict. */
  readonly status: (verdict: number) => Status
  /** VolumeBinding's Reserve once the incoming pod is bound on `n`. */
  readonly reserve: (c: CycleVolumes, n: number) => void
  /** The storage objects as they are now (after every Reserve). */
  readonly storage: () => StorageIndex
  /** Bytes of the per-node buffers (0 until a pod with volumes needed them). */
  readonly scratchBytes: () => number
}

/**
 * Deliberate defects, for tests that show the equivalence properties catch a broken kernel.
 * Never set outside tests.
 *
 * @since 0.1.0
 * @category model
 */
export interface VolumeKernelFaults {
  /** Reserve changes nothing: later pods do not see the bound or provisioned PV. */
  readonly noReserve?: boolean
  /** Unbind keeps the pod's volumes on its node and its claims in use (evicted pods' volumes stay). */
  readonly keepUnbound?: boolean
  /** Preemption's dry run does not release the victims' volumes. */
  readonly dryRunKeepsVictims?: boolean
  /** Preemption's dry run recounts the ReadWriteOncePod claims in use instead of RemovePod's arithmetic. */
  readonly recountReadWriteOncePod?: boolean
  /** Reserve takes each provisioned volume's size off the first CSIStorageCapacity that admitted it. */
  readonly reserveTakesCapacity?: boolean
  /** NodeVolumeLimits does not count the node's VolumeAttachments. */
  readonly ignoreAttachments?: boolean
}

const NO_PODS: ReadonlyArray<SchedulingPod> = []
// The fault ignoreAttachments: a node name no VolumeAttachment names (the API server refuses an empty one).
const NO_NODE = ""

// The fault reserveTakesCapacity: each provisioned claim's request off the first capacity object that admitted it.
const takeCapacity = (storage: StorageObjects, provisions: ReadonlyArray<PersistentVolumeClaim>, node: SchedulingNode, index: StorageIndex): StorageObjects => {
  const capacities = [...(storage.csiStorageCapacities ?? [])]
  for (const claim of provisions) {
    const className = claimClassOf(claim, index)
    const i = capacities.findIndex((c) => c.storageClassName === className && capacitySufficient(c, claim.requestBytes) && nodeHasAccess(node, c))
    const c = capacities[i]
    if (c === undefined) continue
    capacities[i] = {
      ...c,
      ...(c.capacityBytes === undefined ? {} : { capacityBytes: c.capacityBytes - claim.requestBytes }),
      ...(c.maximumVolumeSizeBytes === undefined ? {} : { maximumVolumeSizeBytes: c.maximumVolumeSizeBytes - claim.requestBytes }),
    }
  }
  return { ...storage, csiStorageCapacities: capacities }
}

// The claims a pod mounts through `persistentVolumeClaim` volumes (the snapshot's used-PVC set), as namespace/name.
const claimKeysOf = (pod: SchedulingPod): ReadonlyArray<string> => {
  const ns = namespaceOf(pod)
  const keys = new Set<string>()
  for (const v of pod.volumes ?? []) if (v.source.type === "persistentVolumeClaim") keys.add(`${ns}/${v.source.claimName}`)
  return [...keys]
}

/**
 * The volume plugins over `nodes` (in the hot arrays' order) for a profile and the cluster's objects.
 *
 * @since 0.1.0
 * @category constructors
 */
export const volumeKernel = (nodes: ReadonlyArray<SchedulingNode>, profile: Profile, objects: ClusterObjects, faults: VolumeKernelFaults = {}): VolumeKernel => {
  const N = nodes.length
  let index = storageIndex(objects.storage ?? noStorage)
  const on = (name: FilterPluginName): boolean => filterEnabled(profile, name)
  const withPreFilter = (name: FilterPluginName): boolean => !profile.preFilterDisabled.includes(name)
  const restrictionsOn = on("VolumeRestrictions")
  const limitsOn = on("NodeVolumeLimits")
  const bindingOn = on("VolumeBinding")
  const zoneOn = on("VolumeZone")
  const anyOn = restrictionsOn || limitsOn || bindingOn || zoneOn

  // bound pods with volumes: the pod by id, per node the ids in bind order, per claim its users
  const podOf = new Map<number, SchedulingPod>()
  const claimsOf = new Map<number, ReadonlyArray<string>>()
  const onNode: Array<number[] | undefined> = new Array(N)
  const claimUsers = new Map<string, number>()

  // per-node buffers, allocated by the first pod that needs them
  let verdicts = new Uint16Array(0)
  let blocked = new Uint8Array(0)
  // the statuses of this cycle's verdicts (reset by prepare)
  const statuses: Status[] = []
  const statusIds = new Map<string, number>()
  const codeOf = (s: Status): number => {
    if (s.code === "Success") return 0
    const key = `${s.code}\u0000${s.reasons.join("\u0000")}`
    let id = statusIds.get(key)
    if (id === undefined) {
      id = statuses.length
      statuses.push(s)
      statusIds.set(key, id)
    }
    return id + 1
  }

  const bind = (id: number, pod: SchedulingPod, n: number): void => {
    if (!anyOn || (pod.volumes?.length ?? 0) === 0) return
    podOf.set(id, pod)
    let ids = onNode[n]
    if (ids === undefined) {
      ids = []
      onNode[n] = ids
    }
    ids.push(id)
    const keys = claimKeysOf(pod)
    claimsOf.set(id, keys)
    for (const k of keys) claimUsers.set(k, (claimUsers.get(k) ?? 0) + 1)
  }
  const unbind = (id: number, n: number): void => {
    if (!podOf.has(id) || faults.keepUnbound === true) return
    podOf.delete(id)
    const ids = onNode[n] as number[]
    ids.splice(ids.indexOf(id), 1)
    for (const k of claimsOf.get(id) ?? []) claimUsers.set(k, (claimUsers.get(k) ?? 0) - 1)
    claimsOf.delete(id)
  }

  // The pods with volumes on node n, in bind order, without `removed`.
  const podsOn = (n: number, removed?: ReadonlySet<number>): ReadonlyArray<SchedulingPod> => {
    const ids = onNode[n]
    if (ids === undefined || ids.length === 0) return NO_PODS
    const out: SchedulingPod[] = []
    for (const id of ids) if (removed === undefined || !removed.has(id)) out.push(podOf.get(id) as SchedulingPod)
    return out
  }

  // How many of the pod's RWOP claims some bound pod mounts (PreFilter's count).
  const conflictingClaims = (rwop: ReadonlySet<string>, namespace: string): number => {
    let count = 0
    for (const name of rwop) if ((claimUsers.get(`${namespace}/${name}`) ?? 0) > 0) count++
    return count
  }

  // The volume filters in order on node n: the first failure, else success.
  const statusOn = (c: CycleVolumes, n: number, existing: ReadonlyArray<SchedulingPod>, conflicting: number): Status => {
    const pod = c.pod as SchedulingPod
    const node = nodes[n] as SchedulingNode
    if (c.restrictions !== undefined) {
      if (c.restrictions.disks && existing.length > 0 && hasDiskConflict(pod.volumes ?? [], existing)) return failure("Unschedulable", REASON_DISK_CONFLICT)
      if (conflicting > 0) return failure("Unschedulable", REASON_READ_WRITE_ONCE_POD_CONFLICT)
    }
    if (c.limits) {
      const s = volumeLimitsStatus(pod, faults.ignoreAttachments === true ? NO_NODE : node.name, index.csiNode(node.name), existing, index)
      if (s.code !== "Success") return s
    }
    if (c.binding !== undefined) {
      const { reasons } = findPodVolumes(c.binding, node, index)
      if (reasons.length > 0) return failure("UnschedulableAndUnresolvable", ...reasons)
    }
    if (c.zone !== undefined) {
      if ("problem" in c.zone) return failure("UnschedulableAndUnresolvable", c.zone.problem)
      if (!zonesFit(c.zone.topologies, node.labels)) return failure("UnschedulableAndUnresolvable", REASON_VOLUME_ZONE_CONFLICT)
    }
    return success
  }

  const prepare = (pod: SchedulingPod): CycleVolumes => {
    // most pods carry only a service-account projection or a configMap ("other"): no volume plugin reads those
    if (!anyOn || !(pod.volumes ?? []).some((v) => v.source.type !== "other")) return NO_VOLUMES
    statuses.length = 0
    statusIds.clear()
    // PreFilter, in filter order; every rejection of these plugins is unresolvable and ends PreFilter
    let restrictions: CycleVolumes["restrictions"]
    if (restrictionsOn) {
      const disks = needsDiskCheck(pod)
      if (withPreFilter("VolumeRestrictions")) {
        const r = readWriteOncePodClaimsIn(pod, index)
        if ("missing" in r) return { ...NO_VOLUMES, rejection: r.missing }
        if (disks || conflictingClaims(r.claims, namespaceOf(pod)) > 0) restrictions = { disks, rwop: r.claims }
      } else restrictions = { disks }
    }
    // NodeVolumeLimits' Filter passes every pod its PreFilter would skip, so only that decision matters
    const limits = limitsOn && nodeVolumeLimitsPreFilter(pod).kind === "proceed"
    let binding: VolumeBindingState | undefined
    if (bindingOn && withPreFilter("VolumeBinding")) {
      const r = podVolumeClaims(pod, index)
      if (r !== undefined && "problem" in r) return { ...NO_VOLUMES, rejection: r.problem }
      binding = r
    }
    let zone: CycleVolumes["zone"]
    if (zoneOn) {
      const r = podVolumeTopologiesIn(pod, index)
      if (withPreFilter("VolumeZone")) {
        if ("problem" in r) return { ...NO_VOLUMES, rejection: r.problem }
        if (r.topologies.length > 0) zone = r
      } else zone = r
    }
    if (restrictions === undefined && !limits && binding === undefined && zone === undefined) return NO_VOLUMES
    const conflicting = restrictions?.rwop === undefined ? 0 : conflictingClaims(restrictions.rwop, namespaceOf(pod))
    if (verdicts.length !== N) {
      verdicts = new Uint16Array(N)
      blocked = new Uint8Array(N)
    }
    const c: CycleVolumes = {
      pod,
      verdicts,
      conflicting,
      limits,
      ...(restrictions === undefined ? {} : { restrictions }),
      ...(binding === undefined ? {} : { binding }),
      ...(zone === undefined ? {} : { zone }),
    }
    for (let n = 0; n < N; n++) verdicts[n] = codeOf(statusOn(c, n, podsOn(n), conflicting))
    return c
  }

  const mask = (c: CycleVolumes, relations: Uint8Array | null): Uint8Array | null => {
    const v = c.verdicts
    if (v === null) return relations
    if (relations === null) for (let n = 0; n < N; n++) blocked[n] = v[n] === 0 ? 0 : 1
    else for (let n = 0; n < N; n++) blocked[n] = v[n] === 0 && relations[n] === 0 ? 0 : 1
    return blocked
  }

  const verdictWithout = (c: CycleVolumes, n: number, removed: ReadonlyArray<number>): number => {
    if (c.verdicts === null) return 0
    const gone = faults.dryRunKeepsVictims === true ? [] : removed.filter((id) => podOf.has(id))
    if (gone.length === 0) return c.verdicts[n] as number
    const rwop = c.restrictions?.rwop
    // upstream's RemovePod: the count drops by the victims' references to the claim names
    let conflicting = rwop === undefined ? 0 : c.conflicting
    if (rwop !== undefined) for (const id of gone) conflicting -= claimReferences(podOf.get(id) as SchedulingPod, rwop)
    if (rwop !== undefined && faults.recountReadWriteOncePod === true) {
      const ns = namespaceOf(c.pod as SchedulingPod)
      conflicting = [...rwop].filter((name) => (claimUsers.get(`${ns}/${name}`) ?? 0) > gone.filter((id) => claimsOf.get(id)?.includes(`${ns}/${name}`) === true).length).length
    }
    return codeOf(statusOn(c, n, podsOn(n, new Set(gone)), conflicting))
  }

  const reserve = (c: CycleVolumes, n: number): void => {
    if (faults.noReserve === true) return
    const node = nodes[n] as SchedulingNode
    const changed = reservePodVolumes(c.binding, node, index)
    if (changed === undefined) return
    index = faults.reserveTakesCapacity === true && c.binding !== undefined ? storageIndex(takeCapacity(changed, findPodVolumes(c.binding, node, index).provisions, node, index)) : storageIndex(changed)
  }

  return {
    bind,
    unbind,
    prepare,
    mask,
    verdictWithout,
    status: (verdict) => statuses[verdict - 1] as Status,
    reserve,
    storage: () => index,
    scratchBytes: () => verdicts.byteLength + blocked.byteLength,
  }
}
