/**
 * Storage (S8): the runtime CSI lifecycle (illegal orders rejected with their index), access
 * modes, the latency functor (and a broken one caught), IOPS and the claim verdicts.
 */
import * as E from "fp-ts/lib/Either.js"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { ClaimResult } from "../../../src/claims/Claim.ts"
import {
  accessModeDisagreements,
  allowedOperations,
  checkMount,
  containerLatencies,
  createVolume,
  csiOperations,
  controllerPublish,
  ioPath,
  iops,
  kubevirtVmPath,
  latencyFunctor,
  LifecycleError,
  nodePublish,
  nodeStage,
  runLifecycle,
  storageClaims,
  iopsVerdict,
  totalLatency,
  vmLatencies,
  type CsiOperation,
} from "../../../src/domain/storage/index.ts"
import { failures, holds, runSuite } from "../../../src/laws/index.ts"
import { functorLaws } from "../../../src/laws/functor.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

const cfg = (base: number) => {
  const { seed, numRuns } = runConfig(base)
  return { seed, numRuns }
}
const run = (id: string): ClaimResult => storageClaims.find((c) => c.id === id)!.check() as ClaimResult

const operations = csiOperations
/** How deep each operation takes the volume (+1 going up the stack, −1 coming down). */
const depthChange: Record<CsiOperation, number> = {
  CreateVolume: 1,
  ControllerPublishVolume: 1,
  NodeStageVolume: 1,
  NodePublishVolume: 1,
  AttachVirtio: 1,
  DetachVirtio: -1,
  NodeUnpublishVolume: -1,
  NodeUnstageVolume: -1,
  ControllerUnpublishVolume: -1,
  DeleteVolume: 1,
}
const depthOf = { Absent: 0, Created: 1, ControllerPublished: 2, NodeStaged: 3, NodePublished: 4, AttachedToGuest: 5 } as const

describe("CSI lifecycle at runtime", () => {
  it("runs the full cycle up and back down to Deleted", () => {
    const all: CsiOperation[] = [...kubevirtVmPath, "DetachVirtio", "NodeUnpublishVolume", "NodeUnstageVolume", "ControllerUnpublishVolume", "DeleteVolume"]
    expect(runLifecycle(all)).toEqual(E.right("Deleted"))
  })

  it("rejects publishing before staging, naming the index, the state and what was allowed", () => {
    const r = runLifecycle(["CreateVolume", "ControllerPublishVolume", "NodePublishVolume"])
    expect(E.isLeft(r)).toBe(true)
    if (E.isRight(r)) return
    expect(r.left).toBeInstanceOf(LifecycleError)
    expect(r.left).toMatchObject({ path: "operations[2]", operation: "NodePublishVolume", state: "ControllerPublished", allowed: ["NodeStageVolume", "ControllerUnpublishVolume"] })
  })

  it("nothing is allowed after DeleteVolume", () => {
    expect(allowedOperations("Deleted")).toEqual([])
  })

  it("every accepted sequence ends at the depth its ups and downs add to (a stack discipline)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...operations), { maxLength: 14 }), (ops) => {
        const r = runLifecycle(ops)
        if (E.isLeft(r)) {
          expect(r.left.path).toMatch(/^operations\[\d+\]$/)
          return
        }
        if (r.right === "Deleted") return
        expect(ops.reduce((d, op) => d + depthChange[op], 0)).toBe(depthOf[r.right])
      }),
      cfg(300),
    )
  })

  it("random legal walks (each step chosen among the allowed ones) are accepted, and ends match the stack depth", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), (choices) => {
        const ops: CsiOperation[] = []
        let state: Parameters<typeof allowedOperations>[0] = "Absent"
        for (const c of choices) {
          const allowed = allowedOperations(state)
          if (allowed.length === 0) break
          const op = allowed[c % allowed.length]!
          ops.push(op)
          const next = runLifecycle(ops)
          expect(E.isRight(next)).toBe(true)
          if (E.isRight(next)) state = next.right
        }
        if (state !== "Deleted") expect(ops.reduce((d, op) => d + depthChange[op], 0)).toBe(depthOf[state as keyof typeof depthOf])
      }),
      cfg(200),
    )
  })

  it("the typed API builds the same states", () => {
    const v = nodePublish(nodeStage(controllerPublish(createVolume("pvc-1"), "node-a"), "/staging"), "/target")
    expect(v).toEqual({ id: "pvc-1", state: "NodePublished", node: "node-a", stagingPath: "/staging", targetPath: "/target" })
  })
})

describe("access modes", () => {
  it("a Block PVC must be a volumeDevice, a Filesystem PVC a volumeMount", () => {
    expect(checkMount("c[0]", "Block", "volumeDevices")).toBeUndefined()
    expect(checkMount("c[0]", "Filesystem", "volumeMounts")).toBeUndefined()
    expect(checkMount("spec.containers[0].volumeMounts[1]", "Block", "volumeMounts")).toEqual({ _tag: "MountMismatch", path: "spec.containers[0].volumeMounts[1]", mode: "Block", usage: "volumeMounts", expected: "volumeDevices" })
    expect(checkMount("c[0]", "Filesystem", "volumeDevices")?.expected).toBe("volumeMounts")
  })

  it("the seed's rule refuses exactly ROX and RWX Block, which Kubernetes accepts", () => {
    expect(accessModeDisagreements()).toEqual([
      { access: "ReadOnlyMany", mode: "Block" },
      { access: "ReadWriteMany", mode: "Block" },
    ])
  })
})

describe("IO latency functor", () => {
  it("is a functor into (ℝ≥0, +) for both tables, exhaustively", () => {
    for (const t of [containerLatencies, vmLatencies]) {
      const v = runSuite(functorLaws(latencyFunctor("L", t)))
      expect(holds(v)).toBe(true)
      expect(v.laws.every((l) => l._tag === "Holds" && l.coverage.mode === "exhaustive")).toBe(true)
    }
  })

  it("catches a 'functor' that charges a fixed 1 µs per arrow: identity fails", () => {
    const L = latencyFunctor("L", containerLatencies)
    const broken = { ...L, name: "L+1", onArrows: (f: number) => L.onArrows(f) + 1 }
    const bad = failures(runSuite(functorLaws(broken))).map((l) => l.law)
    expect(bad).toContain("functor.identity")
    expect(bad).toContain("functor.composition")
  })

  it("totals: 5+10+50+100 = 165, 15+30+70+100 = 215, and a sub-path sums its stages", () => {
    expect(totalLatency(containerLatencies)).toBe(165)
    expect(totalLatency(vmLatencies)).toBe(215)
    expect(latencyFunctor("L_v", vmLatencies).onArrows(ioPath.arrowOf(["kernel", "block"]))).toBe(100)
  })

  it("IOPS: 100k, 95k, 70k", () => {
    expect(iops()).toEqual({ bareMetal: 100_000, container: 95_000, vm: 70_000 })
  })
})

describe("claims S8", () => {
  it("cover S8.1–S8.5", () => {
    expect(storageClaims.map((c) => c.id)).toEqual(["S8.1", "S8.2", "S8.3", "S8.4", "S8.5"])
  })
  it("S8.1 fails: the seed's VM path attaches an unpublished volume", () => {
    const r = run("S8.1")
    expect(r.verdict).toBe("fails")
    expect((r.evidence as { seedError: string }).seedError).toBe("seedVmPath[3]: AttachVirtio is not allowed in state NodeStaged (allowed: NodePublishVolume, NodeUnstageVolume)")
  })
  it("S8.2 fails: RWX Block exists and live migration needs it", () => {
    const r = run("S8.2")
    expect(r.verdict).toBe("fails")
    expect(r.evidence).toMatchObject({ rwxBlock: { kubernetes: true, seed: false }, migrationNeedsShared: true })
  })
  it("S8.3 inconsistent: totals and +30.3 % hold, the gap is 50 µs, part II says 45", () => {
    const r = run("S8.3")
    expect(r.verdict).toBe("inconsistent")
    expect(r.evidence).toMatchObject({ containerTotal: 165, vmTotal: 215, gap: 50, partTwoGap: 45, perStage: { app: 10, kernel: 20, block: 20, nvme: 0 } })
    expect((r.evidence as { increase: number }).increase).toBeCloseTo(50 / 165, 12)
  })
  it("S8.4 underdetermined: VM/container = 0.737 vs 0.767 from latency at queue depth 1 (the seed gives no queue depth)", () => {
    const r = run("S8.4")
    expect(r.verdict).toBe("underdetermined")
    // the verdict follows the evidence: factors that match the latency table hold
    expect(iopsVerdict({ bareMetal: 100, container: 95, vm: 95 * (165 / 215) }, 165 / 215).verdict).toBe("holds")
    expect(iopsVerdict({ bareMetal: 100, container: 95, vm: 70 }, 165 / 215).summary).toContain("73.7 % of the container's (a 26.3 % gap, where part II's table says 30 %")
    expect((r.evidence as { vmVsContainer: number }).vmVsContainer).toBeCloseTo(70 / 95, 12)
    expect((r.evidence as { latencyImpliedRatio: number }).latencyImpliedRatio).toBeCloseTo(165 / 215, 12)
  })
  it("S8.5 inconsistent: the tables' +45 µs and 30 % disagree with the seed's 50 µs and 26.3 %", () => {
    const r = run("S8.5")
    expect(r.verdict).toBe("inconsistent")
    expect((r.evidence as { storageMapping: unknown[] }).storageMapping).toHaveLength(6)
    expect(r.evidence).toMatchObject({ ioGap: { stated: 45, model: 50 } })
    expect((r.evidence as { iopsGap: { model: number } }).iopsGap.model).toBeCloseTo(1 - 70 / 95, 12)
  })
})
