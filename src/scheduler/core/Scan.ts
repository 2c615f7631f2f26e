/**
 * The hot path's inner loop, at module level so that every scheduler instance shares its
 * optimised code (V8 keeps type feedback per closure: a loop written as a closure inside
 * `hotScheduler` would be re-learnt by each new instance). One pass over the nodes filters
 * (pod count, cpu, memory, storage, scalar resources, NUMA), scores (NodeResourcesFit,
 * BalancedAllocation, TaintToleration and NodeAffinity with presumed normalisers) and runs the
 * seeded tie-break of select/selectHost.ts; no allocation and no closures per node.
 *
 * @since 0.1.0
 */
import type { NodeArrays } from "./NodeArrays.ts"
import { type CompiledPod, type CompiledResources, KIND } from "./CompiledPod.ts"
import type { StaticVerdicts } from "./StaticFilter.ts"
import { balancedScore } from "../plugins/NodeResourcesBalancedAllocation.ts"
import { intDiv, leastAllocatedScore, mostAllocatedScore, ratioScore, roundHalfAwayFromZero } from "../plugins/ResourceScore.ts"
import { nextInt, type Random } from "../select/Random.ts"
import { nthTop } from "../select/selectHost.ts"

/** Strategy codes. @since 0.1.0 @category constants */
export const STRATEGY = { LeastAllocated: 0, MostAllocated: 1, RequestedToCapacityRatio: 2 } as const

/** A scheduler's fixed scan parameters. @since 0.1.0 @category model */
export interface ScanConfig {
  readonly fit: CompiledResources
  readonly balanced: CompiledResources
  readonly strategy: number
  readonly shapeU: Int32Array
  readonly shapeS: Int32Array
  readonly fitDefault: boolean
  readonly fitCpuWeight: number
  readonly fitMemoryWeight: number
  readonly balancedDefault: boolean
  readonly fractions: Float64Array
  readonly fitOn: boolean
  /** NodeResourcesFit runs at Filter (pod count and resources are checked). */
  readonly fitFilter: boolean
  readonly balancedEnabled: boolean
  readonly taintOn: boolean
  readonly affinityEnabled: boolean
  readonly wFit: number
  readonly wBalanced: number
  readonly wTaint: number
  readonly wAffinity: number
  /** ImageLocality's weight (0 when disabled). */
  readonly wImage: number
}

/** What one scan found (reused, overwritten by each scan). @since 0.1.0 @category model */
export interface ScanResult {
  found: number
  processed: number
  best: number
  seenTaint: number
  seenAffinity: number
  rngState: number
  taintVaries: boolean
  affinityVaries: boolean
  balancedOn: boolean
  affinityOn: boolean
  /** Whether the per-plugin score buffers were written. */
  stored: boolean
}

/** Scratch buffers, allocated once per scheduler. @since 0.1.0 @category model */
export interface ScanBuffers {
  readonly feasible: Int32Array
  /** NodeResourcesFit and BalancedAllocation scores: 0..100 (MaxNodeScore), so a byte each. */
  readonly fitS: Uint8Array
  readonly balS: Uint8Array
  readonly taintS: Int32Array
  readonly affS: Int32Array
  /** PodTopologySpread and InterPodAffinity scores of the feasible nodes (relational pods only). */
  readonly spreadS: Int32Array
  readonly podAffS: Int32Array
  readonly totals: Float64Array
  readonly result: ScanResult
}

/** Fresh buffers for `n` nodes. @since 0.1.0 @category constructors */
export const scanBuffers = (n: number): ScanBuffers => ({
  feasible: new Int32Array(n),
  fitS: new Uint8Array(n),
  balS: new Uint8Array(n),
  taintS: new Int32Array(n),
  affS: new Int32Array(n),
  spreadS: new Int32Array(n),
  podAffS: new Int32Array(n),
  totals: new Float64Array(n),
  result: { found: 0, processed: 0, best: -1, seenTaint: 0, seenAffinity: 0, rngState: 0, taintVaries: false, affinityVaries: false, balancedOn: false, affinityOn: false, stored: false },
})

/** Best-fit NUMA cell on node n for p, or −1 (the rule of plugins/NumaFit.bestFitCell). @since 0.1.0 @category filters */
export const bestCell = (a: NodeArrays, n: number, p: CompiledPod): number => {
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

/** Whether node n has room for p's extended resources. @since 0.1.0 @category filters */
export const scalarsFit = (a: NodeArrays, n: number, p: CompiledPod): boolean => {
  const sc = p.scalarColumns
  for (let j = 0; j < sc.length; j++) {
    const col = sc[j] as number
    if ((p.scalarAmounts[j] as number) > ((a.alloc[col] as Float64Array)[n] as number) - ((a.used[col] as Float64Array)[n] as number)) return false
  }
  return true
}

const fitScoreAt = (a: NodeArrays, c: ScanConfig, n: number, p: CompiledPod): number => {
  const fit = c.fit
  const strategy = c.strategy
  const shapeU = c.shapeU
  const shapeS = c.shapeS
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

const balancedScoreAt = (a: NodeArrays, c: ScanConfig, n: number, p: CompiledPod): number => {
  const balanced = c.balanced
  const fractions = c.fractions
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

// Writes the result record (shared by both loops).
const finish = (
  b: ScanBuffers,
  found: number,
  processed: number,
  best: number,
  seenTaint: number,
  seenAffinity: number,
  rngState: number,
  taintVaries: boolean,
  affinityVaries: boolean,
  balancedOn: boolean,
  affinityOn: boolean,
  stored: boolean,
): ScanResult => {
  const out = b.result
  out.found = found
  out.processed = processed
  out.best = best
  out.seenTaint = seenTaint
  out.seenAffinity = seenAffinity
  out.rngState = rngState
  out.taintVaries = taintVaries
  out.affinityVaries = affinityVaries
  out.balancedOn = balancedOn
  out.affinityOn = affinityOn
  out.stored = stored
  return out
}

/**
 * Whether pod `p` takes the common-case loop when every node is visited and no relational or
 * volume verdict filters: the default profile's resource scorers (LeastAllocated on cpu and
 * memory, BalancedAllocation on cpu and memory when it scores), at most one extended resource,
 * no NUMA cell, no preferred node affinity that varies, no image score.
 *
 * @since 0.1.0
 * @category predicates
 */
export const commonCase = (c: ScanConfig, p: CompiledPod, v: StaticVerdicts, preferred: boolean): boolean =>
  c.fitOn &&
  c.fitDefault &&
  c.fitFilter &&
  (c.wImage === 0 || p.image === null) &&
  (!(c.balancedEnabled && !p.balancedSkips) || c.balancedDefault) &&
  p.scalarColumns.length <= 1 &&
  p.numaCpus < 0 &&
  !(c.affinityEnabled && preferred && !v.affinityAllZero)

/**
 * One scan for pod `p` from node `start`, stopping after `toFind` feasible nodes. The per-plugin
 * scores (`fitS`, `balS`, `taintS`, `affS`) are only written when `store` is set or the general
 * loop runs (`result.stored` says which): the common-case loop skips three stores per node
 * (~15 %) since only explain and the two-pass normalisation read them, and those rescan.
 *
 * Totals are computed in the loop, normalising the taint and affinity scores by their largest
 * raw value over the statically feasible nodes (`presumed`), with the seeded tie-break of
 * selectHost (one draw among the top) right after. The true normaliser is the largest raw value
 * over the *feasible* nodes; when it differs, the caller rewinds the PRNG and runs the two-pass
 * path (normalise, total, selectHost) instead.
 *
 * @since 0.1.0
 * @category scheduling
 */
export const scan = (
  a: NodeArrays,
  c: ScanConfig,
  b: ScanBuffers,
  p: CompiledPod,
  v: StaticVerdicts,
  start: number,
  toFind: number,
  rng: Random,
  preferred: boolean,
  store: boolean,
  order: Int32Array | null,
  relations: Uint8Array | null,
): ScanResult => {
  const common = order === null && relations === null && commonCase(c, p, v, preferred)
  return common ? scanCommon(a, c, b, p, v, start, toFind, rng, preferred, store) : scanGeneral(a, c, b, p, v, start, toFind, rng, preferred, order, relations)
}

/**
 * The common case, in a function of its own so its loop keeps every value in a register: the
 * default profile's scorers, cpu/memory/storage requests and at most one extended resource (e.g.
 * a VMI launcher's devices.kubevirt.io/kvm), no NUMA, no preferred node affinity, no relations,
 * every node visited from `start`. Same arithmetic, same order as the general loop.
 */
const scanCommon = (
  a: NodeArrays,
  c: ScanConfig,
  b: ScanBuffers,
  p: CompiledPod,
  v: StaticVerdicts,
  start: number,
  toFind: number,
  rng: Random,
  preferred: boolean,
  store: boolean,
): ScanResult => {
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
  const taintNorm = v.taintScore
  const reasonOf = v.reason
  const cpu = p.cpu
  const memory = p.memory
  const storage = p.storage
  const checkResources = !p.requestsNothing
  const checkScalars = p.scalarColumns.length > 0
  const balancedOn = c.balancedEnabled && !p.balancedSkips
  const withTaint = c.taintOn && !v.taintAllZero
  const fitCpuReq = p.fitRequest[0] as number
  const fitMemoryReq = p.fitRequest[1] as number
  const balCpuReq = p.balancedRequest[0] as number
  const balMemoryReq = p.balancedRequest[1] as number
  const fitCpuWeight = c.fitCpuWeight
  const fitMemoryWeight = c.fitMemoryWeight
  const wfi = c.wFit
  const wbi = balancedOn ? c.wBalanced : 0
  const wti = c.wTaint
  const scalarColumn = checkScalars ? (p.scalarColumns[0] as number) : 0
  const allocScalar = a.alloc[scalarColumn] as Float64Array
  const usedScalar = a.used[scalarColumn] as Float64Array
  const scalarAmount = checkScalars ? (p.scalarAmounts[0] as number) : 0
  const N = a.count
  const feasible = b.feasible
  const fitS = b.fitS
  const balS = b.balS
  const taintS = b.taintS
  const totals = b.totals
  const rngState = rng.state
  let seenTaint = 0
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
    const ac = allocCpu[n] as number
    const am = allocMemory[n] as number
    const uc = usedCpu[n] as number
    const um = usedMemory[n] as number
    if (checkResources) {
      if (cpu > 0 && cpu > ac - uc) continue
      if (memory > 0 && memory > am - um) continue
      if (storage > 0 && storage > (allocStorage[n] as number) - (usedStorage[n] as number)) continue
      if (checkScalars && scalarAmount > (allocScalar[n] as number) - (usedScalar[n] as number)) continue
    }
    const k = found++
    feasible[k] = n
    let nodeScore = 0
    let weightSum = 0
    if (ac !== 0) {
      const r = (nonZeroCpu[n] as number) + fitCpuReq
      nodeScore += (r > ac ? 0 : intDiv((ac - r) * 100, ac)) * fitCpuWeight
      weightSum += fitCpuWeight
    }
    if (am !== 0) {
      const r = (nonZeroMemory[n] as number) + fitMemoryReq
      nodeScore += (r > am ? 0 : intDiv((am - r) * 100, am)) * fitMemoryWeight
      weightSum += fitMemoryWeight
    }
    // weights are integers in 1..100, so nodeScore is a small non-negative integer: with the
    // default weights (1 + 1) its floor half is a shift, not a division (a quarter of the loop)
    const fitScore = weightSum === 2 ? nodeScore >> 1 : weightSum === 0 ? 0 : intDiv(nodeScore, weightSum)
    if (store) fitS[k] = fitScore
    let balScore = 0
    if (balancedOn) {
      if (ac !== 0 && am !== 0) {
        const fc = Math.min((uc + balCpuReq) / ac, 1)
        const fm = Math.min((um + balMemoryReq) / am, 1)
        balScore = Math.trunc((1 - Math.abs((fc - fm) / 2)) * 100)
      } else balScore = balancedScoreAt(a, c, n, p)
      if (store) balS[k] = balScore
    }
    let taintScore = 100
    if (withTaint) {
      const raw = taintRaw[n] as number
      if (store) taintS[k] = raw
      if (raw > seenTaint) seenTaint = raw
      taintScore = taintNorm[n] as number
    }
    const t = wfi * fitScore + wbi * balScore + wti * taintScore
    totals[k] = t
    if (k === 0 || t > bestScore) {
      best = k
      bestScore = t
      ties = 1
    } else if (t === bestScore) ties++
  }
  // the tie-break of select/selectHost.ts: one draw among the tied top totals
  if (ties > 1) best = nthTop(totals, found, bestScore, nextInt(rng, ties))
  return finish(b, found, processed, best, seenTaint, 0, rngState, withTaint, false, balancedOn, c.affinityEnabled && preferred, store)
}

/** Every other case: any strategy and resources, NUMA, preferred affinity, node sets, relations, images. */
const scanGeneral = (
  a: NodeArrays,
  c: ScanConfig,
  b: ScanBuffers,
  p: CompiledPod,
  v: StaticVerdicts,
  start: number,
  toFind: number,
  rng: Random,
  preferred: boolean,
  order: Int32Array | null,
  relations: Uint8Array | null,
): ScanResult => {
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
  const fitFilter = c.fitFilter
  const checkResources = fitFilter && !p.requestsNothing
  const checkScalars = p.scalarColumns.length > 0
  const checkNuma = p.numaCpus >= 0
  const fitOn = c.fitOn
  const balancedOn = c.balancedEnabled && !p.balancedSkips
  const affinityOn = c.affinityEnabled && preferred
  // LeastAllocated over exactly (cpu, memory): the default profile, computed inline.
  const fitFast = fitOn && c.fitDefault
  const fitCpuReq = p.fitRequest[0] as number
  const fitMemoryReq = p.fitRequest[1] as number
  const balancedFast = balancedOn && c.balancedDefault
  const balCpuReq = p.balancedRequest[0] as number
  const balMemoryReq = p.balancedRequest[1] as number
  const taintVaries = c.taintOn && !v.taintAllZero
  const affinityVaries = affinityOn && !v.affinityAllZero
  // scores normalised by the presumed maxima, precomputed per constraint signature
  const taintNorm = v.taintScore
  const affinityNorm = v.affinityScore
  let seenTaint = 0
  let seenAffinity = 0
  const wfi = c.wFit
  const wbi = balancedOn ? c.wBalanced : 0
  const wti = c.wTaint
  const wai = affinityOn ? c.wAffinity : 0
  const fitCpuWeight = c.fitCpuWeight
  const fitMemoryWeight = c.fitMemoryWeight
  const reasonOf = v.reason
  const N = a.count
  const feasible = b.feasible
  const fitS = b.fitS
  const balS = b.balS
  const taintS = b.taintS
  const affS = b.affS
  const totals = b.totals
  const rngState = rng.state
  const image = c.wImage === 0 ? null : p.image
  const wim = c.wImage
  let best = -1
  let bestScore = 0
  let ties = 0
  let found = 0
  let processed = 0
  // The nodes visited: all from `start` round, or only those of `order` (NodeAffinity's PreFilter set).
  const limit = order === null ? N : order.length
  for (; processed < limit && found < toFind; processed++) {
    let n = start + processed
    if (n >= limit) n -= limit
    if (order !== null) n = order[n] as number
    if (reasonOf[n] !== 0) continue
    if (relations !== null && relations[n] !== 0) continue
    if (fitFilter && (podCount[n] as number) >= (podsAllowed[n] as number)) continue
    if (checkResources) {
      if (cpu > 0 && cpu > (allocCpu[n] as number) - (usedCpu[n] as number)) continue
      if (memory > 0 && memory > (allocMemory[n] as number) - (usedMemory[n] as number)) continue
      if (storage > 0 && storage > (allocStorage[n] as number) - (usedStorage[n] as number)) continue
      if (checkScalars && !scalarsFit(a, n, p)) continue
    }
    if (checkNuma && bestCell(a, n, p) < 0) continue
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
    } else if (fitOn) fitS[k] = fitScoreAt(a, c, n, p)
    if (balancedFast) {
      const ac = allocCpu[n] as number
      const am = allocMemory[n] as number
      if (ac !== 0 && am !== 0) {
        const fc = Math.min(((usedCpu[n] as number) + balCpuReq) / ac, 1)
        const fm = Math.min(((usedMemory[n] as number) + balMemoryReq) / am, 1)
        balS[k] = Math.trunc((1 - Math.abs((fc - fm) / 2)) * 100)
      } else balS[k] = balancedScoreAt(a, c, n, p)
    } else if (balancedOn) balS[k] = balancedScoreAt(a, c, n, p)
    let taintScore = 100
    if (taintVaries) {
      const raw = taintRaw[n] as number
      taintS[k] = raw
      if (raw > seenTaint) seenTaint = raw
      taintScore = taintNorm[n] as number
    }
    let affinityScore = 0
    if (affinityVaries) {
      const raw = affinityRaw[n] as number
      affS[k] = raw
      if (raw > seenAffinity) seenAffinity = raw
      affinityScore = affinityNorm[n] as number
    }
    {
      const t = wfi * (fitS[k] as number) + wbi * (balS[k] as number) + wti * taintScore + wai * affinityScore + (image === null ? 0 : wim * (image[n] as number))
      totals[k] = t
      if (k === 0 || t > bestScore) {
        best = k
        bestScore = t
        ties = 1
      } else if (t === bestScore) ties++
    }
  }
  // the tie-break of select/selectHost.ts: one draw among the tied top totals
  if (ties > 1) best = nthTop(totals, found, bestScore, nextInt(rng, ties))
  return finish(b, found, processed, best, seenTaint, seenAffinity, rngState, taintVaries, affinityVaries, balancedOn, affinityOn, true)
}

/**
 * The weighted total of pod `p` on node `n` as one-pass `scan` computes it (same filters, same
 * arithmetic, taint and affinity normalised by the presumed maxima), or −1 when n is infeasible.
 * Used to refresh the incremental score cache (`ScoreCache.ts`) on the nodes a bind touches.
 *
 * @since 0.1.0
 * @category scheduling
 */
export const nodeTotal = (
  a: NodeArrays,
  c: ScanConfig,
  p: CompiledPod,
  v: StaticVerdicts,
  n: number,
  taintVaries: boolean,
  affinityVaries: boolean,
  balancedOn: boolean,
  affinityOn: boolean,
): number => {
  if (v.reason[n] !== 0) return -1
  if (c.fitFilter && (a.podCount[n] as number) >= (a.podsAllowed[n] as number)) return -1
  const allocCpu = a.alloc[0] as Float64Array
  const allocMemory = a.alloc[1] as Float64Array
  const usedCpu = a.used[0] as Float64Array
  const usedMemory = a.used[1] as Float64Array
  if (c.fitFilter && !p.requestsNothing) {
    if (p.cpu > 0 && p.cpu > (allocCpu[n] as number) - (usedCpu[n] as number)) return -1
    if (p.memory > 0 && p.memory > (allocMemory[n] as number) - (usedMemory[n] as number)) return -1
    if (p.storage > 0 && p.storage > ((a.alloc[2] as Float64Array)[n] as number) - ((a.used[2] as Float64Array)[n] as number)) return -1
    if (p.scalarColumns.length > 0 && !scalarsFit(a, n, p)) return -1
  }
  if (p.numaCpus >= 0 && bestCell(a, n, p) < 0) return -1
  let fitScore = 0
  if (c.fitOn && c.fitDefault) {
    let nodeScore = 0
    let weightSum = 0
    const ac = allocCpu[n] as number
    if (ac !== 0) {
      const r = (a.nonZeroCpu[n] as number) + (p.fitRequest[0] as number)
      nodeScore += (r > ac ? 0 : intDiv((ac - r) * 100, ac)) * c.fitCpuWeight
      weightSum += c.fitCpuWeight
    }
    const am = allocMemory[n] as number
    if (am !== 0) {
      const r = (a.nonZeroMemory[n] as number) + (p.fitRequest[1] as number)
      nodeScore += (r > am ? 0 : intDiv((am - r) * 100, am)) * c.fitMemoryWeight
      weightSum += c.fitMemoryWeight
    }
    fitScore = weightSum === 0 ? 0 : intDiv(nodeScore, weightSum)
  } else if (c.fitOn) fitScore = fitScoreAt(a, c, n, p)
  let balScore = 0
  if (balancedOn && c.balancedDefault) {
    const ac = allocCpu[n] as number
    const am = allocMemory[n] as number
    if (ac !== 0 && am !== 0) {
      const fc = Math.min(((usedCpu[n] as number) + (p.balancedRequest[0] as number)) / ac, 1)
      const fm = Math.min(((usedMemory[n] as number) + (p.balancedRequest[1] as number)) / am, 1)
      balScore = Math.trunc((1 - Math.abs((fc - fm) / 2)) * 100)
    } else balScore = balancedScoreAt(a, c, n, p)
  } else if (balancedOn) balScore = balancedScoreAt(a, c, n, p)
  const taintScore = taintVaries ? (v.taintScore[n] as number) : 100
  const affinityScore = affinityVaries ? (v.affinityScore[n] as number) : 0
  const imageScore = p.image === null ? 0 : (p.image[n] as number)
  return c.wFit * fitScore + (balancedOn ? c.wBalanced : 0) * balScore + c.wTaint * taintScore + (affinityOn ? c.wAffinity : 0) * affinityScore + c.wImage * imageScore
}
