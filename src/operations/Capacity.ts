/**
 * How many more copies of a pod (or of a VM's virt-launcher pod) fit, as kubernetes-sigs'
 * cluster-capacity answers it: after the existing workload is placed, schedule copies of the
 * template one after another with the project's scheduler until one finds no node (or the cap is
 * reached). Preemption is off: the question is the free room, not what could be evicted. Each
 * node's count, which node filled first (the one whose last copy came earliest: a node's room
 * changes only when a copy lands on it), and what limits each node, from the scheduler's reasons
 * for one more copy.
 *
 * @since 0.1.0
 */
import { type SchedulingPod, withoutStatusResources } from "../scheduler/model/SchedulingPod.ts"
import { placementMessage, schedulerFor, type ClusterState } from "./ClusterState.ts"
import type { Inventory } from "./Inventory.ts"
import { OperationsError } from "./OperationsError.ts"

/** The default cap on copies. @since 0.1.0 @category constants */
export const DEFAULT_MAX_COPIES = 1000

/** One node's share. @since 0.1.0 @category model */
export interface NodeCapacity {
  readonly node: string
  readonly count: number
  /**
   * What stops one more copy here: a resource (`cpu`, `memory`, `pods`, `devices.kubevirt.io/kvm`,
   * several joined by ", "), else the scheduler's reason (a taint, the node selector, …);
   * `null` when one more copy still fits (the cap was hit).
   */
  readonly limitedBy: string | null
  /** The scheduler's reasons for this node on one more copy. */
  readonly reasons: ReadonlyArray<string>
}

/**
 * The answer.
 *
 * @since 0.1.0
 * @category model
 */
export interface Capacity {
  readonly fits: number
  readonly perNode: ReadonlyArray<NodeCapacity>
  /** Nodes that took copies and then filled up, in the order they filled; the first filled first. */
  readonly fillOrder: ReadonlyArray<string>
  readonly fillsFirst?: string
  /** The cap was reached: more may fit. */
  readonly capped: boolean
  readonly max: number
  /** The scheduler's message for the copy that found no node (absent when capped). */
  readonly stoppedBecause?: string
}

/** Options of {@link capacity}. @since 0.1.0 @category model */
export interface CapacityOptions {
  /** Stop after this many copies. Default {@link DEFAULT_MAX_COPIES}. */
  readonly max?: number
}

const INSUFFICIENT = /^Insufficient (.+)$/

/**
 * What a node's reasons say limits it: the resources it lacks, "pods" for "Too many pods", else
 * the first reason.
 *
 * @since 0.1.0
 * @category destructors
 */
export const limitingResource = (reasons: ReadonlyArray<string>): string | null => {
  if (reasons.length === 0) return null
  const resources = reasons.flatMap((r) => {
    if (r === "Too many pods") return ["pods"]
    const m = INSUFFICIENT.exec(r)
    return m === null ? [] : [m[1]!]
  })
  return resources.length > 0 ? resources.join(", ") : reasons[0]!
}

/**
 * How many copies of `template` fit on `state`.
 *
 * @example
 * import { baseline, capacity, inventory } from "catcluster/operations"
 * // capacity(inv, baseline(inv), templatePod) → { fits: 7, perNode: [{ node: "node-a", count: 1, limitedBy: "memory" }, …] }
 *
 * @since 0.1.0
 * @category operations
 */
export const capacity = (inv: Inventory, state: ClusterState, template: SchedulingPod, options: CapacityOptions = {}): Capacity => {
  const max = options.max ?? DEFAULT_MAX_COPIES
  if (!Number.isSafeInteger(max) || max < 1) throw new OperationsError(`the cap on copies must be a positive integer, got ${max}`)
  const s = schedulerFor(inv, state.nodes, state.placed)
  // a copy is a new pod: where the template runs, and its status's resize, are not the copy's
  const { nodeName: _, ...base } = withoutStatusResources(template)
  const copy = (i: number): SchedulingPod => ({ ...base, key: `${template.key}#copy-${i}` })
  const counts = new Map<string, number>()
  const last = new Map<string, number>()
  let fits = 0
  let stoppedBecause: string | undefined
  while (fits < max) {
    const p = s.schedule(copy(fits + 1), { preempt: false })
    if (p.node === null) {
      stoppedBecause = placementMessage(p)
      break
    }
    counts.set(p.node, (counts.get(p.node) ?? 0) + 1)
    last.set(p.node, fits)
    fits++
  }
  // one more copy, explained: every node's reasons (when capped it may bind; the scheduler is dropped)
  const probe = s.schedule(copy(fits + 1), { preempt: false, explain: true })
  const reasonsOf = new Map((probe.scores ?? []).map((e) => [e.node, e.feasible ? [] : e.reasons] as const))
  const perNode = state.nodes.map((n) => {
    const reasons = reasonsOf.get(n.name) ?? []
    return { node: n.name, count: counts.get(n.name) ?? 0, limitedBy: limitingResource(reasons), reasons }
  })
  const fillOrder = perNode
    .filter((n) => n.count > 0 && n.limitedBy !== null)
    .sort((a, b) => last.get(a.node)! - last.get(b.node)!)
    .map((n) => n.node)
  return {
    fits,
    perNode,
    fillOrder,
    ...(fillOrder[0] === undefined ? {} : { fillsFirst: fillOrder[0] }),
    capped: stoppedBecause === undefined,
    max,
    ...(stoppedBecause === undefined ? {} : { stoppedBecause }),
  }
}
