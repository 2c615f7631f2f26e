/**
 * Access modes × volume modes (S8.2), as Kubernetes has them, beside the seed's rule
 * "block volumes need exclusive access".
 *
 * Kubernetes accepts every pair of `accessModes` ∈ {ReadWriteOnce, ReadOnlyMany, ReadWriteMany,
 * ReadWriteOncePod} and `volumeMode` ∈ {Filesystem, Block}; whether a driver supports a pair is
 * the driver's business. ReadWriteMany Block is common (Ceph RBD, many SANs) and is exactly what
 * KubeVirt needs to live-migrate a VM: both virt-launcher pods open the disk at once, and a VMI
 * whose PVC disks are not ReadWriteMany is not live-migratable.
 *
 * @since 0.1.0
 */

/** A PersistentVolume access mode. @since 0.1.0 @category model */
export type AccessMode = "ReadWriteOnce" | "ReadOnlyMany" | "ReadWriteMany" | "ReadWriteOncePod"
/** A PersistentVolume volume mode. @since 0.1.0 @category model */
export type VolumeMode = "Filesystem" | "Block"

/** Every access mode. @since 0.1.0 @category constants */
export const accessModes: ReadonlyArray<AccessMode> = ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"]
/** Every volume mode. @since 0.1.0 @category constants */
export const volumeModes: ReadonlyArray<VolumeMode> = ["Filesystem", "Block"]

/**
 * Whether Kubernetes' API accepts the pair on a PVC: always.
 *
 * @since 0.1.0
 * @category access modes
 */
export const kubernetesAccepts = (_access: AccessMode, _mode: VolumeMode): boolean => true

/**
 * Exclusive access: one node (RWO) or one pod (RWOP).
 *
 * @since 0.1.0
 * @category access modes
 */
export const isExclusive = (access: AccessMode): boolean => access === "ReadWriteOnce" || access === "ReadWriteOncePod"

/**
 * The seed's rule: a Block volume is valid only with exclusive access.
 *
 * @since 0.1.0
 * @category access modes
 */
export const seedAccepts = (access: AccessMode, mode: VolumeMode): boolean => mode === "Filesystem" || isExclusive(access)

/** Who uses a volume at once. @since 0.1.0 @category model */
export interface Consumers {
  readonly nodes: number
  readonly pods: number
  readonly writers: number
}

/**
 * Whether an access mode allows a set of simultaneous consumers: RWOP one pod, RWO one node,
 * ROX no writer, RWX anything.
 *
 * @since 0.1.0
 * @category access modes
 */
export const allowsConsumers = (access: AccessMode, c: Consumers): boolean => {
  switch (access) {
    case "ReadWriteOncePod":
      return c.pods <= 1
    case "ReadWriteOnce":
      return c.nodes <= 1
    case "ReadOnlyMany":
      return c.writers === 0
    case "ReadWriteMany":
      return true
  }
}

/**
 * KubeVirt live migration of a VM with a PVC disk: for the migration window the source and target
 * virt-launcher pods, on two nodes, both hold the disk open for writing.
 *
 * @since 0.1.0
 * @category access modes
 */
export const liveMigrationConsumers: Consumers = { nodes: 2, pods: 2, writers: 2 }

/**
 * The pairs where the seed's rule and Kubernetes disagree.
 *
 * @since 0.1.0
 * @category access modes
 */
export const accessModeDisagreements = (): ReadonlyArray<{ readonly access: AccessMode; readonly mode: VolumeMode }> =>
  accessModes.flatMap((access) => volumeModes.filter((mode) => kubernetesAccepts(access, mode) !== seedAccepts(access, mode)).map((mode) => ({ access, mode })))

/** How a pod consumes a PVC: mounted as a directory, or handed over as a raw device. @since 0.1.0 @category model */
export type VolumeUsage = "volumeMounts" | "volumeDevices"

/** A PVC consumed the wrong way. @since 0.1.0 @category model */
export interface MountMismatch {
  readonly _tag: "MountMismatch"
  readonly path: string
  readonly mode: VolumeMode
  readonly usage: VolumeUsage
  readonly expected: VolumeUsage
}

/**
 * The compatibility rule Kubernetes does enforce between a volume and its use: a Filesystem PVC
 * goes in a container's `volumeMounts`, a Block PVC in its `volumeDevices`; the other way round
 * the pod does not start. `undefined` when compatible.
 *
 * @example
 * import { checkMount } from "catcluster/domain/storage"
 * checkMount("spec.containers[0].volumeMounts[0]", "Block", "volumeMounts")?.expected // "volumeDevices"
 *
 * @since 0.1.0
 * @category access modes
 */
export const checkMount = (path: string, mode: VolumeMode, usage: VolumeUsage): MountMismatch | undefined => {
  const expected: VolumeUsage = mode === "Block" ? "volumeDevices" : "volumeMounts"
  return usage === expected ? undefined : { _tag: "MountMismatch", path, mode, usage, expected }
}
