/**
 * Inter-pod affinity and anti-affinity terms (`core/v1` PodAffinityTerm, Kubernetes v1.35): the
 * pods a term selects (label selector, namespaces), and the topology domain (`topologyKey`) in
 * which they must (affinity) or must not (anti-affinity) run with the pod.
 *
 * @since 0.1.0
 */
import type { LabelSelector } from "./LabelSelector.ts"

/**
 * One term. The namespaces it looks in: `namespaces` ∪ those matched by `namespaceSelector`; with
 * neither, the pod's own namespace (an empty `namespaceSelector` means every namespace). An absent
 * `labelSelector` selects no pod. `matchLabelKeys` / `mismatchLabelKeys` are merged into the
 * selector from the owning pod's labels, as the API server does.
 *
 * @since 0.1.0
 * @category model
 */
export interface PodAffinityTerm {
  readonly labelSelector?: LabelSelector
  readonly namespaces: ReadonlyArray<string>
  readonly namespaceSelector?: LabelSelector
  readonly topologyKey: string
  readonly matchLabelKeys?: ReadonlyArray<string>
  readonly mismatchLabelKeys?: ReadonlyArray<string>
}

/** A preferred term with its weight (1..100). @since 0.1.0 @category model */
export interface WeightedPodAffinityTerm {
  readonly weight: number
  readonly term: PodAffinityTerm
}

/** Required and preferred terms of one kind (affinity or anti-affinity). @since 0.1.0 @category model */
export interface PodAffinityRules {
  readonly required: ReadonlyArray<PodAffinityTerm>
  readonly preferred: ReadonlyArray<WeightedPodAffinityTerm>
}
