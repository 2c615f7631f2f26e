/**
 * The ledger covers every claim of the catalogue with a verdict computed by running a check:
 * no ID without a check, no check for an unknown ID, no check that throws.
 */
import { describe, expect, it } from "vitest"
import { allClaims, buildLedger, catalog, severity } from "../../src/ledger/index.ts"

describe("the claims ledger", () => {
  it("has a computed entry for every SPEC ID, and nothing else", async () => {
    const ledger = await buildLedger(allClaims)
    expect(ledger.errors).toEqual([])
    expect(ledger.unknown).toEqual([])
    expect(ledger.missing).toEqual([])
    expect(ledger.claims.map((c) => c.id)).toEqual(catalog.map((c) => c.id))
    for (const c of ledger.claims) {
      expect(severity).toContain(c.verdict)
      expect(c.summary.length, `${c.id} has no summary`).toBeGreaterThan(20)
      expect(c.source, `${c.id} names no source`).toMatch(/src\//)
    }
  })
})
