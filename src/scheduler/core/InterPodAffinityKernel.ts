/**
 * InterPodAffinity on the hot path (Kubernetes v1.35 semantics, independent of the readable
 * plugin): counts per topology domain from the label-class index (the incoming pod's terms over
 * existing pods) and the term-class index (existing pods' terms over the incoming pod), the
 * per-node filter verdict, preemption's add/remove adjustments, and the score over the feasible
 * nodes with the plugin's min–max normalisation.
 *
 * @since 0.1.0
 */
import type { ClusterObjects } from "../model/ClusterObjects.ts"
import { isEmptySelector, type LabelSelector, labelSelectorMatches, type Labels, mergeLabelKeys, showSelector } from "../model/LabelSelector.ts"
import type { PodAffinityTerm } from "../model/PodAffinity.ts"
import { labelsOf, namespaceOf, type SchedulingPod } from "../model/SchedulingPod.ts"
import type { Profile } from "../profile/Profile.ts"
import { type Domains, domainsOf, hasLabels } from "./Domains.ts"
import type { NodeArrays } from "./NodeArrays.ts"
import { type LabelClass, matchingClasses, type PodIndex, TERM, type TermClass } from "./PodIndex.ts"

/** What the kernel reads besides the pod. @since 0.1.0 @category model */
export interface AffinityContext {
  readonly a: NodeArrays
  readonly index: PodIndex
  readonly domains: Map<string, Domains>
  readonly profile: Profile
  readonly objects: ClusterObjects
}

/** An incoming pod's term, its namespace selector resolved against the known namespaces. @since 0.1.0 @category model */
interface IncomingTerm {
  readonly selector: LabelSelector | undefined
  /** `undefined`: every namespace (an empty namespace selector). */
  readonly namespaces: ReadonlySet<string> | undefined
  readonly domains: Domains
  readonly weight: number
}

const namespaceLabelsOf = (objects: ClusterObjects, ns: string): Labels => objects.namespaces?.find((n) => n.name === ns)?.labels ?? {}

// mergeAffinityTermNamespacesIfNotEmpty: a non-empty namespace selector adds the known namespaces it
// selects; an empty one keeps meaning "every namespace"; none and no names means the pod's own.
const incomingTerm = (ctx: AffinityContext, pod: SchedulingPod, t: PodAffinityTerm, weight: number): IncomingTerm => {
  const labels = labelsOf(pod)
  const selector = mergeLabelKeys(t.labelSelector, labels, t.matchLabelKeys ?? [], t.mismatchLabelKeys ?? [])
  const domains = domainsOf(ctx.a, t.topologyKey, ctx.domains)
  if (t.namespaceSelector !== undefined && isEmptySelector(t.namespaceSelector)) return { selector, namespaces: undefined, domains, weight }
  const names = new Set(t.namespaces.length === 0 && t.namespaceSelector === undefined ? [namespaceOf(pod)] : t.namespaces)
  if (t.namespaceSelector !== undefined) {
    const sel = t.namespaceSelector
    for (const ns of ctx.objects.namespaces ?? []) if (labelSelectorMatches(sel, ns.labels)) names.add(ns.name)
  }
  return { selector, namespaces: names, domains, weight }
}

const incomingMatches = (t: IncomingTerm, namespace: string, labels: Labels): boolean =>
  (t.namespaces === undefined || t.namespaces.has(namespace)) && labelSelectorMatches(t.selector, labels)

const incomingKey = (t: IncomingTerm): string =>
  `ipa\u0000${t.namespaces === undefined ? "*" : [...t.namespaces].sort().join(",")}\u0000${showSelector(t.selector)}`

const classesMatching = (ctx: AffinityContext, t: IncomingTerm): ReadonlyArray<number> =>
  t.selector === undefined ? [] : matchingClasses(ctx.index, incomingKey(t), (ns, labels) => incomingMatches(t, ns, labels), t.selector)

/**
 * Whether an existing pod's term selects the incoming pod (`AffinityTerm.Matches` with the
 * incoming pod's namespace labels).
 *
 * @since 0.1.0
 * @category predicates
 */
export const termSelects = (t: TermClass, namespace: string, labels: Labels, namespaceLabels: Labels): boolean =>
  (t.namespaces.has(namespace) || (t.namespaceSelector !== undefined && labelSelectorMatches(t.namespaceSelector, namespaceLabels))) &&
  labelSelectorMatches(t.selector, labels)

/** Counts per domain of one topology key, with how many domains are non-zero. */
interface KeyCounts {
  readonly domains: Domains
  readonly counts: Int32Array
  nonZero: number
}

const bumpKey = (m: Map<string, KeyCounts>, d: Domains, n: number, delta: number): void => {
  if (d.has[n] === 0) return
  let k = m.get(d.key)
  if (k === undefined) {
    k = { domains: d, counts: new Int32Array(d.count), nonZero: 0 }
    m.set(d.key, k)
  }
  const id = d.of[n] as number
  const before = k.counts[id] as number
  const after = before + delta
  k.counts[id] = after
  if (before === 0 && after !== 0) k.nonZero++
  else if (before !== 0 && after === 0) k.nonZero--
}

const countAt = (m: Map<string, KeyCounts>, d: Domains, n: number): number => (m.get(d.key)?.counts[d.of[n] as number] as number | undefined) ?? 0

/** The PreFilter state. @since 0.1.0 @category model */
export interface AffinityFilterState {
  readonly namespace: string
  readonly labels: Labels
  readonly namespaceLabels: Labels
  readonly affinity: ReadonlyArray<IncomingTerm>
  readonly antiAffinity: ReadonlyArray<IncomingTerm>
  readonly selfMatchesAll: boolean
  readonly existingAnti: Map<string, KeyCounts>
  readonly affinityCounts: Map<string, KeyCounts>
  readonly antiCounts: Map<string, KeyCounts>
}

/**
 * PreFilter; `undefined` when the plugin skips (no required terms of its own and no existing
 * pod's required anti-affinity term selects it).
 *
 * @since 0.1.0
 * @category constructors
 */
export const affinityFilterState = (ctx: AffinityContext, pod: SchedulingPod): AffinityFilterState | undefined => {
  // nothing to filter by (the common pod): decided without building the state below
  if ((pod.podAffinity?.required.length ?? 0) === 0 && (pod.podAntiAffinity?.required.length ?? 0) === 0 && !ctx.index.terms.some((t) => t.kind === TERM.requiredAntiAffinity && t.onNode.size > 0)) return undefined
  const namespace = namespaceOf(pod)
  const labels = labelsOf(pod)
  const namespaceLabels = namespaceLabelsOf(ctx.objects, namespace)
  const affinity = (pod.podAffinity?.required ?? []).map((t) => incomingTerm(ctx, pod, t, 1))
  const antiAffinity = (pod.podAntiAffinity?.required ?? []).map((t) => incomingTerm(ctx, pod, t, 1))
  const existingAnti = new Map<string, KeyCounts>()
  for (const t of ctx.index.terms) {
    if (t.kind !== TERM.requiredAntiAffinity || t.onNode.size === 0 || !termSelects(t, namespace, labels, namespaceLabels)) continue
    const d = domainsOf(ctx.a, t.topologyKey, ctx.domains)
    for (const [n, count] of t.onNode) bumpKey(existingAnti, d, n, count)
  }
  if (affinity.length === 0 && antiAffinity.length === 0 && [...existingAnti.values()].every((k) => k.nonZero === 0)) return undefined
  const affinityCounts = new Map<string, KeyCounts>()
  const antiCounts = new Map<string, KeyCounts>()
  if (affinity.length > 0) {
    const first = affinity[0] as IncomingTerm
    for (const c of classesMatching(ctx, first)) {
      const cls = ctx.index.classes[c] as LabelClass
      if (!affinity.every((t) => incomingMatches(t, cls.namespace, cls.labels))) continue
      for (const [n, count] of cls.onNode) for (const t of affinity) bumpKey(affinityCounts, t.domains, n, count)
    }
  }
  for (const t of antiAffinity) {
    for (const c of classesMatching(ctx, t)) for (const [n, count] of (ctx.index.classes[c] as LabelClass).onNode) bumpKey(antiCounts, t.domains, n, count)
  }
  const selfMatchesAll = affinity.every((t) => incomingMatches(t, namespace, labels))
  return { namespace, labels, namespaceLabels, affinity, antiAffinity, selfMatchesAll, existingAnti, affinityCounts, antiCounts }
}

/** Verdicts. @since 0.1.0 @category constants */
export const AFFINITY = { ok: 0, affinity: 1, antiAffinity: 2, existingAntiAffinity: 3 } as const

const anyNonZero = (m: Map<string, KeyCounts>): boolean => {
  for (const k of m.values()) if (k.nonZero > 0) return true
  return false
}

/**
 * The Filter verdict on node `n`, checks in upstream order.
 *
 * @since 0.1.0
 * @category filters
 */
export const affinityVerdict = (s: AffinityFilterState, n: number): number => {
  let podsExist = true
  for (const t of s.affinity) {
    if (t.domains.has[n] === 0) return AFFINITY.affinity
    if (countAt(s.affinityCounts, t.domains, n) <= 0) podsExist = false
  }
  if (!podsExist && !(!anyNonZero(s.affinityCounts) && s.selfMatchesAll)) return AFFINITY.affinity
  for (const t of s.antiAffinity) if (t.domains.has[n] === 1 && countAt(s.antiCounts, t.domains, n) > 0) return AFFINITY.antiAffinity
  for (const k of s.existingAnti.values()) {
    if (k.nonZero > 0 && k.domains.has[n] === 1 && (k.counts[k.domains.of[n] as number] as number) > 0) return AFFINITY.existingAntiAffinity
  }
  return AFFINITY.ok
}

/**
 * The Filter verdicts of every node at once, as `affinityVerdict` gives them node by node:
 * writes `codes[v]` into `out` for the nodes whose verdict v is not ok and leaves the others.
 * The checks run from the last to the first, each overwriting, so the first failing check in
 * upstream order is the verdict left; per-term counts are looked up once, not per node.
 *
 * @since 0.1.0
 * @category filters
 */
export const affinityVerdicts = (s: AffinityFilterState, out: Uint8Array, codes: { readonly affinity: number; readonly antiAffinity: number; readonly existingAntiAffinity: number }): void => {
  const N = out.length
  for (const k of s.existingAnti.values()) {
    if (k.nonZero <= 0) continue
    const { has, of } = k.domains
    const counts = k.counts
    for (let n = 0; n < N; n++) if (has[n] === 1 && (counts[of[n] as number] as number) > 0) out[n] = codes.existingAntiAffinity
  }
  for (const t of s.antiAffinity) {
    const counts = s.antiCounts.get(t.domains.key)?.counts
    if (counts === undefined) continue
    const { has, of } = t.domains
    for (let n = 0; n < N; n++) if (has[n] === 1 && ((counts[of[n] as number] as number | undefined) ?? 0) > 0) out[n] = codes.antiAffinity
  }
  if (s.affinity.length === 0) return
  const escape = !anyNonZero(s.affinityCounts) && s.selfMatchesAll
  const terms = s.affinity.map((t) => ({ has: t.domains.has, of: t.domains.of, counts: s.affinityCounts.get(t.domains.key)?.counts }))
  for (let n = 0; n < N; n++) {
    let missing = false
    let podsExist = true
    for (const t of terms) {
      if (t.has[n] === 0) {
        missing = true
        break
      }
      if (((t.counts?.[t.of[n] as number] as number | undefined) ?? 0) <= 0) podsExist = false
    }
    if (missing || (!podsExist && !escape)) out[n] = codes.affinity
  }
}

/**
 * Preemption's AddPod / RemovePod of a bound pod (label class `cls`, term classes `terms`) on
 * node `n`.
 *
 * @since 0.1.0
 * @category mutations
 */
export const affinityAdjust = (ctx: AffinityContext, s: AffinityFilterState, cls: LabelClass, terms: ReadonlyArray<number>, n: number, delta: number): void => {
  for (const id of terms) {
    const t = ctx.index.terms[id] as TermClass
    if (t.kind !== TERM.requiredAntiAffinity || !termSelects(t, s.namespace, s.labels, s.namespaceLabels)) continue
    bumpKey(s.existingAnti, domainsOf(ctx.a, t.topologyKey, ctx.domains), n, delta)
  }
  if (s.affinity.length > 0 && s.affinity.every((t) => incomingMatches(t, cls.namespace, cls.labels))) {
    for (const t of s.affinity) bumpKey(s.affinityCounts, t.domains, n, delta)
  }
  for (const t of s.antiAffinity) if (incomingMatches(t, cls.namespace, cls.labels)) bumpKey(s.antiCounts, t.domains, n, delta)
}

/**
 * Whether the pod can get an InterPodAffinity score at all: it has preferred terms, or a bound
 * pod's required-affinity (with a positive hard weight) or preferred term selects it. A quick
 * test that lets the common pod keep the one-pass scan.
 *
 * @since 0.1.0
 * @category predicates
 */
export const mayScoreAffinity = (ctx: AffinityContext, pod: SchedulingPod): boolean => {
  if ((pod.podAffinity?.preferred.length ?? 0) > 0 || (pod.podAntiAffinity?.preferred.length ?? 0) > 0) return true
  const args = ctx.profile.interPodAffinity
  if (args.ignorePreferredTermsOfExistingPods || ctx.index.terms.length === 0) return false
  const namespace = namespaceOf(pod)
  const labels = labelsOf(pod)
  const namespaceLabels = namespaceLabelsOf(ctx.objects, namespace)
  for (const t of ctx.index.terms) {
    if (t.onNode.size === 0 || t.kind === TERM.requiredAntiAffinity) continue
    if (t.kind === TERM.requiredAffinity && args.hardPodAffinityWeight <= 0) continue
    if (termSelects(t, namespace, labels, namespaceLabels)) return true
  }
  return false
}

/**
 * PreScore, Score and NormalizeScore over the feasible nodes `feasible[0..found)`, writing the
 * normalised scores to `out[k]`; `false` when the plugin skips.
 *
 * @since 0.1.0
 * @category scorers
 */
export const affinityScores = (ctx: AffinityContext, pod: SchedulingPod, feasible: Int32Array, found: number, out: Int32Array): boolean => {
  if (found === 0) return false
  const preferredAffinity = (pod.podAffinity?.preferred ?? []).map((w) => incomingTerm(ctx, pod, w.term, w.weight))
  const preferredAnti = (pod.podAntiAffinity?.preferred ?? []).map((w) => incomingTerm(ctx, pod, w.term, w.weight))
  const hasConstraints = preferredAffinity.length > 0 || preferredAnti.length > 0
  const args = ctx.profile.interPodAffinity
  if (args.ignorePreferredTermsOfExistingPods && !hasConstraints) return false
  const namespace = namespaceOf(pod)
  const labels = labelsOf(pod)
  const namespaceLabels = namespaceLabelsOf(ctx.objects, namespace)
  const a = ctx.a
  // topologyScore: per key, per domain.
  const topo = new Map<string, { readonly domains: Domains; readonly score: Float64Array }>()
  let entries = 0
  const add = (d: Domains, n: number, amount: number): void => {
    if (d.has[n] === 0 || !hasLabels(a, n)) return
    let e = topo.get(d.key)
    if (e === undefined) {
      e = { domains: d, score: new Float64Array(d.count) }
      topo.set(d.key, e)
    }
    e.score[d.of[n] as number] = (e.score[d.of[n] as number] as number) + amount
    entries++
  }
  // the incoming pod's preferred terms over existing pods
  for (const [terms, sign] of [
    [preferredAffinity, 1],
    [preferredAnti, -1],
  ] as const) {
    for (const t of terms) for (const c of classesMatching(ctx, t)) for (const [n, count] of (ctx.index.classes[c] as LabelClass).onNode) add(t.domains, n, sign * t.weight * count)
  }
  // existing pods' terms over the incoming pod
  for (const t of ctx.index.terms) {
    if (t.onNode.size === 0) continue
    let amount = 0
    // ignorePreferredTermsOfExistingPods only skips pods without preferred terms of their own (above)
    if (t.kind === TERM.requiredAffinity) amount = args.hardPodAffinityWeight
    else if (t.kind === TERM.preferredAffinity) amount = t.weight
    else if (t.kind === TERM.preferredAntiAffinity) amount = -t.weight
    if (amount === 0 || !termSelects(t, namespace, labels, namespaceLabels)) continue
    const d = domainsOf(a, t.topologyKey, ctx.domains)
    for (const [n, count] of t.onNode) add(d, n, amount * count)
  }
  if (entries === 0) return false
  let min = Infinity
  let max = -Infinity
  for (let k = 0; k < found; k++) {
    const n = feasible[k] as number
    let score = 0
    for (const e of topo.values()) if (e.domains.has[n] === 1) score += e.score[e.domains.of[n] as number] as number
    out[k] = score
    if (score > max) max = score
    if (score < min) min = score
  }
  const diff = max - min
  for (let k = 0; k < found; k++) out[k] = diff > 0 ? Math.trunc(100 * (((out[k] as number) - min) / diff)) : 0
  return true
}
