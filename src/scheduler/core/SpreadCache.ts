/**
 * PodTopologySpread's system default constraints in the incremental score cache. Replicas of a
 * Deployment are all scored by "hostname maxSkew 3, zone maxSkew 5" over their ReplicaSet's
 * selector; the spread score of a node depends on how many replicas run on it and in its zone,
 * normalised by the minimum and maximum over the feasible nodes, so it cannot be folded into a
 * per-node total. It can be grouped, though: a node without replicas scores like every other
 * replica-free node of its zone. A cache entry therefore keeps, besides the other plugins'
 * totals per node, per block of 64 nodes and per zone the best of those totals among the
 * feasible replica-free nodes (and how many reach it), and the few replica-hosting nodes apart.
 * Selection computes the zone counts and the normalisation from the index (O(replicas + blocks ×
 * zones)), finds the top total and draws among the tied nodes in node order exactly as the full
 * scan does.
 *
 * Only the shape of the system defaults is cached: a hostname constraint then one other key, no
 * taint policy, every node labelled with its hostname; anything else takes the full scan.
 *
 * @since 0.1.0
 */
import { topologyNormalizingWeight } from "../plugins/TopologySpreadScore.ts"
import type { SchedulingPod } from "../model/SchedulingPod.ts"
import { nextInt, type Random } from "../select/Random.ts"
import type { LabelClass, PodIndex } from "./PodIndex.ts"
import { goRound, type HotConstraint, scoreForCount } from "./SpreadKernel.ts"

const SHIFT = 6
const BLOCK = 1 << SHIFT
const HOSTNAME = "kubernetes.io/hostname"

/** The spread part of a cache entry. @since 0.1.0 @category model */
export interface SpreadSummary {
  readonly index: PodIndex
  /** The matching classes now (the memoised list, which grows as classes are added). */
  readonly matchingNow: () => ReadonlyArray<number>
  /** PodTopologySpread's weight in the profile. */
  readonly weight: number
  readonly host: HotConstraint
  readonly zone: HotConstraint
  /** The matching label classes counted (classes appearing later are counted in at selection). */
  classes: ReadonlyArray<number>
  classCount: number
  /** Nodes counted for the zone counts (`nodeAffinityPolicy: Honor`), `undefined`: all. */
  readonly mask: Uint8Array | undefined
  /** Groups: one per zone domain id, plus one for nodes without the zone key. */
  readonly groups: number
  /** Replicas per node, for the nodes hosting any. */
  readonly occupied: Map<number, number>
  readonly blockMax: Float64Array
  readonly blockCount: Int32Array
  /** Feasible replica-free nodes per group. */
  readonly groupFeasible: Int32Array
  /** Feasible nodes per zone domain id (replica-hosting ones included): the zones PreScore sees. */
  readonly zoneFeasible: Int32Array
  feasible: number
  /** Scratch of the selection: replicas per zone, raw score and bonus per group, ties per block. */
  readonly zoneCount: Float64Array
  readonly groupRaw: Float64Array
  readonly groupBonus: Float64Array
  readonly blockTies: Int32Array
  /** Scratch of the selection: the feasible replica-hosting nodes in node order, and their totals. */
  readonly occupiedNodes: number[]
  readonly occupiedTotals: number[]
}

const ascending = (x: number, y: number): number => x - y

/**
 * Whether soft constraints have the cached shape for this pod (`everyNodeNamed`: every node
 * carries the hostname label).
 *
 * @since 0.1.0
 * @category predicates
 */
export const spreadCacheable = (constraints: ReadonlyArray<HotConstraint>, pod: SchedulingPod, everyNodeNamed: boolean): boolean => {
  if (!everyNodeNamed || constraints.length !== 2 || (pod.topologySpreadConstraints ?? []).length > 0) return false
  const [host, zone] = constraints as readonly [HotConstraint, HotConstraint]
  return host.domains.key === HOSTNAME && zone.domains.key !== HOSTNAME && !host.honorTaints && !zone.honorTaints
}

const groupOf = (s: SpreadSummary, n: number): number => (s.zone.domains.has[n] === 1 ? (s.zone.domains.of[n] as number) : s.groups - 1)

const replicasOn = (index: PodIndex, classes: ReadonlyArray<number>, n: number): number => {
  let c = 0
  for (const cls of classes) c += (index.classes[cls] as LabelClass).onNode.get(n) ?? 0
  return c
}

// The replica-hosting nodes of one block, by offset in the block (summarise's scratch).
const occupiedInBlock = new Uint8Array(BLOCK)

const summarise = (s: SpreadSummary, totals: Float64Array, block: number): void => {
  const G = s.groups
  const at = block * G
  const blockMax = s.blockMax
  const blockCount = s.blockCount
  for (let g = 0; g < G; g++) {
    blockMax[at + g] = -1
    blockCount[at + g] = 0
  }
  const of = s.zone.domains.of
  const has = s.zone.domains.has
  const occupied = s.occupied
  const first = block << SHIFT
  const end = Math.min(totals.length, first + BLOCK)
  // a Deployment has few replicas: marking them beats a map lookup per node of the block
  const marked = occupied.size > 0 && occupied.size <= BLOCK
  const lookup = occupied.size > BLOCK
  if (marked) {
    occupiedInBlock.fill(0)
    for (const n of occupied.keys()) if (n >= first && n < end) occupiedInBlock[n - first] = 1
  }
  for (let i = first; i < end; i++) {
    const t = totals[i] as number
    if (t < 0 || (marked && occupiedInBlock[i - first] === 1) || (lookup && occupied.has(i))) continue
    const j = at + (has[i] === 1 ? (of[i] as number) : G - 1)
    const m = blockMax[j] as number
    if (t > m) {
      blockMax[j] = t
      blockCount[j] = 1
    } else if (t === m) blockCount[j] = (blockCount[j] as number) + 1
  }
}

/**
 * A summary over `totals` (the other plugins' totals per node, −1 infeasible).
 *
 * @since 0.1.0
 * @category constructors
 */
export const spreadSummary = (
  index: PodIndex,
  constraints: ReadonlyArray<HotConstraint>,
  matchingNow: () => ReadonlyArray<number>,
  weight: number,
  mask: Uint8Array | undefined,
  totals: Float64Array,
): SpreadSummary => {
  const classes = matchingNow()
  const [host, zone] = constraints as readonly [HotConstraint, HotConstraint]
  const N = totals.length
  const groups = zone.domains.count + 1
  const blocks = (N + BLOCK - 1) >> SHIFT
  const s: SpreadSummary = {
    index,
    matchingNow,
    weight,
    host,
    zone,
    classes: [...classes],
    classCount: classes.length,
    mask,
    groups,
    occupied: new Map(),
    blockMax: new Float64Array(blocks * groups),
    blockCount: new Int32Array(blocks * groups),
    groupFeasible: new Int32Array(groups),
    zoneFeasible: new Int32Array(zone.domains.count),
    feasible: 0,
    zoneCount: new Float64Array(zone.domains.count),
    groupRaw: new Float64Array(groups),
    groupBonus: new Float64Array(groups),
    blockTies: new Int32Array(blocks),
    occupiedNodes: [],
    occupiedTotals: [],
  }
  const occupied = s.occupied
  for (const cls of classes) for (const [n, c] of (index.classes[cls] as LabelClass).onNode) occupied.set(n, (occupied.get(n) ?? 0) + c)
  // One pass: the counts and every block's summary (what `summarise` computes block by block).
  const blockMax = s.blockMax.fill(-1)
  const blockCount = s.blockCount
  const groupFeasible = s.groupFeasible
  const zoneFeasible = s.zoneFeasible
  const of = zone.domains.of
  const has = zone.domains.has
  const anyOccupied = occupied.size > 0
  let feasible = 0
  for (let n = 0; n < N; n++) {
    const t = totals[n] as number
    if (t < 0) continue
    feasible++
    const z = of[n] as number
    zoneFeasible[z] = (zoneFeasible[z] as number) + 1
    if (anyOccupied && occupied.has(n)) continue
    const g = has[n] === 1 ? z : groups - 1
    groupFeasible[g] = (groupFeasible[g] as number) + 1
    const j = (n >> SHIFT) * groups + g
    const m = blockMax[j] as number
    if (t > m) {
      blockMax[j] = t
      blockCount[j] = 1
    } else if (t === m) blockCount[j] = (blockCount[j] as number) + 1
  }
  s.feasible = feasible
  return s
}

/**
 * Node `n` changed (its total went from `before` to `totals[n]`, replicas may have come or gone).
 *
 * @since 0.1.0
 * @category mutations
 */
export const refreshSpread = (s: SpreadSummary, totals: Float64Array, n: number, before: number): void => {
  const index = s.index
  const wasFeasible = before >= 0
  const wasFree = !s.occupied.has(n)
  const replicas = replicasOn(index, s.classes, n)
  if (replicas > 0) s.occupied.set(n, replicas)
  else s.occupied.delete(n)
  const isFeasible = (totals[n] as number) >= 0
  const isFree = replicas === 0
  const g = groupOf(s, n)
  const z = s.zone.domains.of[n] as number
  if (wasFeasible !== isFeasible) {
    const d = isFeasible ? 1 : -1
    s.feasible += d
    s.zoneFeasible[z] = (s.zoneFeasible[z] as number) + d
  }
  const countedBefore = wasFeasible && wasFree ? 1 : 0
  const countedAfter = isFeasible && isFree ? 1 : 0
  if (countedBefore !== countedAfter) s.groupFeasible[g] = (s.groupFeasible[g] as number) + countedAfter - countedBefore
  summarise(s, totals, n >> SHIFT)
}

// Classes that matched after the summary was built (a Deployment's first replica creates its
// label class): count their pods in, node by node, as `refreshSpread` does after a bind. The
// memoised list only grows; anything else and the caller rebuilds.
const catchUp = (s: SpreadSummary, totals: Float64Array, now: ReadonlyArray<number>): boolean => {
  if (now.length < s.classCount) return false
  for (let i = 0; i < s.classCount; i++) if (now[i] !== s.classes[i]) return false
  const touched = new Set<number>()
  for (let i = s.classCount; i < now.length; i++) for (const n of (s.index.classes[now[i] as number] as LabelClass).onNode.keys()) touched.add(n)
  s.classes = [...now]
  s.classCount = now.length
  for (const n of touched) refreshSpread(s, totals, n, totals[n] as number)
  return true
}

/**
 * The node the full scan would choose (same PRNG draw), or −1 when the summary cannot decide
 * (no feasible node, or the matching classes changed other than by growing: the caller rescans
 * and rebuilds).
 *
 * @since 0.1.0
 * @category scheduling
 */
export const selectSpreadCached = (s: SpreadSummary, totals: Float64Array, rng: Random): number => {
  const now = s.matchingNow()
  if (now.length !== s.classCount && !catchUp(s, totals, now)) return -1
  if (s.feasible === 0) return -1
  const index = s.index
  const weight = s.weight
  const zone = s.zone
  const G = s.groups
  const zones = zone.domains.count
  // PreScore: normalising weights from the scored nodes and the zones they span
  let spanned = 0
  for (let d = 0; d < zones; d++) if ((s.zoneFeasible[d] as number) > 0) spanned++
  const wHost = topologyNormalizingWeight(s.feasible)
  const wZone = topologyNormalizingWeight(spanned)
  const zoneCount = s.zoneCount.fill(0)
  for (const cls of s.classes) {
    for (const [m, c] of (index.classes[cls] as LabelClass).onNode) {
      if (s.mask !== undefined && s.mask[m] === 0) continue
      const d = zone.domains.of[m] as number
      if ((s.zoneFeasible[d] as number) > 0) zoneCount[d] = (zoneCount[d] as number) + c
    }
  }
  const rawOf = (replicas: number, g: number): number => {
    let score = 0
    score += scoreForCount(replicas, s.host.maxSkew, wHost)
    if (g < zones) score += scoreForCount(zoneCount[g] as number, s.zone.maxSkew, wZone)
    return goRound(score)
  }
  // Score and NormalizeScore: the range over replica-free groups and replica-hosting nodes
  const groupRaw = s.groupRaw.fill(0)
  let min = Number.MAX_SAFE_INTEGER
  let max = 0
  for (let g = 0; g < G; g++) {
    if ((s.groupFeasible[g] as number) === 0) continue
    const r = rawOf(0, g)
    groupRaw[g] = r
    if (r < min) min = r
    if (r > max) max = r
  }
  for (const [n, replicas] of s.occupied) {
    if ((totals[n] as number) < 0) continue
    const r = rawOf(replicas, groupOf(s, n))
    if (r < min) min = r
    if (r > max) max = r
  }
  const norm = (raw: number): number => (max === 0 ? 100 : Math.floor((100 * (max + min - raw)) / max))
  const groupBonus = s.groupBonus
  for (let g = 0; g < G; g++) groupBonus[g] = weight * norm(groupRaw[g] as number)
  // The replica-hosting nodes' totals, once, in node order (there are few; scratch reused).
  const occupiedNodes = s.occupiedNodes
  const occupiedTotals = s.occupiedTotals
  occupiedNodes.length = 0
  occupiedTotals.length = 0
  for (const n of s.occupied.keys()) if ((totals[n] as number) >= 0) occupiedNodes.push(n)
  occupiedNodes.sort(ascending)
  for (const n of occupiedNodes) occupiedTotals.push((totals[n] as number) + weight * norm(rawOf(s.occupied.get(n) as number, groupOf(s, n))))
  // The top total and how many nodes reach it.
  const blockMax = s.blockMax
  const blockCount = s.blockCount
  const blocks = blockMax.length / G
  let top = -1
  for (let b = 0; b < blocks; b++) {
    for (let g = 0; g < G; g++) {
      const m = blockMax[b * G + g] as number
      if (m >= 0 && m + (groupBonus[g] as number) > top) top = m + (groupBonus[g] as number)
    }
  }
  for (const t of occupiedTotals) if (t > top) top = t
  if (top < 0) return -1
  // replica-free nodes at the top, per block (computed once for the count and the walk)
  const topIn = s.blockTies
  let ties = 0
  for (let b = 0; b < blocks; b++) {
    let count = 0
    for (let g = 0; g < G; g++) {
      const m = blockMax[b * G + g] as number
      if (m >= 0 && m + (groupBonus[g] as number) === top) count += blockCount[b * G + g] as number
    }
    topIn[b] = count
    ties += count
  }
  for (const t of occupiedTotals) if (t === top) ties++
  let j = ties > 1 ? nextInt(rng, ties) : 0
  // The j-th top node in node order: replica-hosting nodes counted where they sit.
  const of = zone.domains.of
  const has = zone.domains.has
  const occupied = s.occupied
  let o = 0
  for (let b = 0; b < blocks; b++) {
    let count = topIn[b] as number
    const end = Math.min(totals.length, (b + 1) << SHIFT)
    const firstOccupied = o
    for (; o < occupiedNodes.length && (occupiedNodes[o] as number) < end; o++) if (occupiedTotals[o] === top) count++
    if (j >= count) {
      j -= count
      continue
    }
    for (let i = b << SHIFT; i < end; i++) {
      const t = totals[i] as number
      if (t < 0) continue
      let total: number
      if (occupied.has(i)) {
        let k = firstOccupied
        while (occupiedNodes[k] !== i) k++
        total = occupiedTotals[k] as number
      } else total = t + (groupBonus[has[i] === 1 ? (of[i] as number) : G - 1] as number)
      if (total === top) {
        if (j === 0) return i
        j--
      }
    }
  }
  return -1
}

/** Bytes held by a summary's arrays. @since 0.1.0 @category model */
export const summaryBytes = (s: SpreadSummary): number =>
  s.blockMax.byteLength +
  s.blockCount.byteLength +
  s.groupFeasible.byteLength +
  s.zoneFeasible.byteLength +
  s.zoneCount.byteLength +
  s.groupRaw.byteLength +
  s.groupBonus.byteLength +
  s.blockTies.byteLength
