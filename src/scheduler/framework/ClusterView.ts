/**
 * What the readable σ's plugins see of the cluster in one scheduling cycle: every node with the
 * pods bound to it (upstream's NodeInfo snapshot), and the other API objects the scheduler reads.
 * Preemption's dry runs hand plugins a view in which one node's state has victims removed.
 *
 * @since 0.1.0
 */
import type { ClusterObjects } from "../model/ClusterObjects.ts"
import type { Labels } from "../model/LabelSelector.ts"
import type { NodeState } from "../readable/NodeState.ts"

/** @since 0.1.0 @category model */
export interface ClusterView {
  readonly nodes: ReadonlyArray<NodeState>
  readonly objects: ClusterObjects
  /** A namespace's labels, `undefined` when the namespace is not among the objects. */
  readonly namespaceLabels: (namespace: string) => Labels | undefined
}

/**
 * A view over node states and objects.
 *
 * @since 0.1.0
 * @category constructors
 */
export const clusterView = (nodes: ReadonlyArray<NodeState>, objects: ClusterObjects): ClusterView => {
  const byName = new Map((objects.namespaces ?? []).map((n) => [n.name, n.labels]))
  return { nodes, objects, namespaceLabels: (namespace) => byName.get(namespace) }
}

/**
 * The same view with one node's state replaced (preemption's dry run on that node).
 *
 * @since 0.1.0
 * @category combinators
 */
export const withNodeState = (view: ClusterView, index: number, state: NodeState): ClusterView => ({
  ...view,
  nodes: view.nodes.map((s, i) => (i === index ? state : s)),
})
