import { describe, it } from "vitest"
import type { CheckOptions } from "./Check.ts"
import { lawsOf, type LawCheck, type Suite } from "./Suite.ts"
import { printVerdict, type LawVerdict } from "./Verdict.ts"

/**
 * Law suites as vitest tests: one `it` per law, failing with the printed counterexample, or
 * with what went unchecked.
 * Import it in test files only (it imports `vitest`); with other runners use `assertLaws`.
 *
 * @since 0.1.0
 */

/**
 * A law that failed, or checked nothing, under vitest; the message is the printed verdict
 * (with its counterexample, or why nothing was checked).
 *
 * @since 0.1.0
 * @category errors
 */
export class LawFailedError extends Error {
  readonly _tag = "LawFailed" as const
  constructor(readonly verdict: LawVerdict) {
    super(printVerdict(verdict))
    this.name = "LawFailedError"
  }
}

/**
 * Runs one law check as a test body: returns the verdict when the law holds or was declared
 * not applicable (with a reason); throws a {@link LawFailedError} when it fails or checked
 * nothing (no applicable input, or fast-check gave up).
 *
 * @since 0.1.0
 * @category checking
 */
export const runLawCheck = (check: LawCheck, options: CheckOptions = {}): LawVerdict => {
  const verdict = check.run(options)
  if (verdict._tag === "Fails" || verdict._tag === "Unchecked") throw new LawFailedError(verdict)
  if (verdict._tag === "NotApplicable" && verdict.reason.trim() === "") throw new LawFailedError(verdict)
  return verdict
}

/**
 * Registers a vitest `describe` block for a suite with one `it` per law it reaches (each law
 * once). A law declared not applicable (`notApplicable`, with a reason) is reported as skipped
 * with that reason; a law that checked nothing fails.
 *
 * @example
 * import { booleanType } from "catcluster/category"
 * import { arrayEndofunctor } from "catcluster/functors"
 * import { describeLaws } from "catcluster/laws/vitest"
 * import { functorLaws, typeCarriers } from "catcluster/laws"
 * describeLaws(functorLaws(arrayEndofunctor, typeCarriers([booleanType]))) // one passing `it` per functor law
 *
 * @since 0.1.0
 * @category testing
 */
export const describeLaws = (s: Suite, options: CheckOptions = {}): void => {
  describe(`${s.name} laws on ${s.subject}`, () => {
    for (const check of lawsOf(s)) {
      it(`${check.name}: ${check.statement}`, (context) => {
        const verdict = runLawCheck(check, options)
        if (verdict._tag === "NotApplicable") context.skip(verdict.reason)
      })
    }
  })
}
