/**
 * Scheduling a batch: bind the already-placed pods, then schedule the rest with one scheduler
 * (the hot path by default, the readable σ on request), returning one placement per pod in the
 * order the pods were given.
 *
 * The order the pods are *scheduled* in is the queue's: with PrioritySort (on in the default
 * profile) highest priority first, then creation time when every queued pod has one, then input
 * order (`plugins/PrioritySort.ts`); without it, input order. Gated pods (SchedulingGates) never
 * enter the queue: they are pending whatever their place, and do not count for the creation-time
 * rule. Every pod gets one scheduling attempt, as a batch has no later cluster events to retry on.
 *
 * @since 0.1.0
 */
import { hotScheduler } from "./core/HotScheduler.ts"
import type { ClusterSnapshot } from "./model/ClusterSnapshot.ts"
import type { SchedulingPod } from "./model/SchedulingPod.ts"
import type { Placement } from "./Placement.ts"
import { prioritySortOrder } from "./plugins/PrioritySort.ts"
import { isGated } from "./plugins/SchedulingGates.ts"
import { defaultProfile, type Profile } from "./profile/Profile.ts"
import { readableScheduler } from "./readable/ReadableScheduler.ts"

/** Options of a batch. @since 0.1.0 @category model */
export interface BatchOptions {
  readonly profile?: Profile
  readonly seed?: number
  readonly explain?: boolean
  readonly engine?: "hot" | "readable"
}

/**
 * The order in which a batch schedules `pods`, as indices into it: the queued pods in queue order
 * (PrioritySort when the profile has it, else input order), then the gated ones.
 *
 * @since 0.1.0
 * @category scheduling
 */
export const batchOrder = (pods: ReadonlyArray<SchedulingPod>, profile: Profile = defaultProfile): ReadonlyArray<number> => {
  const all = pods.map((_, i) => i)
  const gated = profile.schedulingGates ? all.filter((i) => isGated(pods[i] as SchedulingPod)) : []
  const queued = profile.schedulingGates ? all.filter((i) => !isGated(pods[i] as SchedulingPod)) : all
  const sorted = profile.prioritySort ? prioritySortOrder(queued.map((i) => pods[i] as SchedulingPod)).map((k) => queued[k] as number) : queued
  return [...sorted, ...gated]
}

/**
 * Schedule `pods` on `cluster` in queue order ({@link batchOrder}); the placements come back in
 * input order.
 *
 * @example
 * import { node, pod, scheduleBatch, snapshot } from "catcluster/scheduler"
 * const placements = scheduleBatch(snapshot([node("a", { cpu: 1000, memory: 2 ** 30, pods: 10 })]), [pod("d/x", { cpu: 600 }), pod("d/y", { cpu: 600 }, { priority: 5 })])
 * placements.map((p) => p.node) // [null, "a"]: y has the higher priority, so it is scheduled first
 *
 * @since 0.1.0
 * @category scheduling
 */
export const scheduleBatch = (cluster: ClusterSnapshot, pods: ReadonlyArray<SchedulingPod>, options: BatchOptions = {}): ReadonlyArray<Placement> => {
  const profile = options.profile ?? defaultProfile
  const make = options.engine === "readable" ? readableScheduler : hotScheduler
  const s = make(cluster, { profile, seed: options.seed ?? 0 })
  const out: Placement[] = new Array(pods.length)
  for (const i of batchOrder(pods, profile)) out[i] = s.schedule(pods[i] as SchedulingPod, { explain: options.explain === true })
  return out
}
