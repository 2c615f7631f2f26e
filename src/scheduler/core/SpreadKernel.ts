/**
 * PodTopologySpread on the hot path (Kubernetes v1.35 semantics, independent of the readable
 * plugin so the equivalence tests compare two implementations): the constraints of a pod (its
 * own, or the system / listed defaults with the selector of its Services and controller), the
 * PreFilter state (matching pods per domain over the eligible nodes, the global minimum), the
 * per-node filter verdict, preemption's add/remove adjustments, and the PreScore / Score /
 * NormalizeScore over the feasible nodes. Counts come from the label-class index, so the work
 * per pod is O(nodes + matching pods' nodes), not O(pods).
 *
 * @since 0.1.0
 */
import { topologyNormalizingWeight } from "../plugins/TopologySpreadScore.ts"
import type { ClusterObjects, ControllerSelector, ServiceSelector } from "../model/ClusterObjects.ts"
import { isEmptySelector, type LabelSelector, labelSelectorMatches, type Labels, mergeLabelKeys } from "../model/LabelSelector.ts"
import { labelsOf, namespaceOf, type SchedulingPod } from "../model/SchedulingPod.ts"
import type { TopologySpreadConstraint } from "../model/TopologySpread.ts"
import { type Profile, SYSTEM_DEFAULT_CONSTRAINTS } from "../profile/Profile.ts"
import { type Domains, domainsOf } from "./Domains.ts"
import type { NodeArrays } from "./NodeArrays.ts"
import { inNamespaceSelected, type LabelClass, type PodIndex } from "./PodIndex.ts"

const HOSTNAME = "kubernetes.io/hostname"

/** A constraint resolved against the nodes. @since 0.1.0 @category model */
export interface HotConstraint {
  readonly maxSkew: number
  readonly minDomains: number
  readonly selector: LabelSelector
  readonly domains: Domains
  readonly honorAffinity: boolean
  readonly honorTaints: boolean
  /** The incoming pod matches the selector itself. */
  readonly selfMatch: number
}

/** What the kernel reads besides the pod. @since 0.1.0 @category model */
export interface SpreadContext {
  readonly a: NodeArrays
  readonly index: PodIndex
  readonly domains: Map<string, Domains>
  readonly profile: Profile
  readonly objects: ClusterObjects
}

const isKind = (c: { readonly apiVersion: string; readonly kind: string }, group: string, kind: string): boolean =>
  c.kind === kind && (group === "" ? c.apiVersion === "v1" : c.apiVersion.startsWith(`${group}/`))

// Services by namespace and controllers by (kind, namespace, name), built once per object set.
interface ObjectLookup {
  readonly services: ReadonlyMap<string, ReadonlyArray<ServiceSelector>>
  readonly controllers: ReadonlyMap<string, ControllerSelector>
}
const lookups = new WeakMap<ClusterObjects, ObjectLookup>()
const lookupOf = (objects: ClusterObjects): ObjectLookup => {
  let l = lookups.get(objects)
  if (l === undefined) {
    const services = new Map<string, ServiceSelector[]>()
    for (const s of objects.services ?? []) services.set(s.namespace, [...(services.get(s.namespace) ?? []), s])
    const controllers = new Map<string, ControllerSelector>()
    for (const c of objects.controllers ?? []) {
      const key = `${c.kind}\u0000${c.namespace}\u0000${c.name}`
      if (!controllers.has(key)) controllers.set(key, c)
    }
    l = { services, controllers }
    lookups.set(objects, l)
  }
  return l
}

/**
 * `helper.DefaultSelector`: the selectors of the pod's Services merged, plus its controlling
 * ReplicationController's (merged) or ReplicaSet's / StatefulSet's (ANDed); `undefined` when
 * empty.
 *
 * @since 0.1.0
 * @category accessors
 */
export const defaultSelector = (pod: SchedulingPod, objects: ClusterObjects): LabelSelector | undefined => {
  const ns = namespaceOf(pod)
  const labels = labelsOf(pod)
  const lookup = lookupOf(objects)
  const merged: Record<string, string> = {}
  for (const s of lookup.services.get(ns) ?? []) {
    if (s.selector === undefined) continue
    if (labelSelectorMatches({ matchLabels: s.selector }, labels)) Object.assign(merged, s.selector)
  }
  let extra: LabelSelector = {}
  const owner = pod.controller
  if (owner !== undefined) {
    const find = (kind: "ReplicationController" | "ReplicaSet" | "StatefulSet") => lookup.controllers.get(`${kind}\u0000${ns}\u0000${owner.name}`)
    if (isKind(owner, "", "ReplicationController")) Object.assign(merged, find("ReplicationController")?.selector.matchLabels ?? {})
    else if (isKind(owner, "apps", "ReplicaSet")) extra = find("ReplicaSet")?.selector ?? {}
    else if (isKind(owner, "apps", "StatefulSet")) extra = find("StatefulSet")?.selector ?? {}
  }
  const selector: LabelSelector = {
    matchLabels: merged,
    matchExpressions: [
      ...Object.entries(extra.matchLabels ?? {}).map(([key, v]) => ({ key, operator: "In" as const, values: [v] })),
      ...(extra.matchExpressions ?? []),
    ],
  }
  return isEmptySelector(selector) ? undefined : selector
}

/**
 * The pod's constraints for one action: its own (selector merged with `matchLabelKeys`), or, when
 * it has none, the profile's defaults with the default selector.
 *
 * @since 0.1.0
 * @category constructors
 */
export const hotConstraints = (ctx: SpreadContext, pod: SchedulingPod, action: TopologySpreadConstraint["whenUnsatisfiable"]): ReadonlyArray<HotConstraint> => {
  const labels = labelsOf(pod)
  const own = pod.topologySpreadConstraints ?? []
  const resolve = (c: Omit<TopologySpreadConstraint, "labelSelector">, selector: LabelSelector | undefined): HotConstraint | undefined =>
    selector === undefined
      ? undefined
      : {
          maxSkew: c.maxSkew,
          minDomains: c.minDomains ?? 1,
          selector,
          domains: domainsOf(ctx.a, c.topologyKey, ctx.domains),
          honorAffinity: (c.nodeAffinityPolicy ?? "Honor") === "Honor",
          honorTaints: c.nodeTaintsPolicy === "Honor",
          selfMatch: labelSelectorMatches(selector, labels) ? 1 : 0,
        }
  if (own.length > 0) {
    return own
      .filter((c) => c.whenUnsatisfiable === action)
      .flatMap((c) => {
        // an absent selector selects no pod, but the constraint still applies (every count is 0)
        const r = resolve(c, mergeLabelKeys(c.labelSelector, labels, c.matchLabelKeys ?? []) ?? NOTHING)
        return r === undefined ? [] : [r]
      })
  }
  const args = ctx.profile.podTopologySpread
  const defaults = (args.defaultingType === "System" ? SYSTEM_DEFAULT_CONSTRAINTS : args.defaultConstraints).filter((c) => c.whenUnsatisfiable === action)
  if (defaults.length === 0) return []
  const selector = defaultSelector(pod, ctx.objects)
  if (selector === undefined) return []
  return defaults.flatMap((c) => {
    const r = resolve(c, selector)
    return r === undefined ? [] : [r]
  })
}

// A selector no labels satisfy (an absent labelSelector).
const NOTHING: LabelSelector = { matchExpressions: [{ key: "", operator: "In", values: [] }] }

// `countPodsMatchSelector` counts nothing for an empty selector (labels.Everything().Empty()), and
// an absent one selects nothing; the pod's own match (selfMatch) still uses plain matching.
const counts = (selector: LabelSelector, labels: Labels): boolean =>
  selector !== NOTHING && !isEmptySelector(selector) && labelSelectorMatches(selector, labels)

/**
 * The label classes a constraint counts: matching, non-terminating, in the pod's namespace.
 *
 * @since 0.1.0
 * @category accessors
 */
export const countedClasses = (ctx: SpreadContext, namespace: string, selector: LabelSelector): ReadonlyArray<number> =>
  selector === NOTHING || isEmptySelector(selector)
    ? []
    : inNamespaceSelected(ctx.index, namespace, selector).filter((c) => !(ctx.index.classes[c] as LabelClass).terminating)

/** The PreFilter state of the DoNotSchedule constraints. @since 0.1.0 @category model */
export interface SpreadFilterState {
  readonly constraints: ReadonlyArray<HotConstraint>
  readonly namespace: string
  /** Per node: has every constraint's key. */
  readonly hasAll: Uint8Array
  /** Per constraint and node: counted (has all keys, inclusion policies hold). */
  readonly eligible: ReadonlyArray<Uint8Array>
  /** Per constraint: matching pods per domain, and which domains have an eligible node. */
  readonly counts: ReadonlyArray<Int32Array>
  readonly present: ReadonlyArray<Uint8Array>
  /** Per constraint: the global minimum (minDomains applied). */
  readonly minimum: Int32Array
}

/** Per-node policy bitmaps a constraint needs (computed once per pod by the caller). @since 0.1.0 @category model */
export interface PolicyMasks {
  readonly affinity: () => Uint8Array
  /** The pod's required node affinity admits every node (then `affinity()` is all ones). */
  readonly affinityEverywhere: () => boolean
  readonly taints: () => Uint8Array
}

const recomputeMinimum = (s: SpreadFilterState, i: number): void => {
  const c = s.constraints[i] as HotConstraint
  const counts = s.counts[i] as Int32Array
  const present = s.present[i] as Uint8Array
  let min = 2 ** 31 - 1
  let domains = 0
  for (let d = 0; d < counts.length; d++) {
    if (present[d] === 0) continue
    domains++
    if ((counts[d] as number) < min) min = counts[d] as number
  }
  s.minimum[i] = domains < c.minDomains ? 0 : min
}

/**
 * PreFilter for the DoNotSchedule constraints (none: `undefined`, the plugin skips).
 *
 * @since 0.1.0
 * @category constructors
 */
export const spreadFilterState = (ctx: SpreadContext, pod: SchedulingPod, masks: PolicyMasks): SpreadFilterState | undefined => {
  const constraints = hotConstraints(ctx, pod, "DoNotSchedule")
  if (constraints.length === 0) return undefined
  const N = ctx.a.count
  const namespace = namespaceOf(pod)
  // Node labels never change: with one constraint the nodes having its key are its domains' `has`.
  let hasAll: Uint8Array
  if (constraints.length === 1) hasAll = (constraints[0] as HotConstraint).domains.has
  else {
    hasAll = new Uint8Array(N).fill(1)
    for (const c of constraints) {
      const has = c.domains.has
      for (let n = 0; n < N; n++) if (has[n] === 0) hasAll[n] = 0
    }
  }
  const eligible = constraints.map((c) => {
    const affinity = c.honorAffinity && !masks.affinityEverywhere() ? masks.affinity() : undefined
    const taints = c.honorTaints ? masks.taints() : undefined
    // shared, never written: only a policy that excludes nodes needs a copy
    if (affinity === undefined && taints === undefined) return hasAll
    const e = Uint8Array.from(hasAll)
    if (affinity !== undefined) for (let n = 0; n < N; n++) if (affinity[n] === 0) e[n] = 0
    if (taints !== undefined) for (let n = 0; n < N; n++) if (taints[n] === 0) e[n] = 0
    return e
  })
  const counts = constraints.map((c) => new Int32Array(c.domains.count))
  const present = constraints.map((c, i) => {
    const e = eligible[i] as Uint8Array
    if (e === c.domains.has) return presentWhereKeyed(c.domains)
    const p = new Uint8Array(c.domains.count)
    const of = c.domains.of
    for (let n = 0; n < N; n++) if (e[n] === 1) p[of[n] as number] = 1
    return p
  })
  constraints.forEach((c, i) => {
    const e = eligible[i] as Uint8Array
    const k = counts[i] as Int32Array
    for (const cls of countedClasses(ctx, namespace, c.selector)) {
      for (const [n, count] of (ctx.index.classes[cls] as LabelClass).onNode) {
        if (e[n] === 1) k[c.domains.of[n] as number] = (k[c.domains.of[n] as number] as number) + count
      }
    }
  })
  const s: SpreadFilterState = { constraints, namespace, hasAll, eligible, counts, present, minimum: new Int32Array(constraints.length) }
  for (let i = 0; i < constraints.length; i++) recomputeMinimum(s, i)
  return s
}

// The domains some node carrying the key belongs to, per Domains (read only, shared).
const presentCache = new WeakMap<Domains, Uint8Array>()
const presentWhereKeyed = (d: Domains): Uint8Array => {
  let p = presentCache.get(d)
  if (p === undefined) {
    p = new Uint8Array(d.count)
    for (let n = 0; n < d.of.length; n++) if (d.has[n] === 1) p[d.of[n] as number] = 1
    presentCache.set(d, p)
  }
  return p
}

/**
 * The Filter verdicts of every node at once, as `spreadVerdict` gives them node by node: writes
 * `missingLabel` or `skew` into `out` for the nodes that fail and leaves the others as they are.
 * Per constraint the verdict of each domain is computed once, then looked up per node.
 *
 * @since 0.1.0
 * @category filters
 */
export const spreadVerdicts = (s: SpreadFilterState, out: Uint8Array, missingLabel: number, skew: number): void => {
  const N = out.length
  // constraints in reverse, so that the first failing constraint's verdict is the one left
  for (let i = s.constraints.length - 1; i >= 0; i--) {
    const c = s.constraints[i] as HotConstraint
    const counts = s.counts[i] as Int32Array
    const bound = c.maxSkew - c.selfMatch + (s.minimum[i] as number)
    const skewed = new Uint8Array(counts.length)
    for (let d = 0; d < counts.length; d++) skewed[d] = (counts[d] as number) > bound ? 1 : 0
    const has = c.domains.has
    const of = c.domains.of
    for (let n = 0; n < N; n++) {
      if (has[n] === 0) out[n] = missingLabel
      else if (skewed[of[n] as number] === 1) out[n] = skew
    }
  }
}

/** Verdicts. @since 0.1.0 @category constants */
export const SPREAD = { ok: 0, missingLabel: 1, skew: 2 } as const

/**
 * The Filter verdict on node `n`.
 *
 * @since 0.1.0
 * @category filters
 */
export const spreadVerdict = (s: SpreadFilterState, n: number): number => {
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i] as HotConstraint
    if (c.domains.has[n] === 0) return SPREAD.missingLabel
    const count = (s.counts[i] as Int32Array)[c.domains.of[n] as number] as number
    if (count + c.selfMatch - (s.minimum[i] as number) > c.maxSkew) return SPREAD.skew
  }
  return SPREAD.ok
}

/**
 * Preemption's AddPod / RemovePod: a pod of class `cls` added (+1) or removed (−1) on node `n`.
 *
 * @since 0.1.0
 * @category mutations
 */
export const spreadAdjust = (s: SpreadFilterState, cls: LabelClass, n: number, delta: number): void => {
  if (cls.namespace !== s.namespace || cls.terminating) return
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i] as HotConstraint
    if ((s.eligible[i] as Uint8Array)[n] === 0 || !counts(c.selector, cls.labels)) continue
    const k = s.counts[i] as Int32Array
    const d = c.domains.of[n] as number
    k[d] = (k[d] as number) + delta
    recomputeMinimum(s, i)
  }
}

/** Scratch arrays reused across cycles (sized to the nodes). @since 0.1.0 @category model */
export interface SpreadScratch {
  /** Matching pods per node for a hostname constraint; all zero between cycles. */
  readonly hostCount: Int32Array
}

/** Fresh scratch for `n` nodes. @since 0.1.0 @category constructors */
export const spreadScratch = (n: number): SpreadScratch => ({ hostCount: new Int32Array(n) })

/**
 * PreScore, Score and NormalizeScore for the ScheduleAnyway constraints (`hotConstraints(…,
 * "ScheduleAnyway")`) over the feasible nodes
 * `feasible[0..found)`, writing the normalised scores to `out[k]` (`raw` is scratch); `false`
 * when the plugin skips (no such constraint). Per cycle: one pass over the feasible nodes, one over
 * the matching pods' nodes, one to score and one to normalise.
 *
 * @since 0.1.0
 * @category scorers
 */
export const spreadScores = (
  ctx: SpreadContext,
  pod: SchedulingPod,
  constraints: ReadonlyArray<HotConstraint>,
  masks: PolicyMasks,
  feasible: Int32Array,
  found: number,
  out: Int32Array,
  raw: Float64Array,
  scratch: SpreadScratch,
): boolean => {
  const C = constraints.length
  if (C === 0 || ctx.a.count === 0) return false
  const namespace = namespaceOf(pod)
  const requireAll = (pod.topologySpreadConstraints ?? []).length > 0 || ctx.profile.podTopologySpread.defaultingType !== "System"
  const matched = constraints.map((c) => countedClasses(ctx, namespace, c.selector))
  const hasAll = (n: number): boolean => {
    for (let i = 0; i < C; i++) if ((constraints[i] as HotConstraint).domains.has[n] === 0) return false
    return true
  }
  // IgnoredNodes (requireAll only): marked in `out` as −1 until the end.
  let ignoredCount = 0
  if (requireAll) {
    for (let k = 0; k < found; k++) {
      if (hasAll(feasible[k] as number)) out[k] = 0
      else {
        out[k] = -1
        ignoredCount++
      }
    }
  } else out.fill(0, 0, found)
  // Raw scores accumulate constraint by constraint (the same float additions, in the same order, as Score).
  raw.fill(0, 0, found)
  const hostCount = scratch.hostCount
  let hostUsed = false
  for (let i = 0; i < C; i++) {
    const c = constraints[i] as HotConstraint
    const has = c.domains.has
    const of = c.domains.of
    const skew = c.maxSkew - 1
    if (c.domains.key === HOSTNAME) {
      // Score counts a node's own matching pods, whatever the policies
      const weight = topologyNormalizingWeight(found - ignoredCount)
      const touched: number[] = []
      const viaScratch = !hostUsed
      hostUsed = true
      if (viaScratch) {
        for (const cls of matched[i] as ReadonlyArray<number>) {
          for (const [n, count] of (ctx.index.classes[cls] as LabelClass).onNode) {
            if (hostCount[n] === 0) touched.push(n)
            hostCount[n] = (hostCount[n] as number) + count
          }
        }
      }
      for (let k = 0; k < found; k++) {
        const n = feasible[k] as number
        if (out[k] === -1 || has[n] === 0) continue
        let cnt = 0
        if (viaScratch) cnt = hostCount[n] as number
        else for (const cls of matched[i] as ReadonlyArray<number>) cnt += (ctx.index.classes[cls] as LabelClass).onNode.get(n) ?? 0
        raw[k] = (raw[k] as number) + (cnt * weight + skew)
      }
      for (const n of touched) hostCount[n] = 0
      continue
    }
    // The domains the scored nodes span, matching pods per such domain over every admitted node.
    const seen = new Uint8Array(c.domains.count)
    let size = 0
    for (let k = 0; k < found; k++) {
      if (out[k] === -1) continue
      const d = of[feasible[k] as number] as number
      if (seen[d] === 0) {
        seen[d] = 1
        size++
      }
    }
    const weight = topologyNormalizingWeight(size)
    const counts = new Float64Array(c.domains.count)
    const affinity = c.honorAffinity ? masks.affinity() : undefined
    const taints = c.honorTaints ? masks.taints() : undefined
    for (const cls of matched[i] as ReadonlyArray<number>) {
      for (const [n, count] of (ctx.index.classes[cls] as LabelClass).onNode) {
        if (requireAll && !hasAll(n)) continue
        if (affinity !== undefined && affinity[n] === 0) continue
        if (taints !== undefined && taints[n] === 0) continue
        const d = of[n] as number
        if (seen[d] === 1) counts[d] = (counts[d] as number) + count
      }
    }
    for (let k = 0; k < found; k++) {
      const n = feasible[k] as number
      if (out[k] === -1 || has[n] === 0) continue
      raw[k] = (raw[k] as number) + ((counts[of[n] as number] as number) * weight + skew)
    }
  }
  // Round, the range over the scored nodes, then NormalizeScore.
  let min = Number.MAX_SAFE_INTEGER
  let max = 0
  for (let k = 0; k < found; k++) {
    if (out[k] === -1) continue
    const r = goRound(raw[k] as number)
    raw[k] = r
    if (r < min) min = r
    if (r > max) max = r
  }
  for (let k = 0; k < found; k++) {
    if (out[k] === -1) out[k] = 0
    else if (max === 0) out[k] = 100
    else out[k] = Math.floor((100 * (max + min - (raw[k] as number))) / max)
  }
  return true
}

/** `scoreForCount`: cnt·weight + (maxSkew − 1), as float64. @since 0.1.0 @category scorers */
export const scoreForCount = (cnt: number, maxSkew: number, weight: number): number => cnt * weight + (maxSkew - 1)

/** Go's `math.Round` (half away from zero). @since 0.1.0 @category arithmetic */
export const goRound = (x: number): number => (x < 0 ? -Math.round(-x) : Math.round(x))
