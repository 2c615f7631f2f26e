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

const counterexample = <In, T>(
  law: Law<In, T>,
  carrier: Carrier<In>,
  equals: Equality<T>,
  input: In,
): Counterexample | undefined => {
  const equation = law.instance(input)
  if (equation === undefined) return undefined
  const result = equals(equation.lhs, equation.rhs)
  if (result.equal) return undefined
  return { input: carrier.show(input), value: input, message: result.message, witness: result.witness }
}

/**
 * Checks `law` on every input of an exhaustive carrier, or on a seeded sample of a sampled one
 * (with the counterexample shrunk by fast-check).
 *
 * @example
 * import { checkLaw, exhaustive, law } from "catcluster/laws"
 * const commutes = law("add.commutative", "a + b = b + a", ([a, b]: [number, number]) => ({ lhs: a + b, rhs: b + a }))
 * const verdict = checkLaw(commutes, exhaustive(() => [[1, 2], [3, 4]] as Array<[number, number]>), (x, y) =>
 *   x === y ? { equal: true } : { equal: false, witness: [x, y], message: `${x} ≠ ${y}` })
 * // verdict._tag === "Holds", coverage { mode: "exhaustive", cases: 2 }
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
      const equation = law.instance(input)
      if (equation === undefined) {
        discarded++
        continue
      }
      cases++
      const result = equals(equation.lhs, equation.rhs)
      if (!result.equal) {
        failingCases++
        if (all.length < keep) {
          all.push({ input: carrier.show(input), value: input, message: result.message, witness: result.witness })
        }
      }
    }
    const coverage = { mode: "exhaustive", cases, discarded } as const
    const first = all[0]
    if (first !== undefined) return { _tag: "Fails", law: name, statement, counterexample: first, all, failingCases, coverage }
    if (cases === 0) return { _tag: "NotApplicable", law: name, statement, reason: "the carrier has no applicable input" }
    return { _tag: "Holds", law: name, statement, coverage }
  }
  const config = options.config ?? runConfig()
  const details = fc.check(
    fc.property(carrier.arbitrary, (input) => {
      const equation = law.instance(input)
      fc.pre(equation !== undefined)
      return equals(equation!.lhs, equation!.rhs).equal
    }),
    { seed: config.seed, numRuns: config.numRuns },
  )
  const coverage = { mode: "sampled", runs: details.numRuns, seed: config.seed } as const
  if (details.failed && details.counterexample !== null) {
    const input = details.counterexample[0]
    const found = counterexample(law, carrier, equals, input) ?? {
      input: carrier.show(input),
      value: input,
      message: details.errorInstance instanceof Error ? details.errorInstance.message : "the property threw",
      witness: details.errorInstance,
    }
    return { _tag: "Fails", law: name, statement, counterexample: found, all: [found], failingCases: 1, coverage }
  }
  if (details.failed) {
    return { _tag: "NotApplicable", law: name, statement, reason: `fast-check gave up: ${details.numSkips} inputs were not applicable` }
  }
  return { _tag: "Holds", law: name, statement, coverage }
}
