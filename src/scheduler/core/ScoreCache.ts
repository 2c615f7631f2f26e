/**
 * Incremental scores for repeated pod templates. Between two scheduling cycles only the nodes
 * touched by a bind (or an eviction) change, so for a pod whose *scoring signature* (effective
 * requests incl. the non-zero scorer defaults, NUMA need, constraint signature) equals a recent
 * pod's, every node's filter verdict and weighted total is the one computed for that pod, except
 * on the touched nodes. An entry keeps those totals (−1 = infeasible) in a Float64Array with a
 * block summary (max and count of nodes at the max per block of 64 nodes), so selection is
 * O(N/64 + 64) instead of O(N) and a bind costs O(64) per entry.
 *
 * Exactness: selection takes the highest total and, when several nodes tie, draws one index
 * among them from the seeded PRNG exactly as `Scan.scan` does (same draw, same ascending node
 * order, which is the scan order when the scan starts at node 0, i.e. a full scan). Totals use
 * the taint/affinity scores normalised by the presumed maxima of `StaticVerdicts`; they are the
 * true normalisation only while some feasible node reaches that maximum, which the entry counts;
 * when none does the caller falls back to the full scan.
 *
 * @since 0.1.0
 */
import type { NodeArrays } from "./NodeArrays.ts"
import type { CompiledPod } from "./CompiledPod.ts"
import type { StaticVerdicts } from "./StaticFilter.ts"
import { nodeTotal, type ScanConfig } from "./Scan.ts"
import { refreshSpread, selectSpreadCached, type SpreadSummary, summaryBytes } from "./SpreadCache.ts"
import { nextInt, type Random } from "../select/Random.ts"

/** Nodes per summary block (a power of two). @since 0.1.0 @category constants */
export const BLOCK = 64
const SHIFT = 6

/** One cached signature. @since 0.1.0 @category model */
export interface ScoreEntry {
  readonly key: string
  readonly pod: CompiledPod
  readonly verdicts: StaticVerdicts
  readonly taintVaries: boolean
  readonly affinityVaries: boolean
  readonly balancedOn: boolean
  readonly affinityOn: boolean
  /** Weighted total per node, −1 when the node is infeasible. */
  readonly totals: Float64Array
  readonly blockMax: Float64Array
  readonly blockCount: Int32Array
  /** Feasible nodes whose raw taint (affinity) score is the presumed maximum. */
  taintTop: number
  affinityTop: number
  /** PodTopologySpread's system-default scoring of replicas (`SpreadCache.ts`); `totals` then exclude it. */
  spread?: SpreadSummary
}

/** Which plugins a scan's totals include (a `ScanResult`'s flags). @since 0.1.0 @category model */
export interface ScanFlags {
  readonly taintVaries: boolean
  readonly affinityVaries: boolean
  readonly balancedOn: boolean
  readonly affinityOn: boolean
}

/** The scoring signature of a compiled pod under a constraint signature. @since 0.1.0 @category model */
export const scoringSignature = (constraint: string, p: CompiledPod): string =>
  `${p.cpu},${p.memory},${p.storage},${p.requestsNothing ? 1 : 0},${p.numaCpus},${p.numaMemory},${p.numaHuge ? 1 : 0}|${joined(p.scalarColumns)}:${joined(p.scalarAmounts)}|${joined(p.fitRequest)}|${joined(p.balancedRequest)}|${p.imageKey}|${constraint}`

// `xs.join(",")` for a typed array, by concatenation (a typed array's own join is several times slower).
const joined = (xs: Int32Array | Float64Array): string => {
  let out = ""
  for (let i = 0; i < xs.length; i++) out += i === 0 ? `${xs[i] as number}` : `,${xs[i] as number}`
  return out
}

const summarise = (e: ScoreEntry, block: number, N: number): void => {
  const totals = e.totals
  const end = Math.min(N, (block + 1) << SHIFT)
  let top = -1
  let count = 0
  for (let i = block << SHIFT; i < end; i++) {
    const t = totals[i] as number
    if (t > top) {
      top = t
      count = 1
    } else if (t === top) count++
  }
  e.blockMax[block] = top
  e.blockCount[block] = top < 0 ? 0 : count
}

// How many of the `found` feasible nodes have the raw score `max`.
const countAtMaximum = (raw: Uint16Array | Int32Array, max: number, feasible: Int32Array, found: number): number => {
  let count = 0
  for (let k = 0; k < found; k++) if (raw[feasible[k] as number] === max) count++
  return count
}

/**
 * An entry from the totals of a full one-pass scan (`feasible[k]` has total `scanTotals[k]`),
 * reusing the arrays of an evicted entry when given (no allocation per entry in steady state).
 * `spread`: the caller attaches a spread summary, which keeps the blocks selection reads.
 *
 * @since 0.1.0
 * @category constructors
 */
export const scoreEntry = (
  key: string,
  pod: CompiledPod,
  verdicts: StaticVerdicts,
  flags: ScanFlags,
  N: number,
  feasible: Int32Array,
  scanTotals: Float64Array,
  found: number,
  reuse?: ScoreEntry,
  spread = false,
): ScoreEntry => {
  const blocks = (N + BLOCK - 1) >> SHIFT
  const fits = reuse !== undefined && reuse.totals.length === N
  const e: ScoreEntry = {
    key,
    pod,
    verdicts,
    taintVaries: flags.taintVaries,
    affinityVaries: flags.affinityVaries,
    balancedOn: flags.balancedOn,
    affinityOn: flags.affinityOn,
    totals: fits ? reuse.totals.fill(-1) : new Float64Array(N).fill(-1),
    blockMax: fits ? reuse.blockMax : new Float64Array(blocks),
    blockCount: fits ? reuse.blockCount : new Int32Array(blocks),
    taintTop: 0,
    affinityTop: 0,
  }
  const totals = e.totals
  for (let k = 0; k < found; k++) totals[feasible[k] as number] = scanTotals[k] as number
  if (flags.taintVaries) e.taintTop = countAtMaximum(verdicts.taintRaw, verdicts.taintMax, feasible, found)
  if (flags.affinityVaries) e.affinityTop = countAtMaximum(verdicts.affinityRaw, verdicts.affinityMax, feasible, found)
  // an entry that will carry a spread summary selects from that summary's blocks, not these
  if (!spread) for (let b = 0; b < blocks; b++) summarise(e, b, N)
  return e
}

/**
 * Recompute node n of the entry after its state changed (bind, eviction).
 *
 * @since 0.1.0
 * @category mutations
 */
export const refreshNode = (a: NodeArrays, c: ScanConfig, e: ScoreEntry, n: number): void => {
  const previous = e.totals[n] as number
  const before = previous >= 0 ? 1 : 0
  const t = nodeTotal(a, c, e.pod, e.verdicts, n, e.taintVaries, e.affinityVaries, e.balancedOn, e.affinityOn)
  e.totals[n] = t
  if (e.spread !== undefined) refreshSpread(e.spread, e.totals, n, previous)
  else summarise(e, n >> SHIFT, a.count)
  const delta = (t >= 0 ? 1 : 0) - before
  if (delta !== 0) {
    if (e.taintVaries && e.verdicts.taintRaw[n] === e.verdicts.taintMax) e.taintTop += delta
    if (e.affinityVaries && e.verdicts.affinityRaw[n] === e.verdicts.affinityMax) e.affinityTop += delta
  }
}

/**
 * The node a full scan would choose (same PRNG draw), or −1 when the entry cannot decide:
 * no feasible node (the caller diagnoses and preempts) or the presumed normalisers are not
 * reached (the caller runs the two-pass scan).
 *
 * @since 0.1.0
 * @category scheduling
 */
export const selectCached = (e: ScoreEntry, rng: Random): number => {
  if ((e.taintVaries && e.taintTop === 0) || (e.affinityVaries && e.affinityTop === 0)) return -1
  if (e.spread !== undefined) return selectSpreadCached(e.spread, e.totals, rng)
  const blockMax = e.blockMax
  const blockCount = e.blockCount
  const blocks = blockMax.length
  let top = -1
  let ties = 0
  for (let b = 0; b < blocks; b++) {
    const m = blockMax[b] as number
    if (m > top) {
      top = m
      ties = blockCount[b] as number
    } else if (m === top) ties += blockCount[b] as number
  }
  if (top < 0) return -1
  let j = ties > 1 ? nextInt(rng, ties) : 0
  for (let b = 0; b < blocks; b++) {
    if (blockMax[b] !== top) continue
    const count = blockCount[b] as number
    if (j >= count) {
      j -= count
      continue
    }
    const totals = e.totals
    const end = Math.min(totals.length, (b + 1) << SHIFT)
    for (let i = b << SHIFT; i < end; i++) {
      if (totals[i] === top) {
        if (j === 0) return i
        j--
      }
    }
  }
  return -1
}

/**
 * The node a full scan would choose (same PRNG draw) when a relational filter lets only the
 * nodes with `mask[n] = 0` through (PodTopologySpread's DoNotSchedule constraints, required
 * (anti-)affinity, host ports) and no relational plugin scores: the entry's totals are those
 * of the other plugins, the scan's own. −1 when it cannot decide: no node passes, the presumed
 * normalisers are not reached among the passing nodes (the caller then runs the two-pass
 * scan), or the entry carries a spread summary (a scored pod). One pass over the totals, a
 * few loads per node instead of the scan's filters and scores.
 *
 * @since 0.1.0
 * @category scheduling
 */
export const selectMasked = (e: ScoreEntry, mask: Uint8Array, rng: Random): number => {
  if (e.spread !== undefined) return -1
  const totals = e.totals
  const N = totals.length
  const v = e.verdicts
  const taintRaw = v.taintRaw
  const taintMax = v.taintMax
  const affinityRaw = v.affinityRaw
  const affinityMax = v.affinityMax
  let taintSeen = !e.taintVaries
  let affinitySeen = !e.affinityVaries
  let top = -1
  let ties = 0
  let first = -1
  for (let n = 0; n < N; n++) {
    if (mask[n] !== 0) continue
    const t = totals[n] as number
    if (t < 0) continue
    // the normalisers are the largest raw scores over the nodes that pass every filter
    if (!taintSeen && taintRaw[n] === taintMax) taintSeen = true
    if (!affinitySeen && affinityRaw[n] === affinityMax) affinitySeen = true
    if (t > top) {
      top = t
      ties = 1
      first = n
    } else if (t === top) ties++
  }
  if (top < 0 || !taintSeen || !affinitySeen) return -1
  if (ties === 1) return first
  let j = nextInt(rng, ties)
  // the tied nodes start at the first one
  for (let n = first; n < N; n++) {
    if (mask[n] !== 0 || totals[n] !== top) continue
    if (j === 0) return n
    j--
  }
  return -1
}

/** Bytes held by an entry. @since 0.1.0 @category model */
export const entryBytes = (e: ScoreEntry): number =>
  e.totals.byteLength + e.blockMax.byteLength + e.blockCount.byteLength + (e.spread === undefined ? 0 : summaryBytes(e.spread))
