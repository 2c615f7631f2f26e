/**
 * Breadth-first exploration of a {@link TransitionSystem}: the reachable states in a
 * {@link StateSet} (BFS order, so the parent chain of any state is a *shortest* path to it), and,
 * when liveness needs it, the explored graph as compressed adjacency lists on typed arrays
 * (`edgeStart[i] … edgeStart[i+1]` index the targets and labels of state `i`'s edges).
 *
 * The search can stop at the first state that violates an invariant (safety), records the first
 * deadlock (a state with no successors that is not an allowed terminal state), and stops
 * (incomplete) at a state bound.
 *
 * @since 0.1.0
 */
import { silent, type ProgressSink } from "./Progress.ts"
import { StateSet } from "./StateSet.ts"
import type { Proposition, TransitionSystem } from "./TransitionSystem.ts"
import { validate } from "./TransitionSystem.ts"

/**
 * Options of a search.
 *
 * @since 0.1.0
 * @category model
 */
export interface ExploreOptions {
  /** Stop (incomplete) once this many states are stored. Default 50,000,000. */
  readonly maxStates?: number
  /** Keep the edges (needed for liveness). Default false. */
  readonly recordEdges?: boolean
  /** Stop at the first reachable state where this proposition is false. */
  readonly invariant?: Proposition
  /** States without successors where this holds are terminal, not deadlocks. */
  readonly terminal?: Proposition
  /** Stop at the first deadlock. Default false. */
  readonly stopAtDeadlock?: boolean
  readonly progress?: ProgressSink
}

/**
 * The explored part of a system.
 *
 * @since 0.1.0
 * @category model
 */
export interface StateGraph {
  readonly system: TransitionSystem
  readonly set: StateSet
  /** States stored. */
  readonly states: number
  /** States whose successors were generated (a prefix of the indices). */
  readonly expanded: number
  readonly transitions: number
  /** BFS depth reached (edges on the longest shortest path). */
  readonly depth: number
  /** True when every reachable state was expanded. */
  readonly complete: boolean
  /** First violating state of `invariant`, −1 if none was found. */
  readonly violation: number
  /** First deadlock found, −1 if none; `deadlocks` counts all of them. */
  readonly deadlock: number
  readonly deadlocks: number
  readonly seconds: number
  /** Present with `recordEdges`: CSR adjacency (length `expanded + 1`). */
  readonly edgeStart?: Uint32Array
  readonly edgeTarget?: Int32Array
  readonly edgeLabel?: Uint8Array
}

/**
 * A model that cannot be explored as given (bad width, labels, initial states); `path` names
 * the part.
 *
 * @since 0.1.0
 * @category errors
 */
export class ModelError extends Error {
  readonly _tag = "ModelError" as const
  constructor(readonly problems: ReadonlyArray<string>) {
    super(`ill-formed model: ${problems.join("; ")}`)
    this.name = "ModelError"
  }
}

const DEFAULT_MAX_STATES = 50_000_000

/**
 * Explores the reachable states breadth-first.
 *
 * @example
 * import { explore, placementSystem } from "catcluster/verification"
 * const system = placementSystem({ kind: "vm", capacities: [4, 4], requests: [2, 3, 3], churn: "stop-start" })
 * const graph = explore(system, { recordEdges: true })
 * graph.states   // 44 reachable states
 * graph.complete // true
 *
 * @since 0.1.0
 * @category search
 */
export const explore = (system: TransitionSystem, options: ExploreOptions = {}): StateGraph => {
  const problems = validate(system)
  if (problems.length > 0) throw new ModelError(problems)
  const width = system.width
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES
  const invariant = options.invariant?.holds
  const terminal = options.terminal?.holds
  const record = options.recordEdges === true
  const progress = options.progress ?? silent
  const started = process.hrtime.bigint()
  const elapsed = (): number => Number(process.hrtime.bigint() - started) / 1e9

  const set = new StateSet(width)
  const out = new Int32Array(Math.max(1, system.maxSuccessors) * width)
  const labels = new Uint8Array(Math.max(1, system.maxSuccessors))
  let edgeStart: Uint32Array = new Uint32Array(record ? 1 << 12 : 0)
  let edgeTarget: Int32Array = new Int32Array(record ? 1 << 14 : 0)
  let edgeLabel: Uint8Array = new Uint8Array(record ? 1 << 14 : 0)
  let edges = 0

  let violation = -1
  let deadlock = -1
  let deadlocks = 0
  let transitions = 0
  let complete = true

  // the bound is on states stored: a new state past it is not added and the search stops unfinished
  let bounded = false
  const init = new Int32Array(width)
  for (const s of system.initial) {
    for (let i = 0; i < width; i++) init[i] = s[i]!
    if (set.count >= maxStates && set.indexOf(init) < 0) {
      bounded = true
      break
    }
    const index = set.add(init, 0, -1, 0)
    if (index >= 0 && invariant !== undefined && violation < 0 && !invariant(set.states, index * width)) violation = index
  }

  let head = 0
  let depth = 0
  let layerEnd = set.count
  let nextReport = 1 << 16
  let lastReport = 0
  while (head < set.count && violation < 0) {
    if (head === layerEnd) {
      depth++
      layerEnd = set.count
    }
    if (head === nextReport) {
      nextReport += 1 << 16
      const seconds = elapsed()
      if (seconds - lastReport >= 1) {
        lastReport = seconds
        progress({ states: set.count, transitions, depth, seconds, done: false })
      }
    }
    const at = head * width
    const n = system.successors(set.states, at, out, labels)
    transitions += n
    if (n === 0 && (terminal === undefined || !terminal(set.states, at))) {
      deadlocks++
      if (deadlock < 0) deadlock = head
    }
    if (record) {
      if (head + 1 >= edgeStart.length) edgeStart = growU32(edgeStart)
      edgeStart[head] = edges
      if (edges + n > edgeTarget.length) {
        edgeTarget = growI32(edgeTarget, edges + n)
        edgeLabel = growU8(edgeLabel, edges + n)
      }
    }
    for (let k = 0; k < n; k++) {
      if (set.count >= maxStates && set.indexOf(out, k * width) < 0) {
        bounded = true
        break
      }
      let index = width === 1 ? set.addWord(out[k]!, head, labels[k]!) : set.add(out, k * width, head, labels[k]!)
      if (index >= 0) {
        if (invariant !== undefined && violation < 0 && !invariant(set.states, index * width)) violation = index
      } else index = -1 - index
      if (record) {
        edgeTarget[edges] = index
        edgeLabel[edges] = labels[k]!
        edges++
      }
    }
    head++
    if (record) edgeStart[head] = edges
    // the stored states are still expanded: only a new state past the bound makes the search unfinished
    if (bounded) {
      complete = false
      break
    }
    if (deadlock >= 0 && options.stopAtDeadlock === true) {
      complete = head >= set.count
      break
    }
  }
  if (violation >= 0) complete = false
  if (violation >= 0) depth = Math.max(depth, set.pathTo(violation).length - 1)
  const seconds = elapsed()
  progress({ states: set.count, transitions, depth, seconds, done: true })
  const base = {
    system,
    set,
    states: set.count,
    expanded: head,
    transitions,
    depth,
    complete: complete && !bounded && head >= set.count,
    violation,
    deadlock,
    deadlocks,
    seconds,
  }
  return record
    ? { ...base, edgeStart: edgeStart.subarray(0, head + 1), edgeTarget: edgeTarget.subarray(0, edges), edgeLabel: edgeLabel.subarray(0, edges) }
    : base
}

const growU32 = (a: Uint32Array): Uint32Array => {
  const b = new Uint32Array(a.length * 2)
  b.set(a)
  return b
}
const growI32 = (a: Int32Array, atLeast: number): Int32Array => {
  const b = new Int32Array(Math.max(a.length * 2, atLeast))
  b.set(a)
  return b
}
const growU8 = (a: Uint8Array, atLeast: number): Uint8Array => {
  const b = new Uint8Array(Math.max(a.length * 2, atLeast))
  b.set(a)
  return b
}
