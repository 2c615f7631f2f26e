/**
 * Bad input to the scheduler (a binding to an unknown node, an invalid profile, a malformed
 * manifest field), naming where it is and what is wrong.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 * @category errors
 */
export class SchedulerInputError extends Error {
  readonly _tag = "SchedulerInputError" as const
  constructor(
    /** Where: a file, a JSON path, an index ("" when `problem` already says where). */
    readonly path: string,
    /** What is wrong. */
    readonly problem: string,
  ) {
    super(path === "" ? problem : `${path}: ${problem}`)
    this.name = "SchedulerInputError"
  }
}
