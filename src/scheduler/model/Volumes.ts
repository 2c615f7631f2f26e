/**
 * Volumes as the scheduler's volume plugins see them (Kubernetes v1.35): the volumes a pod
 * mounts, and the storage objects of the cluster (PersistentVolumes, PersistentVolumeClaims,
 * StorageClasses, CSINodes).
 *
 * @since 0.1.0
 */
import type { Labels } from "./LabelSelector.ts"
import type { NodeSelectorTerm } from "./SchedulingPod.ts"

/** An access mode. @since 0.1.0 @category model */
export type AccessMode = "ReadWriteOnce" | "ReadOnlyMany" | "ReadWriteMany" | "ReadWriteOncePod"

/**
 * Where a pod volume comes from, for the sources the scheduler reads; everything else
 * (emptyDir, configMap, secret, projected, …) is `other` and ignored by the volume plugins.
 *
 * @since 0.1.0
 * @category model
 */
export type VolumeSource =
  | { readonly type: "persistentVolumeClaim"; readonly claimName: string; readonly readOnly: boolean }
  /** A generic ephemeral volume: its claim is `<pod name>-<volume name>`. */
  | { readonly type: "ephemeral" }
  | { readonly type: "gcePersistentDisk"; readonly pdName: string; readonly readOnly: boolean }
  | { readonly type: "awsElasticBlockStore"; readonly volumeID: string; readonly readOnly: boolean }
  | { readonly type: "rbd"; readonly monitors: ReadonlyArray<string>; readonly pool: string; readonly image: string; readonly readOnly: boolean }
  | { readonly type: "iscsi"; readonly targetPortal: string; readonly iqn: string; readonly lun: number; readonly readOnly: boolean }
  /** An inline CSI ephemeral volume. */
  | { readonly type: "csi"; readonly driver: string }
  | { readonly type: "other"; readonly kind: string }

/** A pod volume. @since 0.1.0 @category model */
export interface PodVolume {
  readonly name: string
  readonly source: VolumeSource
}

/** A PersistentVolume. @since 0.1.0 @category model */
export interface PersistentVolume {
  readonly name: string
  readonly labels: Labels
  readonly capacityBytes: number
  readonly accessModes: ReadonlyArray<AccessMode>
  readonly storageClassName: string
  /** The claim it is bound to (`spec.claimRef`). */
  readonly claimRef?: { readonly namespace: string; readonly name: string }
  /** `spec.nodeAffinity.required` terms (ORed); absent = every node. */
  readonly nodeAffinity?: ReadonlyArray<NodeSelectorTerm>
  /** The CSI driver (`spec.csi.driver`), or the in-tree plugin name it migrates to. */
  readonly csiDriver?: string
  readonly volumeHandle?: string
}

/** A PersistentVolumeClaim. @since 0.1.0 @category model */
export interface PersistentVolumeClaim {
  readonly namespace: string
  readonly name: string
  readonly accessModes: ReadonlyArray<AccessMode>
  /** `undefined`: the default StorageClass applies; `""`: no class (static binding only). */
  readonly storageClassName?: string
  /** Set when bound (`spec.volumeName`). */
  readonly volumeName?: string
  readonly requestBytes: number
  readonly phase: "Pending" | "Bound" | "Lost"
  /** Being deleted (`metadata.deletionTimestamp`). */
  readonly deleting?: boolean
}

/** A StorageClass. @since 0.1.0 @category model */
export interface StorageClass {
  readonly name: string
  readonly provisioner: string
  readonly volumeBindingMode: "Immediate" | "WaitForFirstConsumer"
  /** `allowedTopologies` as node selector terms (ORed); absent = everywhere. */
  readonly allowedTopologies?: ReadonlyArray<NodeSelectorTerm>
  readonly isDefault?: boolean
}

/** A CSINode: per driver, how many volumes the node can attach (absent = unlimited). @since 0.1.0 @category model */
export interface CsiNode {
  readonly nodeName: string
  readonly drivers: ReadonlyArray<{ readonly name: string; readonly allocatableCount?: number; readonly topologyKeys?: ReadonlyArray<string> }>
}

/** The cluster's storage objects. @since 0.1.0 @category model */
export interface StorageObjects {
  readonly persistentVolumes: ReadonlyArray<PersistentVolume>
  readonly persistentVolumeClaims: ReadonlyArray<PersistentVolumeClaim>
  readonly storageClasses: ReadonlyArray<StorageClass>
  readonly csiNodes: ReadonlyArray<CsiNode>
}

/** No storage objects. @since 0.1.0 @category constants */
export const noStorage: StorageObjects = { persistentVolumes: [], persistentVolumeClaims: [], storageClasses: [], csiNodes: [] }
