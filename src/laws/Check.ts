import * as fc from "fast-check"
import type { ArrowEquality } from "../category/Category.ts"
import type { Carrier } from "./Carrier.ts"
import type { Law } from "./Law.ts"
import { runConfig, type RunConfig } from "./RunConfig.ts"
import type { Counterexample, LawVerdict } from "./Verdict.ts"

/**
 * Checking one law on one carrier with one equality.
 *
 * @since 0.1.0
 */

/** How the two sides of a law are compared. @since 0.1.0 @category model */
export type Equality<T> = (lhs: T, rhs: T) => ArrowEquality

/** Options of a check. @since 0.1.0 @category model */
export interface CheckOptions {
  /** Seed and run count for sampled carriers; defaults to {@link runConfig}. */
  readonly config?: RunConfig
  /** Exhaustive mode: how many counterexamples to keep (all are counted). Default 20. */
  readonly keepFailures?: number
}

/** One input's outcome: not applicable, the sides agree, or a counterexample. */
type Outcome = { readonly _tag: "Skip" } | { readonly _tag: "Pass" } | { readonly _tag: "Fail"; readonly message: string; readonly witness: unknown }

const skip: Outcome = { _tag: "Skip" }
const pass: Outcome = { _tag: "Pass" }

/**
 * Evaluates one instance. A law whose sides cannot even be computed (the instance or the
 * equality throws) fails on that input: the exception is the counterexample, not a crash.
 */
const evaluate = <In, T>(law: Law<In, T>, equals: Equality<T>, input: In): Outcome => {
  try {
    const equation = law.instance(input)
    if (equation === undefined) return skip
    const result = equals(equation.lhs, equation.rhs)
    return result.equal ? pass : { _tag: "Fail", message: result.message, witness: result.witness }
  } catch (error) {
    return { _tag: "Fail", message: `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, witness: error }
  }
}

/**
 * Checks `law` on every input of an exhaustive carrier, or on a seeded sample of a sampled one
 * (with the counterexample shrunk by fast-check). Inputs the law does not apply to are counted as
 * discarded; a law that reaches no input, or that fast-check gives up on, is `Unchecked`, never
 * `Holds`. A sampled coverage carries the seed and run count fast-check reports having used.
 *
 * @example
 * import { checkLaw, exhaustive, law } from "catcluster/laws"
 * const commutes = law("add.commutative", "a + b = b + a", ([a, b]: [number, number]) => ({ lhs: a + b, rhs: b + a }))
 * const verdict = checkLaw(commutes, exhaustive(() => [[1, 2], [3, 4]] as Array<[number, number]>), (x, y) =>
 *   x === y ? { equal: true } : { equal: false, witness: [x, y], message: `${x} ≠ ${y}` })
 * // verdict._tag === "Holds", coverage { mode: "exhaustive", cases: 2, discarded: 0 }
 *
 * @since 0.1.0
 * @category checking
 */
export const checkLaw = <In, T>(
  law: Law<In, T>,
  carrier: Carrier<In>,
  equals: Equality<T>,
  options: CheckOptions = {},
): LawVerdict => {
  const { name, statement } = law
  if (carrier._tag === "Exhaustive") {
    const keep = options.keepFailures ?? 20
    const all: Counterexample[] = []
    let cases = 0
    let discarded = 0
    let failingCases = 0
    for (const input of carrier.enumerate()) {
      const outcome = evaluate(law, equals, input)
      if (outcome._tag === "Skip") {
        discarded++
        continue
      }
      cases++
      if (outcome._tag === "Fail") {
        failingCases++
        if (all.length < keep) all.push({ input: carrier.show(input), value: input, message: outcome.message, witness: outcome.witness })
      }
    }
    const coverage = { mode: "exhaustive", cases, discarded } as const
    const first = all[0]
    if (first !== undefined) return { _tag: "Fails", law: name, statement, counterexample: first, all, failingCases, coverage }
    if (cases === 0) {
      const reason = discarded === 0 ? "the carrier is empty" : `none of the carrier's ${discarded} inputs applies`
      return { _tag: "Unchecked", law: name, statement, reason, coverage }
    }
    return { _tag: "Holds", law: name, statement, coverage }
  }
  const config = options.config ?? runConfig()
  const details = fc.check(
    fc.property(carrier.arbitrary, (input) => {
      const outcome = evaluate(law, equals, input)
      fc.pre(outcome._tag !== "Skip")
      return outcome._tag === "Pass"
    }),
    { seed: config.seed, numRuns: config.numRuns },
  )
  // What fast-check says it used, not what was asked: a verdict must be reproducible from its own numbers.
  const coverage = {
    mode: "sampled",
    runs: details.numRuns,
    discarded: details.numSkips,
    seed: details.seed,
    numRuns: details.runConfiguration.numRuns ?? config.numRuns,
  } as const
  if (details.failed && details.counterexample !== null) {
    const input = details.counterexample[0]
    const outcome = evaluate(law, equals, input)
    const found: Counterexample = {
      input: carrier.show(input),
      value: input,
      message: outcome._tag === "Fail" ? outcome.message : "failed while shrinking, passes when rerun (is the law deterministic?)",
      witness: outcome._tag === "Fail" ? outcome.witness : undefined,
    }
    return { _tag: "Fails", law: name, statement, counterexample: found, all: [found], failingCases: 1, coverage }
  }
  if (details.failed) {
    const reason = `fast-check gave up after ${details.numRuns} of ${coverage.numRuns} runs: ${details.numSkips} inputs were not applicable`
    return { _tag: "Unchecked", law: name, statement, reason, coverage }
  }
  if (details.numRuns === 0) return { _tag: "Unchecked", law: name, statement, reason: "no run was asked for (numRuns 0)", coverage }
  return { _tag: "Holds", law: name, statement, coverage }
}
