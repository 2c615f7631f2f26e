/**
 * VMI specs from user files: every malformed or out-of-range value comes back as a
 * `VmiSpecError` naming the JSON path; nothing reaches `BigInt` and throws a RangeError.
 * (Review: `cores: .nan`, `cores: 1.5`, huge cores and a NaN IOThread count used to crash
 * `virtLauncherPod`; a negative memory request gave a negative pod request.)
 */
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { decodeVmiSpec, virtLauncherPod } from "../../../src/domain/kubevirt/index.ts"

const vmi = (domain: unknown): unknown => ({ kind: "VirtualMachineInstance", metadata: { name: "v" }, spec: { domain } })
const memory = { requests: { memory: "1Gi" } }

const errorOf = (manifest: unknown): { readonly path: string; readonly problem: string } | undefined => {
  const r = decodeVmiSpec(manifest, "bad.yaml")
  if (E.isRight(r)) {
    virtLauncherPod(r.right) // must not throw either
    return undefined
  }
  return { path: r.left.path, problem: r.left.problem }
}

describe("decodeVmiSpec on nasty input", () => {
  it.each([
    ["NaN cores", { cpu: { cores: Number.NaN }, resources: memory }, "spec.domain.cpu.cores"],
    ["fractional cores", { cpu: { cores: 1.5 }, resources: memory }, "spec.domain.cpu.cores"],
    ["negative sockets", { cpu: { sockets: -4 }, resources: memory }, "spec.domain.cpu.sockets"],
    ["cores beyond uint32", { cpu: { cores: 1e308, sockets: 1e308 }, resources: memory }, "spec.domain.cpu.cores"],
    ["infinite threads", { cpu: { threads: Number.POSITIVE_INFINITY }, resources: memory }, "spec.domain.cpu.threads"],
    ["NaN IOThread pool", { ioThreads: { supplementalPoolThreadCount: Number.NaN }, resources: memory }, "spec.domain.ioThreads.supplementalPoolThreadCount"],
  ])("%s: a typed error at the field, no RangeError", (_name, domain, path) => {
    const e = errorOf(vmi(domain))
    expect(e?.path).toBe(path)
    expect(e?.problem).toMatch(/uint32/)
  })

  it.each([
    ["requests.memory", { resources: { requests: { memory: "-1Gi" } } }, "spec.domain.resources.requests.memory"],
    ["limits.cpu", { resources: { requests: { memory: "1Gi" }, limits: { cpu: -2 } } }, "spec.domain.resources.limits.cpu"],
    ["memory.guest", { memory: { guest: "-512Mi" } }, "spec.domain.memory.guest"],
  ])("a negative %s is refused as the API server does", (_name, domain, path) => {
    const e = errorOf(vmi(domain))
    expect(e).toEqual({ path, problem: expect.stringMatching(/greater than or equal to 0/) })
  })

  it("the largest legal topology still gives a finite, exact launcher pod", () => {
    const r = decodeVmiSpec(vmi({ cpu: { cores: 0xffff_ffff, sockets: 2, threads: 1 }, resources: memory }), "big.yaml")
    expect(E.isRight(r)).toBe(true)
    if (E.isLeft(r)) return
    const pod = virtLauncherPod(r.right)
    // 2 × (2³² − 1) vCPUs, 8Mi each: the vCPU term alone is 8589934590 × 8Mi
    expect(pod.vcpus).toBe(8_589_934_590)
    expect(pod.overhead.terms.find((t) => t.term.startsWith("vCPU"))?.bytes).toBe(8_589_934_590n * 8n * 1024n * 1024n)
  })

  it("a malformed value anywhere names its JSON path (no corpus needed)", () => {
    expect(errorOf({ kind: "VirtualMachineInstance", metadata: { name: "b" }, spec: { domain: { memory: { guest: "1K" } } } })?.path).toBe("spec.domain.memory.guest")
    expect(errorOf({ kind: "VirtualMachineInstance", spec: { domain: { cpu: { cores: "two" } } } })?.path).toBe("spec.domain.cpu.cores")
    expect(errorOf({ kind: "VirtualMachine", spec: { template: { spec: { domain: { cpu: { cores: -1 } } } } } })?.path).toBe("spec.template.spec.domain.cpu.cores")
    expect(errorOf({ kind: "VirtualMachineInstance", spec: { domain: null } })?.path).toBe("spec.domain")
    expect(errorOf(null)?.path).toBe("$")
  })
})
