/**
 * The readable σ: kube-scheduler's scheduling cycle (v1.35) written for clarity over the model
 * objects. It is the oracle the hot path (`core/`) is checked against.
 *
 * One cycle for a pod, as `schedule_one.go` runs it:
 * 1. PreEnqueue: a pod with scheduling gates waits ("SchedulingGated").
 * 2. PreFilter, every enabled filter plugin in order: a plugin may skip itself, narrow the nodes
 *    to a set (the others get "node(s) didn't satisfy plugin(s) [...]") or reject the pod (every
 *    node gets that status; an UnschedulableAndUnresolvable rejection stops PreFilter at once).
 * 3. Filter: from a rotating start, each node through the filters in order until
 *    `numFeasibleNodesToFind` feasible nodes are found; the first failing filter gives the node's
 *    status.
 * 4. PreScore / Score / NormalizeScore over the feasible nodes, weighted and summed; the highest
 *    total wins (seeded uniform tie-break, `select/selectHost.ts`); bind.
 * 5. When no node fits: PostFilter (DynamicResources' message, then DefaultPreemption, whose dry
 *    runs re-run PreFilter and Filter with the victims removed; a plugin with a RemovePod
 *    extension, VolumeRestrictions, updates its cycle state instead) and kube-scheduler's message.
 *
 * @example
 * import { node, pod, readableScheduler, snapshot } from "catcluster/scheduler"
 * const sigma = readableScheduler(snapshot([node("a", { cpu: 4000, memory: 8 * 2 ** 30, pods: 110 })]))
 * sigma.schedule(pod("default/web", { cpu: 500 })).node // "a"
 *
 * @since 0.1.0
 */
import { type ClusterView, clusterView, withNodeState } from "../framework/ClusterView.ts"
import type { FilterPlugin, ScorePlugin } from "../framework/Plugin.ts"
import { postFilterMessage } from "../framework/PostFilter.ts"
import { type ClusterSnapshot, objectsOf } from "../model/ClusterSnapshot.ts"
import { type SchedulingPod, schedulerNameOf } from "../model/SchedulingPod.ts"
import { type Diagnosis, diagnosisReasons, fitErrorMessage, type NodeEvaluation, type Placement, type ScheduleOptions, type Scheduler } from "../Placement.ts"
import { type PreemptionHost, type PreemptionOutcome, preempt } from "../preemption/Preemption.ts"
import { budgetIndex } from "../preemption/Budgets.ts"
import { defaultProfile, filterEnabled, hasScoring, preFilterPlugins, type Profile, SCORE_PLUGINS, type ScorePluginName } from "../profile/Profile.ts"
import { bestFitCell } from "../plugins/NumaFit.ts"
import { failure, type Status, success } from "../plugins/Status.ts"
import { bindingRefusal, gatedPlacement } from "../plugins/SchedulingGates.ts"
import { numFeasibleNodesToFind } from "../select/nodesToScore.ts"
import { random } from "../select/Random.ts"
import { selectHost } from "../select/selectHost.ts"
import { SchedulerInputError } from "../SchedulerInputError.ts"
import { addPod, boundPod, type BoundPod, cloneState, type NodeState, nodeState, removePod } from "./NodeState.ts"
import { filterPluginOf, scorePluginOf } from "./Registry.ts"

/** Options of a scheduler. @since 0.1.0 @category model */
export interface SchedulerOptions {
  readonly profile?: Profile
  /**
   * Further profiles of the same scheduler (a configuration with several profiles): a pod is
   * scheduled by the profile its `schedulerName` names; a pod naming none is left alone. The hot
   * path runs one profile.
   */
  readonly profiles?: ReadonlyArray<Profile>
  /** Seed of the tie-breaking PRNG (default 0). */
  readonly seed?: number
}

/** The reason of a pod whose `schedulerName` names no profile. @since 0.1.0 @category constants */
export const reasonNoProfile = (schedulerName: string): string =>
  `no profile for schedulerName ${JSON.stringify(schedulerName)}: kube-scheduler leaves the pod to another scheduler`

/** kube-scheduler's error when there is no node at all. @since 0.1.0 @category constants */
export { MESSAGE_NO_NODES } from "../Placement.ts"
import { MESSAGE_NO_NODES } from "../Placement.ts"

/**
 * What PreFilter produced for one pod: each plugin's state, the plugins that skipped, the node
 * set PreFilter narrowed to (with the plugins that narrowed it), and a rejection.
 *
 * @since 0.1.0
 * @category model
 */
export interface PreFilterResult {
  readonly states: ReadonlyMap<string, unknown>
  readonly skipped: ReadonlySet<string>
  readonly nodeNames?: ReadonlySet<string>
  readonly narrowedBy: ReadonlyArray<string>
  readonly rejection?: Status
}

/**
 * `RunPreFilterPlugins`: every filter plugin's PreFilter in order.
 *
 * @since 0.1.0
 * @category framework
 */
export const runPreFilter = (pod: SchedulingPod, view: ClusterView, plugins: ReadonlyArray<FilterPlugin<unknown>>, profile: Profile): PreFilterResult => {
  const states = new Map<string, unknown>()
  const skipped = new Set<string>()
  const narrowedBy: string[] = []
  let nodeNames: Set<string> | undefined
  let rejection: Status | undefined
  for (const pl of plugins) {
    if (pl.preFilter === undefined || profile.preFilterDisabled.includes(pl.name)) continue
    const out = pl.preFilter(pod, view)
    if (out.kind === "skip") {
      skipped.add(pl.name)
      continue
    }
    if (out.kind === "reject") {
      // An unresolvable rejection ends PreFilter; a resolvable one lets the others run (preemption may help).
      if (out.status.code === "UnschedulableAndUnresolvable") return { states, skipped, narrowedBy, rejection: out.status }
      rejection = out.status
      continue
    }
    states.set(pl.name, out.state)
    if (out.nodeNames !== undefined) {
      narrowedBy.push(pl.name)
      nodeNames = nodeNames === undefined ? new Set(out.nodeNames) : new Set([...nodeNames].filter((n) => out.nodeNames?.has(n)))
      if (nodeNames.size === 0) {
        const names = [...narrowedBy].sort()
        const msg = names.length === 1 ? `node(s) didn't satisfy plugin ${names[0]}` : `node(s) didn't satisfy plugin(s) [${names.join(" ")}] simultaneously`
        return { states, skipped, narrowedBy, nodeNames, rejection: failure("UnschedulableAndUnresolvable", msg) }
      }
    }
  }
  return { states, skipped, narrowedBy, ...(nodeNames === undefined ? {} : { nodeNames }), ...(rejection === undefined ? {} : { rejection }) }
}

/**
 * `RunFilterPlugins`: the filters in order on one node; the first failure is the node's status.
 *
 * @since 0.1.0
 * @category framework
 */
export const runFilters = (
  pod: SchedulingPod,
  node: NodeState,
  pre: PreFilterResult,
  view: ClusterView,
  plugins: ReadonlyArray<FilterPlugin<unknown>>,
): Status => {
  for (const pl of plugins) {
    if (pre.skipped.has(pl.name)) continue
    const s = pl.filter(pod, node, pre.states.get(pl.name), view)
    if (s.code !== "Success") return s
  }
  return success
}

/**
 * The PreFilter result of a preemption dry run: `again` (PreFilter re-run without the removed
 * pods), except that plugins with a RemovePod extension keep the cycle's outcome `first`, their
 * state updated for the removed pods, as upstream's dry run does.
 *
 * @since 0.1.0
 * @category framework
 */
export const preFilterWithout = (
  pod: SchedulingPod,
  first: PreFilterResult,
  again: PreFilterResult,
  removed: ReadonlyArray<SchedulingPod>,
  plugins: ReadonlyArray<FilterPlugin<unknown>>,
): PreFilterResult => {
  const extended = plugins.filter((pl) => pl.removePods !== undefined && (first.skipped.has(pl.name) || first.states.has(pl.name)))
  if (extended.length === 0) return again
  const states = new Map(again.states)
  const skipped = new Set(again.skipped)
  for (const pl of extended) {
    if (first.skipped.has(pl.name)) {
      skipped.add(pl.name)
      states.delete(pl.name)
    } else {
      skipped.delete(pl.name)
      states.set(pl.name, pl.removePods?.(pod, first.states.get(pl.name), removed))
    }
  }
  return { ...again, states, skipped }
}

/** The message of nodes outside the PreFilter node set. */
const absentReason = (pre: PreFilterResult): string => `node(s) didn't satisfy plugin(s) [${[...pre.narrowedBy].sort().join(" ")}]`

// A profile's plugins, built once: PreFilter and Filter in the profile's order, scorers.
interface ProfileRun {
  readonly profile: Profile
  readonly preFilters: ReadonlyArray<FilterPlugin<unknown>>
  readonly filters: ReadonlyArray<FilterPlugin<unknown>>
  readonly scorers: ReadonlyArray<ScorePlugin<unknown>>
}

const profileRun = (profile: Profile): ProfileRun => ({
  profile,
  preFilters: preFilterPlugins(profile).map((f) => filterPluginOf(f, profile)),
  filters: profile.filters.map((f) => filterPluginOf(f, profile)),
  scorers: SCORE_PLUGINS.filter((s) => profile.weights[s] !== undefined).map((s) => scorePluginOf(s, profile)),
})

/**
 * The readable σ over a snapshot.
 *
 * @since 0.1.0
 * @category constructors
 */
export const readableScheduler = (cluster: ClusterSnapshot, options: SchedulerOptions = {}): Scheduler => {
  const seed = options.seed ?? 0
  const rng = random(seed)
  // One kube-scheduler, several profiles: each pod runs the plugins of the profile it names.
  const runs = new Map<string, ProfileRun>()
  for (const p of [options.profile ?? defaultProfile, ...(options.profiles ?? [])]) {
    if (!runs.has(p.schedulerName)) runs.set(p.schedulerName, profileRun(p))
  }
  const numa = [...runs.values()].some((r) => filterEnabled(r.profile, "NumaFit"))
  // Reserve plugins may change the objects (VolumeBinding binds claims): each cycle sees the latest.
  let objects = objectsOf(cluster)
  const budgets = budgetIndex(objects.disruptionBudgets ?? [])
  const states = cluster.nodes.map(nodeState)
  const byName = new Map(states.map((s, i) => [s.node.name, i]))
  let seq = 0
  let nextStart = 0

  const bindAt = (n: number, pod: SchedulingPod): void => {
    const s = states[n] as NodeState
    const cell = numa && pod.numa !== undefined ? bestFitCell(s.freeCells, pod.numa) : -1
    const id = seq++
    addPod(s, boundPod(id, pod, id, cell))
  }
  // Reserve, once the pod is on node n: the plugins' changes to the objects, in profile order.
  const reserveAt = (n: number, pod: SchedulingPod, pre: PreFilterResult, filters: ReadonlyArray<FilterPlugin<unknown>>): void => {
    for (const pl of filters) {
      if (pl.reserve === undefined || pre.skipped.has(pl.name)) continue
      const changed = pl.reserve(pod, states[n] as NodeState, pre.states.get(pl.name), clusterView(states, objects))
      if (changed !== undefined) objects = changed
    }
  }
  for (const [i, b] of cluster.bound.entries()) {
    const n = byName.get(b.node)
    if (n === undefined) throw new SchedulerInputError(`bound[${i}]`, `pod ${b.pod.key} is bound to unknown node ${b.node}`)
    bindAt(n, b.pod)
  }

  const schedule = (pod: SchedulingPod, opts: ScheduleOptions = {}): Placement => {
    const run = runs.get(schedulerNameOf(pod))
    if (run === undefined) return { pod: pod.key, node: null, reasons: [reasonNoProfile(schedulerNameOf(pod))], message: "", victims: [] }
    const { profile, preFilters, filters, scorers } = run
    if (profile.schedulingGates && (pod.schedulingGates?.length ?? 0) > 0) return gatedPlacement(pod)
    const count = states.length
    if (count === 0) return { pod: pod.key, node: null, reasons: [MESSAGE_NO_NODES], message: MESSAGE_NO_NODES, victims: [] }
    const view = clusterView(states, objects)
    const pre = runPreFilter(pod, view, preFilters, profile)
    const statuses: Array<Status | undefined> = new Array(count).fill(undefined)
    const feasible: number[] = []
    const inSet = (n: number): boolean => pre.nodeNames === undefined || pre.nodeNames.has((states[n] as NodeState).node.name)
    if (pre.rejection === undefined) {
      const candidates = states.map((_, n) => n).filter(inSet)
      // without any Score plugin kube-scheduler takes the first feasible node it finds
      const toFind = hasScoring(profile) ? numFeasibleNodesToFind(candidates.length, profile.nodesToScore) : Math.min(1, candidates.length)
      // Filtering stops at the feasible node *after* the last one wanted (upstream's
      // findNodesThatPassFilters cancels when the count exceeds numNodesToFind): that node is
      // neither kept nor counted, but the infeasible nodes met before it are, in the diagnosis
      // and in how far the next cycle's start moves.
      let processed = 0
      for (let k = 0; k < candidates.length; k++) {
        const n = candidates[(nextStart + k) % candidates.length] as number
        const status = runFilters(pod, states[n] as NodeState, pre, view, filters)
        if (status.code === "Success") {
          if (feasible.length === toFind) break
          feasible.push(n)
        } else statuses[n] = status
        processed++
      }
      nextStart = count === 0 ? 0 : (nextStart + processed) % count
    }

    // PreScore, Score and NormalizeScore per plugin, over the feasible nodes.
    const feasibleStates = feasible.map((n) => states[n] as NodeState)
    const plugins: Array<Partial<Record<ScorePluginName, number>>> = feasible.map(() => ({}))
    if (feasible.length > 0) {
      for (const pl of scorers) {
        let state: unknown
        if (pl.preScore !== undefined && !profile.preScoreDisabled.includes(pl.name)) {
          const out = pl.preScore(pod, feasibleStates, view)
          if (out.kind === "skip") continue
          state = out.state
        }
        const raw = feasibleStates.map((s) => pl.score(pod, s, state, view))
        pl.normalize?.(raw, feasibleStates, state, pod)
        raw.forEach((v, i) => ((plugins[i] as Record<string, number>)[pl.name] = v))
      }
    }
    const totals = plugins.map((p) => SCORE_PLUGINS.reduce((sum, name) => sum + (profile.weights[name] ?? 0) * (p[name] ?? 0), 0))

    const explain = (): ReadonlyArray<NodeEvaluation> => {
      const out: NodeEvaluation[] = []
      for (let n = 0; n < count; n++) {
        const name = (states[n] as NodeState).node.name
        const i = feasible.indexOf(n)
        if (i >= 0) {
          out.push({ node: name, feasible: true, reasons: [], plugins: plugins[i] ?? {}, total: totals[i] ?? 0 })
          continue
        }
        const status = pre.rejection ?? statuses[n] ?? (inSet(n) ? undefined : failure("UnschedulableAndUnresolvable", absentReason(pre)))
        if (status !== undefined) out.push({ node: name, feasible: false, reasons: status.reasons, plugins: {}, total: 0 })
      }
      return out
    }
    const withScores = (p: Placement): Placement => (opts.explain === true ? { ...p, scores: explain() } : p)

    const winner = selectHost(Float64Array.from(totals), totals.length, rng)
    if (winner >= 0) {
      const n = feasible[winner] as number
      // SchedulingGates disabled: the apiserver refuses the binding, the assumed pod is forgotten
      const refused = bindingRefusal(pod)
      if (refused !== undefined) return withScores(refused)
      bindAt(n, pod)
      reserveAt(n, pod, pre, run.filters)
      return withScores({ pod: pod.key, node: (states[n] as NodeState).node.name, reasons: [], message: "", victims: [] })
    }

    // No node fits: the diagnosis, then PostFilter.
    const nodeStatus = (n: number): Status | undefined =>
      pre.rejection ?? statuses[n] ?? (inSet(n) ? undefined : failure("UnschedulableAndUnresolvable", absentReason(pre)))
    const diagnosis: Diagnosis =
      pre.rejection !== undefined
        ? { numAllNodes: count, preFilterMessage: pre.rejection.reasons.join(", "), nodeReasons: [] }
        : {
            numAllNodes: count,
            nodeReasons: statuses.filter((s): s is Status => s !== undefined).map((s) => s.reasons),
            ...(pre.nodeNames === undefined ? {} : { absent: { count: count - states.filter((_, n) => inSet(n)).length, reasons: [absentReason(pre)] } }),
          }
    const reasons = diagnosisReasons(diagnosis)
    const pending = (post: string): Placement =>
      withScores({ pod: pod.key, node: null, reasons, message: fitErrorMessage({ ...diagnosis, postFilterMessage: post }), victims: [] })
    // An unresolvable PreFilter rejection ends PreFilter before DynamicResources' PreFilter wrote its state.
    const draStateMissing = pre.rejection?.code === "UnschedulableAndUnresolvable"
    const post = (outcome: PreemptionOutcome | "never" | undefined): string => postFilterMessage(profile, count, outcome, { draStateMissing })
    if (opts.preempt === false || !profile.preemption) return pending(post(undefined))
    if (profile.dynamicResources && draStateMissing && profile.preemptionBeforeDynamicResources !== true) return pending(post(undefined))
    if (pod.neverPreempts === true) return pending(post("never"))
    const host: PreemptionHost = {
      nodeCount: count,
      unresolvable: (n) => nodeStatus(n)?.code !== "Unschedulable",
      lowestPriority: () => states.reduce((lowest, st) => st.pods.reduce((l, b) => Math.min(l, b.pod.priority), lowest), Number.POSITIVE_INFINITY),
      podsBelow: (n, priority) =>
        (states[n] as NodeState).pods.filter((b) => b.pod.priority < priority).map((b) => ({ id: b.id, priority: b.pod.priority, start: b.pod.startTime ?? Number.POSITIVE_INFINITY, seq: b.seq, budgets: budgets.of(b.pod) })),
      filterWithout: (n, removed) => {
        const trial = cloneState(states[n] as NodeState)
        const removedPods = removed.map((r) => ((states[n] as NodeState).pods.find((b) => b.id === r.id) as BoundPod).pod)
        for (const r of removed) removePod(trial, r.id)
        const trialView = withNodeState(view, n, trial)
        const again = runPreFilter(pod, trialView, preFilters, profile)
        if (again.rejection !== undefined) return again.rejection
        if (again.nodeNames !== undefined && !again.nodeNames.has(trial.node.name)) return failure("UnschedulableAndUnresolvable", absentReason(again))
        return runFilters(pod, trial, preFilterWithout(pod, pre, again, removedPods, preFilters), trialView, filters)
      },
      budgetsAllowed: budgets.allowed,
    }
    const outcome = preempt(host, pod.priority)
    if (outcome.chosen === undefined) return pending(post(outcome))
    const target = states[outcome.chosen.node] as NodeState
    const victims = outcome.chosen.victims.map((v) => (target.pods.find((b) => b.id === v.id) as BoundPod).pod.key)
    for (const v of outcome.chosen.victims) removePod(target, v.id)
    // the victims are evicted before the binding is tried (and refused for a gated pod)
    const refused = bindingRefusal(pod, victims)
    if (refused !== undefined) return withScores(refused)
    bindAt(outcome.chosen.node, pod)
    reserveAt(outcome.chosen.node, pod, pre, run.filters)
    return withScores({ pod: pod.key, node: target.node.name, reasons, message: fitErrorMessage(diagnosis), victims })
  }

  return {
    seed,
    schedule,
    bindings: () => states.map((s) => ({ node: s.node.name, pods: s.pods.map((b) => b.pod.key) })),
  }
}
