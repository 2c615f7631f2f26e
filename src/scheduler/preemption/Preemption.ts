/**
 * Default preemption of kube-scheduler v1.35 (`DefaultPreemption`), shared by both schedulers
 * through a small host interface, so the readable σ and the hot path pick the same victims.
 *
 * On each node whose filter status was Unschedulable (not UnschedulableAndUnresolvable): remove
 * every pod of strictly lower priority; if the preemptor still does not pass every filter there,
 * the node is no candidate (its filter status is kept for the message). Otherwise sort the
 * removed pods from the most important down (higher priority, then earlier start = lower bind
 * sequence), split them into those whose eviction would violate a PodDisruptionBudget and the
 * rest, and reprieve them in that order (violating first): put each back and keep it if the
 * preemptor still fits, else it is a victim. Violations are minimised, not forbidden.
 *
 * Choosing the node (`pickOneNodeForPreemption`): fewest PodDisruptionBudget violations, then
 * the lowest highest-victim priority, then the smallest sum of victim priorities (each offset by
 * 2³¹), then the fewest victims, then the latest start of the highest-priority victims (the
 * earliest `status.startTime` among them, maximised; then their earliest bind sequence), then the
 * first candidate in node order.
 *
 * "Earlier start" is `status.startTime` (`util.GetPodStartTime`; a pod without one has not
 * started, which counts as later than every start), then the bind sequence. Kubernetes examines a random subset of candidates (at least 100
 * or 10 %); here every node is examined, for reproducibility.
 *
 * @since 0.1.0
 */
import type { Status } from "../plugins/Status.ts"

/** A pod on a node that preemption may evict. @since 0.1.0 @category model */
export interface PreemptionPod {
  readonly id: number
  readonly priority: number
  /** `status.startTime` in ms (+∞: not started, i.e. later than every start): earlier = more important at equal priority. */
  readonly start: number
  /** Bind sequence: lower = bound earlier = more important at equal priority and start. */
  readonly seq: number
  /** Indices of the disruption budgets whose allowance evicting this pod uses. */
  readonly budgets: ReadonlyArray<number>
}

/** What a scheduler exposes to preemption. @since 0.1.0 @category model */
export interface PreemptionHost {
  readonly nodeCount: number
  /** The node's status in the failed cycle was UnschedulableAndUnresolvable (preemption cannot help). */
  readonly unresolvable: (node: number) => boolean
  /**
   * The pods bound to a node (by index) with a priority below `priority`: the candidates for
   * eviction there (asked for them only: a pending pod of a full cluster asks every node).
   */
  readonly podsBelow: (node: number, priority: number) => ReadonlyArray<PreemptionPod>
  /** The lowest priority of any bound pod (+∞ when none is bound). */
  readonly lowestPriority: () => number
  /** The preemptor's filter status on `node` with `removed` taken off it. */
  readonly filterWithout: (node: number, removed: ReadonlyArray<PreemptionPod>) => Status
  /** `disruptionsAllowed` of each budget. */
  readonly budgetsAllowed: ReadonlyArray<number>
}

/** The victims on one node and how many of them violate a budget. @since 0.1.0 @category model */
export interface NodeVictims {
  readonly node: number
  readonly victims: ReadonlyArray<PreemptionPod>
  readonly budgetViolations: number
}

/** The outcome: the chosen node (if any) and, per node, why it is no candidate (empty for candidates). @since 0.1.0 @category model */
export interface PreemptionOutcome {
  readonly chosen?: NodeVictims
  readonly nodeReasons: ReadonlyArray<ReadonlyArray<string>>
}

/** Reason for a node where preemption cannot help. @since 0.1.0 @category constants */
export const REASON_NOT_HELPFUL = "Preemption is not helpful for scheduling"
/** Reason for a node without lower-priority pods. @since 0.1.0 @category constants */
export const REASON_NO_VICTIMS = "No preemption victims found for incoming pod"
/** The PostFilter message of a pod with `preemptionPolicy: Never`. @since 0.1.0 @category constants */
export const MESSAGE_NEVER = "not eligible due to preemptionPolicy=Never."

const byNumber = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0)

const moreImportant = (a: PreemptionPod, b: PreemptionPod): number => byNumber(b.priority, a.priority) || byNumber(a.start, b.start) || byNumber(a.seq, b.seq)

/**
 * `filterPodsWithPDBViolation`: walking the pods (most important first), each budget's allowance
 * is used up; a pod is violating when one of its budgets goes below zero.
 *
 * @since 0.1.0
 * @category preemption
 */
export const splitByBudgetViolation = (
  pods: ReadonlyArray<PreemptionPod>,
  allowed: ReadonlyArray<number>,
): { readonly violating: ReadonlyArray<PreemptionPod>; readonly nonViolating: ReadonlyArray<PreemptionPod> } => {
  const left = [...allowed]
  const violating: PreemptionPod[] = []
  const nonViolating: PreemptionPod[] = []
  for (const p of pods) {
    let violated = false
    for (const b of p.budgets) {
      left[b] = (left[b] ?? 0) - 1
      if ((left[b] as number) < 0) violated = true
    }
    ;(violated ? violating : nonViolating).push(p)
  }
  return { violating, nonViolating }
}

/**
 * The victims on one node, or the status that makes the node no candidate.
 *
 * @since 0.1.0
 * @category preemption
 */
export const selectVictimsOnNode = (host: PreemptionHost, node: number, priority: number): NodeVictims | Status => {
  const lower = host.podsBelow(node, priority)
  if (lower.length === 0) return { code: "UnschedulableAndUnresolvable", reasons: [REASON_NO_VICTIMS] }
  const all = host.filterWithout(node, lower)
  if (all.code !== "Success") return all
  const sorted = [...lower].sort(moreImportant)
  const { violating, nonViolating } = splitByBudgetViolation(sorted, host.budgetsAllowed)
  const order = [...violating, ...nonViolating]
  const victims: PreemptionPod[] = []
  let budgetViolations = 0
  // Reprieve in order: the set still removed is the victims so far plus everything not yet tried.
  for (let i = 0; i < order.length; i++) {
    const candidate = order[i] as PreemptionPod
    const stillRemoved = [...victims, ...order.slice(i + 1)]
    if (host.filterWithout(node, stillRemoved).code !== "Success") {
      victims.push(candidate)
      if (i < violating.length) budgetViolations++
    }
  }
  return { node, victims: victims.sort(moreImportant), budgetViolations }
}

const OFFSET = 2 ** 31

const isVictims = (r: NodeVictims | Status): r is NodeVictims => "victims" in r

/**
 * Preemption for a preemptor of `priority`: the chosen node and its victims, and for every node
 * that is no candidate the reasons the preemption message counts.
 *
 * @since 0.1.0
 * @category preemption
 */
export const preempt = (host: PreemptionHost, priority: number): PreemptionOutcome => {
  // nothing bound below the preemptor: every node it could help has no victim (the walk below says the same)
  if (host.lowestPriority() >= priority) {
    return { nodeReasons: Array.from({ length: host.nodeCount }, (_, n) => (host.unresolvable(n) ? [REASON_NOT_HELPFUL] : [REASON_NO_VICTIMS])) }
  }
  let best: { chosen: NodeVictims; key: ReadonlyArray<number> } | undefined
  const nodeReasons: Array<ReadonlyArray<string>> = []
  for (let n = 0; n < host.nodeCount; n++) {
    if (host.unresolvable(n)) {
      nodeReasons.push([REASON_NOT_HELPFUL])
      continue
    }
    const r = selectVictimsOnNode(host, n, priority)
    if (!isVictims(r)) {
      nodeReasons.push(r.reasons)
      continue
    }
    nodeReasons.push([])
    const top = r.victims[0] as PreemptionPod
    const sum = r.victims.reduce((s, v) => s + v.priority + OFFSET, 0)
    // latest start among the highest-priority victims: the earliest such start, maximised
    const tops = r.victims.filter((v) => v.priority === top.priority)
    const earliestStart = Math.min(...tops.map((v) => v.start))
    const earliestSeq = Math.min(...tops.filter((v) => v.start === earliestStart).map((v) => v.seq))
    const key = [r.budgetViolations, top.priority, sum, r.victims.length, -earliestStart, -earliestSeq]
    if (best === undefined || lexLess(key, best.key)) best = { chosen: r, key }
  }
  return best === undefined ? { nodeReasons } : { chosen: best.chosen, nodeReasons }
}

const lexLess = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): boolean => {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number
    const y = b[i] as number
    if (x !== y) return x < y
  }
  return false
}
