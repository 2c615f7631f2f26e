import type { ClusterModel, ModelledUnit } from "../../domain/model/clusterFromManifests.ts"
import { PODS } from "../../domain/resources/ResourceName.ts"
import { addResources, emptyResources, resources, showResources } from "../../domain/resources/ResourceVector.ts"
import { exhaustive } from "../../laws/Carrier.ts"
import { law } from "../../laws/Law.ts"
import { bind, notApplicable, suite, type Suite } from "../../laws/Suite.ts"
import { excessOf, noneFound, showExcess, type Excess } from "./Shortfall.ts"

/**
 * σ respects capacity (S1.2) for the placements the manifests already state (`spec.nodeName`,
 * a VMI's `status.nodeName`): on every node the effective requests placed there — plus one
 * `pods` slot per pod when the node counts pods, as the kubelet does — are within its
 * allocatable resources. A failing case names the node, the units on it and the excess per
 * resource. A placement on a node that is not in the model fails too.
 *
 * @since 0.1.0
 */

/** A node and the units the manifests put on it. */
interface NodeLoad {
  readonly node: string
  readonly units: ReadonlyArray<ModelledUnit>
}

/** What is wrong on one node. */
interface Overcommit {
  readonly node: string
  readonly units: ReadonlyArray<string>
  readonly excess: ReadonlyArray<Excess>
  readonly unknownNode: boolean
}

const showOvercommit = (o: Overcommit): string =>
  o.unknownNode
    ? `${o.units.join(", ")} placed on node ${o.node}, which is not in the model`
    : `node ${o.node} overcommitted by ${o.units.join(", ")}: ${o.excess.map((e) => showExcess(e, "over by")).join(", ")}`

/**
 * The σ suite on a cluster model, exhaustive over the nodes that have placements.
 *
 * @example
 * import { capacitySuite } from "catcluster/app/check"
 * // runSuite(capacitySuite(model)) → schedule.respectsCapacity fails: node n1 overcommitted by a, b: cpu 5000m > 4000m (over by 1000m)
 *
 * @since 0.1.0
 * @category suites
 */
export const capacitySuite = (model: ClusterModel, subject = "your placements"): Suite => {
  const byNode = new Map<string, ModelledUnit[]>()
  for (const u of model.units) {
    if (u.nodeName === undefined) continue
    const list = byNode.get(u.nodeName) ?? []
    list.push(u)
    byNode.set(u.nodeName, list)
  }
  const loads: ReadonlyArray<NodeLoad> = [...byNode].map(([node, units]) => ({ node, units }))
  const machines = new Map(model.cluster.machines.map((m) => [m.name, m]))
  const statement = "∀ node p: Σ { request(u) | σ(u) = p } ≤ allocatable(p)  (σ respects capacity)"
  if (loads.length === 0) {
    return suite("schedule", subject, [notApplicable("schedule.respectsCapacity", statement, "no placement is given (no spec.nodeName, no VMI status.nodeName)")])
  }
  return suite("schedule", subject, [
    bind(
      law("schedule.respectsCapacity", statement, (load: NodeLoad) => {
        const machine = machines.get(load.node)
        const names = load.units.map((u) => u.unit.name)
        if (machine === undefined) return { lhs: [{ node: load.node, units: names, excess: [], unknownNode: true }], rhs: [] }
        const countsPods = machine.allocatable.has(PODS)
        let used = emptyResources
        for (const u of load.units) used = addResources(used, countsPods ? addResources(u.request, resources({ [PODS]: 1n })) : u.request)
        const excess = excessOf(used, machine.allocatable)
        return { lhs: excess.length === 0 ? [] : [{ node: load.node, units: names, excess, unknownNode: false }], rhs: [] }
      }),
      exhaustive(() => loads, (l) => `node ${l.node} with ${l.units.length} unit(s): ${showResources(l.units.reduce((acc, u) => addResources(acc, u.request), emptyResources))}`),
      noneFound((os: ReadonlyArray<Overcommit>) => os.map(showOvercommit).join("; ")),
    ),
  ])
}
