import { match } from "ts-pattern"

/**
 * What checking a law says: it holds (and how much was checked), it fails (with a
 * counterexample), it was not checked (no applicable input, or fast-check gave up), or the user
 * declared it not applicable (and why). Failures are values, never booleans, and a law that
 * checked nothing is never a pass.
 *
 * @since 0.1.0
 */

/**
 * How much evidence a verdict rests on. Sampled: the runs that reached the equation, the inputs
 * discarded as not applicable, and the seed and run count fast-check itself reported using.
 *
 * @since 0.1.0
 * @category model
 */
export type Coverage =
  | { readonly mode: "exhaustive"; readonly cases: number; readonly discarded: number }
  | { readonly mode: "sampled"; readonly runs: number; readonly discarded: number; readonly seed: number; readonly numRuns: number }

/** One counterexample to a law. @since 0.1.0 @category model */
export interface Counterexample {
  /** The input, shown to a person (shrunk when sampled). */
  readonly input: string
  /** The raw input value. */
  readonly value: unknown
  /** Why the two sides differ, from the equality used. */
  readonly message: string
  /** The equality's witness (e.g. the point where two functions differ). */
  readonly witness: unknown
}

/**
 * The verdict of one law:
 * - `Holds`: at least one case reached the equation and none failed;
 * - `Fails`: a counterexample;
 * - `Unchecked`: nothing was checked (the carrier had no applicable input, or fast-check gave
 *   up after too many discarded inputs): never a pass;
 * - `NotApplicable`: declared so by the suite's author with a reason (see `notApplicable`).
 *
 * @since 0.1.0
 * @category model
 */
export type LawVerdict =
  | { readonly _tag: "Holds"; readonly law: string; readonly statement: string; readonly coverage: Coverage }
  | {
      readonly _tag: "Fails"
      readonly law: string
      readonly statement: string
      /** The first (exhaustive) or shrunk (sampled) counterexample. */
      readonly counterexample: Counterexample
      /** Exhaustive mode: every failing input found, up to a cap; sampled: just the shrunk one. */
      readonly all: ReadonlyArray<Counterexample>
      /** Exhaustive mode: the total number of failing inputs (may exceed `all.length`). */
      readonly failingCases: number
      readonly coverage: Coverage
    }
  | { readonly _tag: "Unchecked"; readonly law: string; readonly statement: string; readonly reason: string; readonly coverage: Coverage }
  | { readonly _tag: "NotApplicable"; readonly law: string; readonly statement: string; readonly reason: string }

/** The verdict of a whole suite. @since 0.1.0 @category model */
export interface SuiteVerdict {
  readonly suite: string
  readonly subject: string
  readonly laws: ReadonlyArray<LawVerdict>
}

/** How many laws of a suite hold, fail, were not checked, or were declared not applicable. @since 0.1.0 @category model */
export interface VerdictCounts {
  readonly holds: number
  readonly fails: number
  readonly unchecked: number
  readonly notApplicable: number
}

/**
 * True when the verdict is a pass: a law holds on at least one real case; a suite has no
 * failing and no unchecked law (laws its author declared not applicable, with a reason, are
 * reported but neither pass nor fail it) and at least one law that holds.
 *
 * @example
 * import { holds } from "catcluster/laws"
 * holds({ suite: "s", subject: "x", laws: [{ _tag: "Unchecked", law: "l", statement: "…", reason: "no input", coverage: { mode: "exhaustive", cases: 0, discarded: 3 } }] }) // false
 *
 * @since 0.1.0
 * @category predicates
 */
export const holds = (verdict: SuiteVerdict | LawVerdict): boolean => {
  if (!("laws" in verdict)) return verdict._tag === "Holds" && checkedCases(verdict.coverage) > 0
  const counts = countVerdicts(verdict)
  const real = verdict.laws.every((l) => l._tag === "NotApplicable" || holds(l))
  return real && counts.holds > 0
}

/**
 * True when no law of the suite fails or went unchecked (declared not-applicable laws aside),
 * even if none holds: the check a CI job runs when a model may have nothing to check.
 *
 * @since 0.1.0
 * @category predicates
 */
export const nothingFails = (verdict: SuiteVerdict): boolean => verdict.laws.every((l) => l._tag === "NotApplicable" || holds(l))

/**
 * The cases (exhaustive) or runs (sampled) that reached the equation.
 *
 * @since 0.1.0
 * @category destructors
 */
export const checkedCases = (c: Coverage): number => (c.mode === "exhaustive" ? c.cases : c.runs)

/**
 * How many laws hold, fail, went unchecked and were declared not applicable.
 *
 * @since 0.1.0
 * @category destructors
 */
export const countVerdicts = (verdict: SuiteVerdict | ReadonlyArray<LawVerdict>): VerdictCounts => {
  const laws = "laws" in verdict ? verdict.laws : verdict
  const count = (tag: LawVerdict["_tag"]) => laws.filter((l) => l._tag === tag).length
  return { holds: count("Holds"), fails: count("Fails"), unchecked: count("Unchecked"), notApplicable: count("NotApplicable") }
}

/**
 * The failing laws of a suite.
 *
 * @since 0.1.0
 * @category destructors
 */
export const failures = (verdict: SuiteVerdict): ReadonlyArray<Extract<LawVerdict, { _tag: "Fails" }>> =>
  verdict.laws.filter((l): l is Extract<LawVerdict, { _tag: "Fails" }> => l._tag === "Fails")

/**
 * The laws of a suite that checked nothing.
 *
 * @since 0.1.0
 * @category destructors
 */
export const unchecked = (verdict: SuiteVerdict): ReadonlyArray<Extract<LawVerdict, { _tag: "Unchecked" }>> =>
  verdict.laws.filter((l): l is Extract<LawVerdict, { _tag: "Unchecked" }> => l._tag === "Unchecked")

/**
 * The coverage as text: `exhaustive, 125 cases[, 3 not applicable]` or
 * `100 runs[, 12 discarded], seed 7`.
 *
 * @since 0.1.0
 * @category destructors
 */
export const coverageText = (c: Coverage): string =>
  match(c)
    .with({ mode: "exhaustive" }, (e) => `exhaustive, ${e.cases} cases${e.discarded > 0 ? `, ${e.discarded} not applicable` : ""}`)
    .with({ mode: "sampled" }, (s) => `${s.runs === s.numRuns ? `${s.runs} runs` : `${s.runs} of ${s.numRuns} runs`}${s.discarded > 0 ? `, ${s.discarded} discarded` : ""}, seed ${s.seed}`)
    .exhaustive()

/**
 * The counts as one phrase: `5 hold, 1 fails, 1 unchecked, 2 not applicable` (zero counts
 * other than `hold` left out).
 *
 * @since 0.1.0
 * @category destructors
 */
export const countsText = (c: VerdictCounts): string =>
  [
    `${c.holds} hold`,
    ...(c.fails > 0 ? [`${c.fails} fail`] : []),
    ...(c.unchecked > 0 ? [`${c.unchecked} unchecked`] : []),
    ...(c.notApplicable > 0 ? [`${c.notApplicable} not applicable`] : []),
  ].join(", ")

/**
 * One line per law (and the counterexample under a failing one), for people; a suite's head
 * line counts its laws by verdict.
 *
 * @example
 * import { printVerdict } from "catcluster/laws"
 * // ✓ category on Z/5  (5 hold)
 * //   ✓ category.leftIdentity  id ∘ f = f  (exhaustive, 5 cases)
 * //   ? category.compositeDomain  dom(g ∘ f) = dom f  (unchecked: the carrier has no applicable input; exhaustive, 0 cases, 25 not applicable)
 *
 * @since 0.1.0
 * @category destructors
 */
export const printVerdict = (verdict: SuiteVerdict | LawVerdict): string => {
  if ("laws" in verdict) {
    const head = `${holds(verdict) ? "✓" : "✗"} ${verdict.suite} on ${verdict.subject}  (${countsText(countVerdicts(verdict))})`
    return [head, ...verdict.laws.map((l) => "  " + printVerdict(l).split("\n").join("\n  "))].join("\n")
  }
  return match(verdict)
    .with({ _tag: "Holds" }, (h) => `✓ ${h.law}  ${h.statement}  (${coverageText(h.coverage)})`)
    .with({ _tag: "Unchecked" }, (u) => `? ${u.law}  ${u.statement}  (unchecked: ${u.reason}; ${coverageText(u.coverage)})`)
    .with({ _tag: "NotApplicable" }, (n) => `– ${n.law}  ${n.statement}  (not applicable: ${n.reason})`)
    .with({ _tag: "Fails" }, (f) =>
      [
        `✗ ${f.law}  ${f.statement}  (${coverageText(f.coverage)}${f.coverage.mode === "exhaustive" ? `, ${f.failingCases} failing` : ""})`,
        `    counterexample: ${f.counterexample.input}`,
        `    ${f.counterexample.message}`,
      ].join("\n"),
    )
    .exhaustive()
}
