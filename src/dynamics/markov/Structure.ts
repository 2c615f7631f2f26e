/**
 * The class structure of a finite chain: communicating classes (strongly connected components of
 * the transition graph, by Tarjan's algorithm), which are closed (recurrent) and which transient,
 * the absorbing states, and the period of each class.
 *
 * @since 0.1.0
 */
import { type Chain, hasEdge, sizeOf } from "./Chain.ts"

/**
 * The transition graph in compressed sparse rows: successors of i are
 * `targets[offsets[i] .. offsets[i+1])`.
 *
 * @since 0.1.0
 * @category model
 */
export interface Graph {
  readonly size: number
  readonly offsets: Int32Array
  readonly targets: Int32Array
}

/**
 * One communicating class.
 *
 * @since 0.1.0
 * @category model
 */
export interface CommunicatingClass {
  /** State indices, ascending. */
  readonly states: ReadonlyArray<number>
  /** No transition leaves the class: its states are recurrent. */
  readonly closed: boolean
  /** gcd of the lengths of the cycles through the class (1 = aperiodic); 0 for a single state without a self-loop (no cycle). */
  readonly period: number
}

/**
 * The decomposition of a chain.
 *
 * @since 0.1.0
 * @category model
 */
export interface ChainStructure {
  /** Classes in order of their smallest state. */
  readonly classes: ReadonlyArray<CommunicatingClass>
  /** classOf[i] = index into `classes` of state i's class. */
  readonly classOf: Int32Array
  readonly closedClasses: ReadonlyArray<number>
  readonly transientStates: ReadonlyArray<number>
  readonly recurrentStates: ReadonlyArray<number>
  /** States with P(i→i) = 1. */
  readonly absorbingStates: ReadonlyArray<number>
  /** One closed class and it is everything: a single class. */
  readonly irreducible: boolean
}

/**
 * The transition graph of a chain (edges where P > 0).
 *
 * @since 0.1.0
 * @category constructors
 */
export const graphOf = (chain: Chain): Graph => {
  const n = sizeOf(chain)
  const offsets = new Int32Array(n + 1)
  const list: Array<number> = []
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (hasEdge(chain, i, j)) list.push(j)
    offsets[i + 1] = list.length
  }
  return { size: n, offsets, targets: Int32Array.from(list) }
}

/**
 * Strongly connected components by Tarjan's algorithm, iteratively (no recursion, so a chain
 * with a long path does not overflow the stack). Returns component ids per state; ids are in
 * reverse topological order of the condensation (a component's successors get smaller ids).
 *
 * @since 0.1.0
 * @category algorithms
 */
export const tarjan = (graph: Graph): { readonly count: number; readonly component: Int32Array } => {
  const { size: n, offsets, targets } = graph
  const index = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const component = new Int32Array(n).fill(-1)
  const stack = new Int32Array(n)
  const callStack = new Int32Array(n)
  const edgeCursor = new Int32Array(n)
  let stackTop = 0
  let next = 0
  let count = 0
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue
    let depth = 0
    callStack[depth++] = root
    index[root] = low[root] = next++
    stack[stackTop++] = root
    onStack[root] = 1
    edgeCursor[root] = offsets[root]!
    while (depth > 0) {
      const v = callStack[depth - 1]!
      const cursor = edgeCursor[v]!
      if (cursor < offsets[v + 1]!) {
        edgeCursor[v] = cursor + 1
        const w = targets[cursor]!
        if (index[w] === -1) {
          index[w] = low[w] = next++
          stack[stackTop++] = w
          onStack[w] = 1
          edgeCursor[w] = offsets[w]!
          callStack[depth++] = w
        } else if (onStack[w] === 1 && index[w]! < low[v]!) {
          low[v] = index[w]!
        }
        continue
      }
      depth--
      if (depth > 0) {
        const parent = callStack[depth - 1]!
        if (low[v]! < low[parent]!) low[parent] = low[v]!
      }
      if (low[v] === index[v]) {
        for (;;) {
          const w = stack[--stackTop]!
          onStack[w] = 0
          component[w] = count
          if (w === v) break
        }
        count++
      }
    }
  }
  return { count, component }
}

const gcd = (a: number, b: number): number => {
  let x = Math.abs(a)
  let y = Math.abs(b)
  while (y !== 0) [x, y] = [y, x % y]
  return x
}

/** Period of the class containing `members`: BFS levels, gcd of level[u] + 1 − level[v] over internal edges. */
const periodOf = (graph: Graph, members: ReadonlyArray<number>, component: Int32Array): number => {
  const root = members[0]!
  const id = component[root]!
  const level = new Map<number, number>([[root, 0]])
  const queue = [root]
  let g = 0
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!
    const lu = level.get(u)!
    for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
      const v = graph.targets[e]!
      if (component[v] !== id) continue
      const lv = level.get(v)
      if (lv === undefined) {
        level.set(v, lu + 1)
        queue.push(v)
      } else {
        g = gcd(g, lu + 1 - lv)
      }
    }
  }
  return g
}

/**
 * The communicating classes of a chain, which are closed, their periods, and the transient,
 * recurrent and absorbing states.
 *
 * @example
 * import { analyse, exactChain, getOrThrow } from "catcluster/dynamics/markov"
 * const s = analyse(getOrThrow(exactChain(["a", "b"], [["1/2", "1/2"], ["0", "1"]])))
 * s.absorbingStates // [1]; s.transientStates // [0]
 *
 * @since 0.1.0
 * @category algorithms
 */
export const analyse = (chain: Chain): ChainStructure => {
  const graph = graphOf(chain)
  const n = graph.size
  const { count, component } = tarjan(graph)
  const members: Array<Array<number>> = Array.from({ length: count }, () => [])
  for (let i = 0; i < n; i++) members[component[i]!]!.push(i)
  // Renumber classes by their smallest state so output is stable and readable.
  const order = members.map((m, id) => ({ id, first: m[0]! })).sort((a, b) => a.first - b.first)
  const renumber = new Int32Array(count)
  order.forEach(({ id }, k) => (renumber[id] = k))
  const classOf = new Int32Array(n)
  for (let i = 0; i < n; i++) classOf[i] = renumber[component[i]!]!
  const classes: Array<CommunicatingClass> = order.map(({ id }) => {
    const states = members[id]!
    let closed = true
    for (const u of states) {
      for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]! && closed; e++) if (component[graph.targets[e]!] !== id) closed = false
    }
    return { states, closed, period: periodOf(graph, states, component) }
  })
  const closedClasses = classes.flatMap((c, k) => (c.closed ? [k] : []))
  const transientStates: Array<number> = []
  const recurrentStates: Array<number> = []
  const absorbingStates: Array<number> = []
  for (let i = 0; i < n; i++) {
    const cls = classes[classOf[i]!]!
    ;(cls.closed ? recurrentStates : transientStates).push(i)
    if (cls.closed && cls.states.length === 1) absorbingStates.push(i)
  }
  return { classes, classOf, closedClasses, transientStates, recurrentStates, absorbingStates, irreducible: count === 1 }
}

/**
 * The states from which some state of `targets` is reachable (targets included).
 *
 * @since 0.1.0
 * @category algorithms
 */
export const canReach = (graph: Graph, targets: ReadonlyArray<number>): Uint8Array => {
  const n = graph.size
  // Reverse edges once, then BFS backwards from the targets.
  const inDegree = new Int32Array(n + 1)
  for (let e = 0; e < graph.targets.length; e++) inDegree[graph.targets[e]! + 1]!++
  for (let i = 0; i < n; i++) inDegree[i + 1]! += inDegree[i]!
  const sources = new Int32Array(graph.targets.length)
  const fill = inDegree.slice()
  for (let u = 0; u < n; u++) for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) sources[fill[graph.targets[e]!]!++] = u
  const seen = new Uint8Array(n)
  const queue = new Int32Array(n)
  let tail = 0
  for (const t of targets) if (seen[t] === 0) ((seen[t] = 1), (queue[tail++] = t))
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!
    for (let e = inDegree[v]!; e < inDegree[v + 1]!; e++) {
      const u = sources[e]!
      if (seen[u] === 0) ((seen[u] = 1), (queue[tail++] = u))
    }
  }
  return seen
}
