/**
 * IOPS (S8.4) and the storage mapping tables (S8.5) as data.
 *
 * @since 0.1.0
 */

/** The seed's IOPS model: bare metal 100k, container × 0.95, VM × 0.70. @since 0.1.0 @category constants */
export const iopsModel = { bareMetal: 100_000, containerFactor: 0.95, vmFactor: 0.7 } as const

/**
 * IOPS of each platform under the model.
 *
 * @example
 * import { iops } from "catcluster/domain/storage"
 * iops() // { bareMetal: 100000, container: 95000, vm: 70000 }
 *
 * @since 0.1.0
 * @category iops
 */
export const iops = (model: { readonly bareMetal: number; readonly containerFactor: number; readonly vmFactor: number } = iopsModel) => ({
  bareMetal: model.bareMetal,
  container: model.bareMetal * model.containerFactor,
  vm: model.bareMetal * model.vmFactor,
})

/**
 * IOPS at queue depth `depth` from a per-IO latency in µs (Little's law: depth / latency).
 *
 * @example
 * import { iopsFromLatency } from "catcluster/domain/storage"
 * iopsFromLatency(100)     // 10000: one IO in flight, 100 µs each
 * iopsFromLatency(100, 32) // 320000
 *
 * @since 0.1.0
 * @category iops
 */
export const iopsFromLatency = (latencyMicros: number, depth = 1): number => (depth * 1e6) / latencyMicros

/** One row of a comparison table of the seed. @since 0.1.0 @category model */
export interface MappingRow {
  readonly aspect: string
  readonly container: string
  readonly vm: string
  readonly seedRelation: string
  readonly note: string
}

/** S8.5, part II §3.1: storage type mapping. @since 0.1.0 @category constants */
export const storageMapping: ReadonlyArray<MappingRow> = [
  { aspect: "volume type", container: "VolumeMode: Filesystem | Block", vm: "DiskFormat: QCOW2 | Raw | VMDK", seedRelation: "≅ via Block PVC", note: "seed: IOPS gap 30 %. KubeVirt puts a raw image (disk.img) on a Filesystem PVC, or uses the Block PVC as the disk" },
  { aspect: "snapshot", container: "VolumeSnapshot CRD", vm: "VM Snapshot (libvirt)", seedRelation: "CRD semantics aligned", note: "KubeVirt's VirtualMachineSnapshot builds on VolumeSnapshots of the PVCs" },
  { aspect: "clone", container: "CSI Clone", vm: "Linked Clone (COW)", seedRelation: "interface unified", note: "KubeVirt/CDI clones DataVolumes by CSI clone or host-assisted copy" },
  { aspect: "expansion", container: "VolumeExpansion", vm: "Online Disk Resize", seedRelation: "trigger isomorphic", note: "needs allowVolumeExpansion on the StorageClass" },
  { aspect: "IO path", container: "App → VFS → Ext4 → Block", vm: "App → GuestFS → Virtio → QEMU → HostFS", seedRelation: "composition +4", note: "seed: +45 µs; its own §4.1 table gives +50 µs" },
  { aspect: "cache", container: "Page Cache (shared)", vm: "WriteBack (own)", seedRelation: "policy configurable", note: "KubeVirt disk cache: none / writethrough / writeback" },
]

/** S8.5, part II §3.2: distributed storage. @since 0.1.0 @category constants */
export const distributedStorage: ReadonlyArray<MappingRow> = [
  { aspect: "block", container: "Rook-Ceph (CSI)", vm: "Ceph RBD (libvirt)", seedRelation: "CRDT-based", note: "Ceph is strongly consistent (primary-copy replication), not CRDT-based" },
  { aspect: "file", container: "NFS-CSI", vm: "vSAN (VMware)", seedRelation: "weak consistency", note: "close-to-open consistency for NFS" },
  { aspect: "object", container: "MinIO (S3 CSI)", vm: "Cloudian (S3)", seedRelation: "eventual", note: "" },
  { aspect: "local", container: "LVM + LocalPV", vm: "VHDX + vSAN DTM", seedRelation: "node level", note: "" },
  { aspect: "data protection", container: "Velero (backup CRD)", vm: "Veeam (VM backup)", seedRelation: "point in time", note: "" },
]
