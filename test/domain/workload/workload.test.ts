import * as E from "fp-ts/lib/Either.js"
import * as fc from "fast-check"
import type { Monoid } from "fp-ts/lib/Monoid.js"
import { describe, expect, it } from "vitest"
import { describedType } from "../../../src/category/Type.ts"
import { anyWorkloadArbitrary, vmiSpecArbitrary } from "../../../src/domain/arbitraries/index.ts"
import { virtLauncherPod } from "../../../src/domain/kubevirt/index.ts"
import { equalResources, MonoidResources, resourceVector, showResources, type ResourceVector } from "../../../src/domain/resources/index.ts"
import {
  kubernetesView,
  resourceRequest,
  securityContextOf,
  startsOnCreation,
  toVmiSpec,
  totalUsage,
  usage,
  workload,
  type AnyWorkload,
} from "../../../src/domain/workload/index.ts"
import { assertLaws, failures, runConfig, runSuite } from "../../../src/laws/index.ts"
import { monoidLaws } from "../../../src/laws/monoid.ts"

const config = runConfig(100)
const Gi = 1024n ** 3n

/** Resource vectors as an object of Type: usages of generated workloads, plus arbitrary vectors. */
const vectors = describedType<ResourceVector>({
  name: "ResourceVector",
  arbitrary: fc.oneof(anyWorkloadArbitrary.map(usage), resourceVector()),
  equals: equalResources,
  show: showResources,
})

describe("S2.6 totalUsage = foldMap usage", () => {
  it("resource vectors under + satisfy the monoid laws (sampled over workload usages)", () => {
    assertLaws(runSuite(monoidLaws(MonoidResources, vectors), { config }))
  })

  it("the law suite catches a broken monoid: max-plus-one is not associative", () => {
    const broken: Monoid<ResourceVector> = {
      empty: new Map(),
      concat: (a, b) => {
        const out = new Map(a)
        for (const [k, v] of b) out.set(k, (out.get(k) ?? 0n) > v ? (out.get(k) ?? 0n) : v + 1n)
        return out
      },
    }
    const verdict = runSuite(monoidLaws(broken, vectors), { config })
    const names = failures(verdict).map((f) => f.law)
    expect(names).toContain("semigroup.associativity")
    const assoc = failures(verdict).find((f) => f.law === "semigroup.associativity")!
    const [a, b, c] = assoc.counterexample.value as [ResourceVector, ResourceVector, ResourceVector]
    expect(equalResources(broken.concat(broken.concat(a, b), c), broken.concat(a, broken.concat(b, c)))).toBe(false)
  })

  it("folds heterogeneous workloads: the fold equals the sum of usages in any grouping", () => {
    fc.assert(
      fc.property(fc.array(anyWorkloadArbitrary, { maxLength: 8 }), fc.nat(), (ws, cut) => {
        const k = ws.length === 0 ? 0 : cut % ws.length
        expect(equalResources(totalUsage(ws), MonoidResources.concat(totalUsage(ws.slice(0, k)), totalUsage(ws.slice(k))))).toBe(true)
      }),
      { seed: config.seed, numRuns: config.numRuns },
    )
  })

  it("a concrete mix: Pod + running VM + PVC + migration in flight", () => {
    const vmi = toVmiSpec("vm", { vcpu: 2, vmemory: 2n * Gi, vdevices: ["virtio-net"] })
    const ws: AnyWorkload[] = [
      workload("Pod", "web", { containers: [{ resources: { requests: { cpu: { nanos: 500_000_000n, format: "DecimalSI" } } } }] }, "Running"),
      workload("VM", "vm", { template: vmi }, "Running"),
      workload("PVC", "data", { storage: 10n * Gi, storageClassName: "local" }, "Bound"),
      workload("Migration", "mig", { vmi }, "Running"),
      workload("Pod", "done", { containers: [{ resources: { requests: { cpu: { nanos: 9_000_000_000n, format: "DecimalSI" } } } }] }, "Succeeded"),
    ]
    const total = totalUsage(ws)
    // 500m + 2 launcher pods × 200m; the Succeeded pod holds nothing
    expect(total.get("cpu")).toBe(900n)
    // two launcher pods: 2 × (2Gi + 280Mi)
    expect(total.get("memory")).toBe(2n * (2n * Gi + 280n * 1024n * 1024n))
    expect(total.get("storage")).toBe(10n * Gi)
  })
})

describe("S2.1–S2.5 types", () => {
  it("S2.2: request ≤ limit is enforced; a missing request defaults to the limit", () => {
    expect(E.isRight(resourceRequest("cpu", 500n, 1000n, 0))).toBe(true)
    const bad = resourceRequest("cpu", 1500n, 1000n, 0)
    expect(E.isLeft(bad) && bad.left.problem).toBe("cpu: request 1500 > limit 1000")
    const defaulted = resourceRequest("memory", undefined, 4n, 1)
    expect(E.isRight(defaulted) && defaulted.right.request).toBe(4n)
  })

  it("S2.1: only cores/size/capacity are Kubernetes resources", () => {
    const cpu = kubernetesView({ _tag: "CPU", cores: 4, freqMHz: 3000, flags: ["avx512f"] })
    expect(cpu.quantity.get("cpu")).toBe(4000n)
    expect(cpu.notResources.map((n) => n.attribute)).toEqual(["freq", "flags"])
    expect(kubernetesView({ _tag: "Network", bandwidthMbps: 1000, latencyUs: 50, pcieLanes: 4 }).quantity.size).toBe(0)
  })

  it("S2.5: the corpus VMs are Halted: no launcher pod until started", () => {
    expect(startsOnCreation("Halted")).toBe(false)
    expect(startsOnCreation("Always")).toBe(true)
    expect(startsOnCreation("Manual")).toBe(false)
  })

  it("S2.3: Privileged carries capabilities into the security context", () => {
    expect(securityContextOf({ _tag: "Privileged", requests: new Map(), capabilities: ["NET_ADMIN"] })).toEqual({ privileged: true, capabilities: { add: ["NET_ADMIN"] } })
  })

  it("S2.4: an e1000 VMSpec gets no vhost-net; supplemental IOThreads add shared CPU", () => {
    const pod = virtLauncherPod(toVmiSpec("v", { vcpu: 1, vmemory: Gi, vdevices: ["e1000"], ioThreads: 1 }))
    expect(pod.requests["devices.kubevirt.io/vhost-net"]).toBeUndefined()
    expect(pod.requests["cpu"]).toBe(200n) // (1 vCPU + 1 IOThread) / 10
  })

  it("usage is zero exactly for terminal Pods and migrations and for VMs that are not started", () => {
    fc.assert(
      fc.property(anyWorkloadArbitrary, (w) => {
        const zero = usage(w).size === 0
        if (w.kind === "Migration" && (w.status === "Succeeded" || w.status === "Failed")) expect(zero).toBe(true)
        if (w.kind === "VM" && w.status === "Stopped") expect(zero).toBe(true)
        if (w.kind === "Migration" && w.status === "Running") expect(zero).toBe(false)
      }),
      { seed: config.seed, numRuns: config.numRuns },
    )
    void vmiSpecArbitrary
  })
})
