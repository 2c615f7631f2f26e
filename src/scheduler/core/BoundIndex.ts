/**
 * A best-first index for pods unlike the pods before them (no score entry to reuse, no
 * relational plugin scoring, the default resource scorers): instead of scoring every node, read
 * the nodes in the order of an upper bound on their total and stop at the first cell whose bound
 * is below the best exact total found, with the same node and the same seeded draw as the scan.
 *
 * Why a bound exists: LeastAllocated (weights w_cpu, w_memory) and BalancedAllocation on cpu and
 * memory are, for a node with non-zero requests z and requests f (over its allocatable) and a pod
 * asking q (non-zero form) and b (plain), both as shares of that allocatable,
 *
 *   fit = ⌊(w_cpu·max(0, ⌊100·(1 − z_cpu − q_cpu)⌋) + w_memory·max(0, ⌊100·(1 − z_memory − q_memory)⌋)) / (w_cpu + w_memory)⌋
 *   balanced = ⌊100·(1 − |min(f_cpu + b_cpu, 1) − min(f_memory + b_memory, 1)| / 2)⌋
 *
 * Both fall as z grows and rise as |f_cpu − f_memory| shrinks, and floors are monotone. So the
 * nodes are grouped into cells by their allocatable shape and their (f_cpu, f_memory) on a
 * 512 × 512 grid, each cell keeping the least z and the range of f over its nodes, and a cell's
 * bound is the same formula at its most favourable corner (TaintToleration at 100). Aggregates
 * of a superset still bound a cell, so a node leaving never makes a bound wrong, only loose; a
 * cell counts its nodes at each extreme, and is recounted (just before it is read) only when the
 * last node at one of them left.
 *
 * Exactness: every node whose cell's bound reaches the best total is filtered and scored with
 * the scan's own arithmetic (`Scan.scanCommon`'s, inline), so every node tied at the top is found;
 * the draw picks the j-th of them in node order, the visiting order of a full scan from node 0, as
 * `selectHost` does. The taint score's normaliser (the largest raw count over the *feasible*
 * nodes) is the presumed one only when some feasible node reaches it: the index checks that and
 * otherwise declines, and the caller scans. So it does when no node it read is feasible (the
 * scan then builds the diagnosis).
 *
 * Cells are grouped in blocks of 8 × 8 bins with aggregates of their own, so a pod bounds the
 * blocks first and only the cells of blocks whose bound reaches the best total: late in
 * `schedule-5k-distinct` about 1,800 cells are live; a pod bounds about 108 top-level entries
 * and 308 cells of the blocks it opens.
 *
 * Measured on `schedule-5k-distinct`'s arrivals (`docs/performance.md`): 575 of 5,000 nodes
 * read per pod on average, where a median of 113 tie at the top.
 *
 * @since 0.1.0
 */
import type { CompiledPod } from "./CompiledPod.ts"
import type { NodeArrays } from "./NodeArrays.ts"
import { bestCell, nodeTotal, type ScanConfig, scalarsFit } from "./Scan.ts"
import type { StaticVerdicts } from "./StaticFilter.ts"
import { nextInt, type Random } from "../select/Random.ts"
import { intDiv } from "../plugins/ResourceScore.ts"

/** Grid bins per axis of a shape's (cpu, memory) request fractions. @since 0.1.0 @category constants */
export const BINS = 512
const CELLS_PER_SHAPE = BINS * BINS
/** Allocatable shapes indexed at most; a more varied cluster is scanned. @since 0.1.0 @category constants */
export const MAX_SHAPES = 16
/** Cells kept at most (live cells are sparse: a cluster fills evenly, so few are non-empty). @since 0.1.0 @category constants */
export const MAX_CELLS = 4096
// Nodes with no cpu or no memory allocatable are read for every pod (their scores take the slow path).
const NO_SHAPE = 0x7f
const SHAPE_BITS = 0x7f
const IN_OVERFLOW = 0x80
// Score points added before a bound's floor: the cell's aggregates are 32-bit floats (relative
// error 2⁻²⁴ on fractions ≤ 2, a few 10⁻⁶ points) and the bound's arithmetic differs from the
// exact score's; far below the 1-point steps of the integer scores.
const MARGIN = 1e-4
// The largest weighted total the buckets cover (500 with the default weights).
const MAX_TOTAL = 1 << 16
// Blocks of 2³ × 2³ bins, at most MAX_BLOCKS of them (a cell beyond is bounded on its own).
const BLOCK_SHIFT = 3
const MAX_BLOCKS = 1024
// The cell of nodes that found no free cell: read for every pod.
const OVERFLOW = 0
// Counts of nodes at an extreme stop here: a count never exceeds the true number, so one that
// reaches 1 early only costs a recount.
const SATURATED = 0xffff

/**
 * Whether the index can choose for pod `p`: the default profile's resource scorers (LeastAllocated
 * and BalancedAllocation on cpu and memory), TaintToleration, no preferred node affinity that
 * varies and no image score (the scores its bound covers); any filter of the scan's own.
 *
 * @since 0.1.0
 * @category predicates
 */
export const indexable = (c: ScanConfig, p: CompiledPod, v: StaticVerdicts, preferred: boolean): boolean =>
  c.fitOn &&
  c.fitDefault &&
  c.fitFilter &&
  (c.wImage === 0 || p.image === null) &&
  (!(c.balancedEnabled && !p.balancedSkips) || c.balancedDefault) &&
  !(c.affinityEnabled && preferred && !v.affinityAllZero)

/**
 * The j-th smallest (0-based) of the first `count` values of `xs`, which it reorders (Hoare's
 * selection with the middle element as pivot: the values are distinct node indices).
 *
 * @since 0.1.0
 * @category selection
 */
export const nthSmallest = (xs: Int32Array, count: number, j: number): number => {
  let lo = 0
  let hi = count - 1
  while (lo < hi) {
    const pivot = xs[(lo + hi) >>> 1] as number
    let i = lo
    let k = hi
    while (i <= k) {
      while ((xs[i] as number) < pivot) i++
      while ((xs[k] as number) > pivot) k--
      if (i <= k) {
        const t = xs[i] as number
        xs[i] = xs[k] as number
        xs[k] = t
        i++
        k--
      }
    }
    if (j <= k) hi = k
    else if (j >= i) lo = i
    else return xs[j] as number
  }
  return xs[j] as number
}

/**
 * Deliberate defects, for tests that show the equivalence properties catch a broken index.
 * Never set outside tests.
 *
 * @since 0.1.0
 * @category model
 */
export interface BoundIndexFaults {
  /** Bound every cell one point too low (reads too few nodes). */
  readonly boundTooLow?: boolean
  /** A node joining a non-empty cell does not widen its aggregates. */
  readonly joinDoesNotWiden?: boolean
  /** Trust the presumed TaintToleration normaliser without checking a feasible node reaches it. */
  readonly presumeTaintMaximum?: boolean
}

/** @since 0.1.0 @category model */
export interface BoundIndex {
  /** Node n's requests are about to change (a bind, an eviction, a trial removal). */
  readonly leave: (n: number) => void
  /** Node n's requests changed: back into the index. */
  readonly join: (n: number) => void
  /**
   * The node a full scan from node 0 would choose for `p`, drawing from `rng` as it would, or −1
   * when the index declines (the caller then scans; `rng` is untouched). Only for full scans:
   * every node visited, in node order.
   */
  readonly choose: (c: ScanConfig, p: CompiledPod, v: StaticVerdicts, rng: Random) => number
  /** Nodes whose exact total the last `choose` computed. */
  readonly lastRead: () => number
  /** Nodes whose cells the last `choose` recounted (cells that a node at an extreme had left). */
  readonly lastRecounted: () => number
  /** Bytes of its typed arrays (not the shared `ties` scratch). */
  readonly bytes: () => number
}

// Intrusive doubly linked lists in typed arrays: `heads[owner]` is the first item, −1 ends.
const pushItem = (heads: Int32Array, nexts: Int32Array, prevs: Int32Array, owner: number, item: number): void => {
  const first = heads[owner] as number
  prevs[item] = -1
  nexts[item] = first
  if (first >= 0) prevs[first] = item
  heads[owner] = item
}
const unlinkItem = (heads: Int32Array, nexts: Int32Array, prevs: Int32Array, owner: number, item: number): void => {
  const p = prevs[item] as number
  const q = nexts[item] as number
  if (p >= 0) nexts[p] = q
  else heads[owner] = q
  if (q >= 0) prevs[q] = p
}

/**
 * The index over `a`'s nodes as they are now (later changes come through `leave` and `join`),
 * or `undefined` when they have more than `MAX_SHAPES` allocatable (cpu, memory) shapes. `ties`
 * is scratch of at least `a.count` entries (the scan's feasible-node buffer: a choice and a scan
 * never overlap).
 *
 * @since 0.1.0
 * @category constructors
 */
export const boundIndex = (a: NodeArrays, ties: Int32Array, faults: BoundIndexFaults = {}): BoundIndex | undefined => {
  const N = a.count
  const allocCpu = a.alloc[0] as Float64Array
  const allocMemory = a.alloc[1] as Float64Array
  const usedCpu = a.used[0] as Float64Array
  const usedMemory = a.used[1] as Float64Array
  const nonZeroCpu = a.nonZeroCpu
  const nonZeroMemory = a.nonZeroMemory

  // shapes: distinct (cpu, memory) allocatable pairs; per node its shape (low bits) and whether
  // it sits in the overflow cell (high bit)
  const shapeOf = new Uint8Array(N)
  const shapeCpu = new Float64Array(MAX_SHAPES)
  const shapeMemory = new Float64Array(MAX_SHAPES)
  let shapeCount = 0
  const always: number[] = []
  for (let n = 0; n < N; n++) {
    const ac = allocCpu[n] as number
    const am = allocMemory[n] as number
    if (ac === 0 || am === 0) {
      shapeOf[n] = NO_SHAPE
      always.push(n)
      continue
    }
    let s = 0
    while (s < shapeCount && !(shapeCpu[s] === ac && shapeMemory[s] === am)) s++
    if (s === shapeCount) {
      if (s === MAX_SHAPES) return undefined
      shapeCpu[s] = ac
      shapeMemory[s] = am
      shapeCount++
    }
    shapeOf[n] = s
  }
  const alwaysNodes = Int32Array.from(always)

  // Cells are sparse (a cluster fills evenly, so few are non-empty): at most MAX_CELLS ids, cell
  // 0 the overflow, keyed by shape and grid bin. Each holds an intrusive doubly linked list of
  // its nodes; a free cell's `head` links the free list. A node's cell is found again from its
  // key, computed from its requests *before* they change (`leave`) and after (`join`).
  // Blocks group the cells of 8 × 8 bins (ids C … C + B − 1 in the arrays they share with cells:
  // aggregates, shape, looseness, buckets), so a pod bounds a few blocks and then only the cells
  // of the blocks whose bound reaches the best total. A cell that finds no free block is "top
  // level" itself, as every block is; `tops` lists them.
  const C = Math.min(N, MAX_CELLS) + 1
  const B = Math.min(C - 1, MAX_BLOCKS)
  const cellId = new Map<number, number>()
  const cellKey = new Int32Array(C)
  const next = new Int32Array(N)
  const prev = new Int32Array(N)
  const head = new Int32Array(C)
  const size = new Int32Array(C)
  const blockId = new Map<number, number>()
  const blockKey = new Int32Array(B)
  // per cell: its block (−1: none, a top-level cell) and its neighbours in the block's list
  const cellBlock = new Int32Array(C).fill(-1)
  const cellNextInBlock = new Int32Array(C)
  const cellPrevInBlock = new Int32Array(C)
  // per block (index id − C): its first cell and its number of cells; free blocks chain by `blockHead`
  const blockHead = new Int32Array(B)
  const blockCells = new Int32Array(B)
  let freeBlock = B > 0 ? 0 : -1
  for (let b = 0; b < B; b++) blockHead[b] = b + 1 < B ? b + 1 : -1
  // top-level entries (blocks and block-less cells) densely, and each one's position
  const tops = new Int32Array(C + B)
  const topPos = new Int32Array(C + B)
  let topCount = 0
  let free = C > 1 ? 1 : -1
  head[OVERFLOW] = -1
  for (let k = 1; k < C; k++) head[k] = k + 1 < C ? k + 1 : -1
  // per cell and block: shape, least non-zero fractions, range of request fractions, widened as
  // nodes join and recounted only when an entry that nodes left is about to be used (`loose`:
  // still a valid bound, the aggregates of a superset); 32-bit floats (the margin covers them)
  const shapeOfEntry = new Uint8Array(C + B)
  const zcMin = new Float32Array(C + B)
  const zmMin = new Float32Array(C + B)
  const fcMin = new Float32Array(C + B)
  const fcMax = new Float32Array(C + B)
  const fmMin = new Float32Array(C + B)
  const fmMax = new Float32Array(C + B)
  const loose = new Uint8Array(C + B)
  // per cell: how many of its nodes sit at each extreme (at most), so a node leaving keeps the
  // aggregates exact unless it was the last at one (early on, the empty nodes of a shape share a
  // cell with nodes holding a pod or two: without counts each bind there would cost a recount)
  const atZcMin = new Uint16Array(C)
  const atZmMin = new Uint16Array(C)
  const atFcMin = new Uint16Array(C)
  const atFcMax = new Uint16Array(C)
  const atFmMin = new Uint16Array(C)
  const atFmMax = new Uint16Array(C)
  let recounted = 0

  const bin = (f: number): number => {
    const i = Math.floor(f * BINS)
    return i < 0 ? 0 : i >= BINS ? BINS - 1 : i
  }
  const keyOf = (n: number, shape: number): number =>
    shape * CELLS_PER_SHAPE + bin((usedCpu[n] as number) / (allocCpu[n] as number)) * BINS + bin((usedMemory[n] as number) / (allocMemory[n] as number))
  // the block of a cell key: its shape and both bins divided by 8
  const blockKeyOf = (key: number): number => {
    const shape = Math.floor(key / CELLS_PER_SHAPE)
    const rest = key - shape * CELLS_PER_SHAPE
    return shape * CELLS_PER_SHAPE + ((Math.floor(rest / BINS) >> BLOCK_SHIFT) << BLOCK_SHIFT) * BINS + (((rest % BINS) >> BLOCK_SHIFT) << BLOCK_SHIFT)
  }
  const addTop = (e: number): void => {
    topPos[e] = topCount
    tops[topCount++] = e
  }
  const removeTop = (e: number): void => {
    const at = topPos[e] as number
    const last = tops[--topCount] as number
    tops[at] = last
    topPos[last] = at
  }
  // widen entry e's aggregates to cover the given ranges (a 32-bit float may round a min up or a
  // max down by 2⁻²⁴ relative: the margin)
  const widen = (e: number, zc: number, zm: number, fcLow: number, fcHigh: number, fmLow: number, fmHigh: number): void => {
    if (zc < (zcMin[e] as number)) zcMin[e] = zc
    if (zm < (zmMin[e] as number)) zmMin[e] = zm
    if (fcLow < (fcMin[e] as number)) fcMin[e] = fcLow
    if (fcHigh > (fcMax[e] as number)) fcMax[e] = fcHigh
    if (fmLow < (fmMin[e] as number)) fmMin[e] = fmLow
    if (fmHigh > (fmMax[e] as number)) fmMax[e] = fmHigh
  }
  const clear = (e: number): void => {
    zcMin[e] = zmMin[e] = fcMin[e] = fmMin[e] = Infinity
    fcMax[e] = fmMax[e] = -Infinity
    loose[e] = 0
  }
  // node n's fractions widen entry e
  const widenByNode = (e: number, n: number): void => {
    const ac = allocCpu[n] as number
    const am = allocMemory[n] as number
    const fc = (usedCpu[n] as number) / ac
    const fm = (usedMemory[n] as number) / am
    widen(e, (nonZeroCpu[n] as number) / ac, (nonZeroMemory[n] as number) / am, fc, fc, fm, fm)
  }
  // a cell's extreme moves to v, or one more of its nodes sits there (values as 32-bit floats)
  const countLow = (extremes: Float32Array, counts: Uint16Array, k: number, v: number): void => {
    const x = extremes[k] as number
    if (v < x) {
      extremes[k] = v
      counts[k] = 1
    } else if (v === x && (counts[k] as number) < SATURATED) counts[k] = (counts[k] as number) + 1
  }
  const countHigh = (extremes: Float32Array, counts: Uint16Array, k: number, v: number): void => {
    const x = extremes[k] as number
    if (v > x) {
      extremes[k] = v
      counts[k] = 1
    } else if (v === x && (counts[k] as number) < SATURATED) counts[k] = (counts[k] as number) + 1
  }
  // whether cell k's extreme still holds without a node at v: v is inside, or others share it
  const release = (extremes: Float32Array, counts: Uint16Array, k: number, v: number): boolean => {
    if (v !== (extremes[k] as number)) return true
    const count = counts[k] as number
    if (count <= 1) return false
    counts[k] = count - 1
    return true
  }
  // node n joins cell k's aggregates and counts
  const widenCell = (k: number, n: number): void => {
    const ac = allocCpu[n] as number
    const am = allocMemory[n] as number
    const fc = Math.fround((usedCpu[n] as number) / ac)
    const fm = Math.fround((usedMemory[n] as number) / am)
    countLow(zcMin, atZcMin, k, Math.fround((nonZeroCpu[n] as number) / ac))
    countLow(zmMin, atZmMin, k, Math.fround((nonZeroMemory[n] as number) / am))
    countLow(fcMin, atFcMin, k, fc)
    countHigh(fcMax, atFcMax, k, fc)
    countLow(fmMin, atFmMin, k, fm)
    countHigh(fmMax, atFmMax, k, fm)
  }
  // whether cell k's aggregates hold for its nodes but n (then n's counts are taken out)
  const keepsAggregates = (k: number, n: number): boolean => {
    const ac = allocCpu[n] as number
    const am = allocMemory[n] as number
    const fc = Math.fround((usedCpu[n] as number) / ac)
    const fm = Math.fround((usedMemory[n] as number) / am)
    return (
      release(zcMin, atZcMin, k, Math.fround((nonZeroCpu[n] as number) / ac)) &&
      release(zmMin, atZmMin, k, Math.fround((nonZeroMemory[n] as number) / am)) &&
      release(fcMin, atFcMin, k, fc) &&
      release(fcMax, atFcMax, k, fc) &&
      release(fmMin, atFmMin, k, fm) &&
      release(fmMax, atFmMax, k, fm)
    )
  }
  // recount a cell's aggregates from its nodes
  const refresh = (k: number): void => {
    clear(k)
    for (let n = head[k] as number; n >= 0; n = next[n] as number) widenCell(k, n)
    recounted += size[k] as number
  }
  // recount a block's aggregates from its cells' (valid, if loose, bounds of their nodes)
  const refreshBlock = (e: number): void => {
    clear(e)
    for (let k = blockHead[e - C] as number; k >= 0; k = cellNextInBlock[k] as number) {
      widen(e, zcMin[k] as number, zmMin[k] as number, fcMin[k] as number, fcMax[k] as number, fmMin[k] as number, fmMax[k] as number)
    }
  }
  // a fresh cell k of `key` joins its block (made when new), or becomes top level
  const placeCell = (k: number, key: number): void => {
    const bk = blockKeyOf(key)
    let e = blockId.get(bk)
    if (e === undefined) {
      if (freeBlock < 0) {
        cellBlock[k] = -1
        addTop(k)
        return
      }
      const b = freeBlock
      freeBlock = blockHead[b] as number
      blockHead[b] = -1
      blockCells[b] = 0
      e = C + b
      blockId.set(bk, e)
      blockKey[b] = bk
      shapeOfEntry[e] = shapeOfEntry[k] as number
      addTop(e)
    }
    const b = e - C
    cellBlock[k] = e
    pushItem(blockHead, cellNextInBlock, cellPrevInBlock, b, k)
    blockCells[b] = (blockCells[b] as number) + 1
  }
  // an emptied cell leaves its block (freed when empty) or the top level
  const dropCell = (k: number): void => {
    const e = cellBlock[k] as number
    if (e < 0) {
      removeTop(k)
      return
    }
    const b = e - C
    unlinkItem(blockHead, cellNextInBlock, cellPrevInBlock, b, k)
    blockCells[b] = (blockCells[b] as number) - 1
    loose[e] = 1
    if ((blockCells[b] as number) === 0) {
      removeTop(e)
      blockId.delete(blockKey[b] as number)
      blockHead[b] = freeBlock
      freeBlock = b
    }
  }
  const join = (n: number): void => {
    const shape = shapeOf[n] as number
    if (shape === NO_SHAPE) return
    const key = keyOf(n, shape & SHAPE_BITS)
    let k = cellId.get(key)
    let fresh = false
    if (k === undefined) {
      if (free < 0) k = OVERFLOW
      else {
        k = free
        free = head[k] as number
        head[k] = -1
        cellId.set(key, k)
        cellKey[k] = key
        shapeOfEntry[k] = shape & SHAPE_BITS
        fresh = true
      }
    }
    shapeOf[n] = k === OVERFLOW ? shape | IN_OVERFLOW : shape & SHAPE_BITS
    pushItem(head, next, prev, k, n)
    size[k] = (size[k] as number) + 1
    if (k === OVERFLOW) {
      if ((size[k] as number) === 1) addTop(k)
      return
    }
    if (fresh) {
      clear(k)
      widenCell(k, n)
      placeCell(k, key)
      const e = cellBlock[k] as number
      if (e >= 0) {
        if ((blockCells[e - C] as number) === 1) clear(e)
        if ((blockCells[e - C] as number) === 1 || faults.joinDoesNotWiden !== true) widenByNode(e, n)
      }
      return
    }
    if (faults.joinDoesNotWiden === true) return
    widenCell(k, n)
    const e = cellBlock[k] as number
    if (e >= 0) widenByNode(e, n)
  }
  const leave = (n: number): void => {
    const shape = shapeOf[n] as number
    if (shape === NO_SHAPE) return
    const k = (shape & IN_OVERFLOW) !== 0 ? OVERFLOW : (cellId.get(keyOf(n, shape)) as number)
    // the remaining nodes keep the cell's aggregates unless n was the last at an extreme
    if (k === OVERFLOW || (loose[k] as number) !== 0 || !keepsAggregates(k, n)) {
      loose[k] = 1
      const e = cellBlock[k] as number
      if (e >= 0) loose[e] = 1
    }
    unlinkItem(head, next, prev, k, n)
    size[k] = (size[k] as number) - 1
    if ((size[k] as number) === 0) {
      if (k === OVERFLOW) {
        removeTop(k)
        return
      }
      dropCell(k)
      cellId.delete(cellKey[k] as number)
      head[k] = free
      free = k
    }
  }
  for (let n = 0; n < N; n++) join(n)

  // scratch: cells bucketed by integer bound (descending reads)
  let bucketHead = new Int32Array(0)
  const bucketNext = new Int32Array(C + B)
  // the pod's requests over each shape's allocatable
  const fitCpuShare = new Float64Array(MAX_SHAPES)
  const fitMemoryShare = new Float64Array(MAX_SHAPES)
  const balCpuShare = new Float64Array(MAX_SHAPES)
  const balMemoryShare = new Float64Array(MAX_SHAPES)
  // the pod's weights and top total, for `pushBounds` (set by `choose`)
  let podFit = 0
  let podBalanced = 0
  let podTaint = 0
  let podCpuWeight = 0
  let podMemoryWeight = 0
  let podTop = 0
  let read = 0
  // the deliberate defect: every bound a point low
  const lowered = faults.boundTooLow === true ? 1 : 0

  // Each entry's bound: every score's floor at its most favourable corner (floors are monotone,
  // so these bound the node's exact integer scores; the margin absorbs rounding of the same
  // reals). Entries come from `tops` (from = −1), a block's list of cells (from = its first cell)
  // or alone (from = the entry, `alone`); each is pushed on the bucket of its bound, at most
  // `cap`. One loop for all of them, with the pod's values in locals: a bound function made per
  // pod and called per entry took ~5 % more of the whole run (docs/performance.md). Returns the
  // highest bound pushed.
  const pushBounds = (from: number, alone: boolean, cap: number): number => {
    const wfi = podFit
    const wbi = podBalanced
    const wti = podTaint
    const wc = podCpuWeight
    const wm = podMemoryWeight
    const weightSum = wc + wm
    const top = podTop
    const constant = wti * 100 - lowered
    let highest = -1
    let i = 0
    let k = from >= 0 ? from : topCount > 0 ? (tops[0] as number) : -1
    while (k >= 0) {
      let bound = top
      if (k !== OVERFLOW) {
        const s = shapeOfEntry[k] as number
        const xc = 100 * (1 - (zcMin[k] as number) - (fitCpuShare[s] as number))
        const xm = 100 * (1 - (zmMin[k] as number) - (fitMemoryShare[s] as number))
        const fitCpu = xc > 0 ? Math.floor(xc + MARGIN) : 0
        const fitMemory = xm > 0 ? Math.floor(xm + MARGIN) : 0
        const nodeScore = fitCpu * wc + fitMemory * wm
        const fit = weightSum === 2 ? nodeScore >> 1 : weightSum === 0 ? 0 : intDiv(nodeScore, weightSum)
        let balanced = 0
        if (wbi !== 0) {
          const bc = balCpuShare[s] as number
          const bm = balMemoryShare[s] as number
          let xl = (fcMin[k] as number) + bc
          let xh = (fcMax[k] as number) + bc
          let yl = (fmMin[k] as number) + bm
          let yh = (fmMax[k] as number) + bm
          if (xl > 1) xl = 1
          if (xh > 1) xh = 1
          if (yl > 1) yl = 1
          if (yh > 1) yh = 1
          const gap = xl > yh ? xl - yh : yl > xh ? yl - xh : 0
          balanced = Math.trunc((1 - gap / 2) * 100 + MARGIN)
        }
        bound = wfi * fit + wbi * balanced + constant
        if (bound > top) bound = top
        else if (bound < 0) bound = 0
      }
      if (bound > cap) bound = cap
      bucketNext[k] = bucketHead[bound] as number
      bucketHead[bound] = k
      if (bound > highest) highest = bound
      if (alone) break
      if (from >= 0) k = cellNextInBlock[k] as number
      else k = ++i < topCount ? (tops[i] as number) : -1
    }
    return highest
  }

  const choose = (c: ScanConfig, p: CompiledPod, v: StaticVerdicts, rng: Random): number => {
    const withTaint = c.taintOn && !v.taintAllZero
    const balancedOn = c.balancedEnabled && !p.balancedSkips
    const wfi = c.wFit
    const wbi = balancedOn ? c.wBalanced : 0
    const wti = c.wTaint
    const wc = c.fitCpuWeight
    const wm = c.fitMemoryWeight
    const weightSum = wc + wm
    const fitCpuReq = p.fitRequest[0] as number
    const fitMemoryReq = p.fitRequest[1] as number
    const balCpuReq = p.balancedRequest[0] as number
    const balMemoryReq = p.balancedRequest[1] as number
    // totals are integers (integer weights times integer scores) at most `top`
    const top = Math.ceil(100 * (wfi + wbi + wti))
    recounted = 0
    // weights are int32s; the buckets are one per total, so very large weights are left to the scan
    if (top > MAX_TOTAL) return -1
    if (bucketHead.length < top + 2) bucketHead = new Int32Array(top + 2)
    bucketHead.fill(-1, 0, top + 2)
    for (let s = 0; s < shapeCount; s++) {
      fitCpuShare[s] = fitCpuReq / (shapeCpu[s] as number)
      fitMemoryShare[s] = fitMemoryReq / (shapeMemory[s] as number)
      balCpuShare[s] = balCpuReq / (shapeCpu[s] as number)
      balMemoryShare[s] = balMemoryReq / (shapeMemory[s] as number)
    }
    podFit = wfi
    podBalanced = wbi
    podTaint = wti
    podCpuWeight = wc
    podMemoryWeight = wm
    podTop = top
    const highest = pushBounds(-1, false, top)
    const taintRaw = v.taintRaw
    const taintMax = v.taintMax
    let best = -1
    let tieCount = 0
    let seenTaint = 0
    // nodes without cpu or memory allocatable: the scan's general arithmetic
    for (let i = 0; i < alwaysNodes.length; i++) {
      const n = alwaysNodes[i] as number
      const t = nodeTotal(a, c, p, v, n, withTaint, false, balancedOn, false)
      if (t < 0) continue
      if (withTaint && (taintRaw[n] as number) > seenTaint) seenTaint = taintRaw[n] as number
      if (t > best) {
        best = t
        tieCount = 0
      }
      if (t === best) ties[tieCount++] = n
    }
    // the rest best-first: filters and scores exactly as Scan.scanCommon computes them
    const podCount = a.podCount
    const podsAllowed = a.podsAllowed
    const allocStorage = a.alloc[2] as Float64Array
    const usedStorage = a.used[2] as Float64Array
    const reasonOf = v.reason
    const taintNorm = v.taintScore
    const cpu = p.cpu
    const memory = p.memory
    const storage = p.storage
    const checkResources = !p.requestsNothing
    const checkScalars = p.scalarColumns.length > 0
    const oneScalar = p.scalarColumns.length === 1
    const scalarColumn = checkScalars ? (p.scalarColumns[0] as number) : 0
    const allocScalar = a.alloc[scalarColumn] as Float64Array
    const usedScalar = a.used[scalarColumn] as Float64Array
    const scalarAmount = checkScalars ? (p.scalarAmounts[0] as number) : 0
    const checkNuma = p.numaCpus >= 0
    let reads = alwaysNodes.length
    let lastShape = -1
    let lastUsedCpu = -1
    let lastUsedMemory = -1
    let lastNonZeroCpu = -1
    let lastNonZeroMemory = -1
    let lastFits = false
    let lastResourceTotal = 0
    for (let u = highest; u >= 0 && u >= best; u--) {
      // bucket u as a stack: entries pushed at u while it is processed are processed too
      for (let k = bucketHead[u] as number; k >= 0 && u >= best; k = bucketHead[u] as number) {
        bucketHead[u] = bucketNext[k] as number
        if ((loose[k] as number) !== 0 && k !== OVERFLOW) {
          // nodes left this entry since its aggregates were counted: recount, and use it later
          // (or never) if its bound drops; back at u if not (bucket u is a stack: it comes next)
          if (k >= C) refreshBlock(k)
          else refresh(k)
          pushBounds(k, true, u)
          continue
        }
        if (k >= C) {
          // a block: its cells, each at its own bound (at most the block's, u, whatever rounding)
          const first = blockHead[k - C] as number
          if (first >= 0) pushBounds(first, false, u)
          continue
        }
        for (let n = head[k] as number; n >= 0; n = next[n] as number) {
          reads++
          if (reasonOf[n] !== 0) continue
          if ((podCount[n] as number) >= (podsAllowed[n] as number)) continue
          // the allocatable from the node's shape: a small array, where the columns cost a cache miss each
          const shape = (shapeOf[n] as number) & SHAPE_BITS
          const uc = usedCpu[n] as number
          const um = usedMemory[n] as number
          const zc = nonZeroCpu[n] as number
          const zm = nonZeroMemory[n] as number
          // nodes of a cell often share every input of the cpu/memory verdict and scores (empty
          // nodes of one shape, above all): those are computed once per run of equal nodes
          if (shape !== lastShape || uc !== lastUsedCpu || um !== lastUsedMemory || zc !== lastNonZeroCpu || zm !== lastNonZeroMemory) {
            lastShape = shape
            const ac = shapeCpu[shape] as number
            const am = shapeMemory[shape] as number
            lastUsedCpu = uc
            lastUsedMemory = um
            lastNonZeroCpu = zc
            lastNonZeroMemory = zm
            lastFits = !checkResources || !((cpu > 0 && cpu > ac - uc) || (memory > 0 && memory > am - um))
            if (lastFits) {
              const rc = zc + fitCpuReq
              const rm = zm + fitMemoryReq
              const nodeScore = (rc > ac ? 0 : intDiv((ac - rc) * 100, ac)) * wc + (rm > am ? 0 : intDiv((am - rm) * 100, am)) * wm
              const fitScore = weightSum === 2 ? nodeScore >> 1 : weightSum === 0 ? 0 : intDiv(nodeScore, weightSum)
              let balScore = 0
              if (wbi !== 0) {
                const fc = Math.min((uc + balCpuReq) / ac, 1)
                const fm = Math.min((um + balMemoryReq) / am, 1)
                balScore = Math.trunc((1 - Math.abs((fc - fm) / 2)) * 100)
              }
              lastResourceTotal = wfi * fitScore + wbi * balScore
            }
          }
          if (!lastFits) continue
          if (checkResources) {
            if (storage > 0 && storage > (allocStorage[n] as number) - (usedStorage[n] as number)) continue
            if (checkScalars && (oneScalar ? scalarAmount > (allocScalar[n] as number) - (usedScalar[n] as number) : !scalarsFit(a, n, p))) continue
          }
          if (checkNuma && bestCell(a, n, p) < 0) continue
          let taintScore = 100
          if (withTaint) {
            const raw = taintRaw[n] as number
            if (raw > seenTaint) seenTaint = raw
            taintScore = taintNorm[n] as number
          }
          const t = lastResourceTotal + wti * taintScore
          if (t > best) {
            best = t
            tieCount = 0
          }
          if (t === best) ties[tieCount++] = n
        }
      }
    }
    read = reads
    if (best < 0) return -1
    // the presumed taint normaliser holds only if some feasible node has the largest raw count
    if (withTaint && seenTaint !== taintMax && faults.presumeTaintMaximum !== true) {
      let reached = false
      for (let n = 0; n < N && !reached; n++) {
        if ((taintRaw[n] as number) === taintMax && nodeTotal(a, c, p, v, n, withTaint, false, balancedOn, false) >= 0) reached = true
      }
      if (!reached) return -1
    }
    if (tieCount === 1) return ties[0] as number
    // the j-th tie in node order (a full scan's, from node 0)
    const j = nextInt(rng, tieCount)
    return nthSmallest(ties, tieCount, j)
  }

  return {
    leave,
    join,
    choose,
    lastRead: () => read,
    lastRecounted: () => recounted,
    bytes: () =>
      shapeOf.byteLength + shapeCpu.byteLength + shapeMemory.byteLength + alwaysNodes.byteLength + next.byteLength + prev.byteLength +
      cellKey.byteLength + head.byteLength + size.byteLength + cellBlock.byteLength + cellNextInBlock.byteLength + cellPrevInBlock.byteLength +
      blockKey.byteLength + blockHead.byteLength + blockCells.byteLength + tops.byteLength + topPos.byteLength +
      shapeOfEntry.byteLength + zcMin.byteLength * 6 + atZcMin.byteLength * 6 + loose.byteLength + bucketHead.byteLength + bucketNext.byteLength,
  }
}
