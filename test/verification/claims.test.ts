import { describe, expect, it } from "vitest"
import { claims, stateSpaceVerdict } from "../../src/verification/claims.ts"

const verdictOf = async (id: string) => {
  const c = claims.find((x) => x.id === id)
  if (c === undefined) throw new Error(`no claim ${id}`)
  return c.check()
}

describe("verification claims: computed verdicts", () => {
  it("covers S15.1–S15.7, S9.4 and S13.2, each naming its source", () => {
    expect(claims.map((c) => c.id)).toEqual(["S15.1", "S15.2", "S15.3", "S15.4", "S15.5", "S15.6", "S15.7", "S9.4", "S13.2"])
    for (const c of claims) expect(c.source).toMatch(/^src\/verification\//)
  })

  it("S15.1 holds for correct IPAM, and its evidence shows the bug control caught", async () => {
    const r = await verdictOf("S15.1")
    expect(r.verdict).toBe("holds")
    expect(r.summary).toContain("release-before-reuse-bug/no-shared-ip: violated in 3 steps")
  })

  it("S15.2, S15.3, S15.4, S9.4, S13.2 fail, each with a trace in the evidence", async () => {
    for (const id of ["S15.2", "S15.3", "S15.4", "S9.4", "S13.2"]) {
      const r = await verdictOf(id)
      expect(r.verdict, id).toBe("fails")
      const evidence = r.evidence as ReadonlyArray<{ role: string; status: string; trace?: ReadonlyArray<string> }>
      expect(evidence.some((e) => e.role === "claim" && e.status === "violated" && (e.trace?.length ?? 0) > 1), id).toBe(true)
    }
  })

  it("S9.4's hard-limit invariant holds; only the soft limit fails", async () => {
    const evidence = (await verdictOf("S9.4")).evidence as ReadonlyArray<{ check: string; status: string }>
    expect(evidence.find((e) => e.check === "quota/atomic-admission/used-within-hard")?.status).toBe("holds")
    expect(evidence.find((e) => e.check === "quota/atomic-admission/requested-within-soft")?.status).toBe("violated")
  })

  it("S15.5 holds (Galois insertion), S15.6 underdetermined on the abstract O(n·k) part (the seed's k is resource types)", async () => {
    expect((await verdictOf("S15.5")).verdict).toBe("holds")
    const s156 = await verdictOf("S15.6")
    expect(s156.verdict).toBe("underdetermined")
    expect(stateSpaceVerdict(false, 1, 2, {}).verdict).toBe("fails") // an explored count that is not kⁿ
    expect(stateSpaceVerdict(true, 0.97, 1.93, {}).summary).toContain("so it is linear with two states and not linear with a Migrating state")
    const ev = s156.evidence as { threeStates: { slope: number }; twoStates: { slope: number } }
    expect(ev.threeStates.slope).toBeGreaterThan(1.8)
    expect(ev.twoStates.slope).toBeLessThan(1.1)
  })

  it("S15.7 is underdetermined and names what is missing", async () => {
    const r = await verdictOf("S15.7")
    expect(r.verdict).toBe("underdetermined")
    expect((r.evidence as { missing: ReadonlyArray<string> }).missing.length).toBeGreaterThanOrEqual(3)
  })
})
