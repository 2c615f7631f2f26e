import type { VmiSpec } from "../kubevirt/VmiSpec.ts"
import type { PodSpecInput } from "../resources/PodRequests.ts"

/**
 * S2.5: the seed's `VirtualMachine = PodSpec × VMSpecific` beside KubeVirt's real shape. The
 * real VM does not contain a PodSpec: its template is a VMI spec (see S2.5's check for the
 * field-by-field comparison).
 *
 * @since 0.1.0
 */

/** The seed's VM-only part. @since 0.1.0 @category model */
export interface VmSpecific {
  readonly running: boolean
  readonly cpu: { readonly cores: number; readonly sockets: number; readonly threads: number }
  readonly memory: bigint
  readonly volumes: ReadonlyArray<string>
  readonly networks: ReadonlyArray<string>
}

/** The seed's product type. @since 0.1.0 @category model */
export interface SeedVirtualMachine {
  readonly podSpec: PodSpecInput
  readonly vmSpecific: VmSpecific
}

/** KubeVirt v1.9's `runStrategy`. @since 0.1.0 @category model */
export type RunStrategy = "Always" | "RerunOnFailure" | "Manual" | "Halted" | "Once" | "WaitAsReceiver"

/**
 * KubeVirt v1.9's VirtualMachine spec, as far as the model uses it: a VMI template with VM-level
 * controls around it.
 *
 * @since 0.1.0
 * @category model
 */
export interface KubevirtVirtualMachine {
  readonly template: VmiSpec
  readonly runStrategy: RunStrategy
  readonly dataVolumeTemplates: ReadonlyArray<{ readonly name: string; readonly storage: bigint }>
  readonly instancetype: string | undefined
  readonly preference: string | undefined
}

/**
 * Whether a VM with this run strategy has a VMI (and so a launcher pod) right after creation.
 *
 * @example
 * import { startsOnCreation } from "catcluster/domain/workload"
 * startsOnCreation("Always") // true
 * startsOnCreation("Manual") // false: started later by `virtctl start`
 *
 * @since 0.1.0
 * @category destructors
 */
export const startsOnCreation = (s: RunStrategy): boolean => s === "Always" || s === "RerunOnFailure" || s === "Once"
