import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import type { ClaimCheck } from "../../src/claims/Claim.ts"
import { buildLedger, catalog, ledgerJson, ledgerMarkdown, mergeVerdicts } from "../../src/ledger/index.ts"

const spec = join(import.meta.dirname, "..", "..", "..", "shared", "SPEC.md")

describe("claims catalogue", () => {
  it("lists 77 distinct IDs from S1.1 to S15.7", () => {
    const ids = catalog.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBe(77)
    expect(ids[0]).toBe("S1.1")
    expect(ids.at(-1)).toBe("S15.7")
  })
  it.skipIf(!existsSync(spec))("matches the IDs of ../shared/SPEC.md (skipped: ../shared is absent)", () => {
    const specIds = [...readFileSync(spec, "utf8").matchAll(/^- (S\d+\.\d+) /gm)].map((m) => m[1])
    expect(catalog.map((c) => c.id)).toEqual(specIds)
  })
})

describe("ledger mechanics", () => {
  const check = (id: string, verdict: "holds" | "fails" | "modelled", source = "t"): ClaimCheck => ({
    id,
    statement: id,
    source,
    check: () => ({ verdict, summary: `${id} ${verdict}`, evidence: { n: 1n } }),
  })

  it("merges parts with the most severe verdict winning", () => {
    expect(mergeVerdicts(["holds", "fails", "modelled"])).toBe("fails")
    expect(mergeVerdicts(["modelled", "holds"])).toBe("holds")
    expect(mergeVerdicts(["underdetermined", "holds"])).toBe("underdetermined")
  })

  it("reports missing IDs, unknown IDs and checks that throw, and renders bigints", async () => {
    const boom: ClaimCheck = { id: "S1.2", statement: "", source: "boom", check: () => { throw new Error("bug") } }
    const ledger = await buildLedger([check("S1.1", "holds"), check("S13.2", "holds", "a"), check("S13.2", "fails", "b"), check("S99.1", "holds"), boom])
    expect(ledger.claims.map((c) => [c.id, c.verdict])).toEqual([["S1.1", "holds"], ["S13.2", "fails"]])
    expect(ledger.claims[1]!.source).toBe("a; b")
    expect(ledger.missing).toHaveLength(75)
    expect(ledger.missing).toContain("S1.2")
    expect(ledger.unknown).toEqual(["S99.1"])
    expect(ledger.errors).toEqual([{ id: "S1.2", source: "boom", message: "bug" }])
    expect(JSON.parse(ledgerJson(ledger)).claims[0]).toMatchObject({ id: "S1.1", verdict: "holds", evidence: { n: "1" } })
    expect(ledgerMarkdown(ledger)).toContain("| S13.2 | **fails** |")
  })
})
