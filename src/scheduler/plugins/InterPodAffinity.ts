/**
 * Plugin InterPodAffinity (kube-scheduler v1.35).
 *
 * PreFilter counts, per topology pair (label key, value), over every pod in the cluster: the
 * existing pods whose *required anti-affinity* terms select the incoming pod (each matching term
 * counts at its key's value on that pod's node), the existing pods that match *all* the incoming
 * pod's required affinity terms (counted once per term), and the existing pods matching each of
 * its required anti-affinity terms. With no such existing term and no required terms of its own
 * the plugin is skipped.
 *
 * Filter, in upstream's order, each with its own reason:
 * 1. affinity: the node must carry every required term's topology key and, for each, a matching
 *    pod in its domain — else UnschedulableAndUnresolvable "node(s) didn't match pod affinity
 *    rules". Exception: when no pod anywhere matches and the pod matches its own terms (the first
 *    of a group that wants to be together), any node with all the keys passes.
 * 2. anti-affinity: no pod matching a required anti-affinity term in the node's domain of that
 *    term's key (terms whose key the node lacks are ignored) — else Unschedulable "node(s) didn't
 *    match pod anti-affinity rules".
 * 3. symmetry: no existing pod's required anti-affinity term selects the incoming pod in a domain
 *    the node is in — else Unschedulable "node(s) didn't satisfy existing pods anti-affinity rules".
 * The two anti-affinity failures are resolvable: preemption re-runs PreFilter without the victims.
 *
 * Score: PreScore sums, per topology pair, over existing pods on labelled nodes: the weights of
 * the incoming pod's preferred affinity terms they match (anti-affinity: minus), the weights of
 * their own preferred terms that select the incoming pod (anti: minus), and
 * `hardPodAffinityWeight` for each of their *required* affinity terms that selects it. A node's
 * raw score is the sum over its labels; NormalizeScore maps min..max to 0..100. PreScore skips
 * when nothing was counted, or with `ignorePreferredTermsOfExistingPods` when the incoming pod
 * has no preferred terms.
 *
 * @since 0.1.0
 */
import type { ClusterView } from "../framework/ClusterView.ts"
import { type FilterPlugin, type PreFilterOutcome, type PreScoreOutcome, proceed, type ScorePlugin, skip } from "../framework/Plugin.ts"
import type { Labels } from "../model/LabelSelector.ts"
import type { SchedulingNode } from "../model/SchedulingNode.ts"
import { namespaceOf, type SchedulingPod } from "../model/SchedulingPod.ts"
import type { InterPodAffinityArgs, Profile } from "../profile/Profile.ts"
import {
  type AffinityTerm,
  affinityTermMatches,
  hasPodAffinityRules,
  matchesAllAffinityTerms,
  podAffinityTermsOf,
  resolveTermNamespaces,
  type WeightedAffinityTerm,
} from "./AffinityTerms.ts"
import { MAX_NODE_SCORE } from "./Normalize.ts"
import { failure, type Status, success } from "./Status.ts"

/** kube-scheduler's reason when the incoming pod's required affinity fails. @since 0.1.0 @category constants */
export const REASON_POD_AFFINITY = "node(s) didn't match pod affinity rules"
/** kube-scheduler's reason when the incoming pod's required anti-affinity fails. @since 0.1.0 @category constants */
export const REASON_POD_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules"
/** kube-scheduler's reason when an existing pod's required anti-affinity rejects the incoming pod. @since 0.1.0 @category constants */
export const REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules"

/** Counts per topology pair: label key → label value → count. @since 0.1.0 @category model */
export type TopologyCounts = ReadonlyMap<string, ReadonlyMap<string, number>>

/**
 * What PreFilter computes for one pod (upstream's `preFilterState`); the incoming pod's required
 * terms have their namespace selectors resolved.
 *
 * @since 0.1.0
 * @category model
 */
export interface InterPodAffinityFilterState {
  readonly requiredAffinity: ReadonlyArray<AffinityTerm>
  readonly requiredAntiAffinity: ReadonlyArray<AffinityTerm>
  /** Existing pods' required anti-affinity terms that select the incoming pod. */
  readonly existingAntiAffinityCounts: TopologyCounts
  /** Existing pods matching all the incoming pod's required affinity terms (once per term). */
  readonly affinityCounts: TopologyCounts
  /** Existing pods matching the incoming pod's required anti-affinity terms (once per term). */
  readonly antiAffinityCounts: TopologyCounts
  /** The incoming pod matches all its own required affinity terms. */
  readonly matchesOwnAffinity: boolean
}

/** What PreScore computes for one pod: the score of each topology pair. @since 0.1.0 @category model */
export interface InterPodAffinityScoreState {
  readonly topologyScore: TopologyCounts
}

/**
 * The count of one topology pair (0 when absent).
 *
 * @since 0.1.0
 * @category accessors
 */
export const topologyCount = (counts: TopologyCounts, key: string, value: string): number => counts.get(key)?.get(value) ?? 0

const NO_LABELS: Labels = {}

// Adds `amount` at (key, the node's value of key); a node without the key adds nothing.
const addAt = (counts: Map<string, Map<string, number>>, node: SchedulingNode, key: string, amount: number): void => {
  if (!Object.hasOwn(node.labels, key)) return
  const value = node.labels[key] as string
  let byValue = counts.get(key)
  if (byValue === undefined) counts.set(key, (byValue = new Map()))
  byValue.set(value, (byValue.get(value) ?? 0) + amount)
}

const namespacesOf = (cluster: ClusterView) => cluster.objects.namespaces ?? []

/**
 * PreFilter's state for `pod` over the cluster (every bound pod counts, terminating ones too).
 *
 * @since 0.1.0
 * @category filters
 */
export const interPodAffinityPreFilterState = (pod: SchedulingPod, cluster: ClusterView): InterPodAffinityFilterState => {
  const own = podAffinityTermsOf(pod)
  const namespaces = namespacesOf(cluster)
  const requiredAffinity = own.requiredAffinity.map((t) => resolveTermNamespaces(t, namespaces))
  const requiredAntiAffinity = own.requiredAntiAffinity.map((t) => resolveTermNamespaces(t, namespaces))
  const namespaceLabels = cluster.namespaceLabels(namespaceOf(pod)) ?? NO_LABELS
  const existingAntiAffinityCounts = new Map<string, Map<string, number>>()
  const affinityCounts = new Map<string, Map<string, number>>()
  const antiAffinityCounts = new Map<string, Map<string, number>>()
  const incoming = requiredAffinity.length > 0 || requiredAntiAffinity.length > 0
  for (const state of cluster.nodes) {
    const node = state.node
    for (const b of state.pods) {
      const existing = b.pod
      if ((existing.podAntiAffinity?.required.length ?? 0) > 0) {
        for (const t of podAffinityTermsOf(existing).requiredAntiAffinity) {
          if (affinityTermMatches(t, pod, namespaceLabels)) addAt(existingAntiAffinityCounts, node, t.topologyKey, 1)
        }
      }
      if (!incoming) continue
      if (matchesAllAffinityTerms(requiredAffinity, existing)) for (const t of requiredAffinity) addAt(affinityCounts, node, t.topologyKey, 1)
      for (const t of requiredAntiAffinity) if (affinityTermMatches(t, existing, NO_LABELS)) addAt(antiAffinityCounts, node, t.topologyKey, 1)
    }
  }
  return {
    requiredAffinity,
    requiredAntiAffinity,
    existingAntiAffinityCounts,
    affinityCounts,
    antiAffinityCounts,
    matchesOwnAffinity: matchesAllAffinityTerms(requiredAffinity, pod),
  }
}

/**
 * PreFilter: the state, or skip when no existing pod's anti-affinity selects the pod and it has
 * no required terms of its own.
 *
 * @since 0.1.0
 * @category filters
 */
export const interPodAffinityPreFilter = (pod: SchedulingPod, cluster: ClusterView): PreFilterOutcome<InterPodAffinityFilterState> => {
  const state = interPodAffinityPreFilterState(pod, cluster)
  if (state.existingAntiAffinityCounts.size === 0 && state.requiredAffinity.length === 0 && state.requiredAntiAffinity.length === 0) return skip
  return proceed(state)
}

const satisfiesPodAffinity = (state: InterPodAffinityFilterState, node: SchedulingNode): boolean => {
  let podsExist = true
  for (const t of state.requiredAffinity) {
    if (!Object.hasOwn(node.labels, t.topologyKey)) return false
    if (topologyCount(state.affinityCounts, t.topologyKey, node.labels[t.topologyKey] as string) <= 0) podsExist = false
  }
  // The first pod of a group with affinity to itself: nothing matches anywhere yet.
  return podsExist || (state.affinityCounts.size === 0 && state.matchesOwnAffinity)
}

const satisfiesPodAntiAffinity = (state: InterPodAffinityFilterState, node: SchedulingNode): boolean => {
  if (state.antiAffinityCounts.size === 0) return true
  for (const t of state.requiredAntiAffinity) {
    if (!Object.hasOwn(node.labels, t.topologyKey)) continue
    if (topologyCount(state.antiAffinityCounts, t.topologyKey, node.labels[t.topologyKey] as string) > 0) return false
  }
  return true
}

const satisfiesExistingPodsAntiAffinity = (state: InterPodAffinityFilterState, node: SchedulingNode): boolean => {
  if (state.existingAntiAffinityCounts.size === 0) return true
  for (const [key, value] of Object.entries(node.labels)) if (topologyCount(state.existingAntiAffinityCounts, key, value) > 0) return false
  return true
}

/**
 * Filter: the three checks in upstream's order.
 *
 * @since 0.1.0
 * @category filters
 */
export const interPodAffinityFilter = (state: InterPodAffinityFilterState, node: SchedulingNode): Status => {
  if (!satisfiesPodAffinity(state, node)) return failure("UnschedulableAndUnresolvable", REASON_POD_AFFINITY)
  if (!satisfiesPodAntiAffinity(state, node)) return failure("Unschedulable", REASON_POD_ANTI_AFFINITY)
  if (!satisfiesExistingPodsAntiAffinity(state, node)) return failure("Unschedulable", REASON_EXISTING_ANTI_AFFINITY)
  return success
}

/**
 * Whether the pod has preferred affinity or anti-affinity terms (upstream's `hasConstraints`).
 *
 * @since 0.1.0
 * @category predicates
 */
export const hasPreferredPodAffinity = (pod: SchedulingPod): boolean =>
  (pod.podAffinity?.preferred.length ?? 0) > 0 || (pod.podAntiAffinity?.preferred.length ?? 0) > 0

// A matched term opens its topology key's entry even when the weights cancel: upstream skips
// only when nothing matched at all.
const scoreTerm = (
  scores: Map<string, Map<string, number>>,
  term: AffinityTerm,
  weight: number,
  pod: SchedulingPod,
  namespaceLabels: Labels,
  node: SchedulingNode,
): void => {
  if (affinityTermMatches(term, pod, namespaceLabels)) addAt(scores, node, term.topologyKey, weight)
}

const scoreTerms = (
  scores: Map<string, Map<string, number>>,
  terms: ReadonlyArray<WeightedAffinityTerm>,
  sign: 1 | -1,
  pod: SchedulingPod,
  namespaceLabels: Labels,
  node: SchedulingNode,
): void => {
  for (const t of terms) scoreTerm(scores, t.term, sign * t.weight, pod, namespaceLabels, node)
}

/**
 * PreScore over every node of the cluster (not only the feasible ones, as upstream).
 *
 * @since 0.1.0
 * @category scorers
 */
export const interPodAffinityPreScore = (
  pod: SchedulingPod,
  cluster: ClusterView,
  args: InterPodAffinityArgs,
): PreScoreOutcome<InterPodAffinityScoreState> => {
  const hasConstraints = hasPreferredPodAffinity(pod)
  if (args.ignorePreferredTermsOfExistingPods && !hasConstraints) return skip
  const own = podAffinityTermsOf(pod)
  const namespaces = namespacesOf(cluster)
  const resolve = (t: WeightedAffinityTerm): WeightedAffinityTerm => ({ weight: t.weight, term: resolveTermNamespaces(t.term, namespaces) })
  const preferredAffinity = own.preferredAffinity.map(resolve)
  const preferredAntiAffinity = own.preferredAntiAffinity.map(resolve)
  const namespaceLabels = cluster.namespaceLabels(namespaceOf(pod)) ?? NO_LABELS
  const topologyScore = new Map<string, Map<string, number>>()
  for (const state of cluster.nodes) {
    const node = state.node
    // Upstream ignores pods on nodes without any label.
    if (Object.keys(node.labels).length === 0) continue
    for (const b of state.pods) {
      const existing = b.pod
      // Without preferred terms of its own, only pods with (anti-)affinity can contribute.
      if (!hasConstraints && !hasPodAffinityRules(existing)) continue
      scoreTerms(topologyScore, preferredAffinity, 1, existing, NO_LABELS, node)
      scoreTerms(topologyScore, preferredAntiAffinity, -1, existing, NO_LABELS, node)
      const theirs = podAffinityTermsOf(existing)
      if (args.hardPodAffinityWeight > 0) {
        for (const t of theirs.requiredAffinity) scoreTerm(topologyScore, t, args.hardPodAffinityWeight, pod, namespaceLabels, node)
      }
      scoreTerms(topologyScore, theirs.preferredAffinity, 1, pod, namespaceLabels, node)
      scoreTerms(topologyScore, theirs.preferredAntiAffinity, -1, pod, namespaceLabels, node)
    }
  }
  if (topologyScore.size === 0) return skip
  return proceed({ topologyScore })
}

/**
 * Score: the sum, over the topology keys scored, of the node's pair's score (may be negative).
 *
 * @since 0.1.0
 * @category scorers
 */
export const interPodAffinityScore = (state: InterPodAffinityScoreState, node: SchedulingNode): number => {
  let score = 0
  for (const [key, byValue] of state.topologyScore) {
    if (Object.hasOwn(node.labels, key)) score += byValue.get(node.labels[key] as string) ?? 0
  }
  return score
}

/** Numbers that can be written in place: a plain array or a typed array. @since 0.1.0 @category model */
export interface WritableScores {
  [index: number]: number
  readonly length: number
}

/**
 * InterPodAffinity's NormalizeScore: min..max of the raw scores onto 0..100 as
 * `int64(100 * float64(s − min) / float64(max − min))` (truncated); all 0 when every score is equal.
 *
 * @example
 * import { normalizeInterPodAffinityScores } from "catcluster/scheduler"
 * const s = [-5, 0, 10]
 * normalizeInterPodAffinityScores(s) // s = [0, 33, 100]
 *
 * @since 0.1.0
 * @category scorers
 */
export const normalizeInterPodAffinityScores = (scores: WritableScores, count: number = scores.length): void => {
  if (count === 0) return
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  for (let i = 0; i < count; i++) {
    const s = scores[i] as number
    if (s > max) max = s
    if (s < min) min = s
  }
  const diff = max - min
  for (let i = 0; i < count; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * (((scores[i] as number) - min) / diff)) : 0
}

/**
 * InterPodAffinity at PreFilter and Filter. Without a PreFilter state (PreFilter disabled) the
 * filter computes it itself.
 *
 * @since 0.1.0
 * @category plugins
 */
export const interPodAffinityFilterPlugin = (_profile: Profile): FilterPlugin<InterPodAffinityFilterState> => ({
  name: "InterPodAffinity",
  preFilter: interPodAffinityPreFilter,
  filter: (pod, node, state, cluster) => interPodAffinityFilter(state ?? interPodAffinityPreFilterState(pod, cluster), node.node),
})

/**
 * InterPodAffinity at PreScore, Score and NormalizeScore, with `profile.interPodAffinity` as its
 * args. Without a PreScore state (PreScore disabled) the score is computed from the cluster.
 *
 * @since 0.1.0
 * @category plugins
 */
export const interPodAffinityScorePlugin = (profile: Profile): ScorePlugin<InterPodAffinityScoreState> => {
  const args = profile.interPodAffinity
  return {
    name: "InterPodAffinity",
    preScore: (pod, _feasible, cluster) => interPodAffinityPreScore(pod, cluster, args),
    score: (pod, node, state, cluster) => {
      if (state !== undefined) return interPodAffinityScore(state, node.node)
      const computed = interPodAffinityPreScore(pod, cluster, args)
      return computed.kind === "proceed" ? interPodAffinityScore(computed.state, node.node) : 0
    },
    normalize: (scores) => normalizeInterPodAffinityScores(scores),
  }
}
