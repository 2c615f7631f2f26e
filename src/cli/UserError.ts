/**
 * A mistake in what the user gave us (a file, a flag, a manifest). The CLI prints its message
 * and exits with `exitCode` (2 = bad input or usage) without a stack trace.
 *
 * @since 0.1.0
 * @category errors
 */
export class UserError extends Error {
  readonly _tag = "UserError" as const
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message)
    this.name = "UserError"
  }
}
