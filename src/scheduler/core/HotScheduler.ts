/**
 * The hot path: kube-scheduler's cycle (v1.35) over the structure-of-arrays snapshot. Same
 * contract and same results as the readable σ (checked by property tests); built for speed:
 *
 * - static verdicts (taints, affinity, cordon, node name, VM capabilities, raw taint/affinity
 *   scores) cached per constraint signature (`StaticFilter.ts`);
 * - a filter loop and a score loop over typed arrays with scratch buffers allocated once, no
 *   allocation and no closures per node;
 * - reasons are only built when asked (explain) or needed (no node fits: the FitError and
 *   preemption), by a slower diagnosis over the same arrays;
 * - binding updates the arrays in place; pods on a node form an intrusive linked list.
 *
 * @example
 * import { hotScheduler, node, pod, snapshot } from "catcluster/scheduler"
 * const sigma = hotScheduler(snapshot([node("a", { cpu: 4000, memory: 8 * 2 ** 30, pods: 110 })]), { seed: 7 })
 * sigma.schedule(pod("default/web", { cpu: 500 })).node // "a"
 *
 * @since 0.1.0
 */
import type { ClusterSnapshot } from "../model/ClusterSnapshot.ts"
import type { SchedulingPod } from "../model/SchedulingPod.ts"
import { fitErrorReasons, type NodeEvaluation, type Placement, type ScheduleOptions, type Scheduler } from "../Placement.ts"
import { preempt, type PreemptionHost, type PreemptionPod } from "../preemption/Preemption.ts"
import { defaultProfile, type Profile, SCORE_PLUGINS, type ScorePluginName } from "../profile/Profile.ts"
import { normalizeScores } from "../plugins/Normalize.ts"
import { REASON_NUMA } from "../plugins/NumaFit.ts"
import { balancedScore } from "../plugins/NodeResourcesBalancedAllocation.ts"
import {
  intDiv,
  leastAllocatedScore,
  mostAllocatedScore,
  ratioScore,
  roundHalfAwayFromZero,
} from "../plugins/ResourceScore.ts"
import type { StatusCode } from "../plugins/Status.ts"
import { numFeasibleNodesToFind } from "../select/nodesToScore.ts"
import { nextInt, random } from "../select/Random.ts"
import { selectHost } from "../select/selectHost.ts"
import { SchedulerInputError } from "../SchedulerInputError.ts"
import type { SchedulerOptions } from "../readable/ReadableScheduler.ts"
import { type CompiledPod, type CompiledResources, compilePod, compileResources, KIND } from "./CompiledPod.ts"
import { arrayBytes, type NodeArrays, nodeArrays } from "./NodeArrays.ts"
import { constraintSignature, type StaticVerdicts, staticVerdicts } from "./StaticFilter.ts"

const STRATEGY = { LeastAllocated: 0, MostAllocated: 1, RequestedToCapacityRatio: 2 } as const
const CACHE_LIMIT = 16

/** The hot scheduler, with access to its arrays for benchmarks. @since 0.1.0 @category model */
export interface HotScheduler extends Scheduler {
  readonly arrays: NodeArrays
  /** Bytes of the typed arrays: snapshot, bound-pod records and scratch buffers. */
  readonly footprint: () => { readonly snapshotBytes: number; readonly scratchBytes: number; readonly cacheBytes: number }
}

/**
 * The hot-path scheduler over a snapshot.
 *
 * @since 0.1.0
 * @category constructors
 */
export const hotScheduler = (cluster: ClusterSnapshot, options: SchedulerOptions = {}): HotScheduler => {
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

  // scratch, allocated once
  const feasible = new Int32Array(N)
  const fitS = new Int32Array(N)
  const balS = new Int32Array(N)
  const taintS = new Int32Array(N)
  const affS = new Int32Array(N)
  const totals = new Float64Array(N)
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

  const cache = new Map<string, StaticVerdicts>()
  const verdictsFor = (pod: SchedulingPod): StaticVerdicts => {
    const sig = constraintSignature(pod)
    let v = cache.get(sig)
    if (v === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
      v = staticVerdicts(a, pod)
      cache.set(sig, v)
    }
    return v
  }

  // Best-fit NUMA cell on node n for p, or −1 (same rule as plugins/NumaFit.bestFitCell).
  const bestCell = (n: number, p: CompiledPod): number => {
    let best = -1
    let bestCpus = 0
    let bestMemory = 0
    const end = a.cellStart[n + 1] as number
    for (let c = a.cellStart[n] as number; c < end; c++) {
      const cpus = a.cellCpuFree[c] as number
      const memory = p.numaHuge ? (a.cellHugeFree[c] ?? 0) : (a.cellMemoryFree[c] as number)
      if (cpus < p.numaCpus || memory < p.numaMemory) continue
      const leftCpus = cpus - p.numaCpus
      const leftMemory = memory - p.numaMemory
      if (best < 0 || leftCpus < bestCpus || (leftCpus === bestCpus && leftMemory < bestMemory)) {
        best = c - (a.cellStart[n] as number)
        bestCpus = leftCpus
        bestMemory = leftMemory
      }
    }
    return best
  }

  // Whether p passes the dynamic filters (pods, resources, NUMA) on node n.
  const fitsDynamic = (n: number, p: CompiledPod): boolean => {
    if ((a.podCount[n] as number) + 1 > (a.podsAllowed[n] as number)) return false
    if (!p.requestsNothing) {
      const alloc = a.alloc
      const used = a.used
      if (p.cpu > 0 && p.cpu > ((alloc[0] as Float64Array)[n] as number) - ((used[0] as Float64Array)[n] as number)) return false
      if (p.memory > 0 && p.memory > ((alloc[1] as Float64Array)[n] as number) - ((used[1] as Float64Array)[n] as number)) return false
      if (p.storage > 0 && p.storage > ((alloc[2] as Float64Array)[n] as number) - ((used[2] as Float64Array)[n] as number)) return false
      const sc = p.scalarColumns
      for (let j = 0; j < sc.length; j++) {
        const col = sc[j] as number
        if ((p.scalarAmounts[j] as number) > ((alloc[col] as Float64Array)[n] as number) - ((used[col] as Float64Array)[n] as number)) return false
      }
    }
    return p.numaCpus < 0 || bestCell(n, p) >= 0
  }

  const scalarsFit = (n: number, p: CompiledPod): boolean => {
    const sc = p.scalarColumns
    for (let j = 0; j < sc.length; j++) {
      const col = sc[j] as number
      if ((p.scalarAmounts[j] as number) > ((a.alloc[col] as Float64Array)[n] as number) - ((a.used[col] as Float64Array)[n] as number)) return false
    }
    return true
  }

  const fitDefault =
    strategy === STRATEGY.LeastAllocated && fit.kind.length === 2 && fit.kind[0] === KIND.cpu && fit.kind[1] === KIND.memory
  const fitCpuWeight = fit.weight[0] ?? 0
  const fitMemoryWeight = fit.weight[1] ?? 0
  const balancedDefault = balanced.kind.length === 2 && balanced.kind[0] === KIND.cpu && balanced.kind[1] === KIND.memory

  const fitScoreAt = (n: number, p: CompiledPod): number => {
    let nodeScore = 0
    let weightSum = 0
    const kinds = fit.kind
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[i] as number
      const req = p.fitRequest[i] as number
      let alloc = 0
      let requested = 0
      if (kind === KIND.cpu) {
        alloc = (a.alloc[0] as Float64Array)[n] as number
        requested = (a.nonZeroCpu[n] as number) + req
      } else if (kind === KIND.memory) {
        alloc = (a.alloc[1] as Float64Array)[n] as number
        requested = (a.nonZeroMemory[n] as number) + req
      } else if (kind === KIND.storage) {
        alloc = (a.alloc[2] as Float64Array)[n] as number
        requested = ((a.used[2] as Float64Array)[n] as number) + req
      } else if (kind === KIND.scalar) {
        if (req === 0) continue
        const col = fit.column[i] as number
        alloc = (a.alloc[col] as Float64Array)[n] as number
        requested = ((a.used[col] as Float64Array)[n] as number) + req
      } else continue
      if (alloc === 0) continue
      const w = fit.weight[i] as number
      if (strategy === STRATEGY.RequestedToCapacityRatio) {
        const s = ratioScore(requested, alloc, shapeU, shapeS)
        if (s > 0) {
          nodeScore += s * w
          weightSum += w
        }
      } else {
        nodeScore += (strategy === STRATEGY.LeastAllocated ? leastAllocatedScore(requested, alloc) : mostAllocatedScore(requested, alloc)) * w
        weightSum += w
      }
    }
    if (weightSum === 0) return 0
    return strategy === STRATEGY.RequestedToCapacityRatio ? roundHalfAwayFromZero(nodeScore / weightSum) : intDiv(nodeScore, weightSum)
  }

  const balancedScoreAt = (n: number, p: CompiledPod): number => {
    let count = 0
    let total = 0
    const kinds = balanced.kind
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[i] as number
      const req = p.balancedRequest[i] as number
      let col = 0
      if (kind === KIND.cpu) col = 0
      else if (kind === KIND.memory) col = 1
      else if (kind === KIND.storage) col = 2
      else if (kind === KIND.scalar) {
        if (req === 0) continue
        col = balanced.column[i] as number
      } else continue
      const alloc = (a.alloc[col] as Float64Array)[n] as number
      if (alloc === 0) continue
      const f = Math.min((((a.used[col] as Float64Array)[n] as number) + req) / alloc, 1)
      fractions[count++] = f
      total += f
    }
    return balancedScore(fractions, count, total)
  }

  // The full status of p on node n, with kube-scheduler's reasons (slow path).
  const diagnose = (n: number, p: CompiledPod, v: StaticVerdicts): { code: StatusCode; reasons: string[] } => {
    const r = v.reason[n] as number
    if (r !== 0) return { code: "UnschedulableAndUnresolvable", reasons: [v.reasons[r - 1] as string] }
    const reasons: string[] = []
    let unresolvable = false
    const allowed = a.podsAllowed[n] as number
    if ((a.podCount[n] as number) + 1 > allowed) {
      reasons.push("Too many pods")
      if (1 > allowed) unresolvable = true
    }
    if (!p.requestsNothing) {
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
    if (p.numaCpus >= 0 && bestCell(n, p) < 0) {
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

  const applyUsage = (n: number, p: CompiledPod, cell: number, sign: 1 | -1): void => {
    for (let j = 0; j < p.columns.length; j++) {
      const col = a.used[p.columns[j] as number] as Float64Array
      col[n] = (col[n] as number) + sign * (p.amounts[j] as number)
    }
    a.nonZeroCpu[n] = (a.nonZeroCpu[n] as number) + sign * p.nonZeroCpu
    a.nonZeroMemory[n] = (a.nonZeroMemory[n] as number) + sign * p.nonZeroMemory
    a.podCount[n] = (a.podCount[n] as number) + sign
    if (p.numaCpus >= 0 && cell >= 0) {
      const c = (a.cellStart[n] as number) + cell
      a.cellCpuFree[c] = (a.cellCpuFree[c] as number) - sign * p.numaCpus
      if (p.numaHuge) a.cellHugeFree[c] = (a.cellHugeFree[c] ?? 0) - sign * p.numaMemory
      else a.cellMemoryFree[c] = (a.cellMemoryFree[c] as number) - sign * p.numaMemory
    }
  }

  // Pods are appended to the tail of their node's list so the list is in bind order.
  const tail = new Int32Array(N).fill(-1)
  const bind = (n: number, p: CompiledPod): number => {
    const id = podRecord.length
    if (id >= podCap) grow()
    const cell = p.numaCpus >= 0 ? bestCell(n, p) : -1
    podRecord.push(p)
    podNode[id] = n
    podCell[id] = cell
    podNext[id] = -1
    podPrev[id] = tail[n] as number
    if ((tail[n] as number) >= 0) podNext[tail[n] as number] = id
    else head[n] = id
    tail[n] = id
    applyUsage(n, p, cell, 1)
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
    podNode[id] = -1
  }

  for (const [i, b] of cluster.bound.entries()) {
    const n = byName.get(b.node)
    if (n === undefined) throw new SchedulerInputError(`bound[${i}]`, `pod ${b.pod.key} is bound to unknown node ${b.node}`)
    bind(n, compilePod(a, profile, fit, balanced, b.pod))
  }

  const schedule = (pod: SchedulingPod, opts: ScheduleOptions = {}): Placement => {
    const p = compilePod(a, profile, fit, balanced, pod)
    const v = verdictsFor(pod)
    const reasonOf = v.reason
    const toFind = numFeasibleNodesToFind(N, profile.nodesToScore)
    const start = nextStart

    // Filter and score in one pass over the nodes, with every column hoisted into a local.
    const podCount = a.podCount
    const podsAllowed = a.podsAllowed
    const allocCpu = a.alloc[0] as Float64Array
    const allocMemory = a.alloc[1] as Float64Array
    const allocStorage = a.alloc[2] as Float64Array
    const usedCpu = a.used[0] as Float64Array
    const usedMemory = a.used[1] as Float64Array
    const usedStorage = a.used[2] as Float64Array
    const nonZeroCpu = a.nonZeroCpu
    const nonZeroMemory = a.nonZeroMemory
    const taintRaw = v.taintRaw
    const affinityRaw = v.affinityRaw
    const cpu = p.cpu
    const memory = p.memory
    const storage = p.storage
    const checkResources = !p.requestsNothing
    const checkScalars = p.scalarColumns.length > 0
    const checkNuma = p.numaCpus >= 0
    const fitOn = wFit !== undefined
    const balancedOn = wBalanced !== undefined && !p.balancedSkips
    const affinityOn = wAffinity !== undefined && pod.preferredTerms.length > 0
    // LeastAllocated over exactly (cpu, memory): the default profile, computed inline.
    const fitFast = fitOn && fitDefault
    const fitCpuReq = p.fitRequest[0] as number
    const fitMemoryReq = p.fitRequest[1] as number
    const balancedFast = balancedOn && balancedDefault
    const balCpuReq = p.balancedRequest[0] as number
    const balMemoryReq = p.balancedRequest[1] as number

    // Totals are computed in the loop, normalising the taint and affinity scores by their
    // largest raw value over the statically feasible nodes (`presumed`), with the seeded
    // reservoir selection (the same draws as selectHost) inline. The true normaliser is the
    // largest raw value over the *feasible* nodes; when it differs, the PRNG is rewound and the
    // two-pass path (normalise, total, selectHost) runs instead.
    const taintOn = wTaint !== undefined
    const taintVaries = taintOn && !v.taintAllZero
    const affinityVaries = affinityOn && !v.affinityAllZero
    const presumedTaint = v.taintMax
    const presumedAffinity = v.affinityMax
    let seenTaint = 0
    let seenAffinity = 0
    const wfi = wFit ?? 0
    const wbi = balancedOn ? (wBalanced ?? 0) : 0
    const wti = wTaint ?? 0
    const wai = affinityOn ? (wAffinity ?? 0) : 0
    const rngState = rng.state
    let best = -1
    let bestScore = 0
    let ties = 0

    let found = 0
    let processed = 0
    for (; processed < N && found < toFind; processed++) {
      let n = start + processed
      if (n >= N) n -= N
      if (reasonOf[n] !== 0) continue
      if ((podCount[n] as number) >= (podsAllowed[n] as number)) continue
      if (checkResources) {
        if (cpu > 0 && cpu > (allocCpu[n] as number) - (usedCpu[n] as number)) continue
        if (memory > 0 && memory > (allocMemory[n] as number) - (usedMemory[n] as number)) continue
        if (storage > 0 && storage > (allocStorage[n] as number) - (usedStorage[n] as number)) continue
        if (checkScalars && !scalarsFit(n, p)) continue
      }
      if (checkNuma && bestCell(n, p) < 0) continue
      const k = found++
      feasible[k] = n
      if (fitFast) {
        let nodeScore = 0
        let weightSum = 0
        const ac = allocCpu[n] as number
        if (ac !== 0) {
          const r = (nonZeroCpu[n] as number) + fitCpuReq
          nodeScore += (r > ac ? 0 : intDiv((ac - r) * 100, ac)) * fitCpuWeight
          weightSum += fitCpuWeight
        }
        const am = allocMemory[n] as number
        if (am !== 0) {
          const r = (nonZeroMemory[n] as number) + fitMemoryReq
          nodeScore += (r > am ? 0 : intDiv((am - r) * 100, am)) * fitMemoryWeight
          weightSum += fitMemoryWeight
        }
        fitS[k] = weightSum === 0 ? 0 : intDiv(nodeScore, weightSum)
      } else if (fitOn) fitS[k] = fitScoreAt(n, p)
      if (balancedFast) {
        const ac = allocCpu[n] as number
        const am = allocMemory[n] as number
        if (ac !== 0 && am !== 0) {
          const fc = Math.min(((usedCpu[n] as number) + balCpuReq) / ac, 1)
          const fm = Math.min(((usedMemory[n] as number) + balMemoryReq) / am, 1)
          balS[k] = Math.trunc((1 - Math.abs((fc - fm) / 2)) * 100)
        } else balS[k] = balancedScoreAt(n, p)
      } else if (balancedOn) balS[k] = balancedScoreAt(n, p)
      let taintScore = 100
      if (taintVaries) {
        const raw = taintRaw[n] as number
        taintS[k] = raw
        if (raw > seenTaint) seenTaint = raw
        taintScore = 100 - Math.trunc((100 * raw) / presumedTaint)
      }
      let affinityScore = 0
      if (affinityVaries) {
        const raw = affinityRaw[n] as number
        affS[k] = raw
        if (raw > seenAffinity) seenAffinity = raw
        affinityScore = Math.trunc((100 * raw) / presumedAffinity)
      }
      {
        const t = wfi * (fitS[k] as number) + wbi * (balS[k] as number) + wti * taintScore + wai * affinityScore
        totals[k] = t
        if (k === 0 || t > bestScore) {
          best = k
          bestScore = t
          ties = 1
        } else if (t === bestScore) {
          ties++
          if (nextInt(rng, ties) === 0) best = k
        }
      }
    }
    nextStart = N === 0 ? 0 : (start + processed) % N

    if ((taintVaries && seenTaint !== presumedTaint) || (affinityVaries && seenAffinity !== presumedAffinity)) {
      rng.state = rngState
      if (taintVaries) normalizeScores(taintS, found, true)
      if (affinityVaries) normalizeScores(affS, found, false)
      for (let k = 0; k < found; k++) {
        totals[k] =
          wfi * (fitS[k] as number) +
          wbi * (balS[k] as number) +
          wti * (taintVaries ? (taintS[k] as number) : 100) +
          wai * (affinityVaries ? (affS[k] as number) : 0)
      }
      best = selectHost(totals, found, rng)
    } else if (opts.explain === true) {
      if (taintVaries) normalizeScores(taintS, found, true)
      if (affinityVaries) normalizeScores(affS, found, false)
    }
    if (!taintVaries) taintS.fill(100, 0, found)
    if (!affinityVaries) affS.fill(0, 0, found)

    const explain = (): ReadonlyArray<NodeEvaluation> => {
      const position = new Map<number, number>()
      for (let k = 0; k < found; k++) position.set(feasible[k] as number, k)
      const evaluated: number[] = []
      for (let k = 0; k < processed; k++) evaluated.push((start + k) % N)
      evaluated.sort((x, y) => x - y)
      return evaluated.map((n): NodeEvaluation => {
        const k = position.get(n)
        if (k === undefined) return { node: a.names[n] as string, feasible: false, reasons: diagnose(n, p, v).reasons, plugins: {}, total: 0 }
        const plugins: Partial<Record<ScorePluginName, number>> = {}
        for (const name of SCORE_PLUGINS) {
          if (name === "NodeResourcesFit" && wFit !== undefined) plugins[name] = fitS[k] as number
          if (name === "NodeResourcesBalancedAllocation" && balancedOn) plugins[name] = balS[k] as number
          if (name === "TaintToleration" && wTaint !== undefined) plugins[name] = taintS[k] as number
          if (name === "NodeAffinity" && affinityOn) plugins[name] = affS[k] as number
        }
        return { node: a.names[n] as string, feasible: true, reasons: [], plugins, total: totals[k] as number }
      })
    }
    // explain() reads the scratch buffers, so build it before anything else changes them.
    const scores = opts.explain === true ? explain() : undefined
    const withScores = (pl: Placement): Placement => (scores === undefined ? pl : { ...pl, scores })

    const winner = best
    if (winner >= 0) {
      const n = feasible[winner] as number
      bind(n, p)
      return withScores({ pod: pod.key, node: a.names[n] as string, reasons: [], victims: [] })
    }

    const statuses: Array<{ code: StatusCode; reasons: string[] } | undefined> = new Array(N).fill(undefined)
    for (let k = 0; k < processed; k++) {
      const n = (start + k) % N
      statuses[n] = diagnose(n, p, v)
    }
    const reasons = fitErrorReasons(
      N,
      statuses.filter((s) => s !== undefined).map((s) => s.reasons),
    )
    if (opts.preempt === false) return withScores({ pod: pod.key, node: null, reasons, victims: [] })
    const host: PreemptionHost = {
      nodeCount: N,
      resolvable: (n) => statuses[n]?.code === "Unschedulable",
      podsOn: (n) => {
        const out: PreemptionPod[] = []
        for (let id = head[n] as number; id >= 0; id = podNext[id] as number) {
          out.push({ id, priority: (podRecord[id] as CompiledPod).pod.priority, seq: id })
        }
        return out
      },
      fitsWithout: (n, removed) => {
        const saved = removed.map((r) => podCell[r.id] as number)
        for (const r of removed) applyUsage(n, podRecord[r.id] as CompiledPod, podCell[r.id] as number, -1)
        const ok = fitsDynamic(n, p)
        removed.forEach((r, i) => applyUsage(n, podRecord[r.id] as CompiledPod, saved[i] as number, 1))
        return ok
      },
    }
    const result = preempt(host, pod.priority)
    if (result === undefined) return withScores({ pod: pod.key, node: null, reasons, victims: [] })
    const victims = result.victims.map((r) => (podRecord[r.id] as CompiledPod).pod.key)
    for (const r of result.victims) unbind(r.id)
    bind(result.node, p)
    return withScores({ pod: pod.key, node: a.names[result.node] as string, reasons, victims })
  }

  return {
    seed,
    schedule,
    arrays: a,
    bindings: () =>
      a.names.map((node, n) => {
        const pods: string[] = []
        for (let id = head[n] as number; id >= 0; id = podNext[id] as number) pods.push((podRecord[id] as CompiledPod).pod.key)
        return { node, pods }
      }),
    footprint: () => {
      let cacheBytes = 0
      for (const v of cache.values()) cacheBytes += v.reason.byteLength + v.taintRaw.byteLength + v.affinityRaw.byteLength
      return {
        snapshotBytes: arrayBytes(a) + head.byteLength + tail.byteLength,
        scratchBytes:
          feasible.byteLength + fitS.byteLength + balS.byteLength + taintS.byteLength + affS.byteLength + totals.byteLength,
        cacheBytes,
      }
    },
  }
}
