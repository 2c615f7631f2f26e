/**
 * Where everything runs: the nodes as they are now (cordoned, or gone), the units placed on
 * them in bind order (which stands for start time when preemption picks victims), and the
 * units waiting in the scheduling queue with the scheduler's reason. The baseline is the input
 * scheduled once: what is bound stays bound, the rest goes through `Scheduler.schedule` in input
 * order.
 *
 * @since 0.1.0
 */
import { batchOrder, runQueue } from "../scheduler/batch.ts"
import { hotPathSupports, hotScheduler } from "../scheduler/core/HotScheduler.ts"
import { schedulerNameOf, withoutStatusResources } from "../scheduler/model/SchedulingPod.ts"
import { readableScheduler, reasonNoProfile } from "../scheduler/readable/ReadableScheduler.ts"
import type { ClusterSnapshot } from "../scheduler/model/ClusterSnapshot.ts"
import type { SchedulingNode } from "../scheduler/model/SchedulingNode.ts"
import type { Placement, Scheduler } from "../scheduler/Placement.ts"
import type { Inventory } from "./Inventory.ts"

/** A unit on a node. @since 0.1.0 @category model */
export interface PlacedUnit {
  readonly key: string
  readonly node: string
  /**
   * A new pod an operation placed (a controller's replacement, a restarted VMI, a migration
   * target): it holds its spec's requests, not what the status of the pod it replaces said of a
   * resize in flight.
   */
  readonly recreated?: boolean
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
 * A scheduler over a state's nodes and placed units, chosen as `scheduleBatch` (and so
 * `catcluster schedule`) chooses it: the hot path for one profile it supports, else the readable
 * σ; a pod whose `schedulerName` names no profile is left alone.
 *
 * @since 0.1.0
 * @category constructors
 */
export const schedulerFor = (inv: Inventory, nodes: ReadonlyArray<SchedulingNode>, placed: ReadonlyArray<PlacedUnit>): Scheduler => {
  const podOf = (p: PlacedUnit) => (p.recreated === true ? withoutStatusResources(inv.units.get(p.key)!.pod) : inv.units.get(p.key)!.pod)
  const snapshot: ClusterSnapshot = { nodes, bound: placed.map((p) => ({ pod: podOf(p), node: p.node })), ...inv.objects }
  // as scheduleBatch chooses: several profiles go to the readable σ, which picks one per pod;
  // one profile runs on the hot path when it can
  if (inv.profiles.length > 0) return readableScheduler(snapshot, { profile: inv.profile, profiles: inv.profiles, seed: inv.seed })
  const s = (hotPathSupports(inv.profile) ? hotScheduler : readableScheduler)(snapshot, { profile: inv.profile, seed: inv.seed })
  return {
    ...s,
    schedule: (pod, options) =>
      schedulerNameOf(pod) === inv.profile.schedulerName ? s.schedule(pod, options) : { pod: pod.key, node: null, reasons: [reasonNoProfile(schedulerNameOf(pod))], message: "", victims: [] },
  }
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
  // the queue `catcluster schedule` runs (PrioritySort when the profile has it; a pod whose
  // controller waits for others, `createdAfter`, joins it once they are placed, or is never created)
  const pods = inv.unbound.map((k) => inv.units.get(k)!.pod)
  const run = runQueue(pods, batchOrder(pods, inv.profile), (i) => {
    const key = inv.unbound[i]!
    const p = s.schedule(inv.units.get(key)!.pod)
    if (p.victims.length > 0) {
      const victims = new Set(p.victims)
      placed = placed.filter((x) => !victims.has(x.key))
      for (const v of p.victims) pending.push({ key: v, reason: `preempted by ${key} before any drain` })
    }
    if (p.node === null) pending.push({ key, reason: placementMessage(p) })
    else placed.push({ key, node: p.node })
    return p
  })
  // never created: pending with the pod they wait for, after those attempted
  run.placements.forEach((p, i) => {
    if (p.notCreated === true) pending.push({ key: inv.unbound[i]!, reason: placementMessage(p) })
  })
  return { nodes: inv.nodes, placed, pending }
}

/**
 * Units per node, in bind order.
 *
 * @since 0.1.0
 * @category destructors
 */
export const unitsOn = (state: ClusterState, node: string): ReadonlyArray<string> => state.placed.filter((p) => p.node === node).map((p) => p.key)
