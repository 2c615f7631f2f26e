/**
 * PersistentVolumeClaim (`core/v1`).
 *
 * @since 0.1.0
 */
import * as t from "io-ts"
import { LabelSelector, ObjectMeta } from "./meta.ts"
import { oneOf, OpaqueObject, QuantityMap, struct } from "./primitives.ts"

/**
 * `ReadWriteOnce ReadOnlyMany ReadWriteMany ReadWriteOncePod`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const AccessMode = oneOf("PersistentVolumeAccessMode", ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"])

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
        volumeMode: oneOf("PersistentVolumeMode", ["Filesystem", "Block"]),
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
  { metadata: ObjectMeta, status: OpaqueObject },
)

/** A decoded PersistentVolumeClaim. @since 0.1.0 @category model */
export type PersistentVolumeClaim = t.TypeOf<typeof PersistentVolumeClaim>
