/**
 * Does the order in which nodes fail change what ends up pending? The explicit-state model
 * checker explores every order: a state is the set of nodes taken out so far and the cluster
 * that order left (interned: two orders that leave the same cluster meet in one state); an
 * action takes out one more node (a drain or a failure, answered by {@link drain} with the
 * project's scheduler). The invariant checked on every reachable state is "what is pending
 * equals what is pending when the same nodes go at once": a violation comes back as the
 * shortest order that breaks it. The full orders are then compared with each other.
 *
 * @since 0.1.0
 */
import { check, type CheckResult } from "../verification/Check.ts"
import { always } from "../verification/Formula.ts"
import { getField, layout, setField } from "../verification/Layout.ts"
import { proposition, type TransitionSystem } from "../verification/TransitionSystem.ts"
import type { ClusterState } from "./ClusterState.ts"
import { drain } from "./Drain.ts"
import type { DisruptionMode } from "./Eviction.ts"
import type { Inventory } from "./Inventory.ts"
import { OperationsError } from "./OperationsError.ts"

/** At most this many nodes are interleaved (k! orders). @since 0.1.0 @category constants */
export const MAX_INTERLEAVED = 5

/** One full order and what it leaves pending. @since 0.1.0 @category model */
export interface OrderOutcome {
  readonly order: ReadonlyArray<string>
  /** Keys of the pending units, sorted. */
  readonly pending: ReadonlyArray<string>
}

/**
 * The answer for one set of nodes.
 *
 * @since 0.1.0
 * @category model
 */
export interface Interleavings {
  readonly mode: DisruptionMode
  readonly nodes: ReadonlyArray<string>
  /** Pending when all the nodes go at once. */
  readonly together: ReadonlyArray<string>
  /** The model checker's answer to □(pending = pending when the same nodes go at once). */
  readonly check: CheckResult
  /** Every full order and its pending units. */
  readonly orders: ReadonlyArray<OrderOutcome>
  /** Two full orders leave different units pending. */
  readonly orderMatters: boolean
  /** The distinct clusters the exploration reached. */
  readonly clusters: number
}

/** Options of {@link interleavings}. @since 0.1.0 @category model */
export interface InterleavingOptions {
  readonly mode?: DisruptionMode
}

const pendingKeys = (s: ClusterState): ReadonlyArray<string> => [...new Set(s.pending.map((p) => p.key))].sort()

const signature = (s: ClusterState): string =>
  JSON.stringify([
    s.nodes.map((n) => `${n.name}${n.unschedulable ? "!" : ""}`).sort(),
    s.placed.map((p) => `${p.key}@${p.node}`).sort(),
    pendingKeys(s),
  ])

/**
 * Explores every order of taking out `nodes` (2 … {@link MAX_INTERLEAVED}) from `start`.
 *
 * @since 0.1.0
 * @category operations
 */
export const interleavings = (inv: Inventory, start: ClusterState, nodes: ReadonlyArray<string>, options: InterleavingOptions = {}): Interleavings => {
  const mode = options.mode ?? "drain"
  const known = new Set(start.nodes.map((n) => n.name))
  const unknown = nodes.filter((n) => !known.has(n))
  if (unknown.length > 0) throw new OperationsError(`no node named ${unknown.join(", ")} (the nodes: ${[...known].join(", ")})`)
  if (new Set(nodes).size !== nodes.length) throw new OperationsError(`a node is named twice: ${nodes.join(", ")}`)
  if (nodes.length < 2 || nodes.length > MAX_INTERLEAVED) throw new OperationsError(`interleave 2 to ${MAX_INTERLEAVED} nodes, got ${nodes.length}`)
  const k = nodes.length
  const clusters: ClusterState[] = [start]
  const ids = new Map<string, number>([[signature(start), 0]])
  const intern = (s: ClusterState): number => {
    const sig = signature(s)
    let id = ids.get(sig)
    if (id === undefined) {
      id = clusters.length
      clusters.push(s)
      ids.set(sig, id)
    }
    return id
  }
  const step = new Map<string, number>()
  const after = (id: number, node: number): number => {
    const key = `${id}:${node}`
    let next = step.get(key)
    if (next === undefined) {
      next = intern(drain(inv, clusters[id]!, [nodes[node]!], { mode }).state)
      step.set(key, next)
    }
    return next
  }
  const togetherByMask = new Map<number, string>()
  const together = (mask: number): string => {
    let t = togetherByMask.get(mask)
    if (t === undefined) {
      const names = nodes.filter((_, i) => (mask & (1 << i)) !== 0)
      t = names.length === 0 ? JSON.stringify(pendingKeys(start)) : JSON.stringify(pendingKeys(drain(inv, start, names, { mode }).state))
      togetherByMask.set(mask, t)
    }
    return t
  }
  const l = layout([
    { name: "taken out", values: 2 ** k },
    { name: "cluster", values: 2 ** 24 },
  ])
  const [maskField, clusterField] = [l.fields[0]!, l.fields[1]!]
  const system: TransitionSystem = {
    name: `${mode === "drain" ? "draining" : "losing"} ${nodes.join(", ")} one at a time`,
    width: l.width,
    actions: nodes.map((n) => `${mode === "drain" ? "drain" : "lose"} ${n}`),
    fairActions: [],
    maxSuccessors: k,
    initial: [Array.from({ length: l.width }, () => 0)],
    successors: (words, at, out, labels) => {
      const mask = getField(words, at, maskField)
      const id = getField(words, at, clusterField)
      let n = 0
      for (let i = 0; i < k; i++) {
        if ((mask & (1 << i)) !== 0) continue
        const o = n * l.width
        for (let w = 0; w < l.width; w++) out[o + w] = 0
        setField(out, o, maskField, mask | (1 << i))
        setField(out, o, clusterField, after(id, i))
        labels[n++] = i
      }
      return n
    },
    describe: (words, at) => {
      const mask = getField(words, at, maskField)
      const s = clusters[getField(words, at, clusterField)]!
      return {
        "taken out": nodes.filter((_, i) => (mask & (1 << i)) !== 0).join(", ") || "none",
        pending: pendingKeys(s).join(", ") || "none",
        "pending if together": (JSON.parse(together(mask)) as string[]).join(", ") || "none",
      }
    },
  }
  const sameAsTogether = proposition("pending = pending when the same nodes go at once", (words, at) => {
    const mask = getField(words, at, maskField)
    return JSON.stringify(pendingKeys(clusters[getField(words, at, clusterField)]!)) === together(mask)
  })
  const result = check(system, always(sameAsTogether))
  // every full order, through the same cached steps the checker took
  const permutations = (rest: ReadonlyArray<number>): ReadonlyArray<ReadonlyArray<number>> =>
    rest.length === 0 ? [[]] : rest.flatMap((i) => permutations(rest.filter((j) => j !== i)).map((p) => [i, ...p]))
  const orders: OrderOutcome[] = permutations(nodes.map((_, i) => i)).map((perm) => {
    const end = perm.reduce((id, i) => after(id, i), 0)
    return { order: perm.map((i) => nodes[i]!), pending: pendingKeys(clusters[end]!) }
  })
  const distinct = new Set(orders.map((o) => JSON.stringify(o.pending)))
  return {
    mode,
    nodes: [...nodes],
    together: JSON.parse(together((1 << k) - 1)) as string[],
    check: result,
    orders,
    orderMatters: distinct.size > 1,
    clusters: clusters.length,
  }
}
