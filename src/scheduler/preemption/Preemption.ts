/**
 * Default preemption of kube-scheduler v1.35 (`DefaultPreemption`), shared by both schedulers
 * through a small host interface, so the readable σ and the hot path pick the same victims.
 *
 * On each node whose filter status was Unschedulable (not UnschedulableAndUnresolvable):
 * remove every pod of strictly lower priority; if the preemptor still does not fit, the node is
 * no candidate. Otherwise reprieve the removed pods from the most important down (higher
 * priority, then earlier start = lower bind sequence): put each back and keep it if the
 * preemptor still fits, else it is a victim.
 *
 * Choosing the node (`pickOneNodeForPreemption`): fewest PodDisruptionBudget violations (PDBs
 * are not modelled: always 0), then the lowest highest-victim priority, then the smallest sum of
 * victim priorities (each offset by 2³¹ as in Kubernetes), then the fewest victims, then the
 * latest start of the highest-priority victims, then the first candidate in node order.
 * Kubernetes examines a random subset of candidates (at least 100 or 10 %); here every node is
 * examined, for reproducibility.
 *
 * @since 0.1.0
 */

/** A pod on a node that preemption may evict. @since 0.1.0 @category model */
export interface PreemptionPod {
  readonly id: number
  readonly priority: number
  /** Bind sequence: lower = started earlier = more important at equal priority. */
  readonly seq: number
}

/** What a scheduler exposes to preemption. @since 0.1.0 @category model */
export interface PreemptionHost {
  readonly nodeCount: number
  /** The node's status in the failed cycle was Unschedulable (resolvable). */
  readonly resolvable: (node: number) => boolean
  /** The pods bound to a node (by index), the candidates for eviction there. */
  readonly podsOn: (node: number) => ReadonlyArray<PreemptionPod>
  /** Whether the preemptor passes every filter on `node` with `removed` taken off it. */
  readonly fitsWithout: (node: number, removed: ReadonlyArray<PreemptionPod>) => boolean
}

/** The outcome: the nominated node and its victims. @since 0.1.0 @category model */
export interface PreemptionResult {
  readonly node: number
  readonly victims: ReadonlyArray<PreemptionPod>
}

const moreImportant = (a: PreemptionPod, b: PreemptionPod): number => b.priority - a.priority || a.seq - b.seq

/**
 * The victims on one node, or `undefined` when removing every lower-priority pod is not enough.
 *
 * @since 0.1.0
 * @category preemption
 */
export const selectVictimsOnNode = (host: PreemptionHost, node: number, priority: number): ReadonlyArray<PreemptionPod> | undefined => {
  const lower = host.podsOn(node).filter((p) => p.priority < priority)
  if (lower.length === 0 || !host.fitsWithout(node, lower)) return undefined
  const removed = [...lower].sort(moreImportant)
  const victims: PreemptionPod[] = []
  // Reprieve from the most important down: the set still removed is `rest` plus the victims so far.
  for (let i = 0; i < removed.length; i++) {
    const candidate = removed[i] as PreemptionPod
    const stillRemoved = [...victims, ...removed.slice(i + 1)]
    if (!host.fitsWithout(node, stillRemoved)) victims.push(candidate)
  }
  return victims
}

const OFFSET = 2 ** 31

/**
 * Preemption for a preemptor of `priority`: the chosen node and victims, or `undefined`.
 *
 * @since 0.1.0
 * @category preemption
 */
export const preempt = (host: PreemptionHost, priority: number): PreemptionResult | undefined => {
  let best: { node: number; victims: ReadonlyArray<PreemptionPod>; key: ReadonlyArray<number> } | undefined
  for (let n = 0; n < host.nodeCount; n++) {
    if (!host.resolvable(n)) continue
    const victims = selectVictimsOnNode(host, n, priority)
    if (victims === undefined) continue
    const highest = Math.max(...victims.map((v) => v.priority))
    const sum = victims.reduce((s, v) => s + v.priority + OFFSET, 0)
    // latest start among the highest-priority victims: the earliest such start, maximised
    const earliestTop = Math.min(...victims.filter((v) => v.priority === highest).map((v) => v.seq))
    const key = [highest, sum, victims.length, -earliestTop]
    if (best === undefined || lexLess(key, best.key)) best = { node: n, victims, key }
  }
  return best === undefined ? undefined : { node: best.node, victims: best.victims }
}

const lexLess = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): boolean => {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number
    const y = b[i] as number
    if (x !== y) return x < y
  }
  return false
}
