/**
 * Verdicts for S2.1 (the seed's resource sum type) and S2.2 (request ≤ limit), computed by
 * running the resource model.
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"
import * as E from "fp-ts/lib/Either.js"
import type { ClaimCheck, ClaimResult } from "../../claims/Claim.ts"
import { runConfig } from "../../laws/RunConfig.ts"
import type { RunConfig } from "../../laws/RunConfig.ts"
import type { Quantity } from "../quantity/Quantity.ts"
import { isContainerResource, isExtendedResource, isHugePages, isOvercommittable } from "./ResourceName.ts"
import { resourceRequirements } from "./ResourceRequirements.ts"
import type { ContainerInput } from "./ResourceRequirements.ts"

/**
 * Where each attribute of the seed's `Resource` sum type lives in Kubernetes v1.35 / KubeVirt
 * v1.9: a schedulable quantity (a resource name of the vector), a node label, a parameter of
 * another object, or nowhere.
 *
 * @since 0.1.0
 * @category claims
 */
export const seedResourceAttributes: ReadonlyArray<{
  readonly variant: "CPU" | "Memory" | "Network" | "Storage"
  readonly attribute: string
  /** The resource name when the attribute is a schedulable quantity. */
  readonly resource?: string
  /** Otherwise, how Kubernetes represents it. */
  readonly representation?: string
}> = [
  { variant: "CPU", attribute: "cores", resource: "cpu" },
  { variant: "CPU", attribute: "freq", representation: "not schedulable; a node label at most (node-feature-discovery)" },
  { variant: "CPU", attribute: "flags", representation: "node labels (cpu-feature.node.kubevirt.io/*, feature.node.kubernetes.io/cpu-cpuid.*) matched by nodeSelector/affinity" },
  { variant: "Memory", attribute: "size", resource: "memory" },
  { variant: "Memory", attribute: "type", resource: "hugepages-2Mi" },
  { variant: "Memory", attribute: "numa node", representation: "not a resource; kubelet Topology Manager / KubeVirt guestMappingPassthrough" },
  { variant: "Network", attribute: "bandwidth", representation: "not a native resource; an extended resource or the kubernetes.io/ingress-bandwidth annotation (CNI bandwidth plugin)" },
  { variant: "Network", attribute: "latency", representation: "not modelled by Kubernetes" },
  { variant: "Network", attribute: "PCIe lane", resource: "nvidia.com/gpu" },
  { variant: "Storage", attribute: "capacity", resource: "ephemeral-storage" },
  { variant: "Storage", attribute: "iops", representation: "StorageClass / VolumeAttributesClass parameters, not schedulable" },
  { variant: "Storage", attribute: "media SSD|HDD", representation: "StorageClass parameters or node labels" },
]

const s21 = (): ClaimResult => {
  const rows = seedResourceAttributes.map((a) => ({
    ...a,
    schedulable: a.resource !== undefined,
    overcommittable: a.resource === undefined ? undefined : isOvercommittable(a.resource),
    extended: a.resource === undefined ? undefined : isExtendedResource(a.resource),
  }))
  const schedulable = rows.filter((r) => r.schedulable)
  // the mapping only models Kubernetes if every name it maps to is one a container may request
  const invalid = schedulable.filter((r) => !isContainerResource(r.resource as string)).map((r) => r.resource)
  return {
    verdict: invalid.length === 0 ? "modelled" : "fails",
    summary:
      `Kubernetes has no resource sum type: a request is one vector of named quantities (cpu milli-cores, bytes, counts) ordered pointwise. ` +
      `${schedulable.length} of the seed's ${rows.length} attributes are schedulable quantities (${schedulable.map((r) => `${r.attribute}→${r.resource}`).join(", ")}); ` +
      `the rest are node labels, parameters of other objects, or absent. Memory "type" maps to hugepages-<size> and a PCIe device to an extended resource, neither overcommittable.`,
    evidence: invalid.length === 0 ? rows : { rows, notContainerResources: invalid },
  }
}

/** A container with one resource given as request and/or limit (whole units), plus a cpu request so hugepages are legal. */
const containerWith = (name: string, request: bigint | undefined, limit: bigint | undefined): ContainerInput => {
  const q = (n: bigint): Quantity => ({ nanos: n * 1_000_000_000n, format: "DecimalSI" })
  const requests: Record<string, Quantity> = name === "cpu" ? {} : { cpu: q(1n) }
  if (request !== undefined) requests[name] = q(request)
  return { resources: { requests, ...(limit === undefined ? {} : { limits: { [name]: q(limit) } }) } }
}

/**
 * S2.2 as a property of a validator: every container it accepts has request ≤ limit on every
 * limited resource (request = limit where overcommit is not allowed), and every container with
 * a request above its limit is rejected. Returns `holds` or `fails` with the shrunk
 * counterexample.
 *
 * @example
 * // from src/domain/resources/claims.ts (the claims are not re-exported by the package)
 * requestWithinLimit().verdict // "holds"
 *
 * @since 0.1.0
 * @category claims
 */
export const requestWithinLimit = (
  validate: typeof resourceRequirements = resourceRequirements,
  config: RunConfig = runConfig(300),
): ClaimResult => {
  const names = ["cpu", "memory", "ephemeral-storage", "hugepages-2Mi", "nvidia.com/gpu", "devices.kubevirt.io/kvm"] as const
  const amount = fc.option(fc.bigInt({ min: 0n, max: 64n }), { nil: undefined })
  const property = fc.property(fc.constantFrom(...names), amount, amount, (name, request, limit) => {
    const accepted = validate(containerWith(name, request, limit))
    const effectiveRequest = request ?? limit
    if (E.isRight(accepted)) {
      if (limit === undefined) return isOvercommittable(name) || request === undefined
      return effectiveRequest !== undefined && (isOvercommittable(name) ? effectiveRequest <= limit : effectiveRequest === limit)
    }
    // a rejection must have a reason among the rules of S2.2
    return (
      (request !== undefined && limit !== undefined && (isOvercommittable(name) ? request > limit : request !== limit)) ||
      (!isOvercommittable(name) && request !== undefined && limit === undefined)
    )
  })
  const result = fc.check(property, { seed: config.seed, numRuns: config.numRuns })
  const rules = {
    defaulting: "a request absent while its limit is set defaults to the limit",
    overcommittable: "cpu, memory, ephemeral-storage: request ≤ limit; no limit = unbounded",
    notOvercommittable: "extended resources and hugepages-*: a limit is required and request = limit",
    priority: "priority is a pod field (spec.priority from priorityClassName), not part of a resource request",
  }
  if (result.failed) {
    const [name, request, limit] = result.counterexample ?? []
    return {
      verdict: "fails",
      summary: `The validator does not enforce request ≤ limit: ${String(name)} request ${String(request)} / limit ${String(limit)} is handled wrongly.`,
      evidence: { counterexample: { name, request: String(request), limit: String(limit) }, seed: config.seed, numRuns: result.numRuns, rules },
    }
  }
  return {
    verdict: "holds",
    summary:
      `Checked on ${result.numRuns} containers (seed ${config.seed}): Kubernetes validation accepts exactly the requirements with request ≤ limit, ` +
      `and request = limit for resources that cannot be overcommitted. The seed's triple {request, limit, priority} misplaces priority, which belongs to the pod.`,
    evidence: { seed: config.seed, numRuns: result.numRuns, rules, hugepagesOrExtended: names.filter((n) => isHugePages(n) || isExtendedResource(n)) },
  }
}

/**
 * The computed verdicts of the resource claims (S2).
 *
 * @since 0.1.0
 * @category claims
 */
export const claims: ReadonlyArray<ClaimCheck> = [
  {
    id: "S2.1",
    statement: "Resource = CPU{cores, freq, flags} | Memory{size, type, numa node} | Network{bandwidth, latency, PCIe lane} | Storage{capacity, iops, media SSD|HDD}.",
    source: "src/domain/resources/claims.ts seedResourceAttributes; ResourceName.ts isOvercommittable/isExtendedResource",
    check: s21,
  },
  {
    id: "S2.2",
    statement: "ResourceRequest(r) = {request, limit, priority}; request ≤ limit.",
    source: "src/domain/resources/claims.ts requestWithinLimit over ResourceRequirements.ts resourceRequirements",
    check: () => requestWithinLimit(),
  },
]
