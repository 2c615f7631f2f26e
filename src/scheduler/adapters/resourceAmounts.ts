/**
 * Resource lists (`resources.requests`, `resources.limits`, a node's `status.allocatable`) as the
 * scheduler's numbers, validated as the API server validates them before any scheduler sees them
 * (`ValidateResourceRequirements`, `validateResourceName`, `ValidateNonnegativeQuantity`):
 *
 * - a name is a standard one (`cpu`, `memory`, `ephemeral-storage`, `hugepages-<size>`, and on a
 *   node `pods`, `storage`, `attachable-volumes-*`) or a domain-qualified one (`nvidia.com/gpu`);
 *   anything else (`foo bar`, `toString`) is refused;
 * - an amount is not negative, and an extended resource (a qualified name outside
 *   `kubernetes.io/`) is a whole number;
 * - and, catcluster's own limit, stated instead of computing wrongly: an amount (cpu in
 *   millicores, everything else in base units) is at most 2^53 − 1, where a double still counts
 *   exactly; a node's `pods` at most 2^31 − 1 (the hot path's counters).
 *
 * cpu counts in millicores (`MilliValue()`), everything else in base units (`Value()`), both
 * rounded up as Kubernetes rounds.
 *
 * @since 0.1.0
 */
import { canonical } from "../../domain/quantity/canonical.ts"
import { milliValue, value } from "../../domain/quantity/decimal.ts"
import { NANOS_PER_UNIT, type Quantity } from "../../domain/quantity/Quantity.ts"
import { isExtendedResource } from "../../domain/resources/ResourceName.ts"
import { invalid } from "./fieldErrors.ts"

/** The largest amount catcluster schedules exactly: 2^53 − 1. @since 0.1.0 @category constants */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER

/** The largest `pods` allocatable a node may have: 2^31 − 1. @since 0.1.0 @category constants */
export const MAX_PODS = 2 ** 31 - 1

/** Where a list is: for pods (requests, limits) or a node (allocatable, which also has `pods`). @since 0.1.0 @category model */
export type AmountsOwner = "pod" | "node"

const STANDARD_POD = new Set(["cpu", "memory", "ephemeral-storage"])
const STANDARD_NODE = new Set(["cpu", "memory", "ephemeral-storage", "pods", "storage"])
// a DNS-1123 subdomain, then a qualified name's name part
const QUALIFIED = /^(?=.{1,253}\/)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/(?=.{1,63}$)[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/

/**
 * Whether `name` is a resource name the API server accepts for that owner.
 *
 * @example
 * import { isValidResourceName } from "catcluster/scheduler"
 * isValidResourceName("nvidia.com/gpu", "pod") // true
 * isValidResourceName("toString", "pod") // false
 *
 * @since 0.1.0
 * @category refinements
 */
export const isValidResourceName = (name: string, owner: AmountsOwner): boolean =>
  (owner === "pod" ? STANDARD_POD : STANDARD_NODE).has(name) ||
  /^hugepages-\d/.test(name) ||
  (owner === "node" && name.startsWith("attachable-volumes-")) ||
  QUALIFIED.test(name)

const amount = (name: string, q: Quantity): number => Number(name === "cpu" ? milliValue(q) : value(q))

/**
 * Resource name → amount (cpu in millicores, the rest in base units). With `at` (where the list
 * is, e.g. `file: document 0, spec.containers[0].resources.requests`), every name and amount is
 * validated as above and a bad one is an `Invalid value` error at its path.
 *
 * @since 0.1.0
 * @category constructors
 */
export const amountsOf = (
  list: Readonly<Record<string, Quantity>> | undefined,
  at?: string,
  owner: AmountsOwner = "pod",
): Record<string, number> => {
  const out: Record<string, number> = {}
  for (const [name, q] of Object.entries(list ?? {})) {
    const n = amount(name, q)
    if (at !== undefined) {
      // the path and the canonical form are written only for an error: a million pods are valid
      const refuse = (problem: string, shown: string = canonical(q)) => invalid(`${at}[${JSON.stringify(name)}]`, shown, problem)
      if (!isValidResourceName(name, owner)) throw refuse("must be a standard resource type or fully qualified (a name such as example.com/device)", name)
      if (q.nanos < 0n) throw refuse("must be greater than or equal to 0")
      if (isExtendedResource(name) && q.nanos % NANOS_PER_UNIT !== 0n) throw refuse("must be an integer")
      if (!(n <= MAX_AMOUNT)) throw refuse(`exceeds the range catcluster schedules exactly (${MAX_AMOUNT}${name === "cpu" ? " millicores" : ""})`)
      if (owner === "node" && name === "pods" && n > MAX_PODS) throw refuse(`exceeds the pod count catcluster models (${MAX_PODS})`)
    }
    out[name] = n
  }
  return out
}
