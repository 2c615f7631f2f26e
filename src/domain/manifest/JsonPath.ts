/**
 * JSON paths as people read them: `spec.containers[0].resources.requests.cpu`, with keys that
 * are not identifiers quoted (`requests["nvidia.com/gpu"]`).
 *
 * @since 0.1.0
 */

/**
 * One step of a path: an object key or an array index.
 *
 * @since 0.1.0
 * @category model
 */
export type PathSegment = string | number

/**
 * Appends one segment to a printed path.
 *
 * @example
 * import { appendPath } from "catcluster/domain/manifest"
 * appendPath(appendPath("spec", "containers"), 0) // "spec.containers[0]"
 * appendPath("requests", "nvidia.com/gpu")        // 'requests["nvidia.com/gpu"]'
 *
 * @since 0.1.0
 * @category combinators
 */
export const appendPath = (path: string, segment: PathSegment): string => {
  if (typeof segment === "number") return `${path}[${segment}]`
  if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(segment)) return path === "" ? segment : `${path}.${segment}`
  return `${path}[${JSON.stringify(segment)}]`
}

/**
 * A printed path from its segments.
 *
 * @since 0.1.0
 * @category destructors
 */
export const showPath = (segments: ReadonlyArray<PathSegment>): string => segments.reduce<string>(appendPath, "")
