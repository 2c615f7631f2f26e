/**
 * The outcome of a filter plugin, as in the scheduler framework (Kubernetes v1.35):
 * `Unschedulable` may be resolved by preemption, `UnschedulableAndUnresolvable` may not.
 *
 * @since 0.1.0
 */

/** A filter status code. @since 0.1.0 @category model */
export type StatusCode = "Success" | "Unschedulable" | "UnschedulableAndUnresolvable"

/** A filter status with its reasons (empty on success). @since 0.1.0 @category model */
export interface Status {
  readonly code: StatusCode
  readonly reasons: ReadonlyArray<string>
}

/** Success. @since 0.1.0 @category constructors */
export const success: Status = { code: "Success", reasons: [] }

/** A failure with one or more reasons. @since 0.1.0 @category constructors */
export const failure = (code: Exclude<StatusCode, "Success">, ...reasons: ReadonlyArray<string>): Status => ({
  code,
  reasons,
})
