import { match } from "ts-pattern"

/**
 * What checking a law says: it holds (and how much was checked), it fails (with a
 * counterexample), or it does not apply (and why). Failures are values, never booleans.
 *
 * @since 0.1.0
 */

/** How much evidence a `Holds` rests on. @since 0.1.0 @category model */
export type Coverage =
  | { readonly mode: "exhaustive"; readonly cases: number; readonly discarded: number }
  | { readonly mode: "sampled"; readonly runs: number; readonly seed: number }

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

/** The verdict of one law: holds, fails (with counterexamples) or not applicable. @since 0.1.0 @category model */
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
  | { readonly _tag: "NotApplicable"; readonly law: string; readonly statement: string; readonly reason: string }

/** The verdict of a whole suite. @since 0.1.0 @category model */
export interface SuiteVerdict {
  readonly suite: string
  readonly subject: string
  readonly laws: ReadonlyArray<LawVerdict>
}

/**
 * True when no law of the suite fails (not-applicable laws do not fail it).
 *
 * @since 0.1.0
 * @category predicates
 */
export const holds = (verdict: SuiteVerdict | LawVerdict): boolean =>
  "laws" in verdict ? verdict.laws.every((l) => l._tag !== "Fails") : verdict._tag !== "Fails"

/**
 * The failing laws of a suite.
 *
 * @since 0.1.0
 * @category destructors
 */
export const failures = (verdict: SuiteVerdict): ReadonlyArray<Extract<LawVerdict, { _tag: "Fails" }>> =>
  verdict.laws.filter((l): l is Extract<LawVerdict, { _tag: "Fails" }> => l._tag === "Fails")

const coverageText = (c: Coverage): string =>
  match(c)
    .with({ mode: "exhaustive" }, (e) => `exhaustive, ${e.cases} cases${e.discarded > 0 ? `, ${e.discarded} not applicable` : ""}`)
    .with({ mode: "sampled" }, (s) => `${s.runs} runs, seed ${s.seed}`)
    .exhaustive()

/**
 * One line per law (and the counterexample under a failing one), for people.
 *
 * @example
 * import { printVerdict } from "catcluster/laws"
 * // ✓ category.leftIdentity  id ∘ f = f  (exhaustive, 42 cases)
 * // ✗ category.associativity  h ∘ (g ∘ f) = (h ∘ g) ∘ f  (exhaustive, 512 cases)
 * //     counterexample: [f, g, h] = ...
 *
 * @since 0.1.0
 * @category destructors
 */
export const printVerdict = (verdict: SuiteVerdict | LawVerdict): string => {
  if ("laws" in verdict) {
    const head = `${holds(verdict) ? "✓" : "✗"} ${verdict.suite} on ${verdict.subject}`
    return [head, ...verdict.laws.map((l) => "  " + printVerdict(l).split("\n").join("\n  "))].join("\n")
  }
  return match(verdict)
    .with({ _tag: "Holds" }, (h) => `✓ ${h.law}  ${h.statement}  (${coverageText(h.coverage)})`)
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
