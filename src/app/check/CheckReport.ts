import { match } from "ts-pattern"
import type { NotModelled } from "../../domain/model/clusterFromManifests.ts"
import { checkedCases, countVerdicts, nothingFails, printVerdict, type LawVerdict, type SuiteVerdict } from "../../laws/Verdict.ts"

/**
 * What `catcluster check` found: one verdict per suite (with notes reported beside the laws,
 * e.g. the S1.4 residuals), what was not modelled, and the exit code a CI job acts on:
 * 0 every law holds, 1 a law fails, 2 the input could not be read.
 *
 * @since 0.1.0
 */

/** A suite's verdict and what is reported beside its laws. @since 0.1.0 @category model */
export interface SuiteReport {
  readonly verdict: SuiteVerdict
  readonly notes: ReadonlyArray<string>
}

/** The result of `catcluster check`: the suites run, what was not modelled, the exit code. @since 0.1.0 @category model */
export interface CheckReport {
  readonly suites: ReadonlyArray<SuiteReport>
  readonly notModelled: ReadonlyArray<NotModelled>
  readonly exitCode: 0 | 1
}

/** Either a checked report or the input errors that stopped the check (exit code 2). @since 0.1.0 @category model */
export type CheckOutcome =
  | { readonly _tag: "Checked"; readonly report: CheckReport }
  | { readonly _tag: "BadInput"; readonly errors: ReadonlyArray<string>; readonly exitCode: 2 }

/**
 * 0 when no law fails and none went unchecked, 1 otherwise (laws declared not applicable, with
 * their reason, do not fail a check: a model without pods has nothing for the pod laws).
 *
 * @since 0.1.0
 * @category destructors
 */
export const exitCodeOf = (suites: ReadonlyArray<SuiteReport>): 0 | 1 => (suites.every((s) => nothingFails(s.verdict)) ? 0 : 1)

/** One law in the JSON of `catcluster check --json`. @since 0.1.0 @category model */
export interface LawJson {
  readonly law: string
  readonly statement: string
  readonly verdict: "holds" | "fails" | "unchecked" | "not-applicable"
  /** Cases checked (exhaustive) or runs (sampled); 0 when unchecked or not applicable. */
  readonly checked: number
  readonly counterexample: { readonly input: string; readonly message: string } | null
  /** Every failing case kept (up to the cap), and how many failed in all. */
  readonly failing?: { readonly count: number; readonly cases: ReadonlyArray<{ readonly input: string; readonly message: string }> }
  readonly reason?: string
}

const lawJson = (l: LawVerdict): LawJson =>
  match(l)
    .with({ _tag: "Holds" }, (h) => ({
      law: h.law,
      statement: h.statement,
      verdict: "holds" as const,
      checked: checkedCases(h.coverage),
      counterexample: null,
    }))
    .with({ _tag: "Fails" }, (f) => ({
      law: f.law,
      statement: f.statement,
      verdict: "fails" as const,
      checked: checkedCases(f.coverage),
      counterexample: { input: f.counterexample.input, message: f.counterexample.message },
      failing: { count: f.failingCases, cases: f.all.map((c) => ({ input: c.input, message: c.message })) },
    }))
    .with({ _tag: "Unchecked" }, (u) => ({
      law: u.law,
      statement: u.statement,
      verdict: "unchecked" as const,
      checked: checkedCases(u.coverage),
      counterexample: null,
      reason: u.reason,
    }))
    .with({ _tag: "NotApplicable" }, (n) => ({
      law: n.law,
      statement: n.statement,
      verdict: "not-applicable" as const,
      checked: 0,
      counterexample: null,
      reason: n.reason,
    }))
    .exhaustive()

/**
 * The JSON of `catcluster check --json`:
 * `{"suites":[{"suite","subject","laws":[{"law","verdict","checked","counterexample"}],"notes"}],"notModelled":[…],"exitCode":N}`,
 * or `{"errors":[…],"exitCode":2}` for bad input.
 *
 * @since 0.1.0
 * @category destructors
 */
export const toJson = (outcome: CheckOutcome): unknown =>
  match(outcome)
    .with({ _tag: "BadInput" }, (b) => ({ errors: b.errors, exitCode: b.exitCode }))
    .with({ _tag: "Checked" }, ({ report }) => ({
      suites: report.suites.map((s) => ({ suite: s.verdict.suite, subject: s.verdict.subject, laws: s.verdict.laws.map(lawJson), notes: s.notes })),
      notModelled: report.notModelled.map((n) => ({ kind: n.kind, object: n.object, file: n.source.file, document: n.source.document, reason: n.reason })),
      exitCode: report.exitCode,
    }))
    .exhaustive()

/**
 * The report for people: each suite with `printVerdict`, its notes, what was not modelled,
 * and a last line with the outcome.
 *
 * @since 0.1.0
 * @category destructors
 */
export const printReport = (report: CheckReport): string => {
  const lines: string[] = []
  for (const s of report.suites) {
    lines.push(printVerdict(s.verdict))
    // printVerdict shows the first counterexample; a CI log should show every one kept
    for (const l of s.verdict.laws) {
      if (l._tag !== "Fails" || l.all.length < 2) continue
      lines.push(`  more counterexamples to ${l.law}:`)
      for (const c of l.all.slice(1)) lines.push(`    ${c.input}`, `      ${c.message}`)
      if (l.failingCases > l.all.length) lines.push(`    … and ${l.failingCases - l.all.length} more failing case(s)`)
    }
    for (const n of s.notes) lines.push(`  · ${n}`)
  }
  if (report.notModelled.length > 0) {
    lines.push(`not modelled (${report.notModelled.length}):`)
    for (const n of report.notModelled) lines.push(`  · ${n.kind} ${n.object} (${n.source.file}): ${n.reason}`)
  }
  const laws = report.suites.flatMap((s) => s.verdict.laws)
  const counts = countVerdicts(laws)
  lines.push(
    counts.fails + counts.unchecked === 0
      ? `all ${laws.length - counts.notApplicable} applicable laws hold${counts.notApplicable > 0 ? ` (${counts.notApplicable} not applicable)` : ""}`
      : `${counts.fails} of ${laws.length} laws fail${counts.unchecked > 0 ? `, ${counts.unchecked} checked nothing` : ""}`,
  )
  return lines.join("\n")
}
