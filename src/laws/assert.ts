import { failures, printVerdict, type SuiteVerdict } from "./Verdict.ts"

/**
 * Thrown by {@link assertLaws} when a suite has failing laws; its message is the printed verdict
 * with every counterexample, so any test runner shows what broke.
 *
 * @since 0.1.0
 * @category errors
 */
export class LawsFailedError extends Error {
  readonly _tag = "LawsFailed" as const
  constructor(readonly verdict: SuiteVerdict) {
    super(`${failures(verdict).length} law(s) fail:\n${printVerdict(verdict)}`)
    this.name = "LawsFailedError"
  }
}

/**
 * Throws a {@link LawsFailedError} unless every law of the suite holds; returns the verdict
 * otherwise. Use it in any test runner:
 *
 * @example
 * import { assertLaws, runSuite } from "catcluster/laws"
 * // test("my category is a category", () => { assertLaws(runSuite(categoryLaws(mine))) })
 *
 * @since 0.1.0
 * @category checking
 */
export const assertLaws = (verdict: SuiteVerdict): SuiteVerdict => {
  if (failures(verdict).length > 0) throw new LawsFailedError(verdict)
  return verdict
}
