/**
 * The LimitRanger admission plugin, for pods about to be created in a namespace with
 * LimitRanges: each container (and init container) gets the ranges' default requests and limits
 * for the resources it leaves unset, then every `Container` and `Pod` item's `min`, `max` and
 * `maxLimitRequestRatio` is enforced; a pod that breaks one is refused with the API server's
 * message (`pods "x" is forbidden: …`), as `kubectl apply` would report it. A LimitRange written
 * by hand gets the API server's defaults first (`default` from `max`, `defaultRequest` from
 * `default`, then from `min`), as it would when created.
 *
 * The order is the API server's: a container's requests default to its limits when the pod is
 * decoded, before admission, so a range's default request only fills what neither set. Several
 * ranges in a namespace are all applied (defaults) before any is checked; they are checked in input
 * order and the first that refuses answers. `PersistentVolumeClaim` items bound the requests of
 * the claims being created (the input's own and those controllers create) the same way, with
 * `persistentvolumeclaims "x" is forbidden: …`. Pods and claims that already exist (a live dump)
 * were admitted when created and are read as they are. Messages are v1.35's (no final period).
 * A LimitRange the API server would not store (ValidateLimitRange on the defaulted object: min
 * above max, a default outside the bounds, two items of one type, a `Pod` item with defaults, a
 * `PersistentVolumeClaim` item bounding no storage, a ratio below 1 or above max/min) is refused
 * naming the field; resource names themselves are not validated.
 *
 * @since 0.1.0
 */
import type { PodSpec } from "../../domain/manifest/codecs/pod.ts"
import type { LimitRangeItem } from "../../domain/manifest/codecs/policy.ts"
import type { Manifest, ManifestOf } from "../../domain/manifest/Manifest.ts"
import { canonical } from "../../domain/quantity/canonical.ts"
import { milliValue, value } from "../../domain/quantity/decimal.ts"
import { fromNanos, type Quantity } from "../../domain/quantity/Quantity.ts"
import { appendPath } from "../../domain/manifest/JsonPath.ts"
import { SchedulerInputError } from "../SchedulerInputError.ts"
import { duplicate, forbidden, invalid, required } from "./fieldErrors.ts"
import { namespaceOfObject, where } from "./source.ts"

type ResourceList = Readonly<Record<string, Quantity>>
type Item = LimitRangeItem

/** LimitRanges by namespace, in input order. @since 0.1.0 @category model */
export type LimitRanges = ReadonlyMap<string, ReadonlyArray<ManifestOf<"LimitRange">>>

/**
 * The LimitRange objects among `manifests`, by namespace; one the API server would refuse
 * (`ValidateLimitRange`, after its defaults) is refused naming the field.
 *
 * @since 0.1.0
 * @category constructors
 */
export const limitRangesOf = (manifests: ReadonlyArray<Manifest>): LimitRanges => {
  const out = new Map<string, ManifestOf<"LimitRange">[]>()
  for (const m of manifests) {
    if (m.kind !== "LimitRange") continue
    validateLimitRange(m)
    const ns = namespaceOfObject(m)
    const list = out.get(ns)
    if (list === undefined) out.set(ns, [m])
    else list.push(m)
  }
  return out
}

// SetDefaults_LimitRangeItem: what the API server fills in when a LimitRange is created.
const withDefaults = (item: Item): Item => {
  if (item.type !== "Container") return item
  const limits: Record<string, Quantity> = { ...(item.default ?? {}) }
  for (const [k, v] of Object.entries(item.max ?? {})) if (limits[k] === undefined) limits[k] = v
  const requests: Record<string, Quantity> = { ...(item.defaultRequest ?? {}) }
  for (const [k, v] of Object.entries(limits)) if (requests[k] === undefined) requests[k] = v
  for (const [k, v] of Object.entries(item.min ?? {})) if (requests[k] === undefined) requests[k] = v
  return { ...item, default: limits, defaultRequest: requests }
}

const MAX_MILLI_VALUE = 9_223_372_036_854_775n // math.MaxInt64 / 1000

// helper.IsOvercommitAllowed: native resources other than hugepages
const overcommitAllowed = (name: string): boolean => (!name.includes("/") || name.includes("kubernetes.io/")) && !name.startsWith("hugepages-")

// ValidateLimitRange on the stored (defaulted) object; the first error, resource names in order
const validateLimitRange = (m: ManifestOf<"LimitRange">): void => {
  const types = new Set<string>()
  m.spec.limits.forEach((given, i) => {
    const at = (path: string) => where(m, `spec.limits[${i}]${path === "" ? "" : path.startsWith("[") ? path : `.${path}`}`)
    const keyAt = (field: string, k: string) => at(appendPath(field, k))
    if (types.has(given.type)) throw duplicate(at("type"), given.type)
    types.add(given.type)
    if (given.type === "Pod") {
      if (Object.keys(given.default ?? {}).length > 0) throw forbidden(at("default"), "may not be specified when `type` is 'Pod'")
      if (Object.keys(given.defaultRequest ?? {}).length > 0) throw forbidden(at("defaultRequest"), "may not be specified when `type` is 'Pod'")
    }
    if (given.type === "PersistentVolumeClaim" && given.min?.["storage"] === undefined && given.max?.["storage"] === undefined) {
      throw required(at("limits"), "either minimum or maximum storage value is required, but neither was provided")
    }
    const item = withDefaults(given)
    const keys = [...new Set([item.max, item.min, item.default, item.defaultRequest, item.maxLimitRequestRatio].flatMap((l) => Object.keys(l ?? {})))].sort()
    for (const k of keys) {
      const min = item.min?.[k]
      const max = item.max?.[k]
      const def = item.default?.[k]
      const defReq = item.defaultRequest?.[k]
      const ratio = item.maxLimitRequestRatio?.[k]
      const shown = (q: Quantity) => canonical(q)
      if (min !== undefined && max !== undefined && min.nanos > max.nanos) throw invalid(keyAt("min", k), shown(min), `min value ${shown(min)} is greater than max value ${shown(max)}`)
      if (defReq !== undefined && min !== undefined && min.nanos > defReq.nanos) {
        throw invalid(keyAt("defaultRequest", k), shown(defReq), `min value ${shown(min)} is greater than default request value ${shown(defReq)}`)
      }
      if (defReq !== undefined && max !== undefined && defReq.nanos > max.nanos) {
        throw invalid(keyAt("defaultRequest", k), shown(defReq), `default request value ${shown(defReq)} is greater than max value ${shown(max)}`)
      }
      if (defReq !== undefined && def !== undefined && defReq.nanos > def.nanos) {
        throw invalid(keyAt("defaultRequest", k), shown(defReq), `default request value ${shown(defReq)} is greater than default limit value ${shown(def)}`)
      }
      if (def !== undefined && min !== undefined && min.nanos > def.nanos) throw invalid(keyAt("default", k), shown(min), `min value ${shown(min)} is greater than default value ${shown(def)}`)
      // upstream shows max here, not the default
      if (def !== undefined && max !== undefined && def.nanos > max.nanos) throw invalid(keyAt("default", k), shown(max), `default value ${shown(def)} is greater than max value ${shown(max)}`)
      if (ratio !== undefined && ratio.nanos < 1_000_000_000n) throw invalid(keyAt("maxLimitRequestRatio", k), shown(ratio), `ratio ${shown(ratio)} is less than 1`)
      if (ratio !== undefined && min !== undefined && max !== undefined) {
        const inMillis = value(ratio) < MAX_MILLI_VALUE && value(min) < MAX_MILLI_VALUE && value(max) < MAX_MILLI_VALUE
        const r = inMillis ? Number(milliValue(ratio)) / 1000 : Number(value(ratio))
        const bound = inMillis ? Number(milliValue(max)) / Number(milliValue(min)) : Number(value(max)) / Number(value(min))
        if (r > bound) throw invalid(keyAt("maxLimitRequestRatio", k), shown(ratio), `ratio ${shown(ratio)} is greater than max/min = ${bound.toFixed(6)}`)
      }
      if (!overcommitAllowed(k) && def !== undefined && defReq !== undefined && def.nanos !== defReq.nanos) {
        throw invalid(keyAt("defaultRequest", k), shown(defReq), `default value ${shown(def)} must equal to defaultRequest value ${shown(defReq)} in ${k}`)
      }
    }
  })
}

// requestLimitEnforcedValues: compared in thousandths when none would overflow, else in units.
const enforcedValues = (req: Quantity | undefined, lim: Quantity | undefined, enforced: Quantity): readonly [bigint, bigint, bigint] => {
  const r = req === undefined ? 0n : value(req)
  const l = lim === undefined ? 0n : value(lim)
  const e = value(enforced)
  if (r <= MAX_MILLI_VALUE && l <= MAX_MILLI_VALUE && e <= MAX_MILLI_VALUE) {
    return [req === undefined ? 0n : milliValue(req), lim === undefined ? 0n : milliValue(lim), milliValue(enforced)]
  }
  return [r, l, e]
}

const minConstraint = (type: string, name: string, enforced: Quantity, request: ResourceList, limit: ResourceList): string | undefined => {
  const req = request[name]
  const lim = limit[name]
  const [r, l, e] = enforcedValues(req, lim, enforced)
  if (req === undefined) return `minimum ${name} usage per ${type} is ${canonical(enforced)}.  No request is specified`
  if (r < e) return `minimum ${name} usage per ${type} is ${canonical(enforced)}, but request is ${canonical(req)}`
  if (lim !== undefined && l < e) return `minimum ${name} usage per ${type} is ${canonical(enforced)}, but limit is ${canonical(lim)}`
  return undefined
}

const maxConstraint = (type: string, name: string, enforced: Quantity, request: ResourceList, limit: ResourceList): string | undefined => {
  const req = request[name]
  const lim = limit[name]
  const [r, l, e] = enforcedValues(req, lim, enforced)
  if (lim === undefined) return `maximum ${name} usage per ${type} is ${canonical(enforced)}.  No limit is specified`
  if (l > e) return `maximum ${name} usage per ${type} is ${canonical(enforced)}, but limit is ${canonical(lim)}`
  if (req !== undefined && r > e) return `maximum ${name} usage per ${type} is ${canonical(enforced)}, but request is ${canonical(req)}`
  return undefined
}

const ratioConstraint = (type: string, name: string, enforced: Quantity, request: ResourceList, limit: ResourceList): string | undefined => {
  const req = request[name]
  const lim = limit[name]
  const [r, l] = enforcedValues(req, lim, enforced)
  const shown = canonical(enforced)
  if (req === undefined || r === 0n) return `${name} max limit to request ratio per ${type} is ${shown}, but no request is specified or request is 0`
  if (lim === undefined || l === 0n) return `${name} max limit to request ratio per ${type} is ${shown}, but no limit is specified or limit is 0`
  const ratio = Number(l) / Number(r)
  const inMillis = value(enforced) <= MAX_MILLI_VALUE
  if ((inMillis ? ratio * 1000 : ratio) > Number(inMillis ? milliValue(enforced) : value(enforced))) {
    return `${name} max limit to request ratio per ${type} is ${shown}, but provided ratio is ${ratio.toFixed(6)}`
  }
  return undefined
}

// Exact totals in the first list's format, as Quantity.Add keeps them.
const add = (into: Record<string, Quantity>, list: ResourceList): void => {
  for (const [k, v] of Object.entries(list)) {
    const have = into[k]
    into[k] = have === undefined ? v : fromNanos(have.nanos + v.nanos, have.format)
  }
}
const atLeast = (into: Record<string, Quantity>, list: ResourceList): void => {
  for (const [k, v] of Object.entries(list)) {
    const have = into[k]
    if (have === undefined || v.nanos > have.nanos) into[k] = v
  }
}

// podRequests / podLimits: the sum over the containers (a resource some leave unset still has a
// total), sidecars (restartable init containers) added to it, and at least each other init
// container with the sidecars started before it.
const podTotal = (containers: ReadonlyArray<ResourceList>, inits: ReadonlyArray<{ readonly list: ResourceList; readonly sidecar: boolean }>): Record<string, Quantity> => {
  const total: Record<string, Quantity> = {}
  for (const c of containers) add(total, c)
  const sidecars: Record<string, Quantity> = {}
  const initMax: Record<string, Quantity> = {}
  for (const i of inits) {
    if (i.sidecar) {
      add(total, i.list)
      add(sidecars, i.list)
      atLeast(initMax, sidecars)
    } else {
      const alone: Record<string, Quantity> = {}
      add(alone, i.list)
      add(alone, sidecars)
      atLeast(initMax, alone)
    }
  }
  atLeast(total, initMax)
  return total
}

type Resources = { requests: Record<string, Quantity>; limits: Record<string, Quantity> }

// upstream walks Go maps (random order); resource names in order keep the message stable
const sortedEntries = (l: ResourceList | undefined) => Object.entries(l ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))

const check = (item: Item, request: ResourceList, limit: ResourceList, errors: string[]): void => {
  const add = (e: string | undefined) => {
    if (e !== undefined) errors.push(e)
  }
  for (const [k, v] of sortedEntries(item.min)) add(minConstraint(item.type, k, v, request, limit))
  for (const [k, v] of sortedEntries(item.max)) add(maxConstraint(item.type, k, v, request, limit))
  for (const [k, v] of sortedEntries(item.maxLimitRequestRatio)) add(ratioConstraint(item.type, k, v, request, limit))
}

// admission.NewForbidden over utilerrors.NewAggregate: one error as it is, several in brackets
const refusal = (resource: string, name: string, at: string, errors: ReadonlyArray<string>): SchedulerInputError =>
  new SchedulerInputError(at, `${resource} ${JSON.stringify(name)} is forbidden: ${errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`}`)

// maxRequestConstraint: a claim's limits are not user input, so max bounds the request alone
const maxRequestConstraint = (type: string, name: string, enforced: Quantity, request: ResourceList): string | undefined => {
  const req = request[name]
  const [r, , e] = enforcedValues(req, undefined, enforced)
  if (req === undefined) return `maximum ${name} usage per ${type} is ${canonical(enforced)}.  No request is specified`
  if (r > e) return `maximum ${name} usage per ${type} is ${canonical(enforced)}, but request is ${canonical(req)}`
  return undefined
}

/**
 * LimitRanger on a PersistentVolumeClaim `name` being created with `requests`
 * (`spec.resources.requests`) in a namespace with `ranges`: every `PersistentVolumeClaim` item's
 * `min` and `max` bound the requests (the claim's limits are not read, nothing is defaulted); the
 * first range the claim breaks refuses it with the API server's message
 * (`persistentvolumeclaims "x" is forbidden: …`), naming `at`. A claim that exists (`admitted`)
 * was admitted when created and is read as it is.
 *
 * @since 0.1.0
 * @category constructors
 */
export const admitClaimLimitRanges = (requests: ResourceList | undefined, ranges: ReadonlyArray<ManifestOf<"LimitRange">>, name: string, at: string, admitted: boolean): void => {
  if (admitted) return
  const given = requests ?? {}
  for (const range of ranges) {
    const errors: string[] = []
    for (const item of range.spec.limits) {
      if (item.type !== "PersistentVolumeClaim") continue
      for (const [k, v] of sortedEntries(item.min)) {
        const e = minConstraint(item.type, k, v, given, {})
        if (e !== undefined) errors.push(e)
      }
      for (const [k, v] of sortedEntries(item.max)) {
        const e = maxRequestConstraint(item.type, k, v, given)
        if (e !== undefined) errors.push(e)
      }
    }
    if (errors.length > 0) throw refusal("persistentvolumeclaims", name, at, errors)
  }
}

/**
 * The spec LimitRanger leaves for pod `name` (its namespace's `ranges`), or the API server's
 * refusal naming `at`; `spec` itself when there is no range or the pod exists (`admitted`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const admitLimitRanges = (spec: PodSpec, ranges: ReadonlyArray<ManifestOf<"LimitRange">>, name: string, at: string, admitted: boolean): PodSpec => {
  if (admitted || ranges.length === 0) return spec
  // requests default to limits when the pod is decoded, before admission
  const initial = (c: PodSpec["containers"][number]): Resources => {
    const limits = { ...(c.resources?.limits ?? {}) }
    const requests: Record<string, Quantity> = { ...(c.resources?.requests ?? {}) }
    for (const [k, v] of Object.entries(limits)) if (requests[k] === undefined) requests[k] = v
    return { requests, limits }
  }
  const containers = spec.containers.map(initial)
  const inits = (spec.initContainers ?? []).map(initial)
  const itemsOf = ranges.map((range) => range.spec.limits.map(withDefaults))
  // the mutating pass runs over every range before any is validated
  for (const items of itemsOf) {
    // defaultContainerResourceRequirements: a later Container item's default wins
    const defaults: Resources = { requests: {}, limits: {} }
    for (const item of items) {
      if (item.type !== "Container") continue
      Object.assign(defaults.requests, item.defaultRequest ?? {})
      Object.assign(defaults.limits, item.default ?? {})
    }
    for (const r of [...containers, ...inits]) {
      for (const [k, v] of Object.entries(defaults.limits)) if (r.limits[k] === undefined) r.limits[k] = v
      for (const [k, v] of Object.entries(defaults.requests)) if (r.requests[k] === undefined) r.requests[k] = v
    }
  }
  for (const items of itemsOf) {
    const errors: string[] = []
    for (const item of items) {
      if (item.type === "Container") for (const r of [...containers, ...inits]) check(item, r.requests, r.limits, errors)
      if (item.type === "Pod") {
        const initsOf = (pick: (r: Resources) => ResourceList) => inits.map((r, i) => ({ list: pick(r), sidecar: spec.initContainers?.[i]?.restartPolicy === "Always" }))
        const requests = podTotal(containers.map((r) => r.requests), initsOf((r) => r.requests))
        const limits = podTotal(containers.map((r) => r.limits), initsOf((r) => r.limits))
        check(item, requests, limits, errors)
      }
    }
    // the first range that refuses answers for the pod (its errors aggregated)
    if (errors.length > 0) throw refusal("pods", name, at, errors)
  }
  const write = (c: PodSpec["containers"][number], r: Resources) => ({ ...c, resources: { ...(c.resources ?? {}), requests: r.requests, limits: r.limits } })
  return {
    ...spec,
    containers: spec.containers.map((c, i) => write(c, containers[i] as Resources)),
    ...(spec.initContainers === undefined ? {} : { initContainers: spec.initContainers.map((c, i) => write(c, inits[i] as Resources)) }),
  }
}
