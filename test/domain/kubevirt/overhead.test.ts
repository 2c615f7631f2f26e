/**
 * Ω′ overhead and launcher pod: hand-computed numbers for several VMI shapes (KubeVirt v1.9).
 * Each expected value is worked out in the comment next to it from the formula in
 * K8S-SEMANTICS.md, not from the code.
 */
import { describe, expect, it } from "vitest"
import {
  KVM_DEVICE,
  memoryOverhead,
  qosOf,
  TUN_DEVICE,
  VHOST_NET_DEVICE,
  virtLauncherPod,
  vmiSpec,
  type VmiSpec,
} from "../../../src/domain/kubevirt/index.ts"

const Mi = 1024n * 1024n
const Gi = 1024n * Mi
const cpu = (cores: number, extra: Partial<NonNullable<VmiSpec["cpu"]>> = {}) => ({
  cores,
  sockets: 1,
  threads: 1,
  dedicatedCpuPlacement: false,
  isolateEmulatorThread: false,
  ...extra,
})

describe("memoryOverhead (KubeVirt v1.9)", () => {
  it("2 vCPU, 2Gi, graphics on → 280Mi (the digest's example)", () => {
    // page tables ⌊⌈2147483648/1000⌉·1000/512⌋ = ⌊2147484000/512⌋ = 4194304 = 4Mi
    // 4 + 220 + 2·8 + 8 + 32 = 280Mi
    const o = memoryOverhead(vmiSpec({ name: "x", memoryGuest: 2n * Gi, cpu: cpu(2) }))
    expect(o.total).toBe(280n * Mi)
    expect(o.terms.find((t) => t.term === "page tables")?.bytes).toBe(4194304n)
  })

  it("graphics off saves 32Mi; arm64 adds 128Mi", () => {
    expect(memoryOverhead(vmiSpec({ name: "x", memoryGuest: 2n * Gi, cpu: cpu(2), autoattachGraphicsDevice: false })).total).toBe(248n * Mi)
    const arm = { arch: "arm64", cpuAllocationRatio: 10, memoryOvercommitPercent: 100, allowEmulation: false, additionalOverheadRatio: undefined } as const
    expect(memoryOverhead(vmiSpec({ name: "x", memoryGuest: 2n * Gi, cpu: cpu(2) }), arm).total).toBe(408n * Mi)
  })

  it("4 vCPU, 8Gi, dedicated, one GPU, TPM", () => {
    // page tables 8Gi/512 = 16Mi (8589934592 is a multiple of 1000·512? ⌈8589934.592⌉=8589935 → 8589935000/512 = 16777216.79 → 16777216 = 16Mi)
    // 16 + 220 + 32 + 8 + 32 + 1024 (VFIO) + 53 (TPM) + 100 (dedicated) = 1485Mi
    const vmi = vmiSpec({
      name: "x",
      memoryGuest: 8n * Gi,
      cpu: cpu(4, { dedicatedCpuPlacement: true }),
      gpus: [{ name: "g", deviceName: "nvidia.com/gpu" }],
      tpm: true,
    })
    expect(memoryOverhead(vmi).total).toBe(1485n * Mi)
  })

  it("a decimal request rounds up to whole kB before the 1/512 page-table share", () => {
    // 1000001 B → ⌈1000.001⌉ = 1001 kB → 1001000/512 = 1955.07 → 1955 B
    const o = memoryOverhead(vmiSpec({ name: "x", requests: { memory: 1_000_001n } }))
    expect(o.terms[0]).toEqual({ term: "page tables", bytes: 1955n })
  })

  it("vCPUs without a cpu block come from the cpu limit, rounded up", () => {
    // limit 2500m → Value() = 3 vCPUs → 24Mi of vCPU tables
    const o = memoryOverhead(vmiSpec({ name: "x", limits: { cpu: 2500n } }))
    expect(o.terms.find((t) => t.term.startsWith("vCPU"))?.bytes).toBe(24n * Mi)
  })

  it("requests = limits for cpu and memory (Guaranteed) adds 100Mi like dedicated CPUs", () => {
    const plain = memoryOverhead(vmiSpec({ name: "x", requests: { cpu: 1000n, memory: Gi }, limits: { cpu: 1000n, memory: 2n * Gi } }))
    const guaranteed = memoryOverhead(vmiSpec({ name: "x", requests: { cpu: 1000n, memory: Gi }, limits: { cpu: 1000n, memory: Gi } }))
    expect(guaranteed.total - plain.total).toBe(100n * Mi)
  })
})

describe("virtLauncherPod (KubeVirt v1.9)", () => {
  it("shared CPUs: 1 vCPU requests 100m; memory = guest + overhead; Burstable", () => {
    const pod = virtLauncherPod(vmiSpec({ name: "x", memoryGuest: 2n * Gi, cpu: cpu(2) }))
    expect(pod.requests["cpu"]).toBe(200n)
    expect(pod.requests["memory"]).toBe(2n * Gi + 280n * Mi)
    expect(pod.limits["memory"]).toBeUndefined()
    expect(pod.qos).toBe("Burstable")
    expect(pod.requests[KVM_DEVICE]).toBe(1n)
    expect(pod.requests[TUN_DEVICE]).toBe(1n)
    expect(pod.requests[VHOST_NET_DEVICE]).toBe(1n)
    expect(pod.requests["ephemeral-storage"]).toBe(50_000_000n)
  })

  it("dedicated CPUs: cpu request = limit = vCPUs (+1 emulator thread), memory limit = request → Guaranteed", () => {
    const pod = virtLauncherPod(vmiSpec({ name: "x", memoryGuest: 2n * Gi, cpu: cpu(2, { dedicatedCpuPlacement: true, isolateEmulatorThread: true }) }))
    // overhead 280Mi + 100Mi dedicated = 380Mi
    expect(pod.requests["cpu"]).toBe(3000n)
    expect(pod.limits["cpu"]).toBe(3000n)
    expect(pod.requests["memory"]).toBe(2n * Gi + 380n * Mi)
    expect(pod.limits["memory"]).toBe(pod.requests["memory"])
    expect(pod.qos).toBe("Guaranteed")
  })

  it("a custom allocation ratio: 3 vCPUs at ratio 4 → ⌈750⌉ = 750m", () => {
    const pod = virtLauncherPod(vmiSpec({ name: "x", memoryGuest: Gi, cpu: cpu(3) }), {
      arch: "amd64",
      cpuAllocationRatio: 4,
      memoryOvercommitPercent: 100,
      allowEmulation: false,
      additionalOverheadRatio: undefined,
    })
    expect(pod.requests["cpu"]).toBe(750n)
  })

  it("an explicit cpu request wins over the computed one", () => {
    expect(virtLauncherPod(vmiSpec({ name: "x", cpu: cpu(4), requests: { cpu: 1500n } })).requests["cpu"]).toBe(1500n)
  })

  it("hugepages: the guest is backed by hugepages-2Mi and memory keeps only the overhead", () => {
    const vmi = vmiSpec({ name: "x", memoryGuest: Gi, hugepagesPageSize: "2Mi", cpu: cpu(1) })
    const pod = virtLauncherPod(vmi)
    expect(pod.requests["hugepages-2Mi"]).toBe(Gi)
    expect(pod.requests["memory"]).toBe(memoryOverhead(vmi).total)
  })

  it("an e1000 NIC needs tun but not vhost-net; emulation drops kvm", () => {
    const e1000 = vmiSpec({ name: "x", interfaces: [{ name: "default", model: "e1000", sriov: false }] })
    expect(virtLauncherPod(e1000).requests[VHOST_NET_DEVICE]).toBeUndefined()
    expect(virtLauncherPod(e1000).requests[TUN_DEVICE]).toBe(1n)
    const emulated = virtLauncherPod(vmiSpec({ name: "x" }), {
      arch: "amd64",
      cpuAllocationRatio: 10,
      memoryOvercommitPercent: 100,
      allowEmulation: true,
      additionalOverheadRatio: undefined,
    })
    expect(emulated.requests[KVM_DEVICE]).toBeUndefined()
  })

  it("overcommitGuestOverhead keeps the overhead out of the request", () => {
    const pod = virtLauncherPod(vmiSpec({ name: "x", requests: { memory: Gi }, overcommitGuestOverhead: true }))
    expect(pod.requests["memory"]).toBe(Gi)
  })
})

describe("virtLauncherPod without a cpu block", () => {
  it("takes the vCPUs from the cpu limit, as the webhook's default topology does: limit 4 → 400m requested", () => {
    const pod = virtLauncherPod(vmiSpec({ name: "x", memoryGuest: Gi, limits: { cpu: 4000n } }))
    expect(pod.requests["cpu"]).toBe(400n)
    expect(pod.vcpus).toBe(4)
  })
})

describe("qosOf follows Kubernetes' GetPodQOS (review: it was a second, simpler copy of qosClass)", () => {
  it("zero amounts do not count, as in GetPodQOS (quantity.Cmp(0) == 1): explicit zeros are BestEffort, not Guaranteed", () => {
    expect(qosOf({ cpu: 0n, memory: 0n }, { cpu: 0n, memory: 0n })).toBe("BestEffort")
    expect(qosOf({ cpu: 1000n, memory: 1n << 30n }, { cpu: 1000n, memory: 1n << 30n })).toBe("Guaranteed")
    // a zero cpu limit is no limit: memory alone cannot make the pod Guaranteed
    expect(qosOf({ memory: 1n << 30n }, { cpu: 0n, memory: 1n << 30n })).toBe("Burstable")
    // requests default to limits; extended resources do not matter
    expect(qosOf({ "devices.kubevirt.io/kvm": 1n }, { cpu: 2000n, memory: 1n << 30n, "devices.kubevirt.io/kvm": 1n })).toBe("Guaranteed")
  })
})
