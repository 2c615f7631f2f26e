import { vmiSpec, type VmiSpec } from "../kubevirt/VmiSpec.ts"

/**
 * S2.4: `VMSpec = {vcpu, vmemory, vdevices, ioThreads?}` and its KubeVirt VMI spec.
 *
 * @since 0.1.0
 */

/** A virtual device of the seed's VMSpec. @since 0.1.0 @category model */
export type VirtualDevice = "virtio-net" | "virtio-blk" | "e1000" | "gpu" | "tpm"

/** The seed's VM spec: vCPUs, memory in bytes and virtual devices. @since 0.1.0 @category model */
export interface VmSpec {
  readonly vcpu: number
  readonly vmemory: bigint
  readonly vdevices: ReadonlyArray<VirtualDevice>
  /** Supplemental IOThreads (KubeVirt `ioThreads.supplementalPoolThreadCount`). */
  readonly ioThreads?: number
}

/**
 * The KubeVirt VMI spec of a seed VMSpec: vCPUs as cores, memory as `memory.guest`, a NIC of
 * the given model, GPUs and a TPM as devices (virtio-blk disks do not change resources).
 *
 * @example
 * import { toVmiSpec } from "catcluster/domain/workload"
 * const vmi = toVmiSpec("db", { vcpu: 4, vmemory: 8n * 1024n ** 3n, vdevices: ["virtio-net", "virtio-blk", "gpu"] })
 * vmi.cpu?.cores                       // 4
 * vmi.memoryGuest                      // 8589934592n
 * vmi.interfaces.map((i) => i.model)   // ["virtio"]
 * vmi.gpus                             // [{ name: "gpu0", deviceName: "nvidia.com/gpu" }]
 *
 * @since 0.1.0
 * @category destructors
 */
export const toVmiSpec = (name: string, v: VmSpec): VmiSpec => {
  const nic = v.vdevices.find((d) => d === "virtio-net" || d === "e1000")
  return vmiSpec({
    name,
    cpu: { cores: v.vcpu, sockets: 1, threads: 1, dedicatedCpuPlacement: false, isolateEmulatorThread: false },
    memoryGuest: v.vmemory,
    ...(nic === undefined ? { autoattachPodInterface: false } : { interfaces: [{ name: "default", model: nic === "e1000" ? "e1000" : "virtio", sriov: false }] }),
    gpus: v.vdevices.filter((d) => d === "gpu").map((_, i) => ({ name: `gpu${i}`, deviceName: "nvidia.com/gpu" })),
    tpm: v.vdevices.includes("tpm"),
    supplementalIoThreads: v.ioThreads ?? 0,
  })
}
