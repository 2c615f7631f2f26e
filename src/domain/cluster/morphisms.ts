import * as E from "fp-ts/lib/Either.js"
import { arrow, type Arrow } from "../../category/Arrow.ts"
import { defaultKubevirtConfig, effectiveMemoryRequest, vcpuCount, type KubevirtConfig } from "../kubevirt/overhead.ts"
import { virtLauncherPod } from "../kubevirt/virtLauncherPod.ts"
import { vmiSpec, type VmiSpec } from "../kubevirt/VmiSpec.ts"
import { exceeding, lessOrEqual, resources, showAmount, type ResourceVector } from "../resources/ResourceVector.ts"
import type { Container, Machine, Pod, VirtualMachine, Vmi } from "./objects.ts"

/**
 * The arrows of the cluster category (S1.2) in two layers: the typed generators
 * (`Arrow<"P", "V">` …), so that ill-typed composites are compile errors, and data-carrying
 * morphisms that build the target object from the source and refuse to exist when the
 * resource law does not hold.
 *
 * - Φ virtualize : P → V, law v ≤ p: the VM's vCPUs (as milli-cores) and memory fit in the
 *   machine's allocatable resources.
 * - Ψ containerize : P → C, law c ≪ p ("way below"): the container's requests fit in the
 *   machine's allocatable resources, its limits (where set) fit in the machine's capacity,
 *   and it has no kernel of its own (it runs on p's). ≤ compares what is reserved; ≪ also
 *   bounds what may be *burst* to, and shares the kernel: the container is a slice of p, the
 *   VM a separate machine sized within p.
 * - Ω wrap : C → Pod, Ω′ wrapVm : V → VMI (KubeVirt v1.9's launcher pod), σ schedule :
 *   Pod ⊎ VMI → P (see `schedule.ts`), and the injections into Pod ⊎ VMI.
 *
 * @since 0.1.0
 */

/** The coproduct object σ starts from. @since 0.1.0 @category model */
export type UnitObject = "Pod⊎VMI"

/** Φ : P → V. @since 0.1.0 @category generators */
export const virtualizeArrow: Arrow<"P", "V"> = arrow("virtualize", "P", "V")
/** Ψ : P → C. @since 0.1.0 @category generators */
export const containerizeArrow: Arrow<"P", "C"> = arrow("containerize", "P", "C")
/** Ω : C → Pod. @since 0.1.0 @category generators */
export const wrapArrow: Arrow<"C", "Pod"> = arrow("wrap", "C", "Pod")
/** Ω′ : V → VMI. @since 0.1.0 @category generators */
export const wrapVmArrow: Arrow<"V", "VMI"> = arrow("wrapVm", "V", "VMI")
/** σ : Pod ⊎ VMI → P. @since 0.1.0 @category generators */
export const scheduleArrow: Arrow<UnitObject, "P"> = arrow("schedule", "Pod⊎VMI", "P")
/** ι_Pod : Pod → Pod ⊎ VMI. @since 0.1.0 @category generators */
export const injectPodArrow: Arrow<"Pod", UnitObject> = arrow("inl", "Pod", "Pod⊎VMI")
/** ι_VMI : VMI → Pod ⊎ VMI. @since 0.1.0 @category generators */
export const injectVmiArrow: Arrow<"VMI", UnitObject> = arrow("inr", "VMI", "Pod⊎VMI")

/**
 * A typed arrow together with the objects it relates.
 *
 * @since 0.1.0
 * @category model
 */
export interface Morphism<Dom extends string, Cod extends string, S, T> {
  readonly arrow: Arrow<Dom, Cod>
  readonly source: S
  readonly target: T
}

/**
 * The resource law of an arrow does not hold: names the law, the objects, and each resource
 * that exceeds its bound.
 *
 * @since 0.1.0
 * @category errors
 */
export class ResourceLawError extends Error {
  readonly _tag = "ResourceLawError" as const
  constructor(
    readonly law: "v ≤ p" | "c ≪ p",
    readonly path: string,
    readonly exceeding: ReadonlyArray<{ readonly name: string; readonly amount: bigint; readonly bound: bigint; readonly against: "allocatable" | "capacity" }>,
  ) {
    super(`${path}: ${law} fails: ${exceeding.map((e) => `${e.name} ${showAmount(e.name, e.amount)} > ${e.against} ${showAmount(e.name, e.bound)}`).join(", ")}`)
    this.name = "ResourceLawError"
  }
}

/** What Φ is asked to carve out. @since 0.1.0 @category model */
export interface VmRequest {
  readonly name: string
  readonly vcpus: number
  /** Guest memory in bytes. */
  readonly memory: bigint
  readonly dedicatedCpus?: boolean
  readonly graphics?: boolean
  readonly guestKernel?: string
}

/** What Ψ is asked to carve out. @since 0.1.0 @category model */
export interface ContainerRequest {
  readonly name: string
  readonly image: string
  readonly requests: ResourceVector
  readonly limits?: ResourceVector
}

/**
 * The resources a VM reserves: its vCPUs (1 vCPU = 1000 milli-cores) and memory.
 *
 * @since 0.1.0
 * @category destructors
 */
export const vmResources = (v: { readonly vcpus: number; readonly memory: bigint }): ResourceVector =>
  resources({ cpu: BigInt(v.vcpus) * 1000n, memory: v.memory })

/**
 * v ≤ p: the VM's resources fit in the machine's allocatable resources.
 *
 * @since 0.1.0
 * @category laws
 */
export const fitsIn = (v: { readonly vcpus: number; readonly memory: bigint }, p: Machine): boolean =>
  lessOrEqual(vmResources(v), p.allocatable)

/**
 * c ≪ p: requests within p's allocatable, limits within p's capacity, and p's kernel.
 *
 * @since 0.1.0
 * @category laws
 */
export const wayBelow = (c: Pick<Container, "requests" | "limits" | "kernel">, p: Machine): boolean =>
  lessOrEqual(c.requests, p.allocatable) && lessOrEqual(c.limits, p.capacity) && c.kernel === p.kernel

/**
 * Φ: a VM carved from machine `p`, or the reason it does not fit (v ≤ p fails).
 *
 * @example
 * import { virtualize } from "catcluster/domain/cluster"
 * // virtualize(node, { name: "vm", vcpus: 2, memory: 2n << 30n }) → right({ arrow: Φ, source: node, target: vm })
 *
 * @since 0.1.0
 * @category Φ
 */
export const virtualize = (
  p: Machine,
  request: VmRequest,
): E.Either<ResourceLawError, Morphism<"P", "V", Machine, VirtualMachine>> => {
  const wanted = vmResources(request)
  if (!lessOrEqual(wanted, p.allocatable)) {
    return E.left(
      new ResourceLawError("v ≤ p", `virtualize: ${p.name} → ${request.name}`, exceeding(wanted, p.allocatable).map((e) => ({ ...e, against: "allocatable" as const }))),
    )
  }
  const spec = vmiSpec({
    name: request.name,
    memoryGuest: request.memory,
    cpu: { cores: request.vcpus, sockets: 1, threads: 1, dedicatedCpuPlacement: request.dedicatedCpus ?? false, isolateEmulatorThread: false },
    autoattachGraphicsDevice: request.graphics ?? true,
  })
  return E.right({
    arrow: virtualizeArrow,
    source: p,
    target: { _tag: "V", name: request.name, host: p.name, vcpus: request.vcpus, memory: request.memory, guestKernel: request.guestKernel ?? "guest", spec },
  })
}

/**
 * Ψ: a container carved from machine `p`, or the reason c ≪ p fails.
 *
 * @since 0.1.0
 * @category Ψ
 */
export const containerize = (
  p: Machine,
  request: ContainerRequest,
): E.Either<ResourceLawError, Morphism<"P", "C", Machine, Container>> => {
  const limits = request.limits ?? new Map<string, bigint>()
  const over = [
    ...exceeding(request.requests, p.allocatable).map((e) => ({ ...e, against: "allocatable" as const })),
    ...exceeding(limits, p.capacity).map((e) => ({ ...e, against: "capacity" as const })),
  ]
  if (over.length > 0) return E.left(new ResourceLawError("c ≪ p", `containerize: ${p.name} → ${request.name}`, over))
  return E.right({
    arrow: containerizeArrow,
    source: p,
    target: { _tag: "C", name: request.name, host: p.name, image: request.image, requests: request.requests, limits, kernel: p.kernel },
  })
}

/**
 * Ω: the one-container Pod wrapping `c`.
 *
 * @since 0.1.0
 * @category Ω
 */
export const wrap = (c: Container): Morphism<"C", "Pod", Container, Pod> => ({
  arrow: wrapArrow,
  source: c,
  target: { _tag: "Pod", name: c.name, containers: [c] },
})

/**
 * Ω′: the VMI wrapping `v`, with its KubeVirt v1.9 launcher pod.
 *
 * @since 0.1.0
 * @category Ω′
 */
export const wrapVm = (v: VirtualMachine, config: KubevirtConfig = defaultKubevirtConfig): Morphism<"V", "VMI", VirtualMachine, Vmi> => ({
  arrow: wrapVmArrow,
  source: v,
  target: { _tag: "VMI", name: v.name, vm: v, launcher: virtLauncherPod(v.spec, config) },
})

/**
 * The left inverse of Ω: the container a one-container Pod wraps (why Ω is faithful).
 *
 * @since 0.1.0
 * @category Ω
 */
export const unwrap = (pod: Pod): Container | undefined => (pod.containers.length === 1 ? pod.containers[0] : undefined)

/**
 * The left inverse of Ω′: the VM a VMI wraps.
 *
 * @since 0.1.0
 * @category Ω′
 */
export const unwrapVm = (vmi: Vmi): VirtualMachine => vmi.vm

/**
 * Φ from a full VMI spec (e.g. a decoded manifest): the VM's vCPUs as KubeVirt counts them
 * and its memory request (or `memory.guest`) must fit in `p` (v ≤ p).
 *
 * @since 0.1.0
 * @category Φ
 */
export const virtualizeSpec = (
  p: Machine,
  spec: VmiSpec,
  config: KubevirtConfig = defaultKubevirtConfig,
): E.Either<ResourceLawError, Morphism<"P", "V", Machine, VirtualMachine>> => {
  const v = { vcpus: vcpuCount(spec), memory: effectiveMemoryRequest(spec, config) }
  const wanted = vmResources(v)
  if (!lessOrEqual(wanted, p.allocatable)) {
    return E.left(new ResourceLawError("v ≤ p", `virtualize: ${p.name} → ${spec.name}`, exceeding(wanted, p.allocatable).map((e) => ({ ...e, against: "allocatable" as const }))))
  }
  return E.right({ arrow: virtualizeArrow, source: p, target: { _tag: "V", name: spec.name, host: p.name, ...v, guestKernel: "guest", spec } })
}
