import * as E from "fp-ts/lib/Either.js"
import { match } from "ts-pattern"

/**
 * Quota admission (S9.1): a request is admitted when, for every resource the quota constrains,
 * used + requested ≤ hard — exactly the check of Kubernetes' ResourceQuota admission plugin,
 * which also refuses a request that leaves a constrained resource unspecified. The seed adds a
 * conjunct, priority(req) > evictionThreshold, that Kubernetes does not have (priority only
 * selects which quota applies, through `scopeSelector`); it is modelled as an option so both
 * readings run side by side.
 *
 * Rejections are typed values. Kubernetes answers a quota rejection with HTTP 403 Forbidden
 * ("exceeded quota: …", "must specify …"), not 429 (429 Too Many Requests is API Priority and
 * Fairness throttling, or an eviction blocked by a PodDisruptionBudget).
 *
 * Amounts are bigint (milli-cores, bytes, counts), as in `src/domain/quantity`.
 *
 * @since 0.1.0
 */

/** Amounts by resource name (`requests.cpu`, `requests.memory`, `pods`, …). @since 0.1.0 @category model */
export type Amounts = Readonly<Record<string, bigint>>

/** A namespace's quota: its hard limits and current usage. @since 0.1.0 @category model */
export interface QuotaState {
  readonly hard: Amounts
  readonly used: Amounts
}

/** A create request: a Pod, or a VMI's virt-launcher pod. @since 0.1.0 @category model */
export interface QuotaRequest {
  readonly name: string
  readonly kind: "Pod" | "VMI"
  readonly requests: Amounts
  readonly priority: number
}

/** Why a request was refused. @since 0.1.0 @category model */
export type Rejection =
  | { readonly _tag: "ExceededQuota"; readonly request: string; readonly resource: string; readonly requested: bigint; readonly used: bigint; readonly hard: bigint; readonly status: 403 }
  | { readonly _tag: "MissingRequest"; readonly request: string; readonly resource: string; readonly status: 403 }
  | { readonly _tag: "PriorityTooLow"; readonly request: string; readonly priority: number; readonly threshold: number; readonly status: 403 }

/** Options of {@link admit}. @since 0.1.0 @category model */
export interface AdmissionOptions {
  /** The seed's priority conjunct: admit only when priority > threshold. Absent: Kubernetes' rule. */
  readonly evictionThreshold?: number
}

/**
 * The message Kubernetes would print for a rejection (status 403 Forbidden).
 *
 * @since 0.1.0
 * @category destructors
 */
export const showRejection = (r: Rejection): string =>
  match(r)
    .with({ _tag: "ExceededQuota" }, (x) => `403 Forbidden: ${x.request}: exceeded quota: ${x.resource}, requested: ${x.requested}, used: ${x.used}, limited: ${x.hard}`)
    .with({ _tag: "MissingRequest" }, (x) => `403 Forbidden: ${x.request}: must specify ${x.resource}`)
    .with({ _tag: "PriorityTooLow" }, (x) => `403 Forbidden: ${x.request}: priority ${x.priority} ≤ eviction threshold ${x.threshold} (seed's rule)`)
    .exhaustive()

const get = (a: Amounts, k: string): bigint => a[k] ?? 0n

/**
 * Admits or rejects one request; on admission returns the quota with the request's usage added.
 *
 * @example
 * import { admit } from "catcluster/domain/quota"
 * const quota = { hard: { "requests.cpu": 2000n }, used: { "requests.cpu": 1500n } }
 * admit()(quota, { name: "web", kind: "Pod", requests: { "requests.cpu": 600n }, priority: 0 })
 * // Left { _tag: "ExceededQuota", resource: "requests.cpu", requested: 600n, used: 1500n, hard: 2000n, status: 403 }
 *
 * @since 0.1.0
 * @category admission
 */
export const admit =
  (options: AdmissionOptions = {}) =>
  (quota: QuotaState, req: QuotaRequest): E.Either<Rejection, QuotaState> => {
    const threshold = options.evictionThreshold
    if (threshold !== undefined && !(req.priority > threshold)) {
      return E.left({ _tag: "PriorityTooLow", request: req.name, priority: req.priority, threshold, status: 403 })
    }
    const used: Record<string, bigint> = { ...quota.used }
    for (const resource of Object.keys(quota.hard).sort()) {
      const requested = req.requests[resource]
      if (requested === undefined) {
        // Kubernetes counts every pod against `pods`; compute resources must be given explicitly.
        if (resource === "pods" || resource === "count/pods") {
          used[resource] = get(quota.used, resource) + 1n
          if ((used[resource] as bigint) > get(quota.hard, resource)) return E.left({ _tag: "ExceededQuota", request: req.name, resource, requested: 1n, used: get(quota.used, resource), hard: get(quota.hard, resource), status: 403 })
          continue
        }
        return E.left({ _tag: "MissingRequest", request: req.name, resource, status: 403 })
      }
      const next = get(quota.used, resource) + requested
      if (next > get(quota.hard, resource)) {
        return E.left({ _tag: "ExceededQuota", request: req.name, resource, requested, used: get(quota.used, resource), hard: get(quota.hard, resource), status: 403 })
      }
      used[resource] = next
    }
    return E.right({ hard: quota.hard, used })
  }

/**
 * Gives a deleted request's usage back.
 *
 * @since 0.1.0
 * @category admission
 */
export const release = (quota: QuotaState, req: QuotaRequest): QuotaState => {
  const used: Record<string, bigint> = { ...quota.used }
  for (const resource of Object.keys(quota.hard)) {
    const amount = req.requests[resource] ?? (resource === "pods" || resource === "count/pods" ? 1n : 0n)
    const left = get(quota.used, resource) - amount
    used[resource] = left < 0n ? 0n : left
  }
  return { hard: quota.hard, used }
}
