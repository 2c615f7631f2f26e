import * as E from "fp-ts/lib/Either.js"

/**
 * S2.2: `ResourceRequest(r) = {request, limit, priority}` with request ≤ limit, made a value
 * that cannot exist otherwise.
 *
 * @since 0.1.0
 */

/** A request ≤ limit of one resource, with a priority. @since 0.1.0 @category model */
export interface ResourceRequest {
  readonly _tag: "ResourceRequest"
  readonly resource: string
  readonly request: bigint
  /** `undefined` = unlimited. */
  readonly limit: bigint | undefined
  readonly priority: number
}

/** request > limit (or a negative amount). @since 0.1.0 @category errors */
export interface RequestAboveLimit {
  readonly _tag: "RequestAboveLimit"
  readonly resource: string
  readonly request: bigint
  readonly limit: bigint | undefined
  readonly problem: string
}

/**
 * A resource request, refused when request > limit or an amount is negative. An absent
 * request defaults to the limit, as the API server does.
 *
 * @example
 * import { resourceRequest } from "catcluster/domain/workload"
 * resourceRequest("cpu", 500n, 1000n, 0)  // right
 * resourceRequest("cpu", 1500n, 1000n, 0) // left: request 1500 > limit 1000
 *
 * @since 0.1.0
 * @category constructors
 */
export const resourceRequest = (
  resource: string,
  request: bigint | undefined,
  limit: bigint | undefined,
  priority: number,
): E.Either<RequestAboveLimit, ResourceRequest> => {
  const r = request ?? limit ?? 0n
  const bad = (problem: string) => E.left({ _tag: "RequestAboveLimit" as const, resource, request: r, limit, problem })
  if (r < 0n || (limit !== undefined && limit < 0n)) return bad(`${resource}: amounts must be ≥ 0`)
  if (limit !== undefined && r > limit) return bad(`${resource}: request ${r} > limit ${limit}`)
  return E.right({ _tag: "ResourceRequest", resource, request: r, limit, priority })
}
