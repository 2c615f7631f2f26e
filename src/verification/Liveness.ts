/**
 * Liveness under weak fairness, by SCC decomposition of the explored graph.
 *
 * **Semantics.** Behaviours are infinite sequences of states in which each step is a
 * transition of the system or a *stutter* (nothing changes), as in TLA⁺. An action is *enabled*
 * in a state when the state has an outgoing edge with that label. A behaviour is *weakly fair*
 * when every fair action that is eventually enabled forever is taken infinitely often (TLA⁺'s WF
 * on each fair action); equivalently, each fair action is taken infinitely often or disabled
 * infinitely often. Unfair actions (a user deleting a pod, stopping a VM) may happen or not; in
 * particular a behaviour may stutter forever in a *quiet* state, one where no fair action is
 * enabled (a deadlock is the special case with no action enabled at all). With `fairness:
 * "none"` every state is quiet: nothing is ever forced to happen.
 *
 * **Algorithm.** Every liveness formula here reduces to *leads-to* p ⇝ q (□(p → ◇q)): ◇q is
 * (initial ⇝ q) and □◇q is (true ⇝ q). A counterexample is a reachable p∧¬q state from which a
 * fair infinite path avoids q. We take the subgraph of ¬q states, split it into strongly connected
 * components with an iterative Tarjan (typed arrays, no recursion), and call a component *fair*
 * when one of its states is quiet, or it has an internal edge and every fair action is taken on
 * an internal edge or disabled at one of its states. A cycle through a whole component sees all
 * its edges and states, so a maximal component holds a fair cycle iff this test passes: the
 * check is exact. Tarjan emits components successors-first, which lets one pass mark the
 * components that can reach a fair one. The lasso is: shortest BFS prefix to the p∧¬q state,
 * a shortest path inside ¬q to the nearest quiet state (the cycle is then a stutter) or else to a
 * fair component, then a cycle through a witness edge (or disabling state) for every fair
 * action, back to its entry.
 *
 * @since 0.1.0
 */
import type { StateGraph } from "./Explore.ts"
import type { StatePredicate } from "./TransitionSystem.ts"

/**
 * Which fairness the liveness search assumes: `weak` (WF on the system's fair actions) or
 * `none` (any infinite path counts).
 *
 * @since 0.1.0
 * @category model
 */
export type Fairness = "weak" | "none"

/**
 * A lasso as state indices and the labels of the steps into them (`prefixActions[0]` is the
 * initial step). `cycle` follows the last prefix state and ends with it again.
 *
 * @since 0.1.0
 * @category model
 */
export interface IndexLasso {
  readonly prefix: ReadonlyArray<number>
  readonly prefixActions: ReadonlyArray<number>
  readonly cycle: ReadonlyArray<number>
  /** Action labels of the cycle steps; −1 is a stutter. */
  readonly cycleActions: ReadonlyArray<number>
}

/**
 * Finds a fair path that starts in a state where `from` holds (or, with `"initial"`, an initial
 * state) and never reaches `goal`; `undefined` when there is none, i.e. `from ⇝ goal` holds.
 * The graph must be complete and have its edges recorded.
 *
 * @since 0.1.0
 * @category search
 */
export const findFairLasso = (
  graph: StateGraph,
  from: StatePredicate | "initial",
  goal: StatePredicate,
  fairness: Fairness,
): IndexLasso | undefined => {
  const { edgeStart, edgeTarget, edgeLabel } = graph
  if (edgeStart === undefined || edgeTarget === undefined || edgeLabel === undefined) {
    throw new Error("findFairLasso: the graph was explored without recordEdges")
  }
  const n = graph.expanded
  const width = graph.system.width
  const states = graph.set.states
  const inGoal = new Uint8Array(n)
  for (let v = 0; v < n; v++) inGoal[v] = goal(states, v * width) ? 1 : 0

  // --- iterative Tarjan over the ¬goal subgraph ---
  const index = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const stack = new Int32Array(n)
  const call = new Int32Array(n)
  const nextEdge = new Uint32Array(n)
  const sccOf = new Int32Array(n).fill(-1)
  const members = new Int32Array(n)
  const sccStarts: number[] = []
  let sp = 0
  let counter = 0
  let written = 0
  for (let root = 0; root < n; root++) {
    if (inGoal[root] === 1 || index[root] !== -1) continue
    let depth = 0
    call[0] = root
    index[root] = low[root] = counter++
    nextEdge[root] = edgeStart[root]!
    stack[sp++] = root
    onStack[root] = 1
    while (depth >= 0) {
      const v = call[depth]!
      const end = edgeStart[v + 1]!
      let descended = false
      while (nextEdge[v]! < end) {
        const w = edgeTarget[nextEdge[v]!]!
        nextEdge[v]!++
        if (inGoal[w] === 1) continue
        if (index[w] === -1) {
          index[w] = low[w] = counter++
          nextEdge[w] = edgeStart[w]!
          stack[sp++] = w
          onStack[w] = 1
          call[++depth] = w
          descended = true
          break
        }
        if (onStack[w] === 1 && index[w]! < low[v]!) low[v] = index[w]!
      }
      if (descended) continue
      if (low[v] === index[v]) {
        const id = sccStarts.length
        sccStarts.push(written)
        let w: number
        do {
          w = stack[--sp]!
          onStack[w] = 0
          sccOf[w] = id
          members[written++] = w
        } while (w !== v)
      }
      depth--
      if (depth >= 0) {
        const parent = call[depth]!
        if (low[v]! < low[parent]!) low[parent] = low[v]!
      }
    }
  }
  sccStarts.push(written)
  const sccCount = sccStarts.length - 1

  // --- fair components, and which components reach one (successors were emitted first) ---
  const fairMask = labelMask(graph.system.actions.length, graph.system.fairActions)
  const words = fairMask.length
  const taken = new Uint32Array(words)
  const disabled = new Uint32Array(words)
  const enabled = new Uint32Array(words)
  // quiet[v]: no fair action is enabled in v, so stuttering there forever is a fair behaviour
  const quiet = new Uint8Array(n)
  const cycleFair = new Uint8Array(sccCount)
  const reaches = new Uint8Array(sccCount)
  for (let c = 0; c < sccCount; c++) {
    const first = sccStarts[c]!
    const last = sccStarts[c + 1]!
    let internal = false
    let anyQuiet = false
    taken.fill(0)
    disabled.fill(0)
    for (let m = first; m < last; m++) {
      const v = members[m]!
      enabled.fill(0)
      for (let e = edgeStart[v]!; e < edgeStart[v + 1]!; e++) {
        const label = edgeLabel[e]!
        enabled[label >>> 5]! |= 1 << (label & 31)
        if (sccOf[edgeTarget[e]!] === c) {
          internal = true
          taken[label >>> 5]! |= 1 << (label & 31)
        }
      }
      let isQuiet = true
      for (let k = 0; k < words; k++) {
        disabled[k]! |= ~enabled[k]!
        if (fairness === "weak" && (enabled[k]! & fairMask[k]!) !== 0) isQuiet = false
      }
      if (isQuiet) {
        quiet[v] = 1
        anyQuiet = true
      }
    }
    let fairCycle = internal
    if (fairCycle && fairness === "weak") for (let k = 0; k < words; k++) if ((fairMask[k]! & ~(taken[k]! | disabled[k]!)) !== 0) fairCycle = false
    cycleFair[c] = fairCycle ? 1 : 0
    let reach = fairCycle || anyQuiet
    for (let m = first; m < last && !reach; m++) {
      const v = members[m]!
      for (let e = edgeStart[v]!; e < edgeStart[v + 1]!; e++) {
        const w = edgeTarget[e]!
        if (inGoal[w] === 0 && sccOf[w] !== c && reaches[sccOf[w]!] === 1) {
          reach = true
          break
        }
      }
    }
    reaches[c] = reach ? 1 : 0
  }

  // --- the first (hence BFS-shallowest) bad start ---
  let start = -1
  for (let v = 0; v < n && start < 0; v++) {
    if (from === "initial" && graph.set.parent[v] !== -1) continue
    if (inGoal[v] === 1 || reaches[sccOf[v]!] !== 1) continue
    if (from !== "initial" && !from(states, v * width)) continue
    start = v
  }
  if (start < 0) return undefined

  // --- prefix: BFS tree path to start, then a shortest ¬goal path to a quiet state or fair cycle ---
  const prefix = graph.set.pathTo(start)
  const prefixActions = prefix.map((v, k) => (k === 0 ? -1 : graph.set.action[v]!))
  // a quiet state ("stuck here forever") makes the plainest counterexample: prefer it
  const allowed = (v: number): boolean => inGoal[v] === 0 && reaches[sccOf[v]!] === 1
  const toFair = bfsPath(graph, start, allowed, (v) => quiet[v] === 1, true) ?? bfsPath(graph, start, allowed, (v) => cycleFair[sccOf[v]!] === 1, true)
  if (toFair === undefined) throw new Error("findFairLasso: internal error, no path to a fair component")
  for (let k = 0; k < toFair.nodes.length; k++) {
    prefix.push(toFair.nodes[k]!)
    prefixActions.push(toFair.labels[k]!)
  }
  const entry = prefix[prefix.length - 1]!
  if (quiet[entry] === 1) return { prefix, prefixActions, cycle: [entry], cycleActions: [-1] }

  // --- cycle: pass a witness for every fair action (an edge taking it, or a state where it is
  // disabled), nearest first, then return to the entry ---
  const c = sccOf[entry]!
  const inC = (v: number): boolean => sccOf[v] === c
  const cycle: number[] = []
  const cycleActions: number[] = []
  let current = entry
  const append = (path: { readonly nodes: ReadonlyArray<number>; readonly labels: ReadonlyArray<number> }): void => {
    for (let k = 0; k < path.nodes.length; k++) {
      cycle.push(path.nodes[k]!)
      cycleActions.push(path.labels[k]!)
    }
    if (path.nodes.length > 0) current = path.nodes[path.nodes.length - 1]!
  }
  const hasEdge = (v: number, action: number, internalOnly: boolean): number => {
    for (let e = edgeStart[v]!; e < edgeStart[v + 1]!; e++) if (edgeLabel[e] === action && (!internalOnly || inC(edgeTarget[e]!))) return e
    return -1
  }
  const satisfied = (action: number): boolean =>
    cycleActions.includes(action) || hasEdge(entry, action, false) < 0 || cycle.some((v) => hasEdge(v, action, false) < 0)
  if (fairness === "weak") {
    for (const action of graph.system.fairActions) {
      if (satisfied(action)) continue
      const toEdge = bfsPath(graph, current, inC, (v) => hasEdge(v, action, true) >= 0, true)
      const toOff = bfsPath(graph, current, inC, (v) => hasEdge(v, action, false) < 0, true)
      if (toOff !== undefined && (toEdge === undefined || toOff.nodes.length <= toEdge.nodes.length)) append(toOff)
      else if (toEdge !== undefined) {
        append(toEdge)
        const e = hasEdge(current, action, true)
        append({ nodes: [edgeTarget[e]!], labels: [action] })
      }
    }
  }
  const back = bfsPath(graph, current, inC, (v) => v === entry, cycle.length > 0)
  if (back !== undefined) append(back)
  return { prefix, prefixActions, cycle, cycleActions }
}

/** A bitset over action labels with the fair ones set. */
const labelMask = (actions: number, fair: ReadonlyArray<number>): Uint32Array => {
  const mask = new Uint32Array(Math.max(1, Math.ceil(actions / 32)))
  for (const a of fair) mask[a >>> 5]! |= 1 << (a & 31)
  return mask
}

/**
 * A shortest path from `source` through states satisfying `allowed` to a state where `target`
 * holds; the empty path when `zeroLength` and the source is already a target.
 */
const bfsPath = (
  graph: StateGraph,
  source: number,
  allowed: (v: number) => boolean,
  target: (v: number) => boolean,
  zeroLength: boolean,
): { readonly nodes: ReadonlyArray<number>; readonly labels: ReadonlyArray<number> } | undefined => {
  const { edgeStart, edgeTarget, edgeLabel } = graph as Required<StateGraph>
  if (zeroLength && target(source)) return { nodes: [], labels: [] }
  const previous = new Map<number, { readonly from: number; readonly label: number }>()
  const queue: number[] = [source]
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!
    for (let e = edgeStart[v]!; e < edgeStart[v + 1]!; e++) {
      const w = edgeTarget[e]!
      if (!allowed(w) || previous.has(w)) continue
      previous.set(w, { from: v, label: edgeLabel[e]! })
      if (target(w)) {
        const nodes: number[] = []
        const labels: number[] = []
        for (let x = w; ; ) {
          const step = previous.get(x)!
          nodes.push(x)
          labels.push(step.label)
          if (step.from === source) break
          x = step.from
        }
        return { nodes: nodes.reverse(), labels: labels.reverse() }
      }
      queue.push(w)
    }
  }
  return undefined
}
