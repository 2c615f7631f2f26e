import { describe, expect, it } from "vitest"
import { checkCurryingInFinSet, checkLimitsAsIntersections, checkOccupationColimit, claims } from "../../../src/category/finset/claims.ts"

describe("FinSet parts of the seed's claims", () => {
  it("cover S1.7, S1.9 and S5.1, each naming its source function", () => {
    expect(claims.map((c) => c.id)).toEqual(["S1.7", "S1.9", "S5.1"])
    for (const c of claims) expect(c.source).toMatch(/^src\/category\/finset\/claims\.ts#check/)
  })

  it("S1.7: currying is a bijection on every arrow checked (holds)", () => {
    const r = checkCurryingInFinSet()
    expect(r.verdict).toBe("holds")
    // |X|, |A| ∈ {0, 1, 2}, |B| ∈ {0 … 3}: 36 size triples; arrows counted on both sides
    const expected = [0, 1, 2]
      .flatMap((x) => [0, 1, 2].flatMap((a) => [0, 1, 2, 3].map((b) => 2 * (x * a === 0 ? 1 : b ** (x * a)))))
      .reduce((s, n) => s + n, 0)
    expect(r.evidence).toMatchObject({ cases: 36, arrows: expected })
  })

  it("S1.9: limits of inclusions are intersections, colimits unions (holds), with the fibre-product caveat", () => {
    const r = checkLimitsAsIntersections()
    expect(r.verdict).toBe("holds")
    expect(r.evidence).toMatchObject({ seed: 20261127, trials: 50, fibreProductCounterexample: { limitSize: 4 } })
  })

  it("S5.1: the colimit counts shared resources once (holds) where the plain sum overcounts", () => {
    const r = checkOccupationColimit()
    expect(r.verdict).toBe("holds")
    expect((r.evidence as { overcount: number }).overcount).toBeGreaterThan(0)
  })
})
