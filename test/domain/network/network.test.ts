/**
 * Network (S6): the layer categories, the capability table checker (failing on the seed's table,
 * passing on a corrected one), the NAT naturality square (natural with all ports forwarded,
 * failing with a listed port), the CNI coefficients, and the claim verdicts.
 */
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { ClaimResult } from "../../../src/claims/Claim.ts"
import {
  capabilityTable,
  checkCoefficients,
  exampleNatModel,
  hopsBetween,
  kubevirtNetwork,
  natSquare,
  networkClaims,
  seedNetwork,
  tableMismatches,
  type CapabilityRow,
  type NatModel,
} from "../../../src/domain/network/index.ts"
import { categoryLaws, failures, holds, runSuite } from "../../../src/laws/index.ts"
import { failingSquare, naturalityLaws } from "../../../src/laws/naturality.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

const cfg = (base: number) => {
  const { seed, numRuns } = runConfig(base)
  return { seed, numRuns }
}
const run = (id: string): ClaimResult => networkClaims.find((c) => c.id === id)!.check() as ClaimResult

describe("layer categories", () => {
  it("both presentations satisfy the category laws exhaustively", () => {
    expect(holds(runSuite(categoryLaws(seedNetwork)))).toBe(true)
    expect(holds(runSuite(categoryLaws(kubevirtNetwork)))).toBe(true)
  })
  it("paths: pods and seed VMs reach the NIC in 3 hops, KubeVirt VMs in 5", () => {
    expect(hopsBetween(seedNetwork, "PodNetwork", "PhysicalNIC")).toEqual(["veth", "encapHost", "nic"])
    expect(hopsBetween(seedNetwork, "VMNetwork", "PhysicalNIC")).toEqual(["tap", "encapBridge", "nic"])
    expect(hopsBetween(kubevirtNetwork, "VMNetwork", "PhysicalNIC")).toEqual(["tap", "launcherNic", "veth", "encapHost", "nic"])
    expect(hopsBetween(kubevirtNetwork, "Service", "VMNetwork")).toBeUndefined()
  })
})

describe("capability table", () => {
  it("finds the seed's mismatches: VM throughput, interop reversed, security off by a factor 2", () => {
    expect(tableMismatches().map((c) => `${c.dimension}/${c.side}`)).toEqual(["performance/vm", "interop/container", "interop/vm", "security/container", "security/vm"])
  })
  it("passes a table whose functions are corrected", () => {
    const fixed: CapabilityRow[] = capabilityTable.map((r) =>
      r.dimension === "performance"
        ? { ...r, map: (d: 0 | 1) => 9.5 * (1 - (2.5 / 9.5) * d) }
        : r.dimension === "interop"
          ? { ...r, map: (d: 0 | 1) => 1 - 0.5 * d }
          : r.dimension === "security"
            ? { ...r, map: (d: 0 | 1) => 2 / (1 + d) }
            : r,
    )
    expect(tableMismatches(fixed)).toEqual([])
  })
})

describe("NAT square α", () => {
  it("is natural when every VMI forwards all ports", () => {
    expect(holds(runSuite(naturalityLaws(natSquare(exampleNatModel(false)).alpha)))).toBe(true)
  })

  it("fails on the web relay when the frontend forwards only port 22", () => {
    const v = runSuite(naturalityLaws(natSquare(exampleNatModel(true)).alpha))
    expect(failures(v)).toHaveLength(1)
    const square = failingSquare(v)
    expect(square).toMatchObject({ x: "frontend", y: "api" })
    expect(square?.arrow).toContain("web")
  })

  it("random relay chains over VMIs forwarding everything are always natural", () => {
    const ports = [22, 80, 443, 8080]
    const model = fc
      .array(fc.record({ from: fc.nat(3), to: fc.nat(3), map: fc.array(fc.tuple(fc.constantFrom(...ports), fc.constantFrom(...ports)), { maxLength: 4 }) }), { maxLength: 5 })
      .map((edges): NatModel => ({
        ports,
        vmis: [0, 1, 2, 3, 4].map((i) => ({ name: `v${i}`, forwarded: undefined })),
        // from < to keeps the relay graph acyclic
        relays: edges.map((e, i) => ({ name: `r${i}`, from: `v${Math.min(e.from, e.to)}`, to: `v${Math.max(e.from, e.to) + 1}`, portMap: Object.fromEntries(e.map) })),
      }))
    fc.assert(
      fc.property(model, (m) => {
        expect(holds(runSuite(naturalityLaws(natSquare(m).alpha)))).toBe(true)
      }),
      cfg(60),
    )
  })
})

describe("CNI vs vSwitch coefficients", () => {
  it("μ and ρ match their rows, α does not (3/7 ≠ 0.3)", () => {
    expect(checkCoefficients().map((c) => [c.symbol, c.matches])).toEqual([
      ["α", false],
      ["μ", true],
      ["ρ", true],
    ])
  })
})

describe("claims S6", () => {
  it("cover S6.1–S6.5", () => {
    expect(networkClaims.map((c) => c.id)).toEqual(["S6.1", "S6.2", "S6.3", "S6.4", "S6.5"])
  })
  it("S6.1 modelled, with the KubeVirt VM path longer than the seed's", () => {
    const r = run("S6.1")
    expect(r.verdict).toBe("modelled")
    expect(r.evidence).toMatchObject({ serviceToVmi: { seed: 1, kubevirt: 0 } })
  })
  it("S6.2 inconsistent: 5 cells disagree with their own functions, compatibility unchecked", () => {
    const r = run("S6.2")
    expect(r.verdict).toBe("inconsistent")
    expect((r.evidence as { mismatches: unknown[]; unchecked: string[] }).mismatches).toHaveLength(5)
    expect((r.evidence as { unchecked: string[] }).unchecked).toEqual(["compatibility/container", "compatibility/vm"])
  })
  it("S6.3 inconsistent: 26.3 % and 150 µs hold but 3 switches × 5 µs = 15 µs", () => {
    const r = run("S6.3")
    expect(r.verdict).toBe("inconsistent")
    expect(r.evidence).toMatchObject({ latencyGain: 150, partTwo: 150, perSwitchIfThree: 50, threeSwitchesAtFive: 15 })
    expect((r.evidence as { loss: number }).loss).toBeCloseTo(0.263, 3)
  })
  it("S6.4 fails with the port where the square breaks", () => {
    const r = run("S6.4")
    expect(r.verdict).toBe("fails")
    expect(r.evidence).toMatchObject({ difference: { arrow: "web", socket: "frontend:guest80", viaPod: "api:⊥", viaGuest: "api:pod8080" } })
  })
  it("S6.5 inconsistent on α (0.3 vs its row's 3/7), the rest underdetermined, naming what is missing", () => {
    const r = run("S6.5")
    expect(r.verdict).toBe("inconsistent")
    expect((r.evidence as { contradicted: Array<{ symbol: string }> }).contradicted.map((c) => c.symbol)).toEqual(["α"])
    expect((r.evidence as { underdetermined: string[] }).underdetermined).toEqual(["β", "γ", "δ", "ε", "ζ", "η", "θ", "σ"])
    expect(r.summary).toContain("cost (latency or throughput) of each leg")
  })
})
