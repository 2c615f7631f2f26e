/**
 * Each claim's verdict and the evidence it rests on, so a change in the model that flips a
 * verdict is noticed.
 */
import { describe, expect, it } from "vitest"
import { argminVerdict, claims, fibreVerdict, phasesVerdict, seedPhases } from "../../src/scheduler/claims.ts"

const run = async (id: string) => {
  const c = claims.find((x) => x.id === id)
  if (c === undefined) throw new Error(`no claim ${id}`)
  return c.check()
}

describe("scheduler claims", () => {
  it("covers S11.1–S11.6 and S9.2", () => {
    expect(claims.map((c) => c.id)).toEqual(["S11.1", "S11.2", "S11.3", "S11.4", "S11.5", "S11.6", "S9.2"])
  })
  it("S11.1 underdetermined: argmax of the total inside the resource pullback, but no cost and a smaller feasible set", async () => {
    const r = await run("S11.1")
    expect(r.verdict).toBe("underdetermined")
    expect(r.evidence).toMatchObject({ notArgmax: 0, outsidePullback: 0, pods: 400 })
    expect(r.summary).toContain(`for ${(r.evidence as { pullbackLarger: number }).pullbackLarger} of 400 pods it is smaller`)
  })
  it("S11.2 fails: the balanced node wins, no linear cost picks it", async () => {
    const r = await run("S11.2")
    expect(r.verdict).toBe("fails")
    expect(r.evidence).toMatchObject({ chosen: "A", weightsMakingAStrictArgmin: 0 })
  })
  it("S11.3 holds: features and one-cell NUMA fit", async () => {
    const r = await run("S11.3")
    expect(r.verdict).toBe("holds")
    const results = (r.evidence as { results: Array<{ pod: string; node: string | null }> }).results
    expect(results.find((x) => x.pod === "vm/c")?.node).toBeNull()
    expect(results.every((x) => x.node !== "novmx")).toBe(true)
  })
  it("S11.4 fails on the two extensions nothing implements, with a preemption in the trace", async () => {
    const r = await run("S11.4")
    expect(r.verdict).toBe("fails")
    expect(r.evidence).toMatchObject({ missing: ["+VM density NUMA", "+disk format"] })
    expect((r.evidence as { preemption: { victims: string[] } }).preemption.victims.length).toBeGreaterThan(0)
  })
  it("S11.5 fails on a concrete tie", async () => {
    const r = await run("S11.5")
    expect(r.verdict).toBe("fails")
    const e = r.evidence as { totals: Array<{ total: number }>; chosenOver20Seeds: Record<string, number> }
    expect(e.totals[0]?.total).toBe(e.totals[1]?.total)
    expect(Object.keys(e.chosenOver20Seeds).sort()).toEqual(["twin-a", "twin-b"])
  })
  it("S11.6 underdetermined (no distance in the seed): cells never over-used", async () => {
    const r = await run("S11.6")
    expect(r.verdict).toBe("underdetermined")
    const e = r.evidence as { cellCpusUsed: number[]; cellCpusCapacity: number[] }
    e.cellCpusUsed.forEach((u, i) => expect(u).toBeLessThanOrEqual(e.cellCpusCapacity[i]!))
    expect(e.cellCpusUsed.reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
  })
  it("S9.2 holds: only lower priorities are evicted", async () => {
    const r = await run("S9.2")
    expect(r.verdict).toBe("holds")
    const e = r.evidence as { victimPriorities: number[] }
    expect(e.victimPriorities.every((p) => p < 2_000_000_000)).toBe(true)
  })
})

describe("S11.1, S11.4, S11.6 verdicts follow their evidence (issue 12: they were literals beside their checks)", () => {
  const clean = { pods: 10, bound: 10, notArgmax: 0, outsidePullback: 0, pullbackLarger: 3 }
  it("S11.1 fails when a pod lands outside the resource pullback or off the top total", () => {
    expect(argminVerdict(clean).verdict).toBe("underdetermined")
    expect(argminVerdict({ ...clean, outsidePullback: 1 }).verdict).toBe("fails")
    expect(argminVerdict({ ...clean, notArgmax: 2 }).verdict).toBe("fails")
    expect(argminVerdict(clean).summary).toContain("10 of 10 pods bound, 0 not at the top total")
  })
  it("S11.4 holds once every named phase has a counterpart and preemption finds victims", () => {
    const all = seedPhases.map((p) => ({ ...p, upstream: p.upstream ?? "a plugin" }))
    expect(phasesVerdict(all, ["v"], "p").verdict).toBe("holds")
    expect(phasesVerdict(all, [], "p").verdict).toBe("fails")
    expect(phasesVerdict(seedPhases, ["v"], "p").summary).toContain("6 of the 8 phases")
  })
  it("S11.6 fails when a cell is over-used", () => {
    expect(fibreVerdict([0, 4], [4, 4]).verdict).toBe("underdetermined")
    const over = fibreVerdict([0, 5], [4, 4])
    expect(over.verdict).toBe("fails")
    expect(over.summary).toContain("cell(s) 1 over-used")
  })
})
