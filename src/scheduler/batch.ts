/**
 * Scheduling a batch: bind the already-placed pods, then schedule the rest with one scheduler
 * (the hot path by default, the readable σ on request), returning one placement per pod in the
 * order the pods were given. With several profiles (a configuration's), each pod goes to the
 * profile its `schedulerName` names and a pod naming none stays unscheduled, as in a cluster; when
 * the pods use more than one profile the readable σ schedules them all (the hot path runs one
 * profile), with the same results by the equivalence property.
 *
 * The order the pods are *scheduled* in is the queue's: with PrioritySort (on in the default
 * profile) highest priority first, then creation time when every queued pod has one, then input
 * order (`plugins/PrioritySort.ts`); without it, input order. Gated pods (SchedulingGates) never
 * enter the queue: they are pending whatever their place, and do not count for the creation-time
 * rule. Every pod gets one scheduling attempt, as a batch has no later cluster events to retry on.
 *
 * @since 0.1.0
 */
import { hotPathSupports, hotScheduler } from "./core/HotScheduler.ts"
import type { ClusterSnapshot } from "./model/ClusterSnapshot.ts"
import { type SchedulingPod, schedulerNameOf } from "./model/SchedulingPod.ts"
import type { Placement } from "./Placement.ts"
import { prioritySortOrder } from "./plugins/PrioritySort.ts"
import { isGated } from "./plugins/SchedulingGates.ts"
import { defaultProfile, type Profile } from "./profile/Profile.ts"
import { readableScheduler, reasonNoProfile } from "./readable/ReadableScheduler.ts"

/** Options of a batch. @since 0.1.0 @category model */
export interface BatchOptions {
  readonly profile?: Profile
  /** Further profiles, chosen per pod by `schedulerName`. */
  readonly profiles?: ReadonlyArray<Profile>
  readonly seed?: number
  readonly explain?: boolean
  readonly engine?: "hot" | "readable"
  /** Called with the number of pods scheduled so far, every {@link PROGRESS_EVERY} pods. */
  readonly progress?: (scheduled: number) => void
}

/** How often a batch reports its progress, in pods. @since 0.1.0 @category constants */
export const PROGRESS_EVERY = 4096

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

/** A batch's scheduler: its queue order and one scheduling cycle per pod index. @since 0.1.0 @category model */
export interface BatchScheduler {
  /** Indices into the pods, in the order the queue schedules them ({@link batchOrder}). */
  readonly order: ReadonlyArray<number>
  /** The engine that runs (the readable σ when the pods use several profiles or the profile needs it). */
  readonly engine: "hot" | "readable"
  /** One scheduling cycle for pod `i` (call in `order`). */
  readonly schedule: (i: number, explain?: boolean) => Placement
}

/**
 * The scheduler a batch uses, cycle by cycle (what {@link scheduleBatch} runs): each pod by the
 * profile its `schedulerName` names, a pod naming none left unscheduled with that reason.
 *
 * @since 0.1.0
 * @category scheduling
 */
export const batchScheduler = (cluster: ClusterSnapshot, pods: ReadonlyArray<SchedulingPod>, options: BatchOptions = {}): BatchScheduler => {
  const byName = new Map<string, Profile>()
  for (const p of [options.profile ?? defaultProfile, ...(options.profiles ?? [])]) if (!byName.has(p.schedulerName)) byName.set(p.schedulerName, p)
  const used = [...new Set(pods.map(schedulerNameOf).filter((n) => byName.has(n)))]
  const seed = options.seed ?? 0
  // one queue for every profile: its order is the first profile's QueueSort
  const order = batchOrder(pods, options.profile ?? defaultProfile)
  if (used.length > 1) {
    const [first, ...rest] = [...byName.values()]
    const s = readableScheduler(cluster, { profile: first as Profile, profiles: rest, seed })
    return { order, engine: "readable", schedule: (i, explain) => s.schedule(pods[i] as SchedulingPod, { explain: explain === true }) }
  }
  const profile = (used[0] === undefined ? undefined : byName.get(used[0])) ?? (options.profile ?? defaultProfile)
  // a profile that reorders plugins runs on the readable σ (the hot path assumes the default order)
  const engine = options.engine === "readable" || !hotPathSupports(profile) ? "readable" : "hot"
  const s = (engine === "readable" ? readableScheduler : hotScheduler)(cluster, { profile, seed })
  return {
    order,
    engine,
    schedule: (i, explain) => {
      const p = pods[i] as SchedulingPod
      return byName.has(schedulerNameOf(p)) ? s.schedule(p, { explain: explain === true }) : { pod: p.key, node: null, reasons: [reasonNoProfile(schedulerNameOf(p))], message: "", victims: [] }
    },
  }
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
  const s = batchScheduler(cluster, pods, options)
  const out: Placement[] = new Array(pods.length)
  let done = 0
  for (const i of s.order) {
    out[i] = s.schedule(i, options.explain)
    if (++done % PROGRESS_EVERY === 0) options.progress?.(done)
  }
  return out
}
