/**
 * Storage objects: PersistentVolumeClaim and PersistentVolume (`core/v1`), StorageClass, CSINode,
 * CSIDriver, CSIStorageCapacity and VolumeAttachment (`storage.k8s.io/v1`), Kubernetes v1.35 — the
 * fields the scheduler's volume plugins read, the rest kept as given.
 *
 * @since 0.1.0
 */
import * as t from "io-ts"
import { LabelSelector, ObjectMeta } from "./meta.ts"
import { NodeSelectorTerm } from "./pod.ts"
import { Integer, oneOf, Opaque, OpaqueObject, QuantityCodec, QuantityMap, StringMap, struct } from "./primitives.ts"
import {
  AWSElasticBlockStoreVolumeSource,
  AzureDiskVolumeSource,
  CinderVolumeSource,
  GCEPersistentDiskVolumeSource,
  ISCSIVolumeSource,
  PortworxVolumeSource,
  RBDVolumeSource,
} from "./volumes.ts"

/**
 * `ReadWriteOnce ReadOnlyMany ReadWriteMany ReadWriteOncePod`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const AccessMode = oneOf("PersistentVolumeAccessMode", ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"])

/**
 * `Filesystem Block`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const VolumeMode = oneOf("PersistentVolumeMode", ["Filesystem", "Block"])

/**
 * A Kubernetes PersistentVolumeClaim (`v1`).
 *
 * @since 0.1.0
 * @category codecs
 */
export const PersistentVolumeClaim = struct(
  "PersistentVolumeClaim",
  {
    apiVersion: t.string,
    kind: t.literal("PersistentVolumeClaim"),
    spec: t.partial(
      {
        accessModes: t.array(AccessMode),
        volumeMode: VolumeMode,
        storageClassName: t.string,
        volumeName: t.string,
        resources: t.partial({ requests: QuantityMap, limits: QuantityMap }, "VolumeResourceRequirements"),
        selector: LabelSelector,
        dataSource: OpaqueObject,
        dataSourceRef: OpaqueObject,
        volumeAttributesClassName: t.string,
      },
      "PersistentVolumeClaimSpec",
    ),
  },
  {
    metadata: ObjectMeta,
    status: t.partial(
      {
        phase: oneOf("PersistentVolumeClaimPhase", ["Pending", "Bound", "Lost"]),
        accessModes: t.array(AccessMode),
        capacity: QuantityMap,
        conditions: t.array(OpaqueObject),
        allocatedResources: QuantityMap,
        allocatedResourceStatuses: StringMap,
        currentVolumeAttributesClassName: t.string,
        modifyVolumeStatus: OpaqueObject,
      },
      "PersistentVolumeClaimStatus",
    ),
  },
)

/** A decoded PersistentVolumeClaim. @since 0.1.0 @category model */
export type PersistentVolumeClaim = t.TypeOf<typeof PersistentVolumeClaim>

/**
 * `claimRef` of a PersistentVolume: the claim it is bound (or reserved) to.
 *
 * @since 0.1.0
 * @category codecs
 */
export const ClaimReference = t.partial(
  { apiVersion: t.string, kind: t.string, namespace: t.string, name: t.string, uid: t.string, resourceVersion: t.string, fieldPath: t.string },
  "ObjectReference",
)

/**
 * `spec.csi` of a PersistentVolume.
 *
 * @since 0.1.0
 * @category codecs
 */
export const CSIPersistentVolumeSource = struct(
  "CSIPersistentVolumeSource",
  { driver: t.string, volumeHandle: t.string },
  {
    readOnly: t.boolean,
    fsType: t.string,
    volumeAttributes: StringMap,
    controllerPublishSecretRef: OpaqueObject,
    nodeStageSecretRef: OpaqueObject,
    nodePublishSecretRef: OpaqueObject,
    controllerExpandSecretRef: OpaqueObject,
    nodeExpandSecretRef: OpaqueObject,
  },
)

/**
 * A Kubernetes PersistentVolume (`v1`): capacity, access modes, class, claimRef, required node
 * affinity, its source (CSI or an in-tree plugin) and phase.
 *
 * @since 0.1.0
 * @category codecs
 */
export const PersistentVolume = struct(
  "PersistentVolume",
  { apiVersion: t.string, kind: t.literal("PersistentVolume") },
  {
    metadata: ObjectMeta,
    spec: t.partial(
      {
        capacity: QuantityMap,
        accessModes: t.array(AccessMode),
        storageClassName: t.string,
        claimRef: ClaimReference,
        persistentVolumeReclaimPolicy: oneOf("PersistentVolumeReclaimPolicy", ["Retain", "Delete", "Recycle"]),
        volumeMode: VolumeMode,
        nodeAffinity: t.partial(
          { required: struct("NodeSelector", { nodeSelectorTerms: t.array(NodeSelectorTerm) }, {}) },
          "VolumeNodeAffinity",
        ),
        mountOptions: t.array(t.string),
        volumeAttributesClassName: t.string,
        csi: CSIPersistentVolumeSource,
        gcePersistentDisk: GCEPersistentDiskVolumeSource,
        awsElasticBlockStore: AWSElasticBlockStoreVolumeSource,
        rbd: RBDVolumeSource,
        iscsi: ISCSIVolumeSource,
        azureDisk: AzureDiskVolumeSource,
        cinder: CinderVolumeSource,
        portworxVolume: PortworxVolumeSource,
        hostPath: OpaqueObject,
        local: OpaqueObject,
        nfs: OpaqueObject,
        cephfs: OpaqueObject,
        fc: OpaqueObject,
        flexVolume: OpaqueObject,
        flocker: OpaqueObject,
        glusterfs: OpaqueObject,
        azureFile: OpaqueObject,
        vsphereVolume: OpaqueObject,
        quobyte: OpaqueObject,
        photonPersistentDisk: OpaqueObject,
        scaleIO: OpaqueObject,
        storageos: OpaqueObject,
      },
      "PersistentVolumeSpec",
    ),
    status: t.partial(
      {
        phase: oneOf("PersistentVolumePhase", ["Pending", "Available", "Bound", "Released", "Failed"]),
        message: t.string,
        reason: t.string,
        lastPhaseTransitionTime: t.string,
      },
      "PersistentVolumeStatus",
    ),
  },
)

/** A decoded PersistentVolume. @since 0.1.0 @category model */
export type PersistentVolume = t.TypeOf<typeof PersistentVolume>

/**
 * One `allowedTopologies` term of a StorageClass: every label requirement must hold.
 *
 * @since 0.1.0
 * @category codecs
 */
export const TopologySelectorTerm = t.partial(
  {
    matchLabelExpressions: t.array(
      struct("TopologySelectorLabelRequirement", { key: t.string, values: t.array(t.string) }, {}),
    ),
  },
  "TopologySelectorTerm",
)

/**
 * A StorageClass (`storage.k8s.io/v1`; no `spec`: fields are top level). The default class is
 * marked by the annotation `storageclass.kubernetes.io/is-default-class: "true"`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const StorageClass = struct(
  "StorageClass",
  { apiVersion: t.string, kind: t.literal("StorageClass"), provisioner: t.string },
  {
    metadata: ObjectMeta,
    parameters: StringMap,
    reclaimPolicy: oneOf("PersistentVolumeReclaimPolicy", ["Retain", "Delete", "Recycle"]),
    mountOptions: t.array(t.string),
    allowVolumeExpansion: t.boolean,
    volumeBindingMode: oneOf("VolumeBindingMode", ["Immediate", "WaitForFirstConsumer"]),
    allowedTopologies: t.array(TopologySelectorTerm),
  },
)

/** A decoded StorageClass. @since 0.1.0 @category model */
export type StorageClass = t.TypeOf<typeof StorageClass>

/**
 * One CSI driver on a node: `allocatable.count` is how many of its volumes the node can use.
 *
 * @since 0.1.0
 * @category codecs
 */
export const CSINodeDriver = struct(
  "CSINodeDriver",
  { name: t.string, nodeID: t.string },
  { topologyKeys: t.array(t.string), allocatable: t.partial({ count: Integer }, "VolumeNodeResources") },
)

/**
 * A CSINode (`storage.k8s.io/v1`), named after its node.
 *
 * @since 0.1.0
 * @category codecs
 */
export const CSINode = struct(
  "CSINode",
  { apiVersion: t.string, kind: t.literal("CSINode"), spec: struct("CSINodeSpec", { drivers: t.array(CSINodeDriver) }, {}) },
  { metadata: ObjectMeta, status: Opaque },
)

/** A decoded CSINode. @since 0.1.0 @category model */
export type CSINode = t.TypeOf<typeof CSINode>

/**
 * A CSIDriver (`storage.k8s.io/v1`), named after its driver. VolumeBinding reads
 * `spec.storageCapacity` alone; the other fields of the spec are kept as given.
 *
 * @since 0.1.0
 * @category codecs
 */
export const CSIDriver = struct(
  "CSIDriver",
  {
    apiVersion: t.string,
    kind: t.literal("CSIDriver"),
    spec: t.partial(
      {
        storageCapacity: t.boolean,
        attachRequired: Opaque,
        podInfoOnMount: Opaque,
        volumeLifecycleModes: Opaque,
        fsGroupPolicy: Opaque,
        tokenRequests: Opaque,
        requiresRepublish: Opaque,
        seLinuxMount: Opaque,
        nodeAllocatableUpdatePeriodSeconds: Opaque,
        serviceAccountTokenInSecrets: Opaque,
      },
      "CSIDriverSpec",
    ),
  },
  { metadata: ObjectMeta },
)

/** A decoded CSIDriver. @since 0.1.0 @category model */
export type CSIDriver = t.TypeOf<typeof CSIDriver>

/**
 * A CSIStorageCapacity (`storage.k8s.io/v1`; no `spec`: fields are top level): what one CSI
 * `GetCapacity` call reported for a StorageClass in the topology segment `nodeTopology` selects.
 *
 * @since 0.1.0
 * @category codecs
 */
export const CSIStorageCapacity = struct(
  "CSIStorageCapacity",
  { apiVersion: t.string, kind: t.literal("CSIStorageCapacity"), storageClassName: t.string },
  { metadata: ObjectMeta, nodeTopology: LabelSelector, capacity: QuantityCodec, maximumVolumeSize: QuantityCodec },
)

/** A decoded CSIStorageCapacity. @since 0.1.0 @category model */
export type CSIStorageCapacity = t.TypeOf<typeof CSIStorageCapacity>

/**
 * A VolumeAttachment (`storage.k8s.io/v1`): the attach/detach controller's request that
 * `spec.attacher` attach one volume to `spec.nodeName`, kept until the volume is detached.
 * NodeVolumeLimits reads the attacher, the node and `source.persistentVolumeName`; an inline
 * (migrated) volume's `source.inlineVolumeSpec` and the `status` are kept as given.
 *
 * @since 0.1.0
 * @category codecs
 */
export const VolumeAttachment = struct(
  "VolumeAttachment",
  {
    apiVersion: t.string,
    kind: t.literal("VolumeAttachment"),
    spec: struct(
      "VolumeAttachmentSpec",
      { attacher: t.string, nodeName: t.string, source: t.partial({ persistentVolumeName: t.string, inlineVolumeSpec: OpaqueObject }, "VolumeAttachmentSource") },
      {},
    ),
  },
  { metadata: ObjectMeta, status: Opaque },
)

/** A decoded VolumeAttachment. @since 0.1.0 @category model */
export type VolumeAttachment = t.TypeOf<typeof VolumeAttachment>
