/**
 * Pod affinity terms as kube-scheduler v1.35 evaluates them (its `framework.AffinityTerm`): the
 * label selector (with `matchLabelKeys` / `mismatchLabelKeys` merged from the owning pod's labels,
 * as the API server does at pod creation), the namespaces named outright, the namespace selector
 * and the topology key.
 *
 * A term selects a pod when the pod's namespace is among the term's namespaces or the namespace
 * selector matches the labels of the pod's namespace, and the label selector matches the pod's
 * labels. With neither `namespaces` nor `namespaceSelector` the term looks in its own pod's
 * namespace; an absent namespace selector matches no namespace, an empty one every namespace.
 *
 * The terms of the pod being scheduled have their namespace selector resolved once against the
 * cluster's namespaces (upstream's `mergeAffinityTermNamespacesIfNotEmpty`), so matching them
 * needs no namespace labels; the terms of existing pods are matched against the labels of the
 * incoming pod's namespace (an unknown namespace has no labels).
 *
 * @since 0.1.0
 */
import type { NamespaceInfo } from "../model/ClusterObjects.ts"
import { isEmptySelector, type LabelSelector, labelSelectorMatches, type Labels, mergeLabelKeys } from "../model/LabelSelector.ts"
import type { PodAffinityTerm, WeightedPodAffinityTerm } from "../model/PodAffinity.ts"
import { labelsOf, namespaceOf, type SchedulingPod } from "../model/SchedulingPod.ts"

/** One term ready to match pods. `namespaceSelector` undefined selects no namespace. @since 0.1.0 @category model */
export interface AffinityTerm {
  readonly selector: LabelSelector | undefined
  readonly namespaces: ReadonlySet<string>
  readonly namespaceSelector: LabelSelector | undefined
  readonly topologyKey: string
}

/** A preferred term with its weight. @since 0.1.0 @category model */
export interface WeightedAffinityTerm {
  readonly weight: number
  readonly term: AffinityTerm
}

/** A pod's four lists of terms, compiled. @since 0.1.0 @category model */
export interface PodAffinityTerms {
  readonly requiredAffinity: ReadonlyArray<AffinityTerm>
  readonly requiredAntiAffinity: ReadonlyArray<AffinityTerm>
  readonly preferredAffinity: ReadonlyArray<WeightedAffinityTerm>
  readonly preferredAntiAffinity: ReadonlyArray<WeightedAffinityTerm>
}

const NO_LABELS: Labels = {}

/**
 * A term of `owner`, compiled: label keys merged into the selector, the default namespace filled in.
 *
 * @since 0.1.0
 * @category constructors
 */
export const compileAffinityTerm = (owner: SchedulingPod, term: PodAffinityTerm): AffinityTerm => ({
  selector: mergeLabelKeys(term.labelSelector, labelsOf(owner), term.matchLabelKeys, term.mismatchLabelKeys),
  namespaces: new Set(term.namespaces.length === 0 && term.namespaceSelector === undefined ? [namespaceOf(owner)] : term.namespaces),
  namespaceSelector: term.namespaceSelector,
  topologyKey: term.topologyKey,
})

const weighted = (owner: SchedulingPod, terms: ReadonlyArray<WeightedPodAffinityTerm>): ReadonlyArray<WeightedAffinityTerm> =>
  terms.map((t) => ({ weight: t.weight, term: compileAffinityTerm(owner, t.term) }))

// Pods are immutable values: compile each one's terms once (existing pods are matched every cycle).
const compiled = new WeakMap<SchedulingPod, PodAffinityTerms>()

/**
 * The pod's terms, compiled (cached per pod object).
 *
 * @since 0.1.0
 * @category accessors
 */
export const podAffinityTermsOf = (pod: SchedulingPod): PodAffinityTerms => {
  const hit = compiled.get(pod)
  if (hit !== undefined) return hit
  const terms: PodAffinityTerms = {
    requiredAffinity: (pod.podAffinity?.required ?? []).map((t) => compileAffinityTerm(pod, t)),
    requiredAntiAffinity: (pod.podAntiAffinity?.required ?? []).map((t) => compileAffinityTerm(pod, t)),
    preferredAffinity: weighted(pod, pod.podAffinity?.preferred ?? []),
    preferredAntiAffinity: weighted(pod, pod.podAntiAffinity?.preferred ?? []),
  }
  compiled.set(pod, terms)
  return terms
}

/**
 * Whether the pod declares pod affinity or anti-affinity at all (upstream's `PodsWithAffinity`).
 *
 * @since 0.1.0
 * @category predicates
 */
export const hasPodAffinityRules = (pod: SchedulingPod): boolean => pod.podAffinity !== undefined || pod.podAntiAffinity !== undefined

/**
 * `AffinityTerm.Matches`: the term selects `pod`, whose namespace carries `namespaceLabels`.
 *
 * @example
 * import { affinityTermMatches, compileAffinityTerm, pod } from "catcluster/scheduler"
 * const owner = pod("prod/web", {})
 * const term = compileAffinityTerm(owner, { labelSelector: { matchLabels: { app: "db" } }, namespaces: [], topologyKey: "zone" })
 * affinityTermMatches(term, pod("prod/db-0", {}, { labels: { app: "db" } }), {}) // true: same namespace
 * affinityTermMatches(term, pod("test/db-0", {}, { labels: { app: "db" } }), {}) // false: another namespace
 *
 * @since 0.1.0
 * @category predicates
 */
export const affinityTermMatches = (term: AffinityTerm, pod: SchedulingPod, namespaceLabels: Labels): boolean =>
  (term.namespaces.has(namespaceOf(pod)) || (term.namespaceSelector !== undefined && labelSelectorMatches(term.namespaceSelector, namespaceLabels))) &&
  labelSelectorMatches(term.selector, labelsOf(pod))

/**
 * Whether `pod` matches every one of the incoming pod's (namespace-resolved) terms; false for no terms.
 *
 * @since 0.1.0
 * @category predicates
 */
export const matchesAllAffinityTerms = (terms: ReadonlyArray<AffinityTerm>, pod: SchedulingPod): boolean =>
  terms.length > 0 && terms.every((t) => affinityTermMatches(t, pod, NO_LABELS))

/**
 * An incoming pod's term with a non-empty namespace selector resolved against the cluster's
 * namespaces: the matching namespaces join `namespaces` and the selector is dropped. An empty
 * selector stays (it matches every namespace, whatever its labels).
 *
 * @since 0.1.0
 * @category combinators
 */
export const resolveTermNamespaces = (term: AffinityTerm, namespaces: ReadonlyArray<NamespaceInfo>): AffinityTerm => {
  const selector = term.namespaceSelector
  if (selector === undefined || isEmptySelector(selector)) return term
  const names = new Set(term.namespaces)
  for (const n of namespaces) if (labelSelectorMatches(selector, n.labels)) names.add(n.name)
  return { ...term, namespaces: names, namespaceSelector: undefined }
}
