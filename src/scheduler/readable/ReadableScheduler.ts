/**
 * The readable σ: kube-scheduler's scheduling cycle (v1.35) written for clarity over the model
 * objects. It is the oracle the hot path (`core/`) is checked against.
 *
 * One cycle for a pod: filter every node (plugins in the default order NodeUnschedulable,
 * NodeName, TaintToleration, NodeAffinity, then the VM capabilities, NodeResourcesFit and the
 * NUMA fit; the first failing plugin gives the node's status), optionally stopping once
 * `numFeasibleNodesToFind` feasible nodes are found from a rotating start; score the feasible
 * nodes with the profile's plugins; select the highest total (seeded uniform tie-break, `select/selectHost.ts`); bind.
 * When no node fits, default preemption.
 *
 * @example
 * import { node, pod, readableScheduler, snapshot } from "catcluster/scheduler"
 * const sigma = readableScheduler(snapshot([node("a", { cpu: 4000, memory: 8 * 2 ** 30, pods: 110 })]))
 * sigma.schedule(pod("default/web", { cpu: 500 })).node // "a"
 *
 * @since 0.1.0
 */
import type { ClusterSnapshot } from "../model/ClusterSnapshot.ts"
import { podRequests } from "../model/Requests.ts"
import { CPU, EPHEMERAL_STORAGE, isScalarResource, MEMORY, type ResourceAmounts } from "../model/Resources.ts"
import type { SchedulingPod } from "../model/SchedulingPod.ts"
import { fitErrorReasons, type NodeEvaluation, type Placement, type ScheduleOptions, type Scheduler } from "../Placement.ts"
import { preempt, type PreemptionHost } from "../preemption/Preemption.ts"
import { defaultProfile, type Profile, type ScorePluginName, SCORE_PLUGINS, type WeightedResource } from "../profile/Profile.ts"
import { hasPreferredTerms, nodeAffinityFilter, preferredAffinitySum } from "../plugins/NodeAffinity.ts"
import { nodeNameFilter } from "../plugins/NodeName.ts"
import { fitStatus, insufficientResources } from "../plugins/NodeResourcesFit.ts"
import { nodeUnschedulableFilter } from "../plugins/NodeUnschedulable.ts"
import { normalizeScores } from "../plugins/Normalize.ts"
import { bestFitCell, numaStatus } from "../plugins/NumaFit.ts"
import { balancedScore } from "../plugins/NodeResourcesBalancedAllocation.ts"
import {
  intDiv,
  leastAllocatedScore,
  mostAllocatedScore,
  ratioScore,
  roundHalfAwayFromZero,
} from "../plugins/ResourceScore.ts"
import type { Status } from "../plugins/Status.ts"
import { intolerablePreferNoScheduleCount, taintTolerationFilter } from "../plugins/TaintToleration.ts"
import { vmCapabilitiesFilter } from "../plugins/VmCapabilities.ts"
import { numFeasibleNodesToFind } from "../select/nodesToScore.ts"
import { random } from "../select/Random.ts"
import { selectHost } from "../select/selectHost.ts"
import { SchedulerInputError } from "../SchedulerInputError.ts"
import { addPod, boundPod, type BoundPod, cloneState, type NodeState, nodeState, removePod } from "./NodeState.ts"

/** Options of a scheduler. @since 0.1.0 @category model */
export interface SchedulerOptions {
  readonly profile?: Profile
  /** Seed of the tie-breaking PRNG (default 0). */
  readonly seed?: number
}

/**
 * Every filter in order; the first failure is the node's status.
 *
 * @since 0.1.0
 * @category filters
 */
export const filterNode = (pod: SchedulingPod, request: ResourceAmounts, state: NodeState, profile: Profile): Status => {
  const staticFilters = [nodeUnschedulableFilter, nodeNameFilter, taintTolerationFilter, nodeAffinityFilter, vmCapabilitiesFilter]
  for (const f of staticFilters) {
    const s = f(pod, state.node)
    if (s.code !== "Success") return s
  }
  const fit = fitStatus(insufficientResources(request, state.node.allocatable, state.used, state.pods.length, profile))
  if (fit.code !== "Success") return fit
  return pod.numa === undefined ? fit : numaStatus(state.freeCells, state.capacityCells, pod.numa)
}

// calculateResourceAllocatableRequest: (allocatable, requested-with-pod); (0, 0) skips the resource.
const allocatableAndRequested = (
  name: string,
  podRequest: number,
  state: NodeState,
  useRequested: boolean,
): readonly [number, number] => {
  const alloc = state.node.allocatable
  if (podRequest === 0 && isScalarResource(name)) return [0, 0]
  if (name === CPU) return [alloc[CPU] ?? 0, (useRequested ? (state.used[CPU] ?? 0) : state.nonZeroCpu) + podRequest]
  if (name === MEMORY) return [alloc[MEMORY] ?? 0, (useRequested ? (state.used[MEMORY] ?? 0) : state.nonZeroMemory) + podRequest]
  if (name === EPHEMERAL_STORAGE) return [alloc[name] ?? 0, (state.used[name] ?? 0) + podRequest]
  if (!isScalarResource(name) || !Object.hasOwn(alloc, name)) return [0, 0]
  return [alloc[name] ?? 0, (state.used[name] ?? 0) + podRequest]
}

/**
 * NodeResourcesFit's score of a node for a pod whose scorer requests (defaults for absent
 * cpu/memory keys) are `nonZero`.
 *
 * @since 0.1.0
 * @category scorers
 */
export const fitScore = (profile: Profile, nonZero: ResourceAmounts, state: NodeState): number => {
  const strategy = profile.scoringStrategy
  let nodeScore = 0
  let weightSum = 0
  for (const { name, weight } of strategy.resources) {
    const [alloc, req] = allocatableAndRequested(name, nonZero[name] ?? 0, state, false)
    if (alloc === 0) continue
    if (strategy.type === "RequestedToCapacityRatio") {
      const s = ratioScore(
        req,
        alloc,
        strategy.shape.map((p) => p.utilization),
        strategy.shape.map((p) => p.score * 10),
      )
      if (s > 0) {
        nodeScore += s * weight
        weightSum += weight
      }
    } else {
      const s = strategy.type === "LeastAllocated" ? leastAllocatedScore(req, alloc) : mostAllocatedScore(req, alloc)
      nodeScore += s * weight
      weightSum += weight
    }
  }
  if (weightSum === 0) return 0
  return strategy.type === "RequestedToCapacityRatio" ? roundHalfAwayFromZero(nodeScore / weightSum) : intDiv(nodeScore, weightSum)
}

/** BalancedAllocation skips a pod that requests 0 of every configured resource. @since 0.1.0 @category predicates */
export const balancedSkips = (resources: ReadonlyArray<WeightedResource>, request: ResourceAmounts): boolean =>
  resources.every((r) => (request[r.name] ?? 0) === 0)

/** NodeResourcesBalancedAllocation's score (actual requests). @since 0.1.0 @category scorers */
export const balancedAllocationScore = (profile: Profile, request: ResourceAmounts, state: NodeState): number => {
  const fractions: number[] = []
  let total = 0
  for (const { name } of profile.balancedResources) {
    const [alloc, req] = allocatableAndRequested(name, request[name] ?? 0, state, true)
    if (alloc === 0) continue
    const f = Math.min(req / alloc, 1)
    fractions.push(f)
    total += f
  }
  return balancedScore(fractions, fractions.length, total)
}

/**
 * The readable σ over a snapshot.
 *
 * @since 0.1.0
 * @category constructors
 */
export const readableScheduler = (cluster: ClusterSnapshot, options: SchedulerOptions = {}): Scheduler => {
  const profile = options.profile ?? defaultProfile
  const seed = options.seed ?? 0
  const rng = random(seed)
  const states = cluster.nodes.map(nodeState)
  const byName = new Map(states.map((s, i) => [s.node.name, i]))
  let seq = 0
  let nextStart = 0
  const locate = new Map<number, number>() // bound pod id → node index

  const bindAt = (n: number, pod: SchedulingPod): void => {
    const s = states[n] as NodeState
    const cell = pod.numa === undefined ? -1 : bestFitCell(s.freeCells, pod.numa)
    const id = seq++
    addPod(s, boundPod(id, pod, id, cell))
    locate.set(id, n)
  }
  for (const [i, b] of cluster.bound.entries()) {
    const n = byName.get(b.node)
    if (n === undefined) throw new SchedulerInputError(`bound[${i}]`, `pod ${b.pod.key} is bound to unknown node ${b.node}`)
    bindAt(n, b.pod)
  }

  const schedule = (pod: SchedulingPod, opts: ScheduleOptions = {}): Placement => {
    const request = podRequests(pod)
    const nonZero = podRequests(pod, true)
    const count = states.length
    const toFind = numFeasibleNodesToFind(count, profile.nodesToScore)
    const statuses: Array<Status | undefined> = new Array(count).fill(undefined)
    const feasible: number[] = []
    let processed = 0
    for (let k = 0; k < count && feasible.length < toFind; k++) {
      const n = (nextStart + k) % count
      const status = filterNode(pod, request, states[n] as NodeState, profile)
      statuses[n] = status
      processed++
      if (status.code === "Success") feasible.push(n)
    }
    nextStart = count === 0 ? 0 : (nextStart + processed) % count

    // Score the feasible nodes, plugin by plugin.
    const plugins: Array<Partial<Record<ScorePluginName, number>>> = feasible.map(() => ({}))
    const weights = profile.weights
    if (weights.NodeResourcesFit !== undefined) {
      feasible.forEach((n, i) => ((plugins[i] as Record<string, number>)["NodeResourcesFit"] = fitScore(profile, nonZero, states[n] as NodeState)))
    }
    if (weights.NodeResourcesBalancedAllocation !== undefined && !balancedSkips(profile.balancedResources, request)) {
      feasible.forEach(
        (n, i) =>
          ((plugins[i] as Record<string, number>)["NodeResourcesBalancedAllocation"] = balancedAllocationScore(
            profile,
            request,
            states[n] as NodeState,
          )),
      )
    }
    if (weights.TaintToleration !== undefined) {
      const raw = Int32Array.from(feasible, (n) => intolerablePreferNoScheduleCount(pod, (states[n] as NodeState).node))
      normalizeScores(raw, raw.length, true)
      raw.forEach((s, i) => ((plugins[i] as Record<string, number>)["TaintToleration"] = s))
    }
    if (weights.NodeAffinity !== undefined && hasPreferredTerms(pod)) {
      const raw = Int32Array.from(feasible, (n) => preferredAffinitySum(pod, (states[n] as NodeState).node))
      normalizeScores(raw, raw.length, false)
      raw.forEach((s, i) => ((plugins[i] as Record<string, number>)["NodeAffinity"] = s))
    }
    const totals = plugins.map((p) =>
      SCORE_PLUGINS.reduce((sum, name) => sum + (weights[name] ?? 0) * (p[name] ?? 0), 0),
    )

    const explain = (): ReadonlyArray<NodeEvaluation> => {
      const out: NodeEvaluation[] = []
      for (let n = 0; n < count; n++) {
        const status = statuses[n]
        if (status === undefined) continue
        const i = feasible.indexOf(n)
        const name = (states[n] as NodeState).node.name
        out.push(
          i < 0
            ? { node: name, feasible: false, reasons: status.reasons, plugins: {}, total: 0 }
            : { node: name, feasible: true, reasons: [], plugins: plugins[i] ?? {}, total: totals[i] ?? 0 },
        )
      }
      return out
    }
    const withScores = (p: Placement): Placement => (opts.explain === true ? { ...p, scores: explain() } : p)

    const winner = selectHost(Float64Array.from(totals), totals.length, rng)
    if (winner >= 0) {
      const n = feasible[winner] as number
      bindAt(n, pod)
      return withScores({ pod: pod.key, node: (states[n] as NodeState).node.name, reasons: [], victims: [] })
    }

    const reasons = fitErrorReasons(
      count,
      statuses.filter((s): s is Status => s !== undefined).map((s) => s.reasons),
    )
    if (opts.preempt === false || pod.neverPreempts === true) return withScores({ pod: pod.key, node: null, reasons, victims: [] })
    const host: PreemptionHost = {
      nodeCount: count,
      resolvable: (n) => statuses[n]?.code === "Unschedulable",
      podsOn: (n) => (states[n] as NodeState).pods.map((b) => ({ id: b.id, priority: b.pod.priority, seq: b.seq })),
      fitsWithout: (n, removed) => {
        const trial = cloneState(states[n] as NodeState)
        for (const r of removed) removePod(trial, r.id)
        return filterNode(pod, request, trial, profile).code === "Success"
      },
    }
    const result = preempt(host, pod.priority)
    if (result === undefined) return withScores({ pod: pod.key, node: null, reasons, victims: [] })
    const target = states[result.node] as NodeState
    const victims = result.victims.map((v) => (target.pods.find((b) => b.id === v.id) as BoundPod).pod.key)
    for (const v of result.victims) {
      removePod(target, v.id)
      locate.delete(v.id)
    }
    bindAt(result.node, pod)
    return withScores({ pod: pod.key, node: target.node.name, reasons, victims })
  }

  return {
    seed,
    schedule,
    bindings: () => states.map((s) => ({ node: s.node.name, pods: s.pods.map((b) => b.pod.key) })),
  }
}
