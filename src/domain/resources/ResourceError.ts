/**
 * A resource specification Kubernetes would reject, with the JSON path of the offending value.
 *
 * @since 0.1.0
 * @category errors
 */
export interface ResourceError {
  readonly _tag: "ResourceError"
  /** JSON path, e.g. `spec.containers[0].resources.requests.cpu`. */
  readonly path: string
  readonly resource: string
  readonly problem: string
}

/**
 * A resource error: the path, the resource name and the problem.
 *
 * @since 0.1.0
 * @category constructors
 */
export const resourceError = (path: string, resource: string, problem: string): ResourceError => ({
  _tag: "ResourceError",
  path,
  resource,
  problem,
})

/**
 * `spec.containers[0].resources.requests.cpu: must be less than or equal to cpu limit of 1`.
 *
 * @since 0.1.0
 * @category destructors
 */
export const showResourceError = (e: ResourceError): string => `${e.path}: ${e.problem}`
