/**
 * A container's (or a pod's) `resources` as the scheduler counts them, after the API server's
 * checks between requests and limits (`ValidateResourceRequirements`, Kubernetes v1.35):
 *
 * - a request is at most its limit;
 * - a resource that cannot be overcommitted (hugepages, and extended resources such as
 *   `nvidia.com/gpu` or `devices.kubevirt.io/kvm`) needs a limit when it is requested
 *   (`Required value: Limit must be set for non overcommitable resources`), and its request
 *   equals the limit (`must be equal to <name> limit of <limit>`);
 * - a hugepages amount is a whole number of pages (`<q> is not positive integer multiple of
 *   <name>`: the API server's check for new pods);
 * - hugepages come with a cpu or memory request or limit (`Forbidden: HugePages require cpu or
 *   memory`).
 *
 * A request without a limit defaults to the limit. Paths name the key (`requests["hugepages-2Mi"]`)
 * where the API server names only the list.
 *
 * @since 0.1.0
 */
import type { PodSpec } from "../../domain/manifest/codecs/pod.ts"
import { canonical } from "../../domain/quantity/canonical.ts"
import { value } from "../../domain/quantity/decimal.ts"
import { parseQuantity } from "../../domain/quantity/parse.ts"
import type { Quantity } from "../../domain/quantity/Quantity.ts"
import { CPU, HUGEPAGES_PREFIX, isHugePages, isOvercommittable, MEMORY } from "../../domain/resources/ResourceName.ts"
import { forbidden, invalid, type Locate, required } from "./fieldErrors.ts"
import { amountsOf } from "./resourceAmounts.ts"

type Resources = PodSpec["containers"][number]["resources"]

/** Whether `q` is a whole number of the pages `name` names (upstream's IsHugePageResourceValueDivisible). */
const wholePages = (name: string, q: Quantity): boolean => {
  const page = parseQuantity(name.slice(HUGEPAGES_PREFIX.length))
  if (page._tag === "Left" || page.right.nanos <= 0n || page.right.nanos % 1_000_000_000n !== 0n) return false
  return value(q) % value(page.right) === 0n
}

const keyed = (list: string, name: string): string => `${list}[${JSON.stringify(name)}]`

/**
 * The requests a `resources` stanza makes, limits standing in for missing requests, after the
 * checks above; `path` is where the stanza is (e.g. `containers[0].resources`) under `locate`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const requestsOf = (resources: Resources, locate: Locate, path: string): Record<string, number> => {
  const limits = amountsOf(resources?.limits, locate(`${path}.limits`))
  const requests = amountsOf(resources?.requests, locate(`${path}.requests`))
  const given = (list: "requests" | "limits", name: string) => resources?.[list]?.[name] as Quantity
  for (const list of ["limits", "requests"] as const) {
    for (const name of Object.keys(list === "limits" ? limits : requests)) {
      if (isHugePages(name) && !wholePages(name, given(list, name))) {
        const shown = canonical(given(list, name))
        throw invalid(locate(`${path}.${keyed(list, name)}`), shown, `${shown} is not positive integer multiple of ${name}`)
      }
    }
  }
  for (const [name, n] of Object.entries(requests)) {
    const limit = Object.hasOwn(limits, name) ? limits[name] : undefined
    const at = locate(`${path}.${keyed("requests", name)}`)
    if (!isOvercommittable(name)) {
      if (limit === undefined) throw required(locate(`${path}.${keyed("limits", name)}`), "Limit must be set for non overcommitable resources")
      if (n !== limit) throw invalid(at, canonical(given("requests", name)), `must be equal to ${name} limit of ${canonical(given("limits", name))}`)
    } else if (limit !== undefined && n > limit) {
      throw invalid(at, canonical(given("requests", name)), `must be less than or equal to ${name} limit of ${canonical(given("limits", name))}`)
    }
  }
  const named = [...Object.keys(limits), ...Object.keys(requests)]
  if (named.some(isHugePages) && !named.includes(CPU) && !named.includes(MEMORY)) throw forbidden(locate(path), "HugePages require cpu or memory")
  return { ...limits, ...requests }
}
