/**
 * Volumes as the scheduler's volume plugins see them (Kubernetes v1.35): the volumes a pod
 * mounts, and the storage objects of the cluster (PersistentVolumes, PersistentVolumeClaims,
 * StorageClasses, CSINodes, CSIDrivers, CSIStorageCapacities, VolumeAttachments). Access and volume modes are the storage chapter's
 * (`src/domain/storage/AccessModes.ts`, S8.2).
 *
 * @since 0.1.0
 */
import type { AccessMode, VolumeMode } from "../../domain/storage/AccessModes.ts"
import type { LabelSelector, Labels } from "./LabelSelector.ts"
import type { NodeSelectorTerm } from "./SchedulingPod.ts"

export type { AccessMode, VolumeMode } from "../../domain/storage/AccessModes.ts"

/**
 * Where a pod volume comes from, for the sources the scheduler reads; everything else
 * (emptyDir, configMap, secret, projected, hostPath, nfs, …) is `other` and ignored by the volume
 * plugins.
 *
 * @since 0.1.0
 * @category model
 */
export type VolumeSource =
  | { readonly type: "persistentVolumeClaim"; readonly claimName: string; readonly readOnly: boolean }
  /** A generic ephemeral volume: its claim is `<pod name>-<volume name>`, which the ephemeral volume controller creates from `claimTemplate` (its `volumeClaimTemplate` as written). */
  | { readonly type: "ephemeral"; readonly claimTemplate?: unknown }
  | { readonly type: "gcePersistentDisk"; readonly pdName: string; readonly readOnly: boolean }
  | { readonly type: "awsElasticBlockStore"; readonly volumeID: string; readonly readOnly: boolean }
  /** Ceph RBD; `pool` is already defaulted to `rbd`. */
  | { readonly type: "rbd"; readonly monitors: ReadonlyArray<string>; readonly pool: string; readonly image: string; readonly readOnly: boolean }
  | { readonly type: "iscsi"; readonly targetPortal: string; readonly iqn: string; readonly lun: number; readonly readOnly: boolean }
  | { readonly type: "azureDisk"; readonly diskName: string; readonly diskURI: string }
  | { readonly type: "cinder"; readonly volumeID: string }
  | { readonly type: "portworxVolume"; readonly volumeID: string }
  /** An inline CSI ephemeral volume. */
  | { readonly type: "csi"; readonly driver: string }
  | { readonly type: "other"; readonly kind: string }

/** A pod volume. @since 0.1.0 @category model */
export interface PodVolume {
  readonly name: string
  readonly source: VolumeSource
}

/**
 * The in-tree volume plugins whose volumes migrate to a CSI driver (CSI migration), with the
 * volume's own identifier (EBS volume ID, PD name, Azure disk URI, Cinder / Portworx volume ID).
 *
 * @since 0.1.0
 * @category model
 */
export interface InTreeVolume {
  readonly plugin: "kubernetes.io/aws-ebs" | "kubernetes.io/gce-pd" | "kubernetes.io/azure-disk" | "kubernetes.io/cinder" | "kubernetes.io/portworx-volume"
  readonly volumeID: string
}

/** A PersistentVolume's phase. @since 0.1.0 @category model */
export type PersistentVolumePhase = "Pending" | "Available" | "Bound" | "Released" | "Failed"

/** A PersistentVolume. @since 0.1.0 @category model */
export interface PersistentVolume {
  readonly name: string
  readonly labels: Labels
  readonly capacityBytes: number
  readonly accessModes: ReadonlyArray<AccessMode>
  /** `""`: no class (the annotation `volume.beta.kubernetes.io/storage-class` wins over the field). */
  readonly storageClassName: string
  /** The claim it is bound (or reserved) to (`spec.claimRef`); `uid` when the reference names one. */
  readonly claimRef?: { readonly namespace: string; readonly name: string; readonly uid?: string }
  /** `spec.nodeAffinity.required` terms (ORed); absent = every node. */
  readonly nodeAffinity?: ReadonlyArray<NodeSelectorTerm>
  /** The CSI driver (`spec.csi.driver`) of a CSI volume. */
  readonly csiDriver?: string
  /** `spec.csi.volumeHandle` of a CSI volume. */
  readonly volumeHandle?: string
  /** The in-tree source of a volume that CSI migration can translate. */
  readonly inTree?: InTreeVolume
  /** `status.phase`; absent = `Available`, what the PV controller makes of a new volume. */
  readonly phase?: PersistentVolumePhase
  /** `spec.volumeMode`; absent = Filesystem. */
  readonly volumeMode?: VolumeMode
  readonly volumeAttributesClassName?: string
  /** Being deleted (`metadata.deletionTimestamp`). */
  readonly deleting?: boolean
}

/** A PersistentVolumeClaim. @since 0.1.0 @category model */
export interface PersistentVolumeClaim {
  readonly namespace: string
  readonly name: string
  readonly accessModes: ReadonlyArray<AccessMode>
  /** `undefined`: the default StorageClass applies; `""`: no class (static binding only). */
  readonly storageClassName?: string
  /** Set when bound, or pre-bound by its author (`spec.volumeName`). */
  readonly volumeName?: string
  readonly requestBytes: number
  /**
   * `Bound` with `volumeName` set is a fully bound claim (the PV controller's
   * `pv.kubernetes.io/bind-completed` annotation counts as `Bound`); absent status = `Pending`.
   */
  readonly phase: "Pending" | "Bound" | "Lost"
  /** Being deleted (`metadata.deletionTimestamp`). */
  readonly deleting?: boolean
  /** `metadata.uid`, matched against a PV's `claimRef.uid` when both are given. */
  readonly uid?: string
  /** `spec.selector`: static binding only to PVs with matching labels. */
  readonly selector?: LabelSelector
  /** `spec.volumeMode`; absent = Filesystem. */
  readonly volumeMode?: VolumeMode
  readonly volumeAttributesClassName?: string
  /** The annotation `volume.kubernetes.io/selected-node`: provisioning was started for this node. */
  readonly selectedNode?: string
  /** The Pod that controls the claim (`ownerReferences` with `controller: true`), by name. */
  readonly controllerPod?: string
}

/** A StorageClass. @since 0.1.0 @category model */
export interface StorageClass {
  readonly name: string
  readonly provisioner: string
  readonly volumeBindingMode: "Immediate" | "WaitForFirstConsumer"
  /** `allowedTopologies` as node selector terms (ORed); absent = everywhere. */
  readonly allowedTopologies?: ReadonlyArray<NodeSelectorTerm>
  readonly isDefault?: boolean
  /** `metadata.creationTimestamp` in ms: among several default classes the newest applies. */
  readonly creationTimestamp?: number
}

/** A CSINode: per driver, how many volumes the node can attach (absent = unlimited). @since 0.1.0 @category model */
export interface CsiNode {
  readonly nodeName: string
  readonly drivers: ReadonlyArray<{ readonly name: string; readonly allocatableCount?: number; readonly topologyKeys?: ReadonlyArray<string> }>
  /** The annotation `storage.alpha.kubernetes.io/migrated-plugins`: in-tree plugins migrated to CSI here. */
  readonly migratedPlugins?: ReadonlyArray<string>
}

/**
 * A CSIDriver, as VolumeBinding reads it: whether the driver opted into capacity-aware scheduling.
 *
 * @since 0.1.0
 * @category model
 */
export interface CsiDriver {
  readonly name: string
  /** `spec.storageCapacity` (absent = false): provisioning for the driver checks CSIStorageCapacity objects. */
  readonly storageCapacity: boolean
}

/**
 * A CSIStorageCapacity: the room a StorageClass has in one topology segment, as the driver's
 * external-provisioner last reported it.
 *
 * @since 0.1.0
 * @category model
 */
export interface CsiStorageCapacity {
  readonly namespace: string
  readonly name: string
  readonly storageClassName: string
  /** `capacity` in bytes; absent = unknown (no room, unless `maximumVolumeSizeBytes` is set). */
  readonly capacityBytes?: number
  /** `maximumVolumeSize` in bytes: when set, the limit a new volume is compared with instead of `capacityBytes`. */
  readonly maximumVolumeSizeBytes?: number
  /** `nodeTopology`: the nodes with access; absent = none (an empty selector selects every node). */
  readonly nodeTopology?: LabelSelector
}

/**
 * A VolumeAttachment: a volume that `attacher` has attached, or is attaching or detaching, on
 * `nodeName`. It outlives the pod that needed it until the volume is detached, which is why
 * NodeVolumeLimits counts it.
 *
 * @since 0.1.0
 * @category model
 */
export interface VolumeAttachment {
  readonly name: string
  /** `spec.attacher`: the CSI driver that attaches the volume. */
  readonly attacher: string
  readonly nodeName: string
  /** `spec.source.persistentVolumeName`; absent when the source is an inline volume. */
  readonly persistentVolumeName?: string
  /** `spec.source.inlineVolumeSpec` was given: an inline in-tree volume migrated to CSI. */
  readonly inline?: boolean
  /** `status.attached` (absent = false); NodeVolumeLimits counts the object either way. */
  readonly attached?: boolean
}

/** The cluster's storage objects. @since 0.1.0 @category model */
export interface StorageObjects {
  readonly persistentVolumes: ReadonlyArray<PersistentVolume>
  readonly persistentVolumeClaims: ReadonlyArray<PersistentVolumeClaim>
  readonly storageClasses: ReadonlyArray<StorageClass>
  readonly csiNodes: ReadonlyArray<CsiNode>
  /** Absent = none: no driver opts into capacity checks. */
  readonly csiDrivers?: ReadonlyArray<CsiDriver>
  /** Absent = none. */
  readonly csiStorageCapacities?: ReadonlyArray<CsiStorageCapacity>
  /** Absent = none: only the pods on a node use its volumes. */
  readonly volumeAttachments?: ReadonlyArray<VolumeAttachment>
}

/** No storage objects. @since 0.1.0 @category constants */
export const noStorage: StorageObjects = { persistentVolumes: [], persistentVolumeClaims: [], storageClasses: [], csiNodes: [] }
