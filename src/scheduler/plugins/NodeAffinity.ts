/**
 * Plugin NodeAffinity (v1.35). Filter: `nodeSelector` (every pair must be a node label) and the
 * required node affinity terms (ORed; a term's requirements ANDed; an empty term matches no
 * node), else UnschedulableAndUnresolvable "node(s) didn't match Pod's node affinity/selector".
 * Score: the sum of the weights of the preferred terms the node matches, normalised (largest →
 * 100); a pod with no preferred terms skips the plugin.
 *
 * @since 0.1.0
 */
import type { SchedulingNode } from "../model/SchedulingNode.ts"
import type { NodeSelectorTerm, SchedulingPod, SelectorRequirement } from "../model/SchedulingPod.ts"
import { failure, type Status, success } from "./Status.ts"

/** kube-scheduler's reason. @since 0.1.0 @category constants */
export const REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector"

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
