/**
 * Storage objects from manifests (PersistentVolumes, PersistentVolumeClaims, StorageClasses,
 * CSINodes) and the volumes of a pod spec, for the volume plugins. Not modelled yet: no storage
 * objects and no pod volumes are read.
 *
 * @since 0.1.0
 */
import type { Manifest } from "../../domain/manifest/Manifest.ts"
import { noStorage, type PodVolume, type StorageObjects } from "../model/Volumes.ts"

/**
 * The storage objects among `manifests`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const storageObjectsOf = (_manifests: ReadonlyArray<Manifest>): StorageObjects => noStorage

/**
 * The volumes of a pod spec (`spec.volumes`, as decoded).
 *
 * @since 0.1.0
 * @category constructors
 */
export const podVolumesOf = (_volumes: ReadonlyArray<unknown> | undefined): ReadonlyArray<PodVolume> => []
