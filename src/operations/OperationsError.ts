/**
 * Bad input to an operator question: a node that does not exist, a malformed
 * PodDisruptionBudget, a capacity template that is not one workload. The message names the
 * object (and its file) and the problem; the CLI exits 2.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 * @category errors
 */
export class OperationsError extends Error {
  readonly _tag = "OperationsError" as const
  constructor(message: string) {
    super(message)
    this.name = "OperationsError"
  }
}
