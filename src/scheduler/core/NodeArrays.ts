/**
 * The hot path's structure-of-arrays snapshot: one typed array per resource column for
 * allocatable and used amounts, the scorers' non-zero cpu/memory sums, pod counts, NUMA cells in
 * flat arrays, and labels and taints as interned integer ids in CSR form (start offsets per node).
 * Binding and unbinding update these arrays in place.
 *
 * Columns: 0 cpu (milli), 1 memory, 2 ephemeral-storage, then scalar resources in first-seen
 * order; a resource first seen on a pod gets a fresh column of zeros.
 *
 * @since 0.1.0
 */
import { CPU, EPHEMERAL_STORAGE, MEMORY, PODS } from "../model/Resources.ts"
import { numaCellsOf, type SchedulingNode, type TaintEffect } from "../model/SchedulingNode.ts"
import { intern, type Interner, interner } from "./Interner.ts"

/** Taint effect codes. @since 0.1.0 @category constants */
export const EFFECT: Readonly<Record<TaintEffect, number>> = { NoSchedule: 1, PreferNoSchedule: 2, NoExecute: 3 }

/** @since 0.1.0 @category model */
export interface NodeArrays {
  readonly count: number
  readonly names: ReadonlyArray<string>
  readonly strings: Interner
  /** Resource name → column. */
  readonly columns: Map<string, number>
  readonly columnNames: string[]
  readonly alloc: Float64Array[]
  readonly used: Float64Array[]
  readonly podsAllowed: Int32Array
  readonly podCount: Int32Array
  readonly nonZeroCpu: Float64Array
  readonly nonZeroMemory: Float64Array
  readonly unschedulable: Uint8Array
  readonly labelStart: Int32Array
  readonly labelKey: Int32Array
  readonly labelValue: Int32Array
  readonly taintStart: Int32Array
  readonly taintKey: Int32Array
  readonly taintValue: Int32Array
  readonly taintEffect: Uint8Array
  readonly cellStart: Int32Array
  /** Whole CPUs: 32-bit integers unless some cell's count is not one (then 64-bit floats). */
  readonly cellCpuCap: Int32Array | Float64Array
  readonly cellMemoryCap: Float64Array
  /** Empty when no cell has hugepages (reads then give 0). */
  readonly cellHugeCap: Float64Array
  readonly cellCpuFree: Int32Array | Float64Array
  readonly cellMemoryFree: Float64Array
  readonly cellHugeFree: Float64Array
}

/** The column of a resource, adding a zero column when new. @since 0.1.0 @category mutations */
export const columnOf = (a: NodeArrays, name: string): number => {
  const c = a.columns.get(name)
  if (c !== undefined) return c
  const fresh = a.columnNames.length
  a.columns.set(name, fresh)
  a.columnNames.push(name)
  a.alloc.push(new Float64Array(a.count))
  a.used.push(new Float64Array(a.count))
  return fresh
}

/**
 * The arrays of `nodes`, nothing bound.
 *
 * @since 0.1.0
 * @category constructors
 */
export const nodeArrays = (nodes: ReadonlyArray<SchedulingNode>): NodeArrays => {
  const n = nodes.length
  const strings = interner()
  let labels = 0
  let taints = 0
  let cells = 0
  let huge = false
  let wholeCpus = true
  for (const node of nodes) {
    labels += Object.keys(node.labels).length
    taints += node.taints.length
    for (const cell of numaCellsOf(node)) {
      cells++
      if (cell.hugepagesBytes > 0) huge = true
      if (!((cell.cpus | 0) === cell.cpus)) wholeCpus = false
    }
  }
  // CPU counts of cells are whole cores: 4 bytes hold them (8 bytes a node saved per cell)
  const cpuColumn = (): Int32Array | Float64Array => (wholeCpus ? new Int32Array(cells) : new Float64Array(cells))
  const a: NodeArrays = {
    count: n,
    names: nodes.map((x) => x.name),
    strings,
    columns: new Map(),
    columnNames: [],
    alloc: [],
    used: [],
    podsAllowed: new Int32Array(n),
    podCount: new Int32Array(n),
    nonZeroCpu: new Float64Array(n),
    nonZeroMemory: new Float64Array(n),
    unschedulable: new Uint8Array(n),
    labelStart: new Int32Array(n + 1),
    labelKey: new Int32Array(labels),
    labelValue: new Int32Array(labels),
    taintStart: new Int32Array(n + 1),
    taintKey: new Int32Array(taints),
    taintValue: new Int32Array(taints),
    taintEffect: new Uint8Array(taints),
    cellStart: new Int32Array(n + 1),
    cellCpuCap: cpuColumn(),
    cellMemoryCap: new Float64Array(cells),
    cellHugeCap: new Float64Array(huge ? cells : 0),
    cellCpuFree: cpuColumn(),
    cellMemoryFree: new Float64Array(cells),
    cellHugeFree: new Float64Array(huge ? cells : 0),
  }
  columnOf(a, CPU)
  columnOf(a, MEMORY)
  columnOf(a, EPHEMERAL_STORAGE)
  let l = 0
  let t = 0
  let c = 0
  for (let i = 0; i < n; i++) {
    const node = nodes[i] as SchedulingNode
    for (const [r, v] of Object.entries(node.allocatable)) {
      if (r === PODS) a.podsAllowed[i] = v
      else (a.alloc[columnOf(a, r)] as Float64Array)[i] = v
    }
    a.unschedulable[i] = node.unschedulable ? 1 : 0
    a.labelStart[i] = l
    for (const [k, v] of Object.entries(node.labels)) {
      a.labelKey[l] = intern(strings, k)
      a.labelValue[l] = intern(strings, v)
      l++
    }
    a.taintStart[i] = t
    for (const taint of node.taints) {
      a.taintKey[t] = intern(strings, taint.key)
      a.taintValue[t] = intern(strings, taint.value)
      a.taintEffect[t] = EFFECT[taint.effect]
      t++
    }
    a.cellStart[i] = c
    for (const cell of numaCellsOf(node)) {
      a.cellCpuCap[c] = a.cellCpuFree[c] = cell.cpus
      a.cellMemoryCap[c] = a.cellMemoryFree[c] = cell.memoryBytes
      if (huge) a.cellHugeCap[c] = a.cellHugeFree[c] = cell.hugepagesBytes
      c++
    }
  }
  a.labelStart[n] = l
  a.taintStart[n] = t
  a.cellStart[n] = c
  return a
}

/** Bytes held by the typed arrays (the per-node footprint, without the names). @since 0.1.0 @category accessors */
export const arrayBytes = (a: NodeArrays): number => {
  let bytes = 0
  for (const v of Object.values(a)) if (ArrayBuffer.isView(v)) bytes += v.byteLength
  for (const col of a.alloc) bytes += col.byteLength
  for (const col of a.used) bytes += col.byteLength
  return bytes
}
