/**
 * A container's resource requirements as the API server stores and validates them
 * (Kubernetes v1.35: defaulting in `pkg/apis/core/v1/defaults.go`, validation in
 * `ValidateResourceRequirements`).
 *
 * @since 0.1.0
 */
import * as E from "fp-ts/lib/Either.js"
import type { Either } from "fp-ts/lib/Either.js"
import { canonical } from "../quantity/canonical.ts"
import { NANOS_PER_UNIT } from "../quantity/Quantity.ts"
import type { Quantity } from "../quantity/Quantity.ts"
import { resourceError } from "./ResourceError.ts"
import type { ResourceError } from "./ResourceError.ts"
import { CPU, MEMORY, isContainerResource, isHugePages, isIntegerResource, isOvercommittable } from "./ResourceName.ts"
import { fromQuantities } from "./ResourceVector.ts"
import type { ResourceVector } from "./ResourceVector.ts"

/**
 * Quantities keyed by resource name, as in a manifest.
 *
 * @since 0.1.0
 * @category model
 */
export type QuantityMap = Readonly<Record<string, Quantity>>

/**
 * The `resources` stanza of a container (or of a pod, for pod-level resources).
 *
 * @since 0.1.0
 * @category model
 */
export interface ResourceRequirementsInput {
  readonly requests?: QuantityMap | undefined
  readonly limits?: QuantityMap | undefined
}

/**
 * What resource aggregation needs from a container: its resources and, for init containers,
 * `restartPolicy: Always` (a restartable sidecar).
 *
 * @since 0.1.0
 * @category model
 */
export interface ContainerInput {
  readonly name?: string | undefined
  readonly resources?: ResourceRequirementsInput | undefined
  readonly restartPolicy?: string | undefined
}

/**
 * Requests and limits of one container, in catcluster units, after defaulting.
 *
 * @since 0.1.0
 * @category model
 */
export interface ContainerResources {
  /** Requests; a name is present iff the manifest gave a request or a limit for it. */
  readonly requests: ResourceVector
  /** Limits; a name is absent when unlimited. */
  readonly limits: ResourceVector
}

/**
 * The requests after the API server's defaulting: a resource with a limit and no request
 * requests its limit.
 *
 * @since 0.1.0
 * @category combinators
 */
export const defaultedRequests = (resources: ResourceRequirementsInput | undefined): QuantityMap => {
  const out: Record<string, Quantity> = { ...(resources?.requests ?? {}) }
  for (const [name, limit] of Object.entries(resources?.limits ?? {})) if (!(name in out)) out[name] = limit
  return out
}

/**
 * A container's requests in catcluster units, after defaulting, without validation (what the
 * scheduler reads from a stored, already-validated pod). Explicit zeros are kept.
 *
 * @since 0.1.0
 * @category destructors
 */
export const containerRequests = (container: ContainerInput): ResourceVector =>
  fromQuantities(defaultedRequests(container.resources))

/**
 * A container's limits in catcluster units (absent = unlimited).
 *
 * @since 0.1.0
 * @category destructors
 */
export const containerLimits = (container: ContainerInput): ResourceVector => fromQuantities(container.resources?.limits)

/** `base.key` or `base["odd/key"]` for keys that are not identifiers. */
const pathKey = (base: string, key: string): string =>
  /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`

/**
 * Validates and defaults a container's resources as the API server does:
 *
 * - names must be container resources (`cpu`, `memory`, `ephemeral-storage`, `hugepages-*`,
 *   or extended `domain/name`);
 * - amounts are ≥ 0; extended resources are whole numbers;
 * - a request without its limit defaults to the limit; then request ≤ limit;
 * - extended resources and hugepages (not overcommittable) need a limit and request = limit;
 * - hugepages need a cpu or memory request or limit.
 *
 * Every problem is reported (not just the first), each with its JSON path under `path`.
 *
 * @example
 * import { resourceRequirements } from "catcluster/domain/resources"
 * // resourceRequirements({ resources: { requests: { cpu: 2 }, limits: { cpu: 1 } } }, "spec.containers[0]")
 * // → left([{ path: "spec.containers[0].resources.requests.cpu", problem: "must be less than or equal to cpu limit of 1" }])
 *
 * @since 0.1.0
 * @category validation
 */
export const resourceRequirements = (
  container: ContainerInput,
  path = "",
): Either<ReadonlyArray<ResourceError>, ContainerResources> => {
  const base = path === "" ? "resources" : `${path}.resources`
  const errors: ResourceError[] = []
  const given = container.resources
  const limits = given?.limits ?? {}
  const explicitRequests = given?.requests ?? {}
  const check = (section: "requests" | "limits", name: string, q: Quantity): void => {
    const at = pathKey(`${base}.${section}`, name)
    if (!isContainerResource(name)) errors.push(resourceError(at, name, `unsupported resource name ${JSON.stringify(name)} for a container`))
    if (q.nanos < 0n) errors.push(resourceError(at, name, `must be greater than or equal to 0, got ${canonical(q)}`))
    else if (isIntegerResource(name) && q.nanos % NANOS_PER_UNIT !== 0n) errors.push(resourceError(at, name, `must be an integer, got ${canonical(q)}`))
  }
  for (const [name, q] of Object.entries(limits)) check("limits", name, q)
  for (const [name, q] of Object.entries(explicitRequests)) check("requests", name, q)

  const requests = defaultedRequests(given)
  for (const [name, request] of Object.entries(explicitRequests)) {
    const at = pathKey(`${base}.requests`, name)
    const limit = limits[name]
    if (!isOvercommittable(name) && isContainerResource(name)) {
      if (limit === undefined) errors.push(resourceError(at, name, "a limit must be set for a resource that cannot be overcommitted"))
      else if (request.nanos !== limit.nanos) errors.push(resourceError(at, name, `must be equal to ${name} limit of ${canonical(limit)} (cannot be overcommitted)`))
    } else if (limit !== undefined && request.nanos > limit.nanos) {
      errors.push(resourceError(at, name, `must be less than or equal to ${name} limit of ${canonical(limit)}`))
    }
  }
  const names = Object.keys(requests)
  if (names.some(isHugePages) && !names.includes(CPU) && !names.includes(MEMORY)) {
    errors.push(resourceError(base, names.find(isHugePages) ?? "hugepages", "hugepages require a cpu or memory request or limit"))
  }
  if (errors.length > 0) return E.left(errors)
  return E.right({ requests: fromQuantities(requests), limits: fromQuantities(limits) })
}
