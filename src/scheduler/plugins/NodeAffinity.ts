/**
 * Plugin NodeAffinity (v1.35). PreFilter: skips a pod with no node selector, no required node
 * affinity and no scheduler-enforced affinity (`NodeAffinityArgs.addedAffinity`); when every
 * required term names nodes by `metadata.name In`, only those nodes are examined (the others get
 * "node(s) didn't satisfy plugin(s) [NodeAffinity]"), and terms naming no common node reject the
 * pod. Filter: the enforced affinity ("node(s) didn't match scheduler-enforced node affinity"),
 * then `nodeSelector` (every pair must be a node label) and the required terms (ORed; a term's
 * requirements ANDed; an empty term matches no node), else UnschedulableAndUnresolvable "node(s)
 * didn't match Pod's node affinity/selector". Score: the sum of the weights of the preferred
 * terms (the pod's and the enforced ones) the node matches, normalised (largest → 100); with none
 * the plugin is skipped.
 *
 * @since 0.1.0
 */
import { type FilterPlugin, proceed, type ScorePlugin, skip } from "../framework/Plugin.ts"
import type { SchedulingNode } from "../model/SchedulingNode.ts"
import type { NodeAffinityArgs, Profile } from "../profile/Profile.ts"
import { normalizeInPlace } from "./Normalize.ts"
import type { NodeSelectorTerm, PreferredTerm, SchedulingPod, SelectorRequirement } from "../model/SchedulingPod.ts"
import { failure, type Status, success } from "./Status.ts"

/** kube-scheduler's reason. @since 0.1.0 @category constants */
export const REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector"
/** The reason when the profile's `addedAffinity` rejects a node. @since 0.1.0 @category constants */
export const REASON_ENFORCED = "node(s) didn't match scheduler-enforced node affinity"
/** The PreFilter rejection when the required terms name no common node. @since 0.1.0 @category constants */
export const REASON_CONFLICT = "pod affinity terms conflict"

const INT64 = /^[+-]?\d+$/
const MAX_INT64 = 2n ** 63n - 1n
const MIN_INT64 = -(2n ** 63n)

// strconv.ParseInt(s, 10, 64): a decimal int64 or nothing.
const parseInt64 = (s: string): bigint | undefined => {
  if (!INT64.test(s)) return undefined
  const v = BigInt(s)
  return v > MAX_INT64 || v < MIN_INT64 ? undefined : v
}

/**
 * One requirement against a label map (labels.Selector semantics): In / NotIn / Exists /
 * DoesNotExist; Gt / Lt compare the label and the single value as int64 (unparsable → no match).
 *
 * @since 0.1.0
 * @category predicates
 */
export const matchesRequirement = (r: SelectorRequirement, labels: Readonly<Record<string, string>>): boolean => {
  const has = Object.hasOwn(labels, r.key)
  const value = labels[r.key]
  switch (r.operator) {
    case "In":
      return has && r.values.includes(value ?? "")
    case "NotIn":
      return !has || !r.values.includes(value ?? "")
    case "Exists":
      return has
    case "DoesNotExist":
      return !has
    case "Gt":
    case "Lt": {
      if (!has || r.values.length !== 1) return false
      const left = parseInt64(value ?? "")
      const right = parseInt64(r.values[0] ?? "")
      if (left === undefined || right === undefined) return false
      return r.operator === "Gt" ? left > right : left < right
    }
  }
}

/** A term matches when it is non-empty and all its requirements hold. @since 0.1.0 @category predicates */
export const matchesTerm = (term: NodeSelectorTerm, node: SchedulingNode): boolean => {
  if (term.matchExpressions.length === 0 && term.matchFields.length === 0) return false
  const fields = { "metadata.name": node.name }
  return (
    term.matchExpressions.every((r) => matchesRequirement(r, node.labels)) &&
    term.matchFields.every((r) => matchesRequirement(r, fields))
  )
}

/** @since 0.1.0 @category filters */
export const nodeAffinityFilter = (pod: SchedulingPod, node: SchedulingNode): Status => {
  for (const [k, v] of Object.entries(pod.nodeSelector)) {
    if (!Object.hasOwn(node.labels, k) || node.labels[k] !== v) return failure("UnschedulableAndUnresolvable", REASON_NODE_AFFINITY)
  }
  if (pod.requiredTerms !== undefined && !pod.requiredTerms.some((t) => matchesTerm(t, node))) {
    return failure("UnschedulableAndUnresolvable", REASON_NODE_AFFINITY)
  }
  return success
}

/** The raw preferred-affinity score: Σ weights of matching preferred terms. @since 0.1.0 @category scorers */
export const preferredAffinitySum = (pod: SchedulingPod, node: SchedulingNode): number => {
  let sum = 0
  for (const p of pod.preferredTerms) if (p.weight !== 0 && matchesTerm(p.preference, node)) sum += p.weight
  return sum
}

/** The pod has preferred terms, so the score plugin runs (PreScore does not skip). @since 0.1.0 @category predicates */
export const hasPreferredTerms = (pod: SchedulingPod): boolean => pod.preferredTerms.length > 0

/**
 * The nodes a pod's required terms name by `metadata.name In` (each term: the intersection of its
 * name requirements; terms ORed), or `undefined` when some term names none (every node may do).
 *
 * @since 0.1.0
 * @category accessors
 */
export const requiredNodeNames = (pod: SchedulingPod): ReadonlySet<string> | undefined => {
  const terms = pod.requiredTerms
  if (terms === undefined || terms.length === 0) return undefined
  let names: Set<string> | undefined
  for (const t of terms) {
    let termNames: Set<string> | undefined
    for (const r of t.matchFields) {
      if (r.key !== "metadata.name" || r.operator !== "In") continue
      const s = new Set(r.values)
      termNames = termNames === undefined ? s : new Set([...termNames].filter((n) => s.has(n)))
    }
    if (termNames === undefined) return undefined
    names = names === undefined ? termNames : new Set([...names, ...termNames])
  }
  return names
}

const enforcedMatches = (args: NodeAffinityArgs, node: SchedulingNode): boolean =>
  args.addedRequired === undefined || args.addedRequired.some((t) => matchesTerm(t, node))

/**
 * NodeAffinity at PreFilter and Filter, with the profile's `addedAffinity`.
 *
 * @since 0.1.0
 * @category plugins
 */
export const nodeAffinityFilterPlugin = (profile: Profile): FilterPlugin<true> => ({
  name: "NodeAffinity",
  preFilter: (pod) => {
    if (pod.requiredTerms === undefined && profile.nodeAffinity.addedRequired === undefined && Object.keys(pod.nodeSelector).length === 0) return skip
    if (pod.requiredTerms === undefined || pod.requiredTerms.length === 0) return proceed(true as const)
    const names = requiredNodeNames(pod)
    if (names === undefined) return proceed(true as const)
    if (names.size === 0) return { kind: "reject", status: failure("UnschedulableAndUnresolvable", REASON_CONFLICT) }
    return { kind: "proceed", state: true as const, nodeNames: names }
  },
  filter: (pod, node) =>
    enforcedMatches(profile.nodeAffinity, node.node) ? nodeAffinityFilter(pod, node.node) : failure("UnschedulableAndUnresolvable", REASON_ENFORCED),
})

const preferredSum = (terms: ReadonlyArray<PreferredTerm>, node: SchedulingNode): number => {
  let sum = 0
  for (const p of terms) if (p.weight !== 0 && matchesTerm(p.preference, node)) sum += p.weight
  return sum
}

/**
 * NodeAffinity at PreScore and Score: skipped without preferred terms; the pod's and the
 * enforced preferred terms' weights summed, normalised.
 *
 * @since 0.1.0
 * @category plugins
 */
export const nodeAffinityScorePlugin = (profile: Profile): ScorePlugin<true> => ({
  name: "NodeAffinity",
  preScore: (pod) => (hasPreferredTerms(pod) || profile.nodeAffinity.addedPreferred.length > 0 ? proceed(true as const) : skip),
  score: (pod, node) => preferredAffinitySum(pod, node.node) + preferredSum(profile.nodeAffinity.addedPreferred, node.node),
  normalize: (scores) => normalizeInPlace(scores, false),
})
