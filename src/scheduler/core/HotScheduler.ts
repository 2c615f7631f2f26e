/**
 * The hot path: kube-scheduler's cycle (v1.35) over the structure-of-arrays snapshot. Same
 * contract and same results as the readable σ (checked by property tests); built for speed:
 *
 * - static verdicts (taints, affinity, cordon, node name, VM capabilities, raw taint/affinity
 *   scores) cached per constraint signature (`StaticFilter.ts`);
 * - one fused filter + score + select pass over typed arrays (`Scan.ts`, module level so every
 *   instance shares its optimised code), scratch buffers allocated once, no allocation and no
 *   closures per node;
 * - reasons are only built when asked (explain) or needed (no node fits: the FitError and
 *   preemption), by a slower diagnosis over the same arrays;
 * - binding updates the arrays in place; pods on a node form an intrusive linked list;
 * - a pod whose scoring signature repeats a recent pod's (replicas of one template) is placed
 *   from incrementally maintained totals (`ScoreCache.ts`): only the nodes a bind or an
 *   eviction touches are rescored, with the same choice and PRNG draw as the full scan; under
 *   relational filters that do not score (DoNotSchedule spreading, required anti-affinity, host
 *   ports) the choice is drawn from those totals through the filters' per-node mask;
 * - a pod whose signature no recent pod had, and that announces no replicas, is placed by a
 *   best-first index (`BoundIndex.ts`): nodes grouped by allocatable shape and request fractions,
 *   read in the order of an upper bound on their total until the bound falls below the best
 *   exact total, with the same choice and PRNG draw as the full scan;
 * - what a pod's cycle derives from its spec alone (compiled requests, constraint and scoring
 *   signatures, soft spread constraints, label class) is reused from the last pod when the next
 *   one shares the very objects it was read from, as a controller's replicas share their
 *   template's (an identity check, so a pod built afresh is simply compiled again);
 * - the volume plugins (`VolumeKernel.ts`) cost nothing for pods without volumes; for the others
 *   they give per-node verdicts checked after the resource filters, and Reserve's bound PVs.
 *
 * @example
 * import { hotScheduler, node, pod, snapshot } from "catcluster/scheduler"
 * const sigma = hotScheduler(snapshot([node("a", { cpu: 4000, memory: 8 * 2 ** 30, pods: 110 })]), { seed: 7 })
 * sigma.schedule(pod("default/web", { cpu: 500 })).node // "a"
 *
 * @since 0.1.0
 */
import { type ClusterSnapshot, objectsOf } from "../model/ClusterSnapshot.ts"
import type { SchedulingPod } from "../model/SchedulingPod.ts"
import { postFilterMessage } from "../framework/PostFilter.ts"
import { type Diagnosis, diagnosisReasons, MESSAGE_NO_NODES, fitErrorMessage, type NodeEvaluation, type Placement, type ScheduleOptions, type Scheduler } from "../Placement.ts"
import { budgetIndex } from "../preemption/Budgets.ts"
import { preempt, type PreemptionHost, type PreemptionPod } from "../preemption/Preemption.ts"
import { defaultProfile, FILTER_PLUGINS, filterEnabled, hasScoring, type Profile, SCORE_PLUGINS, type ScorePluginName } from "../profile/Profile.ts"
import { normalizeScores } from "../plugins/Normalize.ts"
import { REASON_NUMA } from "../plugins/NumaFit.ts"
import { bindingRefusal, gatedPlacement, isGated } from "../plugins/SchedulingGates.ts"
import { imageLocalityScore, imageStates, sumImageScores } from "../plugins/ImageLocality.ts"
import type { Status, StatusCode } from "../plugins/Status.ts"
import { numFeasibleNodesToFind } from "../select/nodesToScore.ts"
import { random } from "../select/Random.ts"
import { selectHost } from "../select/selectHost.ts"
import { SchedulerInputError } from "../SchedulerInputError.ts"
import type { SchedulerOptions } from "../readable/ReadableScheduler.ts"
import { type CompiledPod, type CompiledResources, compilePod, compileResources, KIND, recompiledFor, sharesCompiledFields } from "./CompiledPod.ts"
import { arrayBytes, type NodeArrays, nodeArrays } from "./NodeArrays.ts"
import { type CycleRelations, RELATION, RELATION_STATUS, relations } from "./Relations.ts"
import { constraintSignature, sharesConstraintFields, type StaticVerdicts, staticVerdicts } from "./StaticFilter.ts"
import { entryBytes, refreshNode, type ScanFlags, type ScoreEntry, scoreEntry, scoringSignature, selectCached, selectMasked } from "./ScoreCache.ts"
import { spreadCacheable, spreadSummary } from "./SpreadCache.ts"
import type { HotConstraint } from "./SpreadKernel.ts"
import { namespaceOf } from "../model/SchedulingPod.ts"
import { type LabelSelector, showSelector } from "../model/LabelSelector.ts"
import { requiredAffinityMatches } from "./StaticFilter.ts"
import { bestCell, scan, type ScanBuffers, scanBuffers, type ScanConfig, STRATEGY } from "./Scan.ts"
import { type BoundIndex, boundIndex, type BoundIndexFaults, indexable } from "./BoundIndex.ts"
import { type CycleVolumes, NO_VOLUMES, volumeKernel, type VolumeKernelFaults } from "./VolumeKernel.ts"

// The cycle state of a pod PreFilter rejected before relations were looked at.
const NO_RELATIONS: CycleRelations = { ports: [], verdicts: null, spreadScored: false, softConstraints: [], affinityScored: false }

const CACHE_LIMIT = 16

/**
 * The entry of `key`, made on a miss; the least recently used entry leaves when the cache is
 * full (a hit moves its entry last), so a queue cycling through up to CACHE_LIMIT shapes never
 * recomputes one (first-in-first-out evicted the shape about to come back).
 */
const cached = <V>(cache: Map<string, V>, key: string, make: () => V): V => {
  const hit = cache.get(key)
  if (hit !== undefined) {
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
  const made = make()
  cache.set(key, made)
  return made
}
// Score entries cost 8 bytes per node each: 3 keep the footprint under 300 bytes per node.
const SCORE_LIMIT = 3
// A signature gets an entry when it repeats one of the last RECENT pods' signatures, or at
// once when the previous pod was placed from an entry (replicas are arriving: a template's
// second pod then needs no scan either). One-off signatures thus rarely pay for an entry.
const RECENT = 4

/**
 * Whether the hot path runs a profile: its filters in kube-scheduler's default order (the order
 * the hot path's diagnosis assumes) and no reordered PreFilter. A configuration that reorders
 * plugins is scheduled by the readable σ instead (`scheduleBatch` chooses).
 *
 * @since 0.1.0
 * @category predicates
 */
export const hotPathSupports = (profile: Profile): boolean => {
  if (profile.preFilterOrder !== undefined) return false
  let last = -1
  for (const f of profile.filters) {
    const at = FILTER_PLUGINS.indexOf(f)
    if (at < last) return false
    last = at
  }
  return true
}

/** The hot scheduler, with access to its arrays for benchmarks. @since 0.1.0 @category model */
export interface HotScheduler extends Scheduler {
  readonly arrays: NodeArrays
  /**
   * Pods the best-first index placed (`BoundIndex.ts`), the nodes it scored exactly for them, and
   * the nodes whose cells it recounted (for any pod it was asked about).
   */
  readonly indexed: () => { readonly pods: number; readonly nodesRead: number; readonly nodesRecounted: number }
  /** Bytes of the typed arrays: snapshot, bound-pod records and scratch buffers. */
  readonly footprint: () => { readonly snapshotBytes: number; readonly scratchBytes: number; readonly cacheBytes: number }
}

/**
 * Deliberate defects, for tests that show the equivalence properties catch a broken hot path.
 * Never set outside tests.
 *
 * @since 0.1.0
 * @category model
 */
export interface HotSchedulerFaults {
  /** Do not rescore the bound node in the incremental score cache (a stale cache). */
  readonly staleScoreCache?: boolean
  /** Defects of the volume plugins (`VolumeKernel.ts`). */
  readonly volumes?: VolumeKernelFaults
  /** Defects of the best-first index (`BoundIndex.ts`). */
  readonly boundIndex?: BoundIndexFaults
  /** Never use the best-first index (every pod scans): the reference the index is compared with. */
  readonly boundIndexOff?: boolean
}

/**
 * The hot-path scheduler over a snapshot.
 *
 * @since 0.1.0
 * @category constructors
 */
export const hotScheduler = (cluster: ClusterSnapshot, options: SchedulerOptions = {}, faults: HotSchedulerFaults = {}): HotScheduler => {
  const profile: Profile = options.profile ?? defaultProfile
  const seed = options.seed ?? 0
  const rng = random(seed)
  const a = nodeArrays(cluster.nodes)
  const N = a.count
  const fit: CompiledResources = compileResources(a, profile.scoringStrategy.resources)
  const balanced: CompiledResources = compileResources(a, profile.balancedResources)
  const strategy = STRATEGY[profile.scoringStrategy.type]
  const shape = profile.scoringStrategy.type === "RequestedToCapacityRatio" ? profile.scoringStrategy.shape : []
  const shapeU = Int32Array.from(shape, (p) => p.utilization)
  const shapeS = Int32Array.from(shape, (p) => p.score * 10)
  const wFit = profile.weights.NodeResourcesFit
  const wBalanced = profile.weights.NodeResourcesBalancedAllocation
  const wTaint = profile.weights.TaintToleration
  const wAffinity = profile.weights.NodeAffinity
  const fitFilter = filterEnabled(profile, "NodeResourcesFit")
  const scoring = hasScoring(profile)
  const budgets = budgetIndex(cluster.disruptionBudgets ?? [])

  // scratch, allocated once
  const buffers: ScanBuffers = scanBuffers(N)
  const { feasible, fitS, balS, taintS, affS, spreadS, podAffS, totals } = buffers
  const rel = relations(a, profile, objectsOf(cluster))
  const vol = volumeKernel(cluster.nodes, profile, objectsOf(cluster), faults.volumes)
  const wSpread = profile.weights.PodTopologySpread ?? 0
  const wPodAffinity = profile.weights.InterPodAffinity ?? 0
  const everyNodeNamed = rel.domains("kubernetes.io/hostname").has.every((h) => h === 1)
  const fractions = new Float64Array(Math.max(1, balanced.kind.length))

  // bound pods
  let podCap = 1024
  let podNode = new Int32Array(podCap)
  let podCell = new Int32Array(podCap)
  let podNext = new Int32Array(podCap)
  let podPrev = new Int32Array(podCap)
  const podRecord: CompiledPod[] = []
  const head = new Int32Array(N).fill(-1)
  const byName = new Map(a.names.map((name, i) => [name, i]))
  let nextStart = 0

  // ImageLocality: node images never change, so a pod's scores depend only on its images.
  const imageStatesOfNodes = imageStates(cluster.nodes)
  const imageCache = new Map<string, { readonly scores: Uint8Array | null; readonly key: string }>()
  const imagesFor = (pod: SchedulingPod): { readonly scores: Uint8Array | null; readonly key: string } => {
    const images = pod.images ?? []
    const volumes = pod.imageVolumes ?? []
    if ((images.length === 0 && volumes.length === 0) || profile.weights.ImageLocality === undefined) return { scores: null, key: "" }
    const key = JSON.stringify([images, volumes])
    return cached(imageCache, key, () => {
      const scores = new Uint8Array(N)
      let any = false
      cluster.nodes.forEach((node, n) => {
        const s = imageLocalityScore(sumImageScores([...images, ...volumes], node, imageStatesOfNodes, N), images.length)
        scores[n] = s
        if (s !== 0) any = true
      })
      return { scores: any ? scores : null, key: any ? key : "" }
    })
  }

  // The last pod's constraint signature, reused while pods share its fields (sharesConstraintFields).
  let lastConstraint: { readonly pod: SchedulingPod; readonly signature: string } | undefined
  const constraintOf = (pod: SchedulingPod): string => {
    const last = lastConstraint
    if (last !== undefined && sharesConstraintFields(last.pod, pod)) return last.signature
    const signature = constraintSignature(pod)
    lastConstraint = { pod, signature }
    return signature
  }
  const cache = new Map<string, StaticVerdicts>()
  const verdictsFor = (pod: SchedulingPod): StaticVerdicts => {
    return cached(cache, constraintOf(pod), () => staticVerdicts(a, pod, profile))
  }
  // The last scoring key: the same compiled arrays (one compilePod's, shared by recompiledFor),
  // constraint signature and spread selector give the same string.
  let lastKey: { readonly fitRequest: Float64Array; readonly constraint: string; readonly selector: LabelSelector | undefined; readonly namespace: string; readonly key: string } | undefined
  const scoringKeyOf = (pod: SchedulingPod, p: CompiledPod, spread: HotConstraint | undefined): string => {
    const constraint = constraintOf(pod)
    const selector = spread?.selector
    const namespace = spread === undefined ? "" : namespaceOf(pod)
    const last = lastKey
    if (last !== undefined && last.fitRequest === p.fitRequest && last.constraint === constraint && last.selector === selector && last.namespace === namespace) return last.key
    const key = scoringSignature(constraint, p) + (spread === undefined ? "" : `|spread ${namespace} ${showSelector(spread.selector)}`)
    lastKey = { fitRequest: p.fitRequest, constraint, selector, namespace, key }
    return key
  }

  const fitDefault =
    strategy === STRATEGY.LeastAllocated && fit.kind.length === 2 && fit.kind[0] === KIND.cpu && fit.kind[1] === KIND.memory
  const balancedDefault = balanced.kind.length === 2 && balanced.kind[0] === KIND.cpu && balanced.kind[1] === KIND.memory
  const config: ScanConfig = {
    fit,
    balanced,
    strategy,
    shapeU,
    shapeS,
    fitDefault,
    fitCpuWeight: fit.weight[0] ?? 0,
    fitMemoryWeight: fit.weight[1] ?? 0,
    balancedDefault,
    fractions,
    fitOn: wFit !== undefined,
    fitFilter,
    balancedEnabled: wBalanced !== undefined,
    taintOn: wTaint !== undefined,
    affinityEnabled: wAffinity !== undefined,
    wFit: wFit ?? 0,
    wBalanced: wBalanced ?? 0,
    wTaint: wTaint ?? 0,
    wAffinity: wAffinity ?? 0,
    wImage: profile.weights.ImageLocality ?? 0,
  }

  // The full status of p on node n, with kube-scheduler's reasons, filters in profile order (slow path).
  const diagnose = (n: number, p: CompiledPod, v: StaticVerdicts, relation: number, volume: number): Status => {
    if (v.rejection !== undefined) return { code: "UnschedulableAndUnresolvable", reasons: [v.rejection] }
    const r = v.reason[n] as number
    if (r !== 0 && v.late[n] === 0) return { code: "UnschedulableAndUnresolvable", reasons: [v.reasons[r - 1] as string] }
    if (relation === RELATION.ports) return { code: "Unschedulable", reasons: [(RELATION_STATUS[relation] as (typeof RELATION_STATUS)[number]).reason] }
    const reasons: string[] = []
    let unresolvable = false
    const allowed = a.podsAllowed[n] as number
    if (fitFilter && (a.podCount[n] as number) + 1 > allowed) {
      // never unresolvable in v1.35: a node allowing no pods stays a preemption candidate
      reasons.push("Too many pods")
    }
    if (fitFilter && !p.requestsNothing) {
      const check = (col: number, amount: number, name: string, skipZero: boolean): void => {
        const cap = (a.alloc[col] as Float64Array)[n] as number
        if ((!skipZero || amount > 0) && amount > cap - ((a.used[col] as Float64Array)[n] as number)) {
          reasons.push(`Insufficient ${name}`)
          if (amount > cap) unresolvable = true
        }
      }
      if (p.cpu > 0) check(0, p.cpu, "cpu", true)
      if (p.memory > 0) check(1, p.memory, "memory", true)
      if (p.storage > 0) check(2, p.storage, "ephemeral-storage", true)
      for (let j = 0; j < p.scalarColumns.length; j++) {
        const col = p.scalarColumns[j] as number
        check(col, p.scalarAmounts[j] as number, a.columnNames[col] as string, false)
      }
    }
    if (reasons.length > 0) return { code: unresolvable ? "UnschedulableAndUnresolvable" : "Unschedulable", reasons }
    // the volume filters run after NodeResourcesFit, before PodTopologySpread (VolumeKernel.ts)
    if (volume !== 0) return vol.status(volume)
    if (relation !== RELATION.ok) {
      const s = RELATION_STATUS[relation] as (typeof RELATION_STATUS)[number]
      return { code: s.code, reasons: [s.reason] }
    }
    if (r !== 0) return { code: "UnschedulableAndUnresolvable", reasons: [v.reasons[r - 1] as string] }
    if (p.numaCpus >= 0 && bestCell(a, n, p) < 0) {
      let fitsEmpty = false
      for (let c = a.cellStart[n] as number; c < (a.cellStart[n + 1] as number); c++) {
        const memory = p.numaHuge ? (a.cellHugeCap[c] ?? 0) : (a.cellMemoryCap[c] as number)
        if ((a.cellCpuCap[c] as number) >= p.numaCpus && memory >= p.numaMemory) fitsEmpty = true
      }
      return { code: fitsEmpty ? "Unschedulable" : "UnschedulableAndUnresolvable", reasons: [REASON_NUMA] }
    }
    return { code: "Success", reasons: [] }
  }

  const grow = (): void => {
    podCap *= 2
    const g = (old: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const fresh = new Int32Array(podCap)
      fresh.set(old)
      return fresh
    }
    podNode = g(podNode)
    podCell = g(podCell)
    podNext = g(podNext)
    podPrev = g(podPrev)
  }

  // Whether more pods of `key`'s signature are likely next: a replicated workload's pod (a
  // ReplicaSet's, StatefulSet's, ReplicationController's or Job's; a launcher's controller is its
  // own VMI), or a signature the last pod had or that two of the recent ones had. Those get
  // a full scan, whose totals become a score entry; the others the best-first index.
  const repeating = (pod: SchedulingPod, key: string): boolean => {
    const kind = pod.controller?.kind
    if (kind === "ReplicaSet" || kind === "StatefulSet" || kind === "ReplicationController" || kind === "Job") return true
    if (recent.length > 0 && recent[recent.length - 1] === key) return true
    const first = recent.indexOf(key)
    return first >= 0 && recent.lastIndexOf(key) !== first
  }
  // The best-first index for one-off pods (BoundIndex.ts), built at the first such pod.
  let index: BoundIndex | undefined | null = null
  let indexedPods = 0
  let nodesRead = 0
  let nodesRecounted = 0
  const boundIndexOf = (): BoundIndex | undefined => {
    if (index === null) index = faults.boundIndexOff === true ? undefined : boundIndex(a, feasible, faults.boundIndex)
    return index
  }

  const applyUsage = (n: number, p: CompiledPod, cell: number, sign: 1 | -1): void => {
    if (index !== undefined && index !== null) index.leave(n)
    for (let j = 0; j < p.columns.length; j++) {
      const col = a.used[p.columns[j] as number] as Float64Array
      col[n] = (col[n] as number) + sign * (p.amounts[j] as number)
    }
    a.nonZeroCpu[n] = (a.nonZeroCpu[n] as number) + sign * p.nonZeroCpu
    a.nonZeroMemory[n] = (a.nonZeroMemory[n] as number) + sign * p.nonZeroMemory
    a.podCount[n] = (a.podCount[n] as number) + sign
    if (index !== undefined && index !== null) index.join(n)
    if (p.numaCpus >= 0 && cell >= 0) {
      const c = (a.cellStart[n] as number) + cell
      a.cellCpuFree[c] = (a.cellCpuFree[c] as number) - sign * p.numaCpus
      if (p.numaHuge) a.cellHugeFree[c] = (a.cellHugeFree[c] ?? 0) - sign * p.numaMemory
      else a.cellMemoryFree[c] = (a.cellMemoryFree[c] as number) - sign * p.numaMemory
    }
  }

  // Incremental totals per recent scoring signature (oldest first), and the recent signatures.
  const scoreEntries: ScoreEntry[] = []
  const stale = faults.staleScoreCache === true
  const recent: string[] = []
  let previousHit = false
  // The one-pass scan of the last pod, when it placed that pod without an entry: its totals stay
  // in the scratch buffers until the next scan, so if the very next pod repeats the signature the
  // entry is built from them (plus the node the bind changed) instead of a second scan.
  type Carried = { readonly key: string; readonly p: CompiledPod; readonly v: StaticVerdicts; readonly flags: ScanFlags; readonly found: number; node: number }
  let carried: Carried | undefined

  // The arrays a new entry for `key` reuses: a stale entry of the same key (a rebuild), else the
  // oldest when the cache is full.
  const slotFor = (key: string): ScoreEntry | undefined => {
    const same = scoreEntries.findIndex((e) => e.key === key)
    if (same >= 0) return scoreEntries.splice(same, 1)[0]
    return scoreEntries.length >= SCORE_LIMIT ? scoreEntries.shift() : undefined
  }

  // Pods are appended to the tail of their node's list so the list is in bind order.
  const tail = new Int32Array(N).fill(-1)
  // bound pods per priority: preemption needs no node walk when nothing bound is below the preemptor
  const boundPriorities = new Map<number, number>()
  const countPriority = (priority: number, delta: number): void => {
    const next = (boundPriorities.get(priority) ?? 0) + delta
    if (next === 0) boundPriorities.delete(priority)
    else boundPriorities.set(priority, next)
  }
  const bind = (n: number, p: CompiledPod): number => {
    const id = podRecord.length
    if (id >= podCap) grow()
    const cell = p.numaCpus >= 0 ? bestCell(a, n, p) : -1
    podRecord.push(p)
    podNode[id] = n
    podCell[id] = cell
    podNext[id] = -1
    podPrev[id] = tail[n] as number
    if ((tail[n] as number) >= 0) podNext[tail[n] as number] = id
    else head[n] = id
    tail[n] = id
    applyUsage(n, p, cell, 1)
    countPriority(p.pod.priority, 1)
    rel.bind(id, p.pod, n)
    vol.bind(id, p.pod, n)
    if (!stale) for (let i = 0; i < scoreEntries.length; i++) refreshNode(a, config, scoreEntries[i] as ScoreEntry, n)
    return id
  }

  const unbind = (id: number): void => {
    const n = podNode[id] as number
    if (n < 0) return
    const prev = podPrev[id] as number
    const next = podNext[id] as number
    if (prev >= 0) podNext[prev] = next
    else head[n] = next
    if (next >= 0) podPrev[next] = prev
    else tail[n] = prev
    applyUsage(n, podRecord[id] as CompiledPod, podCell[id] as number, -1)
    countPriority((podRecord[id] as CompiledPod).pod.priority, -1)
    rel.unbind(id, n)
    vol.unbind(id, n)
    podNode[id] = -1
    if (!stale) for (let i = 0; i < scoreEntries.length; i++) refreshNode(a, config, scoreEntries[i] as ScoreEntry, n)
  }

  for (const [i, b] of cluster.bound.entries()) {
    const n = byName.get(b.node)
    if (n === undefined) throw new SchedulerInputError(`bound[${i}]`, `pod ${b.pod.key} is bound to unknown node ${b.node}`)
    bind(n, compilePod(a, profile, fit, balanced, b.pod, imagesFor(b.pod)))
  }

  // The last pod compiled: a replica of the same template reuses its arrays (sharesCompiledFields).
  let lastCompiled: CompiledPod | undefined
  const compiled = (pod: SchedulingPod): CompiledPod => {
    const last = lastCompiled
    const p = last !== undefined && sharesCompiledFields(last.pod, pod) ? recompiledFor(last, pod) : compilePod(a, profile, fit, balanced, pod, imagesFor(pod))
    lastCompiled = p
    return p
  }

  const schedule = (pod: SchedulingPod, opts: ScheduleOptions = {}): Placement => {
    // the last pod's scan is only good for the very next cycle (any other cycle may change nodes)
    const last = carried
    carried = undefined
    if (profile.schedulingGates && (pod.schedulingGates?.length ?? 0) > 0) return gatedPlacement(pod)
    if (N === 0) return { pod: pod.key, node: null, reasons: [MESSAGE_NO_NODES], message: MESSAGE_NO_NODES, victims: [] }
    const p = compiled(pod)
    const v = verdictsFor(pod)
    if (v.rejection !== undefined) return unschedulable(pod, p, v, NO_RELATIONS, NO_VOLUMES, { numAllNodes: N, preFilterMessage: v.rejection, nodeReasons: [] }, opts, undefined)
    const volumes = vol.prepare(pod)
    if (volumes.rejection !== undefined) return unschedulable(pod, p, v, NO_RELATIONS, NO_VOLUMES, { numAllNodes: N, preFilterMessage: volumes.rejection, nodeReasons: [] }, opts, undefined)
    const relation = rel.prepare(pod)
    // the scan's filter mask: relational and volume verdicts (null when neither filters)
    const mask = vol.mask(volumes, relation.verdicts)
    const relScored = relation.spreadScored || relation.affinityScored
    // replicas scored only by the system default spreading keep the incremental cache (SpreadCache.ts)
    const cachedSpread =
      relation.spreadScored && !relation.affinityScored && spreadCacheable(relation.softConstraints, pod, everyNodeNamed)
    // An earlier preemption's nomination (status.nominatedNodeName): the filters on that node
    // first, whatever PreFilter's node set; when it passes kube-scheduler binds it there without
    // scoring and without moving the next cycle's start (findNodesThatFitPod, evaluateNominatedNode).
    const nominated = pod.nominatedNodeName === undefined ? undefined : byName.get(pod.nominatedNodeName)
    let nominatedStatus: Status | undefined
    if (nominated !== undefined) {
      const status = diagnose(nominated, p, v, relationAt(relation, nominated), volumeAt(volumes, nominated))
      if (status.code === "Success") return placeNominated(pod, p, volumes, nominated, opts)
      nominatedStatus = status
    }
    // NodeAffinity's PreFilter may narrow the nodes: then only those are visited, from a rotated start.
    const order = v.candidates ?? null
    const visitable = order === null ? N : order.length
    // without any Score plugin kube-scheduler takes the first feasible node
    const toFind = scoring ? numFeasibleNodesToFind(visitable, profile.nodesToScore) : Math.min(1, visitable)
    const start = visitable === 0 ? 0 : nextStart % visitable

    // Full scans from node 0 visit nodes in index order, the order the entries' draw uses.
    // (a gated pod, SchedulingGates disabled, is never bound: its cycle runs in full)
    const fullScan = order === null && start === 0 && toFind >= N && N > 0 && opts.explain !== true && !isGated(pod)
    const incremental = fullScan && mask === null && (!relScored || cachedSpread)
    // Relational filters without relational scores: the entry's totals, restricted to the
    // nodes the filters let through (selectMasked).
    const masked = fullScan && mask !== null && mask === relation.verdicts && !relScored
    const key = incremental || masked ? scoringKeyOf(pod, p, cachedSpread ? (relation.softConstraints[0] as HotConstraint) : undefined) : ""
    if (incremental || masked) {
      let entry: ScoreEntry | undefined
      for (let i = 0; i < scoreEntries.length; i++) if ((scoreEntries[i] as ScoreEntry).key === key) entry = scoreEntries[i]
      if (entry === undefined && mask === null && last !== undefined && last.key === key && last.node >= 0) {
        entry = scoreEntry(key, last.p, last.v, last.flags, N, feasible, totals, last.found, slotFor(key))
        refreshNode(a, config, entry, last.node)
        scoreEntries.push(entry)
      }
      if (entry !== undefined) {
        const n = mask === null ? selectCached(entry, rng) : selectMasked(entry, mask, rng)
        if (n >= 0) {
          previousHit = true
          bind(n, p)
          vol.reserve(volumes, n)
          return { pod: pod.key, node: a.names[n] as string, reasons: [], message: "", victims: [] }
        }
      }
    }

    const c = config
    const preferred = pod.preferredTerms.length > 0 || profile.nodeAffinity.addedPreferred.length > 0
    if (masked && mask !== null && (previousHit || recent.includes(key) || pod.controller !== undefined) && !scoreEntries.some((e) => e.key === key)) {
      // A repeated signature (or a controller's replica: more are likely to follow) under
      // relational filters: the entry needs every node's total, so one pass without the
      // filters builds it, then the selection applies them.
      const all = scan(a, c, buffers, p, v, 0, N, rng, preferred, false, null, null)
      rng.state = all.rngState
      const presumed = !(all.taintVaries && all.seenTaint !== v.taintMax) && !(all.affinityVaries && all.seenAffinity !== v.affinityMax)
      if (presumed && all.found > 0) {
        const evicted = slotFor(key)
        const e = scoreEntry(key, p, v, all, N, feasible, totals, all.found, evicted)
        scoreEntries.push(e)
        const n = selectMasked(e, mask, rng)
        if (n >= 0) {
          previousHit = true
          if (recent.length >= RECENT) recent.shift()
          recent.push(key)
          bind(n, p)
          vol.reserve(volumes, n)
          return { pod: pod.key, node: a.names[n] as string, reasons: [], message: "", victims: [] }
        }
      }
    }
    if (incremental && cachedSpread) {
      // A replica spread by the system defaults: one pass gives the other plugins' totals, which
      // is what the entry keeps; build it at once and select from it (the full path would cost
      // the same pass and more).
      const first = scan(a, c, buffers, p, v, start, toFind, rng, preferred, false, order, mask)
      rng.state = first.rngState
      const presumed = !(first.taintVaries && first.seenTaint !== v.taintMax) && !(first.affinityVaries && first.seenAffinity !== v.affinityMax)
      if (presumed && first.found > 0) {
        const evicted = slotFor(key)
        const e = scoreEntry(key, p, v, first, N, feasible, totals, first.found, evicted, true)
        const namespace = namespaceOf(pod)
        const zone = relation.softConstraints[1] as HotConstraint
        const mask = zone.honorAffinity && (Object.keys(pod.nodeSelector).length > 0 || pod.requiredTerms !== undefined) ? requiredAffinityMatches(a, pod) : undefined
        e.spread = spreadSummary(rel.index, relation.softConstraints, () => rel.counted(namespace, zone), wSpread, mask, e.totals)
        scoreEntries.push(e)
        const n = selectCached(e, rng)
        if (n >= 0) {
          previousHit = true
          bind(n, p)
          return { pod: pod.key, node: a.names[n] as string, reasons: [], message: "", victims: [] }
        }
      }
    }
    // After a score entry's hit (replicas flowing) a new signature is scanned, so its entry is
    // ready for the replicas likely to follow, rather than building the index, whose upkeep every
    // bind then pays; once the index exists that upkeep is paid anyway, and reading best-first
    // is the cheaper way to place the pod (a following replica still scans, as a repeat).
    if (incremental && !relScored && (!previousHit || index !== null) && !repeating(pod, key) && indexable(c, p, v, preferred)) {
      // A pod unlike the last ones, no replicas announced: read the nodes best-first.
      const index = boundIndexOf()
      const n = index === undefined ? -1 : index.choose(c, p, v, rng)
      if (index !== undefined) nodesRecounted += index.lastRecounted()
      if (n >= 0) {
        indexedPods++
        nodesRead += (index as BoundIndex).lastRead()
        if (recent.length >= RECENT) recent.shift()
        recent.push(key)
        bind(n, p)
        vol.reserve(volumes, n)
        return { pod: pod.key, node: a.names[n] as string, reasons: [], message: "", victims: [] }
      }
    }
    let r = scan(a, c, buffers, p, v, start, toFind, rng, preferred, opts.explain === true || relScored, order, mask)
    if (((r.taintVaries && r.seenTaint !== v.taintMax) || (r.affinityVaries && r.seenAffinity !== v.affinityMax)) && !r.stored) {
      // the two-pass normalisation below reads the per-plugin scores: rescan, storing them
      rng.state = r.rngState
      r = scan(a, c, buffers, p, v, start, toFind, rng, preferred, true, order, mask)
    }
    const found = r.found
    const visited = (k: number): number => {
      const i = (start + k) % visitable
      return order === null ? i : (order[i] as number)
    }
    // Filtering stops at the feasible node *after* the last one wanted (upstream's
    // findNodesThatPassFilters cancels when the count exceeds numNodesToFind): the infeasible
    // nodes met before it count as processed (diagnosis, next start); that node does not.
    let processed = r.processed
    if (found === toFind) {
      while (processed < visitable) {
        const n = visited(processed)
        if (diagnose(n, p, v, relationAt(relation, n), volumeAt(volumes, n)).code === "Success") break
        processed++
      }
    }
    // a nominated node that failed has its status in the diagnosis even where the scan did not
    // reach it (outside PreFilter's set, or past the last node filtering needed)
    let nominatedUnvisited = false
    if (nominatedStatus !== undefined && nominated !== undefined) {
      nominatedUnvisited = true
      for (let k = 0; k < processed; k++) if (visited(k) === nominated) nominatedUnvisited = false
    }
    let best = r.best
    const taintVaries = r.taintVaries
    const affinityVaries = r.affinityVaries
    const balancedOn = r.balancedOn
    const affinityOn = r.affinityOn
    const wfi = c.wFit
    const wbi = balancedOn ? c.wBalanced : 0
    const wti = c.wTaint
    const wai = affinityOn ? c.wAffinity : 0
    nextStart = N === 0 ? 0 : (nextStart + processed + (nominatedUnvisited ? 1 : 0)) % N
    // PodTopologySpread and InterPodAffinity score over the feasible set, after filtering
    const scored = relScored && found > 0 ? rel.scores(pod, relation, feasible, found, spreadS, podAffS, totals) : { spread: false, affinity: false }
    const wsi = scored.spread ? wSpread : 0
    const wpi = scored.affinity ? wPodAffinity : 0

    if (relScored || (taintVaries && r.seenTaint !== v.taintMax) || (affinityVaries && r.seenAffinity !== v.affinityMax)) {
      rng.state = r.rngState
      if (taintVaries) normalizeScores(taintS, found, true)
      if (affinityVaries) normalizeScores(affS, found, false)
      for (let k = 0; k < found; k++) {
        totals[k] =
          wfi * (fitS[k] as number) +
          wbi * (balS[k] as number) +
          wti * (taintVaries ? (taintS[k] as number) : 100) +
          wai * (affinityVaries ? (affS[k] as number) : 0) +
          (p.image === null ? 0 : c.wImage * (p.image[feasible[k] as number] as number)) +
          wsi * (spreadS[k] as number) +
          wpi * (podAffS[k] as number)
      }
      best = selectHost(totals, found, rng)
    } else if (incremental && found > 0) {
      // One-pass totals are the presumed-normaliser totals the entries keep: cache them when
      // the signature is a repeat (building costs a pass; a one-off signature never needs it).
      if ((previousHit || recent.includes(key)) && !scoreEntries.some((e) => e.key === key)) {
        const evicted = slotFor(key)
        scoreEntries.push(scoreEntry(key, p, v, r, N, feasible, totals, found, evicted))
      } else if (!cachedSpread && !scoreEntries.some((e) => e.key === key)) {
        const flags: ScanFlags = { taintVaries: r.taintVaries, affinityVaries: r.affinityVaries, balancedOn: r.balancedOn, affinityOn: r.affinityOn }
        carried = { key, p, v, flags, found, node: -1 }
      }
    } else if (opts.explain === true) {
      if (taintVaries) normalizeScores(taintS, found, true)
      if (affinityVaries) normalizeScores(affS, found, false)
    }
    previousHit = false
    if (incremental || masked) {
      if (recent.length >= RECENT) recent.shift()
      recent.push(key)
    }
    if (!taintVaries) taintS.fill(100, 0, found)
    if (!affinityVaries) affS.fill(0, 0, found)

    const explain = (): ReadonlyArray<NodeEvaluation> => {
      const position = new Map<number, number>()
      for (let k = 0; k < found; k++) position.set(feasible[k] as number, k)
      const evaluated = new Set<number>()
      for (let k = 0; k < processed; k++) evaluated.add(visited(k))
      const out: NodeEvaluation[] = []
      for (let n = 0; n < N; n++) {
        const k = position.get(n)
        if (k !== undefined) {
          const plugins: Partial<Record<ScorePluginName, number>> = {}
          for (const name of SCORE_PLUGINS) {
            if (name === "NodeResourcesFit" && wFit !== undefined) plugins[name] = fitS[k] as number
            if (name === "NodeResourcesBalancedAllocation" && balancedOn) plugins[name] = balS[k] as number
            if (name === "TaintToleration" && wTaint !== undefined) plugins[name] = taintS[k] as number
            if (name === "NodeAffinity" && affinityOn) plugins[name] = affS[k] as number
            if (name === "PodTopologySpread" && scored.spread) plugins[name] = spreadS[k] as number
            if (name === "InterPodAffinity" && scored.affinity) plugins[name] = podAffS[k] as number
            if (name === "ImageLocality" && profile.weights.ImageLocality !== undefined) plugins[name] = p.image === null ? 0 : (p.image[n] as number)
          }
          out.push({ node: a.names[n] as string, feasible: true, reasons: [], plugins, total: totals[k] as number })
        } else if (evaluated.has(n) || (nominatedUnvisited && n === nominated)) {
          out.push({ node: a.names[n] as string, feasible: false, reasons: diagnose(n, p, v, relationAt(relation, n), volumeAt(volumes, n)).reasons, plugins: {}, total: 0 })
        }
        else if (order !== null && !order.includes(n)) out.push({ node: a.names[n] as string, feasible: false, reasons: [v.absentReason], plugins: {}, total: 0 })
      }
      return out
    }
    // explain() reads the scratch buffers, so build it before anything else changes them.
    const scores = opts.explain === true ? explain() : undefined

    if (best >= 0) {
      const n = feasible[best] as number
      // SchedulingGates disabled: the apiserver refuses the binding, the assumed pod is forgotten
      const refused = bindingRefusal(pod)
      if (refused !== undefined) return scores === undefined ? refused : { ...refused, scores }
      if (carried !== undefined) carried.node = n
      bind(n, p)
      vol.reserve(volumes, n)
      const placed: Placement = { pod: pod.key, node: a.names[n] as string, reasons: [], message: "", victims: [] }
      return scores === undefined ? placed : { ...placed, scores }
    }
    const statuses: Array<Status | undefined> = new Array(N).fill(undefined)
    for (let k = 0; k < processed; k++) {
      const n = visited(k)
      statuses[n] = diagnose(n, p, v, relationAt(relation, n), volumeAt(volumes, n))
    }
    if (nominatedUnvisited && nominated !== undefined) statuses[nominated] = nominatedStatus
    // an explicit status (the nominated node's) wins over being outside PreFilter's set
    const absentCount = order === null ? 0 : N - order.length - (nominatedUnvisited && nominated !== undefined && !order.includes(nominated) ? 1 : 0)
    const diagnosis: Diagnosis = {
      numAllNodes: N,
      nodeReasons: statuses.filter((s): s is Status => s !== undefined).map((s) => s.reasons),
      ...(order === null ? {} : { absent: { count: absentCount, reasons: [v.absentReason] } }),
    }
    return unschedulable(pod, p, v, relation, volumes, diagnosis, opts, scores, statuses)
  }

  // The nominated node passed every filter: bound there, unscored (explain lists it alone).
  const placeNominated = (pod: SchedulingPod, p: CompiledPod, volumes: CycleVolumes, n: number, opts: ScheduleOptions): Placement => {
    previousHit = false
    const scores: ReadonlyArray<NodeEvaluation> | undefined = opts.explain === true ? [{ node: a.names[n] as string, feasible: true, reasons: [], plugins: {}, total: 0 }] : undefined
    const refused = bindingRefusal(pod)
    if (refused !== undefined) return scores === undefined ? refused : { ...refused, scores }
    bind(n, p)
    vol.reserve(volumes, n)
    const placed: Placement = { pod: pod.key, node: a.names[n] as string, reasons: [], message: "", victims: [] }
    return scores === undefined ? placed : { ...placed, scores }
  }

  // No node fits: PostFilter (preemption) and kube-scheduler's message.
  const unschedulable = (
    pod: SchedulingPod,
    p: CompiledPod,
    v: StaticVerdicts,
    relation: CycleRelations,
    volumes: CycleVolumes,
    diagnosis: Diagnosis,
    opts: ScheduleOptions,
    scores: ReadonlyArray<NodeEvaluation> | undefined,
    statuses?: ReadonlyArray<Status | undefined>,
  ): Placement => {
    const reasons = diagnosisReasons(diagnosis)
    const withScores = (pl: Placement): Placement => (opts.explain !== true ? pl : { ...pl, scores: scores ?? rejectedEverywhere(diagnosis) })
    const pending = (post: string): Placement =>
      withScores({ pod: pod.key, node: null, reasons, message: fitErrorMessage({ ...diagnosis, postFilterMessage: post }), victims: [] })
    // An unresolvable PreFilter rejection ends PreFilter before DynamicResources' PreFilter wrote its state.
    const draStateMissing = diagnosis.preFilterMessage !== undefined
    const post = (outcome: Parameters<typeof postFilterMessage>[2]): string => postFilterMessage(profile, N, outcome, { draStateMissing })
    if (opts.preempt === false || !profile.preemption) return pending(post(undefined))
    if (profile.dynamicResources && draStateMissing && profile.preemptionBeforeDynamicResources !== true) return pending(post(undefined))
    if (pod.neverPreempts === true) return pending(post("never"))
    const statusCode = (n: number): StatusCode =>
      diagnosis.preFilterMessage !== undefined
        ? "UnschedulableAndUnresolvable"
        : (statuses?.[n]?.code ?? "UnschedulableAndUnresolvable")
    const host: PreemptionHost = {
      nodeCount: N,
      unresolvable: (n) => statusCode(n) !== "Unschedulable",
      lowestPriority: () => {
        let lowest = Number.POSITIVE_INFINITY
        for (const priority of boundPriorities.keys()) if (priority < lowest) lowest = priority
        return lowest
      },
      podsBelow: (n, priority) => {
        const out: PreemptionPod[] = []
        for (let id = head[n] as number; id >= 0; id = podNext[id] as number) {
          const bound = (podRecord[id] as CompiledPod).pod
          if (bound.priority < priority) out.push({ id, priority: bound.priority, start: bound.startTime ?? Number.POSITIVE_INFINITY, seq: id, budgets: budgets.of(bound) })
        }
        return out
      },
      filterWithout: (n, removed) => {
        const saved = removed.map((r) => podCell[r.id] as number)
        for (const r of removed) applyUsage(n, podRecord[r.id] as CompiledPod, podCell[r.id] as number, -1)
        const ids = removed.map((r) => r.id)
        const status = diagnose(n, p, v, rel.verdictWithout(relation, n, ids), vol.verdictWithout(volumes, n, ids))
        removed.forEach((r, i) => applyUsage(n, podRecord[r.id] as CompiledPod, saved[i] as number, 1))
        return status
      },
      budgetsAllowed: budgets.allowed,
    }
    const outcome = preempt(host, pod.priority)
    if (outcome.chosen === undefined) return pending(post(outcome))
    const chosen = outcome.chosen
    const victims = chosen.victims.map((r) => (podRecord[r.id] as CompiledPod).pod.key)
    for (const r of chosen.victims) unbind(r.id)
    // the victims are evicted before the binding is tried (and refused for a gated pod)
    const refused = bindingRefusal(pod, victims)
    if (refused !== undefined) return withScores(refused)
    bind(chosen.node, p)
    vol.reserve(volumes, chosen.node)
    return withScores({ pod: pod.key, node: a.names[chosen.node] as string, reasons, message: fitErrorMessage(diagnosis), victims })
  }

  // The relational verdict of the cycle on node n.
  const relationAt = (relation: CycleRelations, n: number): number => (relation.verdicts === null ? RELATION.ok : (relation.verdicts[n] as number))
  // The volume verdict of the cycle on node n.
  const volumeAt = (volumes: CycleVolumes, n: number): number => (volumes.verdicts === null ? 0 : (volumes.verdicts[n] as number))

  // Explain for a pod PreFilter rejected: every node with the rejection.
  const rejectedEverywhere = (d: Diagnosis): ReadonlyArray<NodeEvaluation> =>
    a.names.map((node) => ({ node, feasible: false, reasons: [d.preFilterMessage ?? ""], plugins: {}, total: 0 }))

  return {
    seed,
    schedule,
    arrays: a,
    indexed: () => ({ pods: indexedPods, nodesRead, nodesRecounted }),
    bindings: () =>
      a.names.map((node, n) => {
        const pods: string[] = []
        for (let id = head[n] as number; id >= 0; id = podNext[id] as number) pods.push((podRecord[id] as CompiledPod).pod.key)
        return { node, pods }
      }),
    footprint: () => {
      let cacheBytes = 0
      for (const v of cache.values()) cacheBytes += v.reason.byteLength + v.taintRaw.byteLength + v.affinityRaw.byteLength + v.taintScore.byteLength + v.affinityScore.byteLength
      for (const e of scoreEntries) cacheBytes += entryBytes(e)
      for (const i of imageCache.values()) cacheBytes += i.scores?.byteLength ?? 0
      if (index !== undefined && index !== null) cacheBytes += index.bytes()
      return {
        snapshotBytes: arrayBytes(a) + head.byteLength + tail.byteLength,
        scratchBytes:
          feasible.byteLength + fitS.byteLength + balS.byteLength + taintS.byteLength + affS.byteLength + spreadS.byteLength + podAffS.byteLength + totals.byteLength +
          vol.scratchBytes(),
        cacheBytes,
      }
    },
  }
}
