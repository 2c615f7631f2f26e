/**
 * A pod as the scheduler sees it: per-container requests (an absent key stays distinct from an
 * explicit 0, because the scorers substitute defaults only for absent keys), init containers and
 * restartable sidecars, overhead, placement constraints, priority, and the VM extras: dedicated
 * CPUs with a NUMA requirement, required CPU features, KVM.
 *
 * @since 0.1.0
 */
import type { ResourceAmounts } from "./Resources.ts"

/** A container's requests. @since 0.1.0 @category model */
export interface ContainerRequests {
  readonly name: string
  readonly requests: ResourceAmounts
}

/** An init container; `restartable` = a sidecar (`restartPolicy: Always`). @since 0.1.0 @category model */
export interface InitContainerRequests extends ContainerRequests {
  readonly restartable: boolean
}

/** A node selector requirement operator. @since 0.1.0 @category model */
export type SelectorOperator = "In" | "NotIn" | "Exists" | "DoesNotExist" | "Gt" | "Lt"

/** One requirement on a node label (or, in `matchFields`, on `metadata.name`). @since 0.1.0 @category model */
export interface SelectorRequirement {
  readonly key: string
  readonly operator: SelectorOperator
  readonly values: ReadonlyArray<string>
}

/** A node selector term: all its requirements must hold. @since 0.1.0 @category model */
export interface NodeSelectorTerm {
  readonly matchExpressions: ReadonlyArray<SelectorRequirement>
  readonly matchFields: ReadonlyArray<SelectorRequirement>
}

/** A preferred term with its weight (1..100). @since 0.1.0 @category model */
export interface PreferredTerm {
  readonly weight: number
  readonly preference: NodeSelectorTerm
}

/** A toleration; `key: ""` with `Exists` tolerates every taint. @since 0.1.0 @category model */
export interface Toleration {
  readonly key: string
  readonly operator: "Equal" | "Exists"
  readonly value: string
  /** `""` matches every effect. */
  readonly effect: "" | "NoSchedule" | "PreferNoSchedule" | "NoExecute"
}

/**
 * The NUMA requirement of a dedicated-CPU VMI: all `vcpus` and `memoryBytes` in one cell,
 * from hugepages when `hugepages` is set.
 *
 * @since 0.1.0
 * @category model
 */
export interface NumaRequirement {
  readonly vcpus: number
  readonly memoryBytes: number
  readonly hugepages: boolean
}

/**
 * A pod. `key` is `namespace/name`. `requiredTerms` is `undefined` when the pod has no required
 * node affinity (an empty array would match no node, as in Kubernetes).
 *
 * @since 0.1.0
 * @category model
 */
export interface SchedulingPod {
  readonly key: string
  readonly containers: ReadonlyArray<ContainerRequests>
  readonly initContainers: ReadonlyArray<InitContainerRequests>
  readonly overhead: ResourceAmounts
  /**
   * Pod-level `spec.resources.requests` (PodLevelResources, beta and on by default since v1.34):
   * when present they replace the container aggregate for cpu, memory and hugepages.
   */
  readonly podLevelRequests?: ResourceAmounts
  readonly nodeName?: string
  readonly nodeSelector: Readonly<Record<string, string>>
  readonly requiredTerms?: ReadonlyArray<NodeSelectorTerm>
  readonly preferredTerms: ReadonlyArray<PreferredTerm>
  readonly tolerations: ReadonlyArray<Toleration>
  readonly priority: number
  /** `preemptionPolicy: Never`: the pod never evicts others (default PreemptLowerPriority). */
  readonly neverPreempts?: boolean
  readonly numa?: NumaRequirement
  /** CPU feature names the node must label as supported. */
  readonly requiredFeatures: ReadonlyArray<string>
  readonly requiresKvm: boolean
}

/**
 * A pod with one container and defaults for everything else.
 *
 * @example
 * import { pod } from "catcluster/scheduler"
 * const web = pod("default/web", { cpu: 500, memory: 256 * 2 ** 20 })
 * const besteffort = pod("default/be", {}) // no request keys: scorers assume 100m / 200Mi
 *
 * @since 0.1.0
 * @category constructors
 */
export const pod = (
  key: string,
  requests: ResourceAmounts,
  rest: Partial<Omit<SchedulingPod, "key">> = {},
): SchedulingPod => ({
  key,
  containers: rest.containers ?? [{ name: "main", requests }],
  initContainers: rest.initContainers ?? [],
  overhead: rest.overhead ?? {},
  nodeSelector: rest.nodeSelector ?? {},
  preferredTerms: rest.preferredTerms ?? [],
  tolerations: rest.tolerations ?? [],
  priority: rest.priority ?? 0,
  requiredFeatures: rest.requiredFeatures ?? [],
  requiresKvm: rest.requiresKvm ?? false,
  ...(rest.nodeName === undefined ? {} : { nodeName: rest.nodeName }),
  ...(rest.podLevelRequests === undefined ? {} : { podLevelRequests: rest.podLevelRequests }),
  ...(rest.requiredTerms === undefined ? {} : { requiredTerms: rest.requiredTerms }),
  ...(rest.numa === undefined ? {} : { numa: rest.numa }),
  ...(rest.neverPreempts === undefined ? {} : { neverPreempts: rest.neverPreempts }),
})
