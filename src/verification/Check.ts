/**
 * The checker's entry point: `check(system, formula)` explores the system and decides the
 * formula, returning `holds`, `violated` with a decoded counterexample (shortest path for
 * safety and deadlock, lasso for liveness), or `unknown` when the state bound stopped the search
 * before an answer.
 *
 * @since 0.1.0
 */
import { match } from "ts-pattern"
import { explore, type StateGraph } from "./Explore.ts"
import { isLiveness, showFormula, type Formula } from "./Formula.ts"
import { findFairLasso, type Fairness, type IndexLasso } from "./Liveness.ts"
import type { ProgressSink } from "./Progress.ts"
import { decodeSteps, INIT, STUTTER, type Trace } from "./Trace.ts"
import type { TransitionSystem } from "./TransitionSystem.ts"

/**
 * Options of {@link check}.
 *
 * @since 0.1.0
 * @category model
 */
export interface CheckOptions {
  /** Fairness assumed by liveness checks. Default `weak`. */
  readonly fairness?: Fairness
  /** State bound; past it the answer is `unknown`. Default 50,000,000. */
  readonly maxStates?: number
  readonly progress?: ProgressSink
}

/**
 * Size and time of the search behind a result.
 *
 * @since 0.1.0
 * @category model
 */
export interface SearchStats {
  readonly states: number
  readonly transitions: number
  readonly depth: number
  readonly seconds: number
  readonly complete: boolean
}

/**
 * The answer for one formula on one system.
 *
 * @since 0.1.0
 * @category model
 */
export interface CheckResult {
  readonly system: string
  readonly formula: string
  readonly status: "holds" | "violated" | "unknown"
  readonly fairness: Fairness
  /** Present when `violated`. */
  readonly trace?: Trace
  readonly stats: SearchStats
}

/**
 * Decides `formula` on `system`.
 *
 * @example
 * import { always, check, placementSystem } from "catcluster/verification"
 * const system = placementSystem({ kind: "vm", capacities: [4, 4], requests: [2, 3, 3], churn: "stop-start" })
 * const result = check(system, always(system.withinCapacity))
 * result.status // "holds" (else "violated" with `result.trace`, or "unknown" when a bound stopped the search)
 *
 * @since 0.1.0
 * @category checks
 */
export const check = (system: TransitionSystem, formula: Formula, options: CheckOptions = {}): CheckResult => {
  const fairness = options.fairness ?? "weak"
  const bound = {
    ...(options.maxStates === undefined ? {} : { maxStates: options.maxStates }),
    ...(options.progress === undefined ? {} : { progress: options.progress }),
  }
  const graph = match(formula)
    .with({ _tag: "Always" }, ({ p }) => explore(system, { ...bound, invariant: p }))
    .with({ _tag: "DeadlockFree" }, ({ terminal }) =>
      explore(system, { ...bound, stopAtDeadlock: true, ...(terminal === undefined ? {} : { terminal }) }),
    )
    .otherwise(() => explore(system, { ...bound, recordEdges: isLiveness(formula) }))
  const base = { system: system.name, formula: showFormula(formula), fairness, stats: statsOf(graph) }
  const found = (trace: Trace): CheckResult => ({ ...base, status: "violated", trace })
  const noAnswer = (complete: boolean): CheckResult => ({ ...base, status: complete ? "holds" : "unknown" })
  return match(formula)
    .with({ _tag: "Always" }, () => (graph.violation >= 0 ? found(pathTrace(graph, graph.violation)) : noAnswer(graph.complete)))
    .with({ _tag: "DeadlockFree" }, () =>
      graph.deadlock >= 0 ? found({ ...pathTrace(graph, graph.deadlock), cycle: [] }) : noAnswer(graph.complete),
    )
    .with({ _tag: "Eventually" }, ({ p }) => liveness(graph, "initial", p.holds, fairness, base))
    .with({ _tag: "AlwaysEventually" }, ({ p }) => liveness(graph, () => true, p.holds, fairness, base))
    .with({ _tag: "LeadsTo" }, ({ p, q }) => liveness(graph, p.holds, q.holds, fairness, base))
    .exhaustive()
}

/** The shortest path to a state, decoded. */
const pathTrace = (graph: StateGraph, index: number): Trace => {
  const path = graph.set.pathTo(index)
  const actions = path.map((v, k) => (k === 0 ? INIT : graph.system.actions[graph.set.action[v]!]!))
  return { prefix: decodeSteps(graph.system, graph.set.states, path, actions), cycle: [] }
}

const liveness = (
  graph: StateGraph,
  from: Parameters<typeof findFairLasso>[1],
  goal: Parameters<typeof findFairLasso>[2],
  fairness: Fairness,
  base: Omit<CheckResult, "status">,
): CheckResult => {
  if (!graph.complete) return { ...base, status: "unknown" }
  const lasso = findFairLasso(graph, from, goal, fairness)
  return lasso === undefined ? { ...base, status: "holds" } : { ...base, status: "violated", trace: lassoTrace(graph, lasso) }
}

/**
 * A lasso of state indices, decoded for a person.
 *
 * @since 0.1.0
 * @category constructors
 */
export const lassoTrace = (graph: StateGraph, lasso: IndexLasso): Trace => {
  const name = (label: number, k: number, isPrefix: boolean): string =>
    isPrefix && k === 0 ? INIT : label < 0 ? STUTTER : (graph.system.actions[label] ?? `#${label}`)
  return {
    prefix: decodeSteps(graph.system, graph.set.states, lasso.prefix, lasso.prefixActions.map((l, k) => name(l, k, true))),
    cycle: decodeSteps(graph.system, graph.set.states, lasso.cycle, lasso.cycleActions.map((l, k) => name(l, k, false))),
  }
}

const statsOf = (graph: StateGraph): SearchStats => ({
  states: graph.states,
  transitions: graph.transitions,
  depth: graph.depth,
  seconds: graph.seconds,
  complete: graph.complete,
})
