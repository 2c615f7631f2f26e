import {
  defaultKubevirtConfig,
  effectiveMemoryRequest,
  memoryOverhead,
  vcpuCount,
  type KubevirtConfig,
  type MemoryOverhead,
} from "./overhead.ts"
import type { VmiSpec } from "./VmiSpec.ts"
import { NANOS_PER_UNIT, type Quantity } from "../quantity/Quantity.ts"
import { qosClass, type QosClass } from "../resources/QosClass.ts"
import { KVM_DEVICE, TUN_DEVICE, VHOST_NET_DEVICE } from "../resources/ResourceName.ts"
import { KUBEVIRT_VERSION } from "./version.ts"

/**
 * Ω′ made concrete: the virt-launcher pod KubeVirt v1.9 renders for a VMI, reduced to what the
 * scheduler sees (the `compute` container's requests and limits and the pod's QoS class).
 *
 * @since 0.1.0
 */

/** A resource list: cpu in milli-cores, everything else in bytes or counts. @since 0.1.0 @category model */
export type ResourceList = Readonly<Record<string, bigint>>

export type { QosClass } from "../resources/QosClass.ts"

// the KubeVirt device-plugin resource names live with the other resource names
export { KVM_DEVICE, TUN_DEVICE, VHOST_NET_DEVICE } from "../resources/ResourceName.ts"
/** The device-plugin resource a VMI with AMD SEV requests. @since 0.1.0 @category constants */
export const SEV_DEVICE = "devices.kubevirt.io/sev"
/** The scratch space KubeVirt v1.9 adds to the ephemeral-storage request: 50M. @since 0.1.0 @category constants */
export const EPHEMERAL_STORAGE_OVERHEAD = 50_000_000n

/**
 * The launcher pod of a VMI: what it requests (the scheduler's input), its limits, its QoS, the
 * overhead breakdown, and which KubeVirt version rendered it. Support containers (containerDisk
 * copiers, the guest console log, hotplug) are not included: their requests are a few milli-cores
 * and MB and depend on cluster configuration.
 *
 * @since 0.1.0
 * @category model
 */
export interface LauncherPod {
  readonly vmi: string
  readonly kubevirt: typeof KUBEVIRT_VERSION
  readonly vcpus: number
  readonly dedicatedCpus: boolean
  readonly requests: ResourceList
  readonly limits: ResourceList
  readonly qos: QosClass
  readonly overhead: MemoryOverhead
}

const bump = (list: Record<string, bigint>, name: string, by: bigint): void => {
  list[name] = (list[name] ?? 0n) + by
}

/**
 * The virt-launcher pod of a VMI (Ω′ : V → VMI made concrete), per KubeVirt v1.9:
 * - memory request = the VMI's memory request (or `memory.guest`) + {@link memoryOverhead}
 *   (unless `overcommitGuestOverhead`); a memory limit, when set, also gets the overhead;
 * - dedicated CPUs: cpu request = limit = vCPUs (+1 for an isolated emulator thread), memory
 *   limit = memory request, so the pod is Guaranteed;
 * - shared CPUs: cpu request = vCPUs / cpuAllocationRatio (default 10: 1 vCPU → 100m), unless
 *   the VMI gives its own cpu request;
 * - hugepages: `hugepages-<size>` = the memory request, and the memory request keeps only the overhead;
 * - devices: `devices.kubevirt.io/kvm` 1 (unless emulation), `tun` 1 when the VMI has a pod
 *   interface, `vhost-net` 1 with a virtio NIC, one of each GPU / host device by name;
 * - ephemeral-storage +50M.
 * Device resources are set as limits; the API server defaults their requests to the limits.
 *
 * @example
 * import { virtLauncherPod, vmiSpec } from "catcluster/domain/kubevirt"
 * const pod = virtLauncherPod(vmiSpec({ name: "vm", memoryGuest: 2n << 30n, cpu: { cores: 2, sockets: 1, threads: 1, dedicatedCpuPlacement: false, isolateEmulatorThread: false } }))
 * pod.requests.cpu    // 200n (milli-cores)
 * pod.requests.memory // 2147483648n + 293601280n (2Gi + 280Mi)
 *
 * @since 0.1.0
 * @category Ω′
 */
export const virtLauncherPod = (vmi: VmiSpec, config: KubevirtConfig = defaultKubevirtConfig): LauncherPod => {
  const overhead = memoryOverhead(vmi, config)
  const dedicated = vmi.cpu?.dedicatedCpuPlacement === true
  const vcpus = vcpuCount(vmi)
  const requests: Record<string, bigint> = { ...vmi.requests }
  const limits: Record<string, bigint> = { ...vmi.limits }
  const memoryRequest = effectiveMemoryRequest(vmi, config)
  if (memoryRequest > 0n || vmi.requests["memory"] !== undefined) requests["memory"] = memoryRequest

  // CPU. Without a `cpu` block the admission webhook derives the topology from the cpu limit or
  // request (else 1 socket), which is what vcpuCount reads.
  const topology = vmi.cpu === undefined ? 0 : vcpuCount(vmi)
  const total = BigInt(vcpuCount(vmi) + vmi.supplementalIoThreads)
  if (dedicated) {
    if (topology !== 0) {
      const cores = BigInt(topology + vmi.supplementalIoThreads) * 1000n
      limits["cpu"] = cores
      requests["cpu"] = cores
    }
    if (vmi.cpu?.isolateEmulatorThread === true) {
      bump(limits, "cpu", 1000n)
      if (requests["cpu"] !== undefined) bump(requests, "cpu", 1000n)
    }
    if (requests["memory"] !== undefined) limits["memory"] = requests["memory"]
  } else if (requests["cpu"] === undefined && config.cpuAllocationRatio > 0) {
    const ratio = BigInt(config.cpuAllocationRatio)
    requests["cpu"] = (total * 1000n + ratio - 1n) / ratio
  }

  // Memory: hugepages back the guest, so the memory request keeps the overhead (and any excess).
  if (vmi.hugepagesPageSize !== undefined) {
    const guest = vmi.memoryGuest
    const backed = guest !== undefined && memoryRequest > guest ? guest : memoryRequest
    requests[`hugepages-${vmi.hugepagesPageSize}`] = backed
    limits[`hugepages-${vmi.hugepagesPageSize}`] = backed
    const excess = (x: bigint | undefined) => (guest !== undefined && x !== undefined && x > guest ? x - guest : 0n)
    const limitBefore = limits["memory"]
    requests["memory"] = excess(memoryRequest) + overhead.total
    if (limitBefore !== undefined) limits["memory"] = excess(limitBefore) + overhead.total
  } else {
    if (!vmi.overcommitGuestOverhead) requests["memory"] = (requests["memory"] ?? 0n) + overhead.total
    else if (requests["memory"] === undefined) requests["memory"] = 0n
    if (limits["memory"] !== undefined) limits["memory"] = limits["memory"] + overhead.total
  }

  bump(requests, "ephemeral-storage", EPHEMERAL_STORAGE_OVERHEAD)
  if (limits["ephemeral-storage"] !== undefined) bump(limits, "ephemeral-storage", EPHEMERAL_STORAGE_OVERHEAD)

  // Devices (`getRequiredResources`): set as limits.
  const interfaces =
    vmi.interfaces.length > 0 ? vmi.interfaces : vmi.autoattachPodInterface ? [{ name: "default", model: "virtio", sriov: false }] : []
  const needsTun = vmi.interfaces.length > 0 || vmi.autoattachPodInterface
  if (needsTun) limits[TUN_DEVICE] = 1n
  if (!config.allowEmulation && interfaces.some((i) => i.model === "virtio" && !i.sriov)) limits[VHOST_NET_DEVICE] = 1n
  if (!config.allowEmulation) limits[KVM_DEVICE] = 1n
  if (vmi.sev) {
    bump(limits, SEV_DEVICE, 1n)
    bump(requests, SEV_DEVICE, 1n)
  }
  for (const d of [...vmi.gpus, ...vmi.hostDevices]) {
    if (d.deviceName === "") continue
    bump(limits, d.deviceName, 1n)
    bump(requests, d.deviceName, 1n)
  }
  // The API server defaults a missing request to its limit.
  for (const [k, v] of Object.entries(limits)) if (requests[k] === undefined) requests[k] = v

  return { vmi: vmi.name, kubevirt: KUBEVIRT_VERSION, vcpus, dedicatedCpus: dedicated, requests, limits, qos: qosOf(requests, limits), overhead }
}

/**
 * The QoS class of a one-container pod, by Kubernetes' own rule ({@link qosClass} in
 * `domain/resources`): Guaranteed when cpu and memory both have non-zero limits equal to their
 * requests, BestEffort when neither is requested or limited, else Burstable. `cpu` is in
 * milli-cores, the rest in base units, as in {@link LauncherPod}.
 *
 * @since 0.1.0
 * @category destructors
 */
export const qosOf = (requests: ResourceList, limits: ResourceList): QosClass => {
  const quantities = (list: ResourceList): Record<string, Quantity> =>
    Object.fromEntries(Object.entries(list).map(([name, n]) => [name, { nanos: n * (name === "cpu" ? 1_000_000n : NANOS_PER_UNIT), format: "DecimalSI" as const }]))
  return qosClass({ containers: [{ resources: { requests: quantities(requests), limits: quantities(limits) } }] })
}
