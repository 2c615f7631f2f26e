/**
 * Volume sources (`core/v1`, Kubernetes v1.35): the pod's `spec.volumes` and the in-tree sources a
 * PersistentVolume can have. The sources the scheduler's volume plugins read are typed
 * (persistentVolumeClaim, ephemeral, csi, gcePersistentDisk, awsElasticBlockStore, rbd, iscsi,
 * azureDisk, cinder, portworxVolume); every other source is kept opaque.
 *
 * @since 0.1.0
 */
import * as t from "io-ts"
import { Integer, OpaqueObject, StringMap, struct } from "./primitives.ts"

/**
 * `persistentVolumeClaim`: a claim in the pod's namespace.
 *
 * @since 0.1.0
 * @category codecs
 */
export const PersistentVolumeClaimVolumeSource = struct("PersistentVolumeClaimVolumeSource", { claimName: t.string }, { readOnly: t.boolean })

/**
 * `ephemeral`: a generic ephemeral volume, whose claim `<pod>-<volume>` the ephemeral volume
 * controller creates from `volumeClaimTemplate`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const EphemeralVolumeSource = t.partial({ volumeClaimTemplate: OpaqueObject }, "EphemeralVolumeSource")

/**
 * `gcePersistentDisk`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const GCEPersistentDiskVolumeSource = struct(
  "GCEPersistentDiskVolumeSource",
  { pdName: t.string },
  { fsType: t.string, partition: Integer, readOnly: t.boolean },
)

/**
 * `awsElasticBlockStore`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const AWSElasticBlockStoreVolumeSource = struct(
  "AWSElasticBlockStoreVolumeSource",
  { volumeID: t.string },
  { fsType: t.string, partition: Integer, readOnly: t.boolean },
)

/**
 * `rbd` (Ceph RBD); `pool` defaults to `rbd`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const RBDVolumeSource = struct(
  "RBDVolumeSource",
  { monitors: t.array(t.string), image: t.string },
  { fsType: t.string, pool: t.string, user: t.string, keyring: t.string, secretRef: OpaqueObject, readOnly: t.boolean },
)

/**
 * `iscsi`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const ISCSIVolumeSource = struct(
  "ISCSIVolumeSource",
  { targetPortal: t.string, iqn: t.string, lun: Integer },
  {
    iscsiInterface: t.string,
    fsType: t.string,
    readOnly: t.boolean,
    portals: t.array(t.string),
    chapAuthDiscovery: t.boolean,
    chapAuthSession: t.boolean,
    secretRef: OpaqueObject,
    initiatorName: t.string,
  },
)

/**
 * `azureDisk`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const AzureDiskVolumeSource = struct(
  "AzureDiskVolumeSource",
  { diskName: t.string, diskURI: t.string },
  { cachingMode: t.string, fsType: t.string, readOnly: t.boolean, kind: t.string },
)

/**
 * `cinder` (OpenStack).
 *
 * @since 0.1.0
 * @category codecs
 */
export const CinderVolumeSource = struct("CinderVolumeSource", { volumeID: t.string }, { fsType: t.string, readOnly: t.boolean, secretRef: OpaqueObject })

/**
 * `portworxVolume`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const PortworxVolumeSource = struct("PortworxVolumeSource", { volumeID: t.string }, { fsType: t.string, readOnly: t.boolean })

/**
 * `csi` in a pod: an inline CSI ephemeral volume.
 *
 * @since 0.1.0
 * @category codecs
 */
export const CSIVolumeSource = struct(
  "CSIVolumeSource",
  { driver: t.string },
  { readOnly: t.boolean, fsType: t.string, volumeAttributes: StringMap, nodePublishSecretRef: OpaqueObject },
)

/** The sources catcluster does not look into, each kept as an opaque object. */
const opaqueSources = {
  emptyDir: OpaqueObject,
  hostPath: OpaqueObject,
  configMap: OpaqueObject,
  secret: OpaqueObject,
  projected: OpaqueObject,
  downwardAPI: OpaqueObject,
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
  gitRepo: OpaqueObject,
  image: OpaqueObject,
}

/**
 * A pod volume: its name and one source.
 *
 * @since 0.1.0
 * @category codecs
 */
export const Volume = struct(
  "Volume",
  { name: t.string },
  {
    persistentVolumeClaim: PersistentVolumeClaimVolumeSource,
    ephemeral: EphemeralVolumeSource,
    gcePersistentDisk: GCEPersistentDiskVolumeSource,
    awsElasticBlockStore: AWSElasticBlockStoreVolumeSource,
    rbd: RBDVolumeSource,
    iscsi: ISCSIVolumeSource,
    azureDisk: AzureDiskVolumeSource,
    cinder: CinderVolumeSource,
    portworxVolume: PortworxVolumeSource,
    csi: CSIVolumeSource,
    ...opaqueSources,
  },
)

/** A decoded pod volume. @since 0.1.0 @category model */
export type Volume = t.TypeOf<typeof Volume>
