/**
 * The readable σ's view of one node: the node, the pods bound to it, and what they use
 * (actual requests, the scorers' non-zero requests, NUMA cells). Plain objects, updated on bind.
 *
 * @since 0.1.0
 */
import { assignedPodRequests } from "../model/Requests.ts"
import type { ResourceAmounts } from "../model/Resources.ts"
import { numaCellsOf, type SchedulingNode } from "../model/SchedulingNode.ts"
import type { SchedulingPod } from "../model/SchedulingPod.ts"
import type { CellRoom } from "../plugins/NumaFit.ts"

/** A pod bound to a node. @since 0.1.0 @category model */
export interface BoundPod {
  readonly id: number
  readonly pod: SchedulingPod
  /** Bind order (start time). */
  readonly seq: number
  /** The NUMA cell it holds, or −1. */
  readonly cell: number
  readonly request: ResourceAmounts
  readonly nonZeroCpu: number
  readonly nonZeroMemory: number
}

/** @since 0.1.0 @category model */
export interface NodeState {
  readonly node: SchedulingNode
  readonly pods: BoundPod[]
  readonly used: Record<string, number>
  nonZeroCpu: number
  nonZeroMemory: number
  readonly capacityCells: ReadonlyArray<CellRoom>
  readonly freeCells: CellRoom[]
}

/** An empty node state. @since 0.1.0 @category constructors */
export const nodeState = (node: SchedulingNode): NodeState => {
  const cells = numaCellsOf(node).map((c) => ({ cpus: c.cpus, memoryBytes: c.memoryBytes, hugepagesBytes: c.hugepagesBytes }))
  return { node, pods: [], used: {}, nonZeroCpu: 0, nonZeroMemory: 0, capacityCells: cells, freeCells: cells.map((c) => ({ ...c })) }
}

/**
 * A bound pod's record, computing once what it holds on its node as the scheduler cache counts a
 * bound pod (a resize in flight, the pod-level non-zero rule: `assignedPodRequests`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const boundPod = (id: number, pod: SchedulingPod, seq: number, cell: number): BoundPod => {
  const held = assignedPodRequests(pod)
  return { id, pod, seq, cell, request: held.requests, nonZeroCpu: held.nonZeroCpu, nonZeroMemory: held.nonZeroMemory }
}

const cellDelta = (state: NodeState, b: BoundPod, sign: 1 | -1): void => {
  const numa = b.pod.numa
  if (numa === undefined || b.cell < 0) return
  const c = state.freeCells[b.cell] as CellRoom
  state.freeCells[b.cell] = {
    cpus: c.cpus - sign * numa.vcpus,
    memoryBytes: numa.hugepages ? c.memoryBytes : c.memoryBytes - sign * numa.memoryBytes,
    hugepagesBytes: numa.hugepages ? c.hugepagesBytes - sign * numa.memoryBytes : c.hugepagesBytes,
  }
}

/** Add a pod's usage to the node. @since 0.1.0 @category mutations */
export const addPod = (state: NodeState, b: BoundPod): void => {
  state.pods.push(b)
  for (const [r, v] of Object.entries(b.request)) state.used[r] = (state.used[r] ?? 0) + v
  state.nonZeroCpu += b.nonZeroCpu
  state.nonZeroMemory += b.nonZeroMemory
  cellDelta(state, b, 1)
}

/** Remove a pod's usage from the node. @since 0.1.0 @category mutations */
export const removePod = (state: NodeState, id: number): void => {
  const at = state.pods.findIndex((p) => p.id === id)
  if (at < 0) return
  const b = state.pods[at] as BoundPod
  state.pods.splice(at, 1)
  for (const [r, v] of Object.entries(b.request)) state.used[r] = (state.used[r] ?? 0) - v
  state.nonZeroCpu -= b.nonZeroCpu
  state.nonZeroMemory -= b.nonZeroMemory
  cellDelta(state, b, -1)
}

/** A copy that can be changed without touching the original (for preemption's dry runs). @since 0.1.0 @category constructors */
export const cloneState = (s: NodeState): NodeState => ({
  node: s.node,
  pods: [...s.pods],
  used: { ...s.used },
  nonZeroCpu: s.nonZeroCpu,
  nonZeroMemory: s.nonZeroMemory,
  capacityCells: s.capacityCells,
  freeCells: s.freeCells.map((c) => ({ ...c })),
})
