import type { VmiSpec } from "./VmiSpec.ts"
import { FIXED_DAEMON_OVERHEAD, MI } from "./version.ts"

/**
 * KubeVirt v1.9's estimate of the memory a VMI's virt-launcher pod needs beyond the guest RAM
 * (`GetMemoryOverhead` in `renderresources.go`), term by term so a reader sees where every MiB
 * comes from.
 *
 * @since 0.1.0
 */

/** Cluster-wide settings that change the launcher pod. @since 0.1.0 @category model */
export interface KubevirtConfig {
  /** Node architecture: arm64 adds 128Mi for the UEFI pflash devices. */
  readonly arch: "amd64" | "arm64" | "s390x"
  /** `developerConfiguration.cpuAllocationRatio`, default 10: 1 shared vCPU requests 100m. */
  readonly cpuAllocationRatio: number
  /** `developerConfiguration.memoryOvercommit` in percent, default 100 (no overcommit). */
  readonly memoryOvercommitPercent: number
  /** `developerConfiguration.useEmulation`: no `devices.kubevirt.io/kvm` request. */
  readonly allowEmulation: boolean
  /** `additionalGuestMemoryOverheadRatio`, a multiplier applied last (none by default). */
  readonly additionalOverheadRatio: number | undefined
}

/** KubeVirt v1.9 defaults. @since 0.1.0 @category constants */
export const defaultKubevirtConfig: KubevirtConfig = {
  arch: "amd64",
  cpuAllocationRatio: 10,
  memoryOvercommitPercent: 100,
  allowEmulation: false,
  additionalOverheadRatio: undefined,
}

/** One named term of the overhead. @since 0.1.0 @category model */
export interface OverheadTerm {
  readonly term: string
  readonly bytes: bigint
}

/** The overhead and its terms; `total` is their sum (times the additional ratio, if any). @since 0.1.0 @category model */
export interface MemoryOverhead {
  readonly total: bigint
  readonly terms: ReadonlyArray<OverheadTerm>
}

/**
 * vCPUs of a VMI as KubeVirt counts them: cores·sockets·threads (zero fields skipped) when
 * `domain.cpu` is given, else the cpu limit or request rounded up to whole cores; at least 1.
 *
 * @since 0.1.0
 * @category destructors
 */
export const vcpuCount = (vmi: VmiSpec): number => {
  let n = 0
  if (vmi.cpu !== undefined) {
    for (const f of [vmi.cpu.cores, vmi.cpu.sockets, vmi.cpu.threads]) if (f !== 0) n = n === 0 ? f : n * f
  } else {
    const milli = vmi.limits["cpu"] ?? vmi.requests["cpu"]
    // Quantity.Value() rounds milli-cores up to whole cores.
    if (milli !== undefined) n = Number((milli + 999n) / 1000n)
  }
  return n < 1 ? 1 : n
}

/**
 * True when the VMI pins dedicated CPUs, or asks for Guaranteed QoS by setting cpu and memory
 * requests equal to their limits (`IsCPUDedicated() || WantsToHaveQOSGuaranteed()`).
 *
 * @since 0.1.0
 * @category predicates
 */
export const wantsDedicatedResources = (vmi: VmiSpec): boolean => {
  if (vmi.cpu?.dedicatedCpuPlacement === true) return true
  const { requests: r, limits: l } = vmi
  const mem = r["memory"] ?? 0n
  const cpu = r["cpu"] ?? 0n
  return mem !== 0n && mem === (l["memory"] ?? 0n) && cpu !== 0n && cpu === (l["cpu"] ?? 0n)
}

/**
 * True when the VMI has a VFIO device: a GPU, a host device or an SR-IOV interface
 * (`IsVFIOVMI`); VFIO locks all guest RAM plus MMIO space, hence 1Gi more.
 *
 * @since 0.1.0
 * @category predicates
 */
export const hasVfioDevice = (vmi: VmiSpec): boolean =>
  vmi.gpus.length > 0 || vmi.hostDevices.length > 0 || vmi.interfaces.some((i) => i.sriov)

/**
 * The memory request KubeVirt works from: an explicit request; else the limit; else
 * `memory.guest` (or the hugepage size) scaled by the overcommit percentage, which hugepages and
 * dedicated CPUs ignore. Zero when nothing is given.
 *
 * @since 0.1.0
 * @category destructors
 */
export const effectiveMemoryRequest = (vmi: VmiSpec, config: KubevirtConfig = defaultKubevirtConfig): bigint => {
  const request = vmi.requests["memory"]
  const limit = vmi.limits["memory"]
  if (limit !== undefined && limit !== 0n && (request === undefined || request === 0n)) return limit
  if (request !== undefined) return request
  const memory = vmi.memoryGuest
  if (memory === undefined || memory <= 0n) return 0n
  const exact = vmi.hugepagesPageSize !== undefined || vmi.cpu?.dedicatedCpuPlacement === true
  if (config.memoryOvercommitPercent === 100 || exact) return memory
  return (memory * 100n) / BigInt(config.memoryOvercommitPercent)
}

/**
 * The virt-launcher memory overhead Ω′ adds to a VMI, per KubeVirt v1.9:
 * page tables ⌊⌈R/1000⌉·1000 / 512⌋ for a memory request of R bytes, 220Mi of daemons, 8Mi per
 * vCPU, 8Mi for the IOThread, 32Mi of video RAM unless `autoattachGraphicsDevice: false`,
 * 128Mi on arm64, 1Gi with a VFIO device, 1Mi for downward metrics, 256Mi with SEV, 53Mi with a
 * TPM, 100Mi with dedicated CPUs or Guaranteed QoS. Exec-probe overheads are not modelled.
 *
 * @example
 * import { memoryOverhead, vmiSpec } from "catcluster/domain/kubevirt"
 * const vmi = vmiSpec({ name: "vm", memoryGuest: 2n << 30n, cpu: { cores: 2, sockets: 1, threads: 1, dedicatedCpuPlacement: false, isolateEmulatorThread: false } })
 * memoryOverhead(vmi).total // 293601280n = 280Mi
 *
 * @since 0.1.0
 * @category overhead
 */
export const memoryOverhead = (vmi: VmiSpec, config: KubevirtConfig = defaultKubevirtConfig): MemoryOverhead => {
  const terms: OverheadTerm[] = []
  const add = (term: string, bytes: bigint): void => {
    terms.push({ term, bytes })
  }
  const request = effectiveMemoryRequest(vmi, config)
  // ScaledValue(Kilo) rounds the request up to whole kB before dividing by 512 (one bit per 512 B).
  const kilo = request <= 0n ? 0n : (request + 999n) / 1000n
  add("page tables", (kilo * 1000n) / 512n)
  for (const [name, bytes] of FIXED_DAEMON_OVERHEAD) add(name, bytes)
  add(`vCPU tables (${vcpuCount(vmi)} × 8Mi)`, BigInt(vcpuCount(vmi)) * 8n * MI)
  add("IOThread", 8n * MI)
  if (vmi.autoattachGraphicsDevice) add("video RAM", 32n * MI)
  if (config.arch === "arm64") add("arm64 UEFI pflash", 128n * MI)
  if (hasVfioDevice(vmi)) add("VFIO locked memory", 1024n * MI)
  if (vmi.downwardMetrics) add("downward metrics", 1n * MI)
  if (vmi.sev) add("SEV", 256n * MI)
  if (vmi.tpm) add("swtpm", 53n * MI)
  if (wantsDedicatedResources(vmi)) add("dedicated CPUs / Guaranteed QoS", 100n * MI)
  let total = 0n
  for (const t of terms) total += t.bytes
  const ratio = config.additionalOverheadRatio
  if (ratio !== undefined) {
    // KubeVirt multiplies as a float and truncates; done here on a 10⁻⁶ grid to stay exact.
    const scaled = (total * BigInt(Math.round(ratio * 1_000_000))) / 1_000_000n
    terms.push({ term: `additional ratio ×${ratio}`, bytes: scaled - total })
    total = scaled
  }
  return { total, terms }
}
