import { match } from "ts-pattern"
import type { ResourceList } from "../kubevirt/virtLauncherPod.ts"
import { addResources, emptyResources, type ResourceVector } from "../resources/ResourceVector.ts"
import type { Machine, SchedulingUnit } from "./objects.ts"

/**
 * The resource-footprint functor F : (Pod ⊎ VMI) → Res≤: what a scheduling unit asks a node
 * for. A Pod's footprint is the sum of its containers' requests (no init containers in this
 * model); a VMI's is its virt-launcher pod's requests, overhead and devices included. Arrows
 * of Res≤ are the order `≤`, so a square in Res≤ commutes exactly when its corners are equal
 * vectors: that is how S1.4 is compared.
 *
 * @since 0.1.0
 */

/**
 * A resource list (record) as a resource vector.
 *
 * @since 0.1.0
 * @category constructors
 */
export const vectorOf = (list: ResourceList): ResourceVector => new Map(Object.entries(list))

/**
 * The footprint of a scheduling unit.
 *
 * @example
 * import { footprint } from "catcluster/domain/cluster"
 * // footprint(wrapVm(vm)) = the launcher pod's requests: guest memory + 280Mi for 2 vCPU / 2Gi
 *
 * @since 0.1.0
 * @category footprint
 */
export const footprint = (unit: SchedulingUnit): ResourceVector =>
  match(unit)
    .with({ _tag: "Pod" }, (pod) => pod.containers.reduce((acc, c) => addResources(acc, c.requests), emptyResources))
    .with({ _tag: "VMI" }, (vmi) => vectorOf(vmi.launcher.requests))
    .exhaustive()

/**
 * The total allocatable resources of a set of machines: the cluster's resource pool.
 *
 * @since 0.1.0
 * @category footprint
 */
export const totalPool = (machines: ReadonlyArray<Machine>): ResourceVector =>
  machines.reduce((acc, m) => addResources(acc, m.allocatable), emptyResources)

/**
 * `b − a` per resource (names of either side; absent = 0), keeping only non-zero entries:
 * the residual of a square that does not commute.
 *
 * @since 0.1.0
 * @category footprint
 */
export const residual = (a: ResourceVector, b: ResourceVector): ReadonlyMap<string, bigint> => {
  const out = new Map<string, bigint>()
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const d = (b.get(name) ?? 0n) - (a.get(name) ?? 0n)
    if (d !== 0n) out.set(name, d)
  }
  return out
}
