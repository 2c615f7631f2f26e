import { addResources, emptyResources, exceeding, lessOrEqual, type ResourceVector } from "../resources/ResourceVector.ts"
import { footprint } from "./footprint.ts"
import { scheduleArrow, type Morphism, type UnitObject } from "./morphisms.ts"
import type { Cluster, Machine, SchedulingUnit } from "./objects.ts"

/**
 * σ : Pod ⊎ VMI → P as data: a placement of scheduling units on machines. σ is *partial*: a
 * unit that fits nowhere stays Pending and has no image. The law of S1.2 — σ respects
 * capacity — says that on every machine the footprints placed there sum to at most its
 * allocatable resources. (kube-scheduler itself is modelled in `src/scheduler`; this is the
 * arrow and its law.)
 *
 * @since 0.1.0
 */

/** unit name → machine name; absent = not scheduled. @since 0.1.0 @category model */
export type Placement = ReadonlyMap<string, string>

/**
 * A first-fit σ: each unit in order goes to the first machine with room for its footprint.
 *
 * @example
 * import { firstFit } from "catcluster/domain/cluster"
 * // firstFit(cluster).get("web") === "node-1"
 *
 * @since 0.1.0
 * @category σ
 */
export const firstFit = (cluster: Cluster): Placement => {
  const used = new Map<string, ResourceVector>(cluster.machines.map((m) => [m.name, emptyResources]))
  const placement = new Map<string, string>()
  for (const unit of cluster.units) {
    const need = footprint(unit)
    for (const m of cluster.machines) {
      const after = addResources(used.get(m.name) ?? emptyResources, need)
      if (lessOrEqual(after, m.allocatable)) {
        used.set(m.name, after)
        placement.set(unit.name, m.name)
        break
      }
    }
  }
  return placement
}

/** A machine whose placed footprints exceed its allocatable resources. @since 0.1.0 @category model */
export interface CapacityViolation {
  readonly machine: string
  readonly units: ReadonlyArray<string>
  readonly exceeding: ReadonlyArray<{ readonly name: string; readonly amount: bigint; readonly bound: bigint }>
}

/**
 * The machines where σ does not respect capacity (empty when the law holds); placements on
 * unknown machines are violations too.
 *
 * @since 0.1.0
 * @category laws
 */
export const capacityViolations = (cluster: Cluster, placement: Placement): ReadonlyArray<CapacityViolation> => {
  const byMachine = new Map<string, SchedulingUnit[]>()
  for (const unit of cluster.units) {
    const at = placement.get(unit.name)
    if (at === undefined) continue
    const list = byMachine.get(at) ?? []
    list.push(unit)
    byMachine.set(at, list)
  }
  const out: CapacityViolation[] = []
  for (const [name, units] of byMachine) {
    const machine = cluster.machines.find((m) => m.name === name)
    const used = units.reduce((acc, u) => addResources(acc, footprint(u)), emptyResources)
    const over = exceeding(used, machine?.allocatable ?? emptyResources)
    if (machine === undefined || over.length > 0) out.push({ machine: name, units: units.map((u) => u.name), exceeding: over })
  }
  return out
}

/**
 * σ applied to one unit: the arrow Pod ⊎ VMI → P to its machine, or `undefined` when unscheduled.
 *
 * @since 0.1.0
 * @category σ
 */
export const schedule = (
  cluster: Cluster,
  placement: Placement,
  unit: SchedulingUnit,
): Morphism<UnitObject, "P", SchedulingUnit, Machine> | undefined => {
  const at = placement.get(unit.name)
  const machine = at === undefined ? undefined : cluster.machines.find((m) => m.name === at)
  return machine === undefined ? undefined : { arrow: scheduleArrow, source: unit, target: machine }
}
