/**
 * Where everything runs: the nodes as they are now (cordoned, or gone), the units placed on
 * them in bind order (which stands for start time when preemption picks victims), and the
 * units waiting in the scheduling queue with the scheduler's reason. The baseline is the input
 * scheduled once: what is bound stays bound, the rest goes through `Scheduler.schedule` in input
 * order.
 *
 * @since 0.1.0
 */
import { batchOrder } from "../scheduler/batch.ts"
import { hotScheduler } from "../scheduler/core/HotScheduler.ts"
import type { ClusterSnapshot } from "../scheduler/model/ClusterSnapshot.ts"
import type { SchedulingNode } from "../scheduler/model/SchedulingNode.ts"
import type { Placement, Scheduler } from "../scheduler/Placement.ts"
import type { Inventory } from "./Inventory.ts"

/** A unit on a node. @since 0.1.0 @category model */
export interface PlacedUnit {
  readonly key: string
  readonly node: string
}

/** A unit no node takes, with the scheduler's message. @since 0.1.0 @category model */
export interface PendingUnit {
  readonly key: string
  readonly reason: string
}

/**
 * The cluster at one moment.
 *
 * @since 0.1.0
 * @category model
 */
export interface ClusterState {
  readonly nodes: ReadonlyArray<SchedulingNode>
  /** In bind order. */
  readonly placed: ReadonlyArray<PlacedUnit>
  readonly pending: ReadonlyArray<PendingUnit>
}

/**
 * kube-scheduler's message for a pod it could not place: "0/3 nodes are available: 1 node(s)
 * were unschedulable, 2 Insufficient cpu." (the scheduler's own `message` when it gives one).
 *
 * @since 0.1.0
 * @category destructors
 */
export const placementMessage = (p: Placement): string => {
  const given = (p as Placement & { readonly message?: unknown }).message
  if (typeof given === "string" && given !== "") return given
  const [head, ...rest] = p.reasons
  if (head === undefined) return "no node was found"
  return rest.length === 0 ? `${head}.` : `${head}: ${rest.join(", ")}.`
}

/**
 * A scheduler (the hot path, same semantics as `catcluster schedule`) over a state's nodes and
 * placed units.
 *
 * @since 0.1.0
 * @category constructors
 */
export const schedulerFor = (inv: Inventory, nodes: ReadonlyArray<SchedulingNode>, placed: ReadonlyArray<PlacedUnit>): Scheduler => {
  const snapshot: ClusterSnapshot = { nodes, bound: placed.map((p) => ({ pod: inv.units.get(p.key)!.pod, node: p.node })) }
  return hotScheduler(snapshot, { profile: inv.profile, seed: inv.seed })
}

/**
 * The cluster as the input leaves it once the scheduler has placed what was not bound (in input
 * order, with preemption, as `catcluster schedule` does).
 *
 * @since 0.1.0
 * @category constructors
 */
export const baseline = (inv: Inventory): ClusterState => {
  const s = schedulerFor(inv, inv.nodes, inv.bound)
  let placed: PlacedUnit[] = [...inv.bound]
  const pending: PendingUnit[] = []
  // the queue order `catcluster schedule` uses (PrioritySort when the profile has it)
  const order = batchOrder(inv.unbound.map((k) => inv.units.get(k)!.pod), inv.profile)
  for (const key of order.map((i) => inv.unbound[i]!)) {
    const p = s.schedule(inv.units.get(key)!.pod)
    if (p.victims.length > 0) {
      const victims = new Set(p.victims)
      placed = placed.filter((x) => !victims.has(x.key))
      for (const v of p.victims) pending.push({ key: v, reason: `preempted by ${key} before any drain` })
    }
    if (p.node === null) pending.push({ key, reason: placementMessage(p) })
    else placed.push({ key, node: p.node })
  }
  return { nodes: inv.nodes, placed, pending }
}

/**
 * Units per node, in bind order.
 *
 * @since 0.1.0
 * @category destructors
 */
export const unitsOn = (state: ClusterState, node: string): ReadonlyArray<string> => state.placed.filter((p) => p.node === node).map((p) => p.key)
