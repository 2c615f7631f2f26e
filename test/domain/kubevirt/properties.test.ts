/**
 * Properties of Ω′ over generated VMI shapes (KubeVirt v1.9 rules as invariants), each shown
 * able to fail on a deliberately wrong renderer.
 */
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { vmiSpecArbitrary } from "../../../src/domain/arbitraries/index.ts"
import { effectiveMemoryRequest, memoryOverhead, vcpuCount, virtLauncherPod, type LauncherPod, type VmiSpec } from "../../../src/domain/kubevirt/index.ts"
import { runConfig } from "../../../src/laws/index.ts"

const { seed, numRuns } = runConfig(200)
const Mi = 1024n * 1024n

/** The rules a launcher pod must satisfy; returns the first broken one. */
const brokenRule = (vmi: VmiSpec, pod: LauncherPod): string | undefined => {
  const memory = effectiveMemoryRequest(vmi)
  const overhead = memoryOverhead(vmi).total
  if (pod.requests["memory"] !== memory + overhead) return "memory request = guest + overhead"
  if (overhead < 220n * Mi + 8n * Mi + 8n * Mi) return "overhead ≥ daemons + 1 vCPU + IOThread"
  const dedicated = vmi.cpu?.dedicatedCpuPlacement === true
  const vcpus = BigInt(vcpuCount(vmi)) + (dedicated && vmi.cpu?.isolateEmulatorThread === true ? 1n : 0n)
  if (dedicated && (pod.requests["cpu"] !== vcpus * 1000n || pod.limits["cpu"] !== vcpus * 1000n)) return "dedicated: cpu request = limit = vCPUs"
  if (dedicated && pod.qos !== "Guaranteed") return "dedicated ⇒ Guaranteed"
  if (!dedicated && pod.requests["cpu"] !== BigInt(vcpuCount(vmi)) * 100n) return "shared: cpu = vCPUs / 10"
  if (pod.requests["devices.kubevirt.io/kvm"] !== 1n) return "kvm device"
  for (const g of vmi.gpus) if ((pod.requests[g.deviceName] ?? 0n) < 1n) return "GPU requested by name"
  return undefined
}

describe("Ω′ invariants over generated VMIs", () => {
  it("hold for virtLauncherPod", () => {
    fc.assert(
      fc.property(vmiSpecArbitrary, (vmi) => brokenRule(vmi, virtLauncherPod(vmi)) === undefined),
      { seed, numRuns },
    )
  })

  it("catch a renderer that forgets the overhead for dedicated VMs", () => {
    const wrong = (vmi: VmiSpec): LauncherPod => {
      const pod = virtLauncherPod(vmi)
      if (vmi.cpu?.dedicatedCpuPlacement !== true) return pod
      return { ...pod, requests: { ...pod.requests, memory: effectiveMemoryRequest(vmi) } }
    }
    const details = fc.check(fc.property(vmiSpecArbitrary, (vmi) => brokenRule(vmi, wrong(vmi)) === undefined), { seed, numRuns })
    expect(details.failed).toBe(true)
    const [vmi] = details.counterexample!
    expect(vmi.cpu?.dedicatedCpuPlacement).toBe(true)
    expect(brokenRule(vmi, wrong(vmi))).toBe("memory request = guest + overhead")
  })

  it("overhead grows with memory only through the page tables (1/512)", () => {
    fc.assert(
      fc.property(vmiSpecArbitrary, fc.integer({ min: 1, max: 64 }), (vmi, extraGi) => {
        const bigger = { ...vmi, memoryGuest: (vmi.memoryGuest ?? 0n) + BigInt(extraGi) * 1024n * Mi }
        const diff = memoryOverhead(bigger).total - memoryOverhead(vmi).total
        // extraGi·2Mi of page tables, give or take the rounding of the two requests
        return diff >= BigInt(extraGi) * 2n * Mi - 2n && diff <= BigInt(extraGi) * 2n * Mi + 2n
      }),
      { seed, numRuns },
    )
  })
})
