import type { LauncherPod } from "../kubevirt/virtLauncherPod.ts"
import type { VmiSpec } from "../kubevirt/VmiSpec.ts"
import type { ResourceVector } from "../resources/ResourceVector.ts"

/**
 * The objects of the seed's cluster category (S1.1), each carrying its resources:
 * physical machine P, virtual machine V, container C, Pod and VMI. Their `_tag` is the object's
 * name in the typed-arrow encoding (`Arrow<"P", "V">` is an arrow between these kinds).
 *
 * @since 0.1.0
 */

/** The object names of the cluster category. @since 0.1.0 @category model */
export type ObjectName = "P" | "V" | "C" | "Pod" | "VMI"

/**
 * A physical machine (a Kubernetes node): what it has (`capacity`) and what it offers to
 * workloads after system reservations (`allocatable` ≤ `capacity`). It runs one kernel.
 *
 * @since 0.1.0
 * @category model
 */
export interface Machine {
  readonly _tag: "P"
  readonly name: string
  readonly capacity: ResourceVector
  readonly allocatable: ResourceVector
  readonly kernel: string
}

/**
 * A virtual machine: virtual CPUs and memory carved from a machine, and a kernel of its own
 * (the guest's). `spec` is the VMI spec KubeVirt renders it from.
 *
 * @since 0.1.0
 * @category model
 */
export interface VirtualMachine {
  readonly _tag: "V"
  readonly name: string
  /** The machine Φ carved it from. */
  readonly host: string
  readonly vcpus: number
  readonly memory: bigint
  readonly guestKernel: string
  readonly spec: VmiSpec
}

/**
 * A container: an image run as processes that share the host's kernel, with requests and limits.
 *
 * @since 0.1.0
 * @category model
 */
export interface Container {
  readonly _tag: "C"
  readonly name: string
  /** The machine Ψ carved it from. */
  readonly host: string
  readonly image: string
  readonly requests: ResourceVector
  /** Absent names are unlimited. */
  readonly limits: ResourceVector
  /** The host's kernel: a container has none of its own. */
  readonly kernel: string
}

/**
 * A Pod: Kubernetes' scheduling unit, wrapping containers.
 *
 * @since 0.1.0
 * @category model
 */
export interface Pod {
  readonly _tag: "Pod"
  readonly name: string
  readonly containers: ReadonlyArray<Container>
}

/**
 * A VMI: KubeVirt's scheduling unit for a VM; what the scheduler sees is its virt-launcher pod.
 *
 * @since 0.1.0
 * @category model
 */
export interface Vmi {
  readonly _tag: "VMI"
  readonly name: string
  readonly vm: VirtualMachine
  readonly launcher: LauncherPod
}

/** Pod ⊎ VMI: what σ schedules. @since 0.1.0 @category model */
export type SchedulingUnit = Pod | Vmi

/**
 * A cluster: machines and the scheduling units submitted to it.
 *
 * @since 0.1.0
 * @category model
 */
export interface Cluster {
  readonly machines: ReadonlyArray<Machine>
  readonly units: ReadonlyArray<SchedulingUnit>
}
