/**
 * The temporal formulas the checker decides, as a tagged union:
 *
 * - `□ p` (Always): p holds in every reachable state (safety);
 * - `◇ p` (Eventually): every fair behaviour from an initial state reaches p;
 * - `□◇ p` (AlwaysEventually): every fair behaviour passes through p infinitely often;
 * - `p ⇝ q` (LeadsTo, □(p → ◇q)): from every reachable p-state, every fair behaviour reaches q;
 * - DeadlockFree: no reachable state without successors, except allowed terminal states.
 *
 * @since 0.1.0
 */
import { match } from "ts-pattern"
import type { Proposition } from "./TransitionSystem.ts"

/**
 * A formula over named propositions.
 *
 * @since 0.1.0
 * @category model
 */
export type Formula =
  | { readonly _tag: "Always"; readonly p: Proposition }
  | { readonly _tag: "Eventually"; readonly p: Proposition }
  | { readonly _tag: "AlwaysEventually"; readonly p: Proposition }
  | { readonly _tag: "LeadsTo"; readonly p: Proposition; readonly q: Proposition }
  | { readonly _tag: "DeadlockFree"; readonly terminal?: Proposition }

/**
 * □ p.
 *
 * @example
 * import { always, check, placementSystem } from "catcluster/verification"
 * const system = placementSystem({ kind: "vm", capacities: [4, 4], requests: [2, 3, 3], churn: "stop-start" })
 * check(system, always(system.withinCapacity)).status // "holds" (44 reachable states)
 *
 * @since 0.1.0
 * @category constructors
 */
export const always = (p: Proposition): Formula => ({ _tag: "Always", p })

/**
 * ◇ p.
 *
 * @since 0.1.0
 * @category constructors
 */
export const eventually = (p: Proposition): Formula => ({ _tag: "Eventually", p })

/**
 * □◇ p.
 *
 * @since 0.1.0
 * @category constructors
 */
export const alwaysEventually = (p: Proposition): Formula => ({ _tag: "AlwaysEventually", p })

/**
 * p ⇝ q, i.e. □(p → ◇ q).
 *
 * @example
 * import { check, leadsTo, placementSystem, showFormula } from "catcluster/verification"
 * const system = placementSystem({ kind: "vm", capacities: [4, 4], requests: [2, 3, 3], churn: "stop-start" })
 * const formula = leadsTo(system.pending(2), system.running(2))
 * showFormula(formula)                 // "(vm2 Pending) ⇝ (vm2 Running)"
 * check(system, formula).status        // "violated": vm0 and vm1 may hold both nodes forever
 *                                      // (stopping is a user's request, not a fair step)
 *
 * @since 0.1.0
 * @category constructors
 */
export const leadsTo = (p: Proposition, q: Proposition): Formula => ({ _tag: "LeadsTo", p, q })

/**
 * No deadlock; states where `terminal` holds may have no successors.
 *
 * @since 0.1.0
 * @category constructors
 */
export const deadlockFree = (terminal?: Proposition): Formula =>
  terminal === undefined ? { _tag: "DeadlockFree" } : { _tag: "DeadlockFree", terminal }

/**
 * The formula in the usual notation.
 *
 * @since 0.1.0
 * @category formatting
 */
export const showFormula = (formula: Formula): string =>
  match(formula)
    .with({ _tag: "Always" }, ({ p }) => `□(${p.name})`)
    .with({ _tag: "Eventually" }, ({ p }) => `◇(${p.name})`)
    .with({ _tag: "AlwaysEventually" }, ({ p }) => `□◇(${p.name})`)
    .with({ _tag: "LeadsTo" }, ({ p, q }) => `(${p.name}) ⇝ (${q.name})`)
    .with({ _tag: "DeadlockFree" }, ({ terminal }) => (terminal === undefined ? "deadlock-free" : `deadlock-free (terminal: ${terminal.name})`))
    .exhaustive()

/**
 * Whether deciding the formula needs the edges of the graph (liveness) or only the states.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isLiveness = (formula: Formula): boolean =>
  match(formula)
    .with({ _tag: "Always" }, { _tag: "DeadlockFree" }, () => false)
    .with({ _tag: "Eventually" }, { _tag: "AlwaysEventually" }, { _tag: "LeadsTo" }, () => true)
    .exhaustive()
