/**
 * The cluster as the scheduler starts from: nodes, pods already bound to them (in the order
 * they were bound, which stands in for their start time when preemption compares victims), and
 * the other objects the scheduler reads (namespaces, Services and controllers for default
 * spreading, PodDisruptionBudgets, storage).
 *
 * @since 0.1.0
 */
import type { ClusterObjects } from "./ClusterObjects.ts"
import type { SchedulingNode } from "./SchedulingNode.ts"
import type { SchedulingPod } from "./SchedulingPod.ts"

/** A pod bound to a node by name. @since 0.1.0 @category model */
export interface Binding {
  readonly pod: SchedulingPod
  readonly node: string
}

/** Nodes, existing bindings and the other objects. @since 0.1.0 @category model */
export interface ClusterSnapshot extends ClusterObjects {
  readonly nodes: ReadonlyArray<SchedulingNode>
  readonly bound: ReadonlyArray<Binding>
}

/** A snapshot with no pods bound yet. @since 0.1.0 @category constructors */
export const snapshot = (nodes: ReadonlyArray<SchedulingNode>, bound: ReadonlyArray<Binding> = []): ClusterSnapshot => ({
  nodes,
  bound,
})

/**
 * The objects of a snapshot besides nodes and bindings.
 *
 * @since 0.1.0
 * @category accessors
 */
export const objectsOf = (cluster: ClusterSnapshot): ClusterObjects => ({
  ...(cluster.namespaces === undefined ? {} : { namespaces: cluster.namespaces }),
  ...(cluster.services === undefined ? {} : { services: cluster.services }),
  ...(cluster.controllers === undefined ? {} : { controllers: cluster.controllers }),
  ...(cluster.disruptionBudgets === undefined ? {} : { disruptionBudgets: cluster.disruptionBudgets }),
  ...(cluster.storage === undefined ? {} : { storage: cluster.storage }),
})
