/**
 * Every VMI and VM of the shared KubeVirt corpus gets its launcher-pod footprint asserted.
 * Expected numbers are computed by hand from the v1.9 formula (see each comment).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { parse } from "yaml"
import { decodeVmiSpec, KVM_DEVICE, TUN_DEVICE, VHOST_NET_DEVICE, virtLauncherPod } from "../../../src/domain/kubevirt/index.ts"

const dir = join(import.meta.dirname, "..", "..", "..", "..", "shared", "corpus", "kubevirt")
const Mi = 1024n * 1024n

const launcher = (file: string) => {
  const decoded = decodeVmiSpec(parse(readFileSync(join(dir, file), "utf8")), file)
  if (E.isLeft(decoded)) throw decoded.left
  return virtLauncherPod(decoded.right)
}

// 128Mi guest: page tables ⌊⌈134217728/1000⌉·1000/512⌋ = ⌊134218000/512⌋ = 262144;
// overhead = 262144 + 220Mi + 8Mi (1 vCPU) + 8Mi + 32Mi = 262144 + 268Mi = 281280512
const small = { memory: 134_217_728n + 281_280_512n, cpu: 100n }
// 1024M guest: page tables 1024000000/512 = 2000000; overhead = 2000000 + 268Mi = 283018368
const fedora = { memory: 1_024_000_000n + 283_018_368n, cpu: 100n }

describe.skipIf(!existsSync(dir))(`KubeVirt corpus launcher pods (needs ${dir}; skipped when ../shared is absent)`, () => {
  it("covers every VMI and VM of the corpus", () => {
    const kinds = readdirSync(dir)
      .filter((f) => f.endsWith(".yaml"))
      .filter((f) => /kind: (VirtualMachine|VirtualMachineInstance)\n/.test(readFileSync(join(dir, f), "utf8")))
    expect(kinds.sort()).toEqual(
      [
        "vm-alpine-datavolume.yaml",
        "vm-cirros.yaml",
        "vm-windows-clarge-windows.yaml",
        "vmi-fedora-isolated.yaml",
        "vmi-fedora.yaml",
        "vmi-gpu.yaml",
        "vmi-migratable.yaml",
        "vmi-windows.yaml",
      ].sort(),
    )
  })

  it("vmi-fedora: 1024M guest, 1 shared vCPU, masquerade virtio NIC", () => {
    const pod = launcher("vmi-fedora.yaml")
    expect(pod.requests["memory"]).toBe(fedora.memory) // 1307018368
    expect(pod.requests["cpu"]).toBe(fedora.cpu)
    expect(pod.requests[KVM_DEVICE]).toBe(1n)
    expect(pod.requests[TUN_DEVICE]).toBe(1n)
    expect(pod.requests[VHOST_NET_DEVICE]).toBe(1n)
    expect(pod.qos).toBe("Burstable")
  })

  it("vmi-fedora-isolated: dedicated 1 vCPU + isolated emulator thread → 2 CPUs, +100Mi, Guaranteed", () => {
    const pod = launcher("vmi-fedora-isolated.yaml")
    // overhead 2000000 + 268Mi + 100Mi = 387875968
    expect(pod.requests["memory"]).toBe(1_024_000_000n + 387_875_968n)
    expect(pod.limits["memory"]).toBe(1_024_000_000n + 387_875_968n)
    expect(pod.requests["cpu"]).toBe(2000n)
    expect(pod.limits["cpu"]).toBe(2000n)
    expect(pod.qos).toBe("Guaranteed")
  })

  it("vmi-gpu: +1Gi VFIO and one nvidia.com/GP102GL_Tesla_P40", () => {
    const pod = launcher("vmi-gpu.yaml")
    // overhead 2000000 + 268Mi + 1024Mi = 1356760192
    expect(pod.requests["memory"]).toBe(1_024_000_000n + 1_356_760_192n)
    expect(pod.requests["nvidia.com/GP102GL_Tesla_P40"]).toBe(1n)
    expect(pod.overhead.total).toBe(2_000_000n + 1292n * Mi)
  })

  it("vmi-migratable: 128Mi guest", () => {
    const pod = launcher("vmi-migratable.yaml")
    expect(pod.requests["memory"]).toBe(small.memory) // 415498240
    expect(pod.requests["cpu"]).toBe(small.cpu)
  })

  it("vmi-windows: 2 cores, 2Gi, TPM, e1000 NIC (no vhost-net)", () => {
    const pod = launcher("vmi-windows.yaml")
    // overhead 4Mi + 220 + 16 + 8 + 32 + 53 (swtpm) = 333Mi
    expect(pod.overhead.total).toBe(333n * Mi)
    expect(pod.requests["memory"]).toBe(2048n * Mi + 333n * Mi)
    expect(pod.requests["cpu"]).toBe(200n)
    expect(pod.requests[VHOST_NET_DEVICE]).toBeUndefined()
    expect(pod.requests[TUN_DEVICE]).toBe(1n)
  })

  it.each(["vm-cirros.yaml", "vm-alpine-datavolume.yaml", "vm-windows-clarge-windows.yaml"])(
    "%s (Halted VM; footprint when started, from its template): 128Mi guest",
    (file) => {
      const pod = launcher(file)
      expect(pod.requests["memory"]).toBe(small.memory)
      expect(pod.requests["cpu"]).toBe(small.cpu)
      expect(pod.requests["ephemeral-storage"]).toBe(50_000_000n)
    },
  )

  it("a malformed VMI gives an error naming the JSON path", () => {
    const bad = decodeVmiSpec({ kind: "VirtualMachineInstance", metadata: { name: "b" }, spec: { domain: { memory: { guest: "1K" } } } }, "bad.yaml")
    expect(E.isLeft(bad) && bad.left.path).toBe("spec.domain.memory.guest")
    const wrong = decodeVmiSpec({ kind: "VirtualMachineInstance", spec: { domain: { cpu: { cores: "two" } } } }, "bad.yaml")
    expect(E.isLeft(wrong) && wrong.left.path).toBe("spec.domain.cpu.cores")
  })
})
