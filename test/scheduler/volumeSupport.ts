/**
 * Builders for the volume plugin tests: claims, volumes, classes, CSINodes, pods with volumes,
 * a cluster view over nodes with pods on them, and one plugin's PreFilter → Filter run the way
 * upstream's table tests drive it.
 */
import { clusterView, type ClusterView } from "../../src/scheduler/framework/ClusterView.ts"
import type { FilterPlugin, PreFilterOutcome } from "../../src/scheduler/framework/Plugin.ts"
import {
  defaultProfile,
  node,
  pod,
  type CsiDriver,
  type CsiNode,
  type CsiStorageCapacity,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type PodVolume,
  type SchedulingNode,
  type SchedulingPod,
  type Status,
  type StorageClass,
  type StorageObjects,
  type VolumeAttachment,
} from "../../src/scheduler/index.ts"
import { addPod, boundPod, nodeState, type NodeState } from "../../src/scheduler/readable/NodeState.ts"

export const Gi = 2 ** 30

export const claim = (name: string, rest: Partial<PersistentVolumeClaim> = {}): PersistentVolumeClaim => ({
  namespace: "default",
  name,
  accessModes: ["ReadWriteOnce"],
  requestBytes: Gi,
  phase: "Pending",
  ...rest,
})

/** A claim bound to `volume` (what the PV controller leaves behind). */
export const boundClaim = (name: string, volume: string, rest: Partial<PersistentVolumeClaim> = {}): PersistentVolumeClaim =>
  claim(name, { volumeName: volume, phase: "Bound", ...rest })

export const volume = (name: string, rest: Partial<PersistentVolume> = {}): PersistentVolume => ({
  name,
  labels: {},
  capacityBytes: Gi,
  accessModes: ["ReadWriteOnce"],
  storageClassName: "",
  ...rest,
})

export const storageClass = (name: string, rest: Partial<StorageClass> = {}): StorageClass => ({
  name,
  provisioner: "example.com/csi",
  volumeBindingMode: "Immediate",
  ...rest,
})

export const csiNode = (nodeName: string, drivers: CsiNode["drivers"], rest: Partial<CsiNode> = {}): CsiNode => ({ nodeName, drivers, ...rest })

export const csiDriver = (name: string, storageCapacity: boolean): CsiDriver => ({ name, storageCapacity })

/** A CSIStorageCapacity of `className` (namespace `kube-system`, where drivers publish them). */
export const csiCapacity = (name: string, storageClassName: string, rest: Partial<CsiStorageCapacity> = {}): CsiStorageCapacity => ({
  namespace: "kube-system",
  name,
  storageClassName,
  ...rest,
})

export const storage = (parts: Partial<StorageObjects>): StorageObjects => ({
  persistentVolumes: parts.persistentVolumes ?? [],
  persistentVolumeClaims: parts.persistentVolumeClaims ?? [],
  storageClasses: parts.storageClasses ?? [],
  csiNodes: parts.csiNodes ?? [],
  ...(parts.csiDrivers === undefined ? {} : { csiDrivers: parts.csiDrivers }),
  ...(parts.csiStorageCapacities === undefined ? {} : { csiStorageCapacities: parts.csiStorageCapacities }),
  ...(parts.volumeAttachments === undefined ? {} : { volumeAttachments: parts.volumeAttachments }),
})

/** A VolumeAttachment of the PV `persistentVolumeName` to `nodeName` by `attacher`. */
export const attachment = (name: string, nodeName: string, attacher: string, persistentVolumeName: string, rest: Partial<VolumeAttachment> = {}): VolumeAttachment => ({
  name,
  attacher,
  nodeName,
  persistentVolumeName,
  ...rest,
})

/** A volume using a claim. */
export const pvcVolume = (claimName: string, name = claimName, readOnly = false): PodVolume => ({ name, source: { type: "persistentVolumeClaim", claimName, readOnly } })

/** A pod (namespace `default` unless the key says otherwise) with these volumes. */
export const podWith = (key: string, volumes: ReadonlyArray<PodVolume>, rest: Partial<SchedulingPod> = {}): SchedulingPod =>
  pod(key.includes("/") ? key : `default/${key}`, { cpu: 100 }, { volumes, ...rest })

export const worker = (name: string, labels: Readonly<Record<string, string>> = {}): SchedulingNode =>
  node(name, { cpu: 64_000, memory: 256 * Gi, pods: 110 }, { labels: { "kubernetes.io/hostname": name, ...labels } })

/** Node states with the given pods on them, and the view plugins see. */
export const viewOf = (
  nodes: ReadonlyArray<{ readonly node: SchedulingNode; readonly pods?: ReadonlyArray<SchedulingPod> }>,
  objects: StorageObjects,
): { readonly states: ReadonlyArray<NodeState>; readonly view: ClusterView } => {
  let id = 0
  const states = nodes.map(({ node: n, pods }) => {
    const s = nodeState(n)
    for (const p of pods ?? []) addPod(s, boundPod(id, p, id++, -1))
    return s
  })
  return { states, view: clusterView(states, { storage: objects }) }
}

/** What one plugin says of a pod: PreFilter's outcome, and each node's Filter status when PreFilter did not reject. */
export interface PluginRun {
  readonly preFilter: PreFilterOutcome<unknown> | undefined
  readonly filter: ReadonlyArray<Status> | undefined
}

export const runPlugin = <S>(
  make: (profile: typeof defaultProfile) => FilterPlugin<S>,
  incoming: SchedulingPod,
  nodes: ReadonlyArray<{ readonly node: SchedulingNode; readonly pods?: ReadonlyArray<SchedulingPod> }>,
  objects: StorageObjects,
): PluginRun => {
  const plugin = make(defaultProfile) as unknown as FilterPlugin<unknown>
  const { states, view } = viewOf(nodes, objects)
  const pre = plugin.preFilter?.(incoming, view)
  if (pre?.kind === "reject") return { preFilter: pre, filter: undefined }
  const state = pre?.kind === "proceed" ? pre.state : undefined
  return { preFilter: pre, filter: states.map((s) => plugin.filter(incoming, s, state, view)) }
}
