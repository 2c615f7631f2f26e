import { failures, holds, printVerdict, unchecked, type SuiteVerdict } from "./Verdict.ts"

/**
 * Thrown by {@link assertLaws} when a suite does not hold (a law fails, a law checked nothing, or
 * no law holds); its message is the printed verdict with every counterexample, so any test
 * runner shows what broke.
 *
 * @since 0.1.0
 * @category errors
 */
export class LawsFailedError extends Error {
  readonly _tag = "LawsFailed" as const
  constructor(readonly verdict: SuiteVerdict) {
    const failing = failures(verdict).length
    const empty = unchecked(verdict).length
    const what = failing + empty > 0 ? `${failing} law(s) fail, ${empty} checked nothing` : "no law was checked"
    super(`${what}:\n${printVerdict(verdict)}`)
    this.name = "LawsFailedError"
  }
}

/**
 * Throws a {@link LawsFailedError} unless the suite holds (see `holds`: no law fails, none went
 * unchecked, at least one holds); returns the verdict otherwise. Use it in any test runner:
 *
 * @example
 * import { assertLaws, runSuite } from "catcluster/laws"
 * // test("my category is a category", () => { assertLaws(runSuite(categoryLaws(mine))) })
 *
 * @since 0.1.0
 * @category checking
 */
export const assertLaws = (verdict: SuiteVerdict): SuiteVerdict => {
  if (!holds(verdict)) throw new LawsFailedError(verdict)
  return verdict
}
