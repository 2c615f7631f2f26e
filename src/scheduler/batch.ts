/**
 * Scheduling a batch: bind the already-placed pods, then schedule the rest in order with one
 * scheduler (the hot path by default, the readable σ on request), returning one placement per pod.
 *
 * @since 0.1.0
 */
import { hotScheduler } from "./core/HotScheduler.ts"
import type { ClusterSnapshot } from "./model/ClusterSnapshot.ts"
import type { SchedulingPod } from "./model/SchedulingPod.ts"
import type { Placement } from "./Placement.ts"
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
  const make = options.engine === "readable" ? readableScheduler : hotScheduler
  const s = make(cluster, { profile: options.profile ?? defaultProfile, seed: options.seed ?? 0 })
  return pods.map((p) => s.schedule(p, { explain: options.explain === true }))
}
