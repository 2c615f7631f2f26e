/**
 * Density (S5): occupation as FinSet (co)limits, the N_max model and its bound, and the claim
 * verdicts with their evidence.
 */
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { ClaimResult } from "../../../src/claims/Claim.ts"
import { DensityParameterError, densityClaims, densityGain, fitGain, maxContainers, maxDensityGain, occupation, type LibrarySet } from "../../../src/domain/density/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

/** fast-check parameters from the project run configuration (fixed seed). */
const cfg = (base: number) => {
  const { seed, numRuns } = runConfig(base)
  return { seed, numRuns }
}

const run = (id: string): ClaimResult => densityClaims.find((c) => c.id === id)!.check() as ClaimResult

describe("occupation", () => {
  it("counts a worked family by hand: {a,b,c} and {b,c,d} share 2 of 4", () => {
    const o = occupation([
      { container: "x", libraries: ["a", "b", "c"] },
      { container: "y", libraries: ["b", "c", "d"] },
    ])
    expect(o).toEqual({ disjoint: 6, colimit: 4, shared: 2, shareRatio: 0.5 })
  })

  it("is empty for no containers, and a duplicate library in one image counts once", () => {
    expect(occupation([])).toEqual({ disjoint: 0, colimit: 0, shared: 0, shareRatio: 0 })
    expect(occupation([{ container: "x", libraries: ["a", "a"] }])).toEqual({ disjoint: 1, colimit: 1, shared: 1, shareRatio: 1 })
  })

  it("colimit = |⋃|, limit = |⋂| on random families (sets computed independently)", () => {
    const family = fc.array(fc.uniqueArray(fc.constantFrom("libc", "libz", "libssl", "libpq", "libxml2", "libffi"), { minLength: 1 }), { minLength: 1, maxLength: 5 })
    fc.assert(
      fc.property(family, (libs) => {
        const sets: LibrarySet[] = libs.map((l, i) => ({ container: `c${i}`, libraries: l }))
        const o = occupation(sets)
        const union = new Set(libs.flat())
        const inter = [...union].filter((l) => libs.every((s) => s.includes(l)))
        expect(o.colimit).toBe(union.size)
        expect(o.shared).toBe(inter.length)
        expect(o.shareRatio).toBeGreaterThanOrEqual(0)
        expect(o.shareRatio).toBeLessThanOrEqual(1)
      }),
      cfg(100),
    )
  })
})

describe("N_max model", () => {
  it("computes N_max = M / (v + r(1 − f))", () => {
    expect(maxContainers(1000, { exclusive: 1, shareable: 1 }, 0)).toBe(500)
    expect(maxContainers(1000, { exclusive: 0, shareable: 1 }, 1)).toBe(Infinity)
  })

  it("never gains more than (1 − f₀)/(1 − f₁) for v, r ≥ 0", () => {
    const params = fc.record({ exclusive: fc.double({ min: 0, max: 1e3, noNaN: true }), shareable: fc.double({ min: 1e-3, max: 1e3, noNaN: true }) })
    fc.assert(
      fc.property(params, fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.49, noNaN: true }), (p, f0, df) => {
        const f1 = f0 + df
        expect(densityGain(p, f0, f1)).toBeLessThanOrEqual(maxDensityGain(f0, f1) * (1 + 1e-12))
      }),
      cfg(200),
    )
  })

  it("fitGain recovers v/r from a gain the model produced", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), (ratio) => {
        const gain = densityGain({ exclusive: ratio, shareable: 1 }, 0, 0.1)
        const fit = fitGain(gain, 0, 0.1)
        expect(fit.reproducible).toBe(true)
        expect(fit.exclusivePerShareable).toBeCloseTo(ratio, 6)
      }),
      cfg(100),
    )
  })

  it("rejects parameters outside the domain with a typed error naming the parameter", () => {
    expect(() => maxContainers(10, { exclusive: -1, shareable: 1 }, 0)).toThrow(DensityParameterError)
    expect(() => maxContainers(10, { exclusive: 1, shareable: 1 }, 1.5)).toThrow(/share ratio \(f\) = 1.5/)
  })
})

describe("claims S5", () => {
  it("cover S5.1–S5.5 with sources", () => {
    expect(densityClaims.map((c) => c.id)).toEqual(["S5.1", "S5.2", "S5.3", "S5.4", "S5.5"])
    for (const c of densityClaims) expect(c.source).toMatch(/^src\/domain\/density\/claims\.ts#check/)
  })

  it("S5.1 holds: colimit = union, sharing saves copies", () => {
    const r = run("S5.1")
    expect(r.verdict).toBe("holds")
    expect((r.evidence as { saved: number }).saved).toBeGreaterThan(0)
  })

  it("S5.2 modelled: f = 2/6 on the worked family", () => {
    const r = run("S5.2")
    expect(r.verdict).toBe("modelled")
    expect(r.evidence).toMatchObject({ occupation: { shared: 2, colimit: 6 }, identicalImages: 1 })
  })

  it("S5.3 modelled: full sharing bounds N_max by M/v", () => {
    const r = run("S5.3")
    expect(r.verdict).toBe("modelled")
    expect((r.evidence as { limitAtFullSharing: number }).limitAtFullSharing).toBeCloseTo((64 * 1024) / 20, 9)
  })

  it("S5.4 inconsistent: 2.658 > 1/0.9, needs v/r < 0 or f₁ ≈ 0.624", () => {
    const r = run("S5.4")
    expect(r.verdict).toBe("inconsistent")
    const e = r.evidence as { bound: number; observedGain: number; exclusivePerShareable: number; requiredShareRatio: number }
    expect(e.bound).toBeCloseTo(1 / 0.9, 12)
    expect(e.observedGain).toBeCloseTo(1940 / 730, 12)
    expect(e.exclusivePerShareable).toBeLessThan(0)
    expect(e.requiredShareRatio).toBeCloseTo(1 - 730 / 1940, 12)
  })

  it("S5.5 fails: KubeVirt v1.9 overhead of a plain small VM is a few hundred MiB, ~1.3 GiB only with VFIO", () => {
    const r = run("S5.5")
    expect(r.verdict).toBe("fails")
    const e = r.evidence as { overheads: Array<{ vm: string; overheadMiB: number }>; rho: number }
    expect(e.rho).toBe(0.2)
    // 2 vCPU 2Gi with graphics is the documented 280Mi example of K8S-SEMANTICS
    expect(e.overheads.find((o) => o.vm === "2vcpu-2Gi")?.overheadMiB).toBe(280)
    expect(e.overheads.find((o) => o.vm.endsWith("gpu"))!.overheadMiB).toBeGreaterThan(1024)
    // 256 GiB / (1 GiB + 270 MiB) = 206.4
    expect((r.evidence as { memoryBoundVmsPerNode: { vmsPerNode: number } }).memoryBoundVmsPerNode.vmsPerNode).toBe(Math.floor((256 * 1024) / (1024 + 270)))
  })
})
