import type { ClaimCheck, ClaimResult, Verdict } from "../claims/Claim.ts"
import { catalog, type CatalogEntry } from "./catalog.ts"
import { compactJson } from "./compactJson.ts"

/**
 * The claims ledger: one entry per SPEC ID, each verdict computed by running the checks that
 * the layers export. Nothing here decides a verdict; it only runs, merges and renders.
 *
 * A claim may be checked in parts by several modules (S13.2 states two invariants, checked by the
 * migration model and by the model checker); the parts are merged, the most severe verdict wins.
 *
 * @since 0.1.0
 */

/** One checked part of a claim. @since 0.1.0 @category model */
export interface ClaimPart extends ClaimResult {
  readonly source: string
  readonly statement: string
}

/** One claim of the ledger: its catalogue entry, computed verdict, summary and evidence. @since 0.1.0 @category model */
export interface LedgerEntry extends CatalogEntry {
  readonly verdict: Verdict
  readonly summary: string
  readonly evidence: unknown
  readonly source: string
  readonly parts: ReadonlyArray<ClaimPart>
}

/** Every claim's entry, and the catalogue IDs missing or unknown. @since 0.1.0 @category model */
export interface Ledger {
  readonly claims: ReadonlyArray<LedgerEntry>
  /** Catalogue IDs no check covers (must be empty for a complete ledger). */
  readonly missing: ReadonlyArray<string>
  /** Checks whose ID is not in the catalogue. */
  readonly unknown: ReadonlyArray<string>
  /** Checks that threw instead of returning a verdict (a bug in the check). */
  readonly errors: ReadonlyArray<{ readonly id: string; readonly source: string; readonly message: string }>
}

/** Severity order for merging parts: the first listed wins. @since 0.1.0 @category constants */
export const severity: ReadonlyArray<Verdict> = ["fails", "inconsistent", "ill-typed", "underdetermined", "holds", "modelled"]

/**
 * The verdict of a claim checked in parts: the most severe part's.
 *
 * @since 0.1.0
 * @category combinators
 */
export const mergeVerdicts = (verdicts: ReadonlyArray<Verdict>): Verdict =>
  severity.find((v) => verdicts.includes(v)) ?? "modelled"

/**
 * Runs every check (in catalogue order, reporting progress) and assembles the ledger.
 *
 * @example
 * import { buildLedger } from "catcluster/ledger"
 * // const ledger = await buildLedger(allClaims)
 * // ledger.missing.length === 0 when every SPEC ID has a check
 *
 * @since 0.1.0
 * @category constructors
 */
export const buildLedger = async (
  checks: ReadonlyArray<ClaimCheck>,
  onProgress: (done: number, total: number, id: string) => void = () => {},
): Promise<Ledger> => {
  const ids = new Set(catalog.map((c) => c.id))
  const unknown = [...new Set(checks.filter((c) => !ids.has(c.id)).map((c) => c.id))]
  const errors: Array<{ id: string; source: string; message: string }> = []
  const parts = new Map<string, ClaimPart[]>()
  let done = 0
  for (const check of checks) {
    onProgress(done, checks.length, check.id)
    try {
      const result = await check.check()
      const list = parts.get(check.id) ?? []
      list.push({ ...result, source: check.source, statement: check.statement })
      parts.set(check.id, list)
    } catch (error) {
      errors.push({ id: check.id, source: check.source, message: error instanceof Error ? error.message : String(error) })
    }
    done++
  }
  onProgress(done, checks.length, "")
  const claims: LedgerEntry[] = []
  const missing: string[] = []
  for (const entry of catalog) {
    const ps = parts.get(entry.id)
    if (ps === undefined || ps.length === 0) {
      missing.push(entry.id)
      continue
    }
    const verdict = mergeVerdicts(ps.map((p) => p.verdict))
    claims.push({
      ...entry,
      verdict,
      summary: ps.map((p) => p.summary).join(" "),
      evidence: ps.length === 1 ? ps[0]!.evidence : ps.map((p) => ({ source: p.source, verdict: p.verdict, evidence: p.evidence })),
      source: ps.map((p) => p.source).join("; "),
      parts: ps,
    })
  }
  return { claims, missing, unknown, errors }
}

/** JSON.stringify that writes bigints as decimal strings and drops functions. @since 0.1.0 @category destructors */
export const toJson = (value: unknown, indent?: number): string =>
  JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : typeof v === "function" ? undefined : v), indent)

/**
 * The ledger as `catcluster ledger --json` prints it:
 * `{"claims":[{"id":"S1.4","verdict":"...","evidence":...,"source":"..."}]}`.
 *
 * @since 0.1.0
 * @category destructors
 */
export const ledgerJson = (ledger: Ledger): string =>
  toJson({
    claims: ledger.claims.map(({ id, verdict, summary, evidence, source, statement }) => ({ id, verdict, summary, statement, evidence, source })),
    missing: ledger.missing,
    errors: ledger.errors,
  })

/** Counts per verdict. @since 0.1.0 @category destructors */
export const tally = (ledger: Ledger): Readonly<Record<Verdict, number>> => {
  const out: Record<Verdict, number> = { holds: 0, fails: 0, "ill-typed": 0, inconsistent: 0, underdetermined: 0, modelled: 0 }
  for (const c of ledger.claims) out[c.verdict]++
  return out
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ")

/**
 * The ledger as Markdown (`out/claims.md`): a summary table, then each claim with its evidence
 * (complete, as compact JSON folded in `<details>`);
 * `note`, when given, is a paragraph after the introduction.
 *
 * @since 0.1.0
 * @category destructors
 */
export const ledgerMarkdown = (ledger: Ledger, note?: string): string => {
  const t = tally(ledger)
  const lines = [
    "# Claims ledger",
    "",
    "Every claim of the analysis (SPEC IDs), with the verdict computed by running its check.",
    "",
    ...(note === undefined ? [] : [note, ""]),
    `Verdicts: ${Object.entries(t).map(([k, v]) => `${k} ${v}`).join(", ")}.` +
      (ledger.missing.length > 0 ? ` Missing: ${ledger.missing.join(", ")}.` : ""),
    "",
    "| ID | verdict | summary | computed by |",
    "| --- | --- | --- | --- |",
    ...ledger.claims.map((c) => `| ${c.id} | **${c.verdict}** | ${cell(c.summary)} | \`${cell(c.source)}\` |`),
    "",
  ]
  for (const c of ledger.claims) {
    // the evidence is complete but folded: a reader opens it when the summary is not enough
    const evidence = compactJson(c.evidence, 120)
    const size = evidence.split("\n").length
    lines.push(
      `## ${c.id} — ${c.verdict}`,
      "",
      `> ${c.statement}`,
      "",
      c.summary,
      "",
      `<details><summary>Evidence (${size} line${size === 1 ? "" : "s"} of JSON, from ${c.source})</summary>`,
      "",
      "```json",
      evidence,
      "```",
      "",
      "</details>",
      "",
    )
  }
  return lines.join("\n")
}
