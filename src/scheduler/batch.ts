/**
 * Scheduling a batch: bind the already-placed pods, then schedule the rest in order with one
 * scheduler (the hot path by default, the readable σ on request), returning one placement per pod.
 * With several profiles (a configuration's), each pod goes to the profile its `schedulerName`
 * names and a pod naming none stays unscheduled, as in a cluster; when the pods use more than one
 * profile the readable σ schedules them all (the hot path runs one profile), with the same
 * results by the equivalence property.
 *
 * @since 0.1.0
 */
import { hotScheduler } from "./core/HotScheduler.ts"
import type { ClusterSnapshot } from "./model/ClusterSnapshot.ts"
import { type SchedulingPod, schedulerNameOf } from "./model/SchedulingPod.ts"
import type { Placement } from "./Placement.ts"
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
}

/**
 * Schedule `pods` in order on `cluster`.
 *
 * @example
 * import { node, pod, scheduleBatch, snapshot } from "catcluster/scheduler"
 * const placements = scheduleBatch(snapshot([node("a", { cpu: 1000, memory: 2 ** 30, pods: 10 })]), [pod("d/x", { cpu: 600 }), pod("d/y", { cpu: 600 })])
 * placements.map((p) => p.node) // ["a", null]
 *
 * @since 0.1.0
 * @category scheduling
 */
export const scheduleBatch = (cluster: ClusterSnapshot, pods: ReadonlyArray<SchedulingPod>, options: BatchOptions = {}): ReadonlyArray<Placement> => {
  const byName = new Map<string, Profile>()
  for (const p of [options.profile ?? defaultProfile, ...(options.profiles ?? [])]) if (!byName.has(p.schedulerName)) byName.set(p.schedulerName, p)
  const used = [...new Set(pods.map(schedulerNameOf).filter((n) => byName.has(n)))]
  const seed = options.seed ?? 0
  const explain = options.explain === true
  if (used.length > 1) {
    const [first, ...rest] = [...byName.values()]
    const s = readableScheduler(cluster, { profile: first as Profile, profiles: rest, seed })
    return pods.map((p) => s.schedule(p, { explain }))
  }
  const make = options.engine === "readable" ? readableScheduler : hotScheduler
  const s = make(cluster, { profile: (used[0] === undefined ? undefined : byName.get(used[0])) ?? (options.profile ?? defaultProfile), seed })
  return pods.map((p) =>
    byName.has(schedulerNameOf(p)) ? s.schedule(p, { explain }) : { pod: p.key, node: null, reasons: [reasonNoProfile(schedulerNameOf(p))], message: "", victims: [] },
  )
}
