/**
 * The API objects besides nodes and pods that kube-scheduler v1.35 reads while it schedules:
 * namespaces (their labels, for `namespaceSelector`), the Services, ReplicationControllers,
 * ReplicaSets and StatefulSets whose selectors give PodTopologySpread its system-default
 * constraints, PodDisruptionBudgets (preemption), and storage (the volume plugins).
 *
 * @since 0.1.0
 */
import type { LabelSelector, Labels } from "./LabelSelector.ts"
import type { StorageObjects } from "./Volumes.ts"

/** A namespace and its labels. @since 0.1.0 @category model */
export interface NamespaceInfo {
  readonly name: string
  readonly labels: Labels
}

/** A Service's pod selector; `selector` absent = selects nothing. @since 0.1.0 @category model */
export interface ServiceSelector {
  readonly namespace: string
  readonly name: string
  readonly selector?: Labels
}

/** A controller a pod can name as its owner, with its pod selector. @since 0.1.0 @category model */
export interface ControllerSelector {
  readonly kind: "ReplicationController" | "ReplicaSet" | "StatefulSet"
  readonly namespace: string
  readonly name: string
  readonly selector: LabelSelector
}

/**
 * A PodDisruptionBudget as preemption reads it: the pods it selects (an absent or empty selector
 * selects none) and how many more disruptions it allows (`status.disruptionsAllowed`, or computed
 * from `minAvailable` / `maxUnavailable` when the status is absent).
 *
 * @since 0.1.0
 * @category model
 */
export interface DisruptionBudget {
  readonly namespace: string
  readonly name: string
  readonly selector?: LabelSelector
  readonly disruptionsAllowed: number
  /** `status.disruptedPods`: pod names already being disrupted, not counted again. */
  readonly disruptedPods: ReadonlyArray<string>
}

/** Everything besides nodes and pods; every part optional. @since 0.1.0 @category model */
export interface ClusterObjects {
  readonly namespaces?: ReadonlyArray<NamespaceInfo>
  readonly services?: ReadonlyArray<ServiceSelector>
  readonly controllers?: ReadonlyArray<ControllerSelector>
  readonly disruptionBudgets?: ReadonlyArray<DisruptionBudget>
  readonly storage?: StorageObjects
}
