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
 * A pod a controller creates only once others are Running and Ready (`createdAfter`: a
 * StatefulSet's OrderedReady ordinals) joins the queue when the last of them is placed, and is
 * never created when one of them is not ({@link runQueue}); every caller of
 * {@link batchScheduler} runs its queue through {@link runQueue}, so none schedules such a pod early.
 *
 * @since 0.1.0
 */
import { hotPathSupports, hotScheduler } from "./core/HotScheduler.ts"
import type { ClusterSnapshot } from "./model/ClusterSnapshot.ts"
import { namespaceOf, type SchedulingPod, schedulerNameOf } from "./model/SchedulingPod.ts"
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

/** What running a queue gives ({@link runQueue}). @since 0.1.0 @category model */
export interface QueueRun {
  /** One placement per pod, in input order; a pod never created has `notCreated: true`. */
  readonly placements: ReadonlyArray<Placement>
  /** The indices of the pods attempted, in the order they were (pods never created are absent). */
  readonly attempted: ReadonlyArray<number>
}

/** Options of {@link runQueue}. @since 0.1.0 @category model */
export interface RunQueueOptions {
  /** Stop after this many attempts (the rest get no placement: `placements[i]` is then undefined). */
  readonly limit?: number
  /** Called after each attempt with the number attempted so far. */
  readonly attempted?: (done: number, index: number) => void
}

const nameIn = (key: string, namespace: string): string => (key.startsWith(`${namespace}/`) ? key.slice(namespace.length + 1) : key)

/**
 * The reason a pod is not created: it waits for `blocker` (a key) to be Running and Ready.
 *
 * @since 0.1.0
 * @category destructors
 */
export const notCreatedReason = (pod: SchedulingPod, blocker: string): string =>
  `its controller waits for ${nameIn(blocker, namespaceOf(pod))} to be Running and Ready before creating it`

/**
 * The placement of a pod never created because it waits for `blocker`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const notCreatedPlacement = (pod: SchedulingPod, blocker: string): Placement => {
  const reason = notCreatedReason(pod, blocker)
  return { pod: pod.key, node: null, reasons: [reason], message: reason, victims: [], notCreated: true }
}

/** A binary min-heap of queue ranks. */
class RankHeap {
  private readonly items: number[] = []
  get size(): number {
    return this.items.length
  }
  peek(): number {
    return this.items[0] as number
  }
  push(rank: number): void {
    const a = this.items
    a.push(rank)
    let i = a.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if ((a[parent] as number) <= rank) break
      a[i] = a[parent] as number
      i = parent
    }
    a[i] = rank
  }
  pop(): number {
    const a = this.items
    const top = a[0] as number
    const last = a.pop() as number
    if (a.length > 0) {
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        if (l >= a.length) break
        const r = l + 1
        const c = r < a.length && (a[r] as number) < (a[l] as number) ? r : l
        if ((a[c] as number) >= last) break
        a[i] = a[c] as number
        i = c
      }
      a[i] = last
    }
    return top
  }
}

/**
 * Runs a batch's queue: `attempt(i)` schedules pod `i` (and binds it when placed), called in
 * `order` ({@link batchOrder}) among the pods that exist. A pod with `createdAfter` exists once
 * every pod of the batch it names is placed (taken as Running and Ready, as a batch has no
 * clock); it then enters the queue at its own rank in `order`, ahead of the remaining pods that
 * rank after it. A pod waiting for a key that is no pod of the batch, or for a pod never placed,
 * is never created: its placement has `notCreated: true` and names the pod it waits for (the
 * first of its `createdAfter` not placed; when that one was not created either, the one it waits
 * for, and so on).
 *
 * The rank is the one the static order gives (priority, then creation time or input order): a
 * pod created later keeps the position its manifest's place in the input gives it. Upstream's
 * queue would stamp it with the time it is added, behind every pod of equal priority still
 * waiting; but in a cluster those pods would have been scheduled long before the predecessor
 * became Ready (scheduling takes milliseconds, starting a pod seconds), so neither reading is
 * the real timing, and this one keeps a StatefulSet whose ordinals all fit scheduled exactly as
 * before (the same queue order under OrderedReady and Parallel): the policy changes only what is
 * never created. Among pods that exist at each point, PrioritySort's order holds: a newly created
 * ordinal of higher priority goes before the lower-priority pods still queued.
 *
 * @example
 * import { node, pod, scheduleBatch, snapshot } from "catcluster/scheduler"
 * const pods = [pod("d/web-0", { cpu: 600 }), { ...pod("d/web-1", { cpu: 600 }), createdAfter: ["d/web-0"] }]
 * scheduleBatch(snapshot([node("a", { cpu: 1000, memory: 2 ** 30, pods: 10 })]), pods).map((p) => p.notCreated === true) // [false, false]: web-0 is placed, web-1 created and pending
 *
 * @since 0.1.0
 * @category scheduling
 */
export const runQueue = (pods: ReadonlyArray<SchedulingPod>, order: ReadonlyArray<number>, attempt: (i: number) => Placement, options: RunQueueOptions = {}): QueueRun => {
  const out: Placement[] = new Array(pods.length)
  const attempted: number[] = []
  const limit = options.limit ?? Number.POSITIVE_INFINITY
  const run = (i: number): Placement => {
    const p = attempt(i)
    out[i] = p
    attempted.push(i)
    options.attempted?.(attempted.length, i)
    return p
  }
  let waiting = false
  for (const p of pods) if (p.createdAfter !== undefined && p.createdAfter.length > 0) waiting = true
  if (!waiting) {
    // no pod waits for another: the static order, as before
    for (const i of order) {
      if (attempted.length >= limit) break
      run(i)
    }
    return { placements: out, attempted }
  }
  const n = pods.length
  const index = new Map<string, number>()
  for (let i = 0; i < n; i++) if (!index.has((pods[i] as SchedulingPod).key)) index.set((pods[i] as SchedulingPod).key, i)
  const rank = new Int32Array(n).fill(-1)
  order.forEach((i, r) => (rank[i] = r))
  // per pod: how many of its waits are not placed yet (-1: one of them never will be)
  const missing = new Int32Array(n)
  const dependents = new Map<number, number[]>()
  for (let i = 0; i < n; i++) {
    const after = (pods[i] as SchedulingPod).createdAfter
    if (after === undefined) continue
    for (const key of after) {
      const j = index.get(key)
      if (j === undefined || j === i) {
        missing[i] = -1
        break
      }
      missing[i] = (missing[i] as number) + 1
      const ds = dependents.get(j)
      if (ds === undefined) dependents.set(j, [i])
      else ds.push(i)
    }
  }
  // the pods that exist from the start go in `order` (a cursor); those created on the way by rank
  const created = new RankHeap()
  let cursor = 0
  while (attempted.length < limit) {
    while (cursor < order.length && missing[order[cursor] as number] !== 0) cursor++
    const fromOrder = cursor < order.length
    if (!fromOrder && created.size === 0) break
    const r = created.size > 0 && (!fromOrder || created.peek() < cursor) ? created.pop() : cursor++
    const i = order[r] as number
    const p = run(i)
    if (p.node === null) continue
    for (const d of dependents.get(i) ?? []) {
      const left = missing[d] as number
      if (left <= 0) continue
      missing[d] = left - 1
      // once created, a pod whose rank the cursor has passed enters the heap; one still ahead is met by the cursor
      const rd = rank[d] as number
      if (left === 1 && rd >= 0 && rd < cursor) created.push(rd)
    }
  }
  if (attempted.length >= limit) return { placements: out, attempted }
  // the pods never created, each with the pod it waits for: the first of its waits not placed, or,
  // when that one was not created either, what that one waits for (followed iteratively: a chain
  // can be as long as the batch; remembered, so each pod is walked once)
  const named = new Map<number, string>()
  const blockerOf = (from: number): string => {
    const path: number[] = []
    const onPath = new Set<number>()
    let i = from
    let result = ""
    for (;;) {
      const known = named.get(i)
      if (known !== undefined) {
        result = known
        break
      }
      path.push(i)
      onPath.add(i)
      const after = (pods[i] as SchedulingPod).createdAfter ?? []
      let key: string | undefined
      let next: number | undefined
      for (const k of after) {
        const j = index.get(k)
        const pj = j === undefined ? undefined : out[j]
        if (pj !== undefined && pj.node !== null) continue
        key = k
        next = j !== undefined && j !== i && pj === undefined ? j : undefined
        break
      }
      if (key === undefined) {
        result = after[0] ?? ""
        break
      }
      if (next === undefined || onPath.has(next)) {
        result = key
        break
      }
      i = next
    }
    for (const k of path) named.set(k, result)
    return result
  }
  const never: number[] = []
  for (let i = 0; i < n; i++) if (out[i] === undefined) never.push(i)
  const blockers = never.map(blockerOf)
  never.forEach((i, k) => (out[i] = notCreatedPlacement(pods[i] as SchedulingPod, blockers[k] as string)))
  return { placements: out, attempted }
}

/**
 * Schedule `pods` on `cluster` in queue order ({@link batchOrder}, through {@link runQueue}); the
 * placements come back in input order.
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
  const progress = options.progress
  return runQueue(pods, s.order, (i) => s.schedule(i, options.explain), {
    ...(progress === undefined ? {} : { attempted: (done: number) => (done % PROGRESS_EVERY === 0 ? progress(done) : undefined) }),
  }).placements
}
