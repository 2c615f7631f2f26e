/**
 * Each claim's verdict and the evidence it rests on, so a change in the model that flips a
 * verdict is noticed.
 */
import { describe, expect, it } from "vitest"
import { claims } from "../../src/scheduler/claims.ts"

const run = async (id: string) => {
  const c = claims.find((x) => x.id === id)
  if (c === undefined) throw new Error(`no claim ${id}`)
  return c.check()
}

describe("scheduler claims", () => {
  it("covers S11.1–S11.6 and S9.2", () => {
    expect(claims.map((c) => c.id)).toEqual(["S11.1", "S11.2", "S11.3", "S11.4", "S11.5", "S11.6", "S9.2"])
  })
  it("S11.1 holds: argmax of the total inside the resource pullback", async () => {
    const r = await run("S11.1")
    expect(r.verdict).toBe("holds")
    expect(r.evidence).toMatchObject({ notArgmax: 0, outsidePullback: 0 })
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
  it("S11.4 modelled with a preemption in the trace", async () => {
    const r = await run("S11.4")
    expect(r.verdict).toBe("modelled")
    expect((r.evidence as { preemption: { victims: string[] } }).preemption.victims.length).toBeGreaterThan(0)
  })
  it("S11.5 fails on a concrete tie", async () => {
    const r = await run("S11.5")
    expect(r.verdict).toBe("fails")
    const e = r.evidence as { totals: Array<{ total: number }>; chosenOver20Seeds: Record<string, number> }
    expect(e.totals[0]?.total).toBe(e.totals[1]?.total)
    expect(Object.keys(e.chosenOver20Seeds).sort()).toEqual(["twin-a", "twin-b"])
  })
  it("S11.6 modelled: cells never over-used", async () => {
    const r = await run("S11.6")
    expect(r.verdict).toBe("modelled")
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
