/**
 * Finite Markov decision processes with a discount γ ∈ [0, 1). Stored flat on typed arrays so
 * value and policy iteration run allocation-free: `transitions[(s·A + a)·S + t]` = P(t | s, a),
 * `rewards[s·A + a]` = R(s, a), `enabled[s·A + a]` = 1 when a may be taken in s.
 *
 * @since 0.1.0
 */
import * as E from "fp-ts/lib/Either.js"
import { match } from "ts-pattern"

/**
 * A validated finite MDP.
 *
 * @since 0.1.0
 * @category model
 */
export interface Mdp {
  readonly states: ReadonlyArray<string>
  readonly actions: ReadonlyArray<string>
  readonly discount: number
  readonly enabled: Uint8Array
  readonly transitions: Float64Array
  readonly rewards: Float64Array
}

/**
 * What one action does in one state: its immediate reward and next-state distribution.
 *
 * @since 0.1.0
 * @category model
 */
export interface ActionSpec {
  readonly reward: number
  readonly next: Readonly<Record<string, number>>
}

/**
 * An MDP written by name: for each state, the actions enabled there.
 *
 * @since 0.1.0
 * @category model
 */
export interface MdpSpec {
  readonly states: ReadonlyArray<string>
  readonly actions: ReadonlyArray<string>
  readonly discount: number
  readonly transitions: Readonly<Record<string, Readonly<Record<string, ActionSpec>>>>
}

/**
 * Why an {@link MdpSpec} is not a valid MDP; `path` is the JSON path of the offending entry.
 *
 * @since 0.1.0
 * @category errors
 */
export type MdpIssue =
  | { readonly _tag: "Discount"; readonly path: string; readonly value: number }
  | { readonly _tag: "UnknownName"; readonly path: string; readonly name: string; readonly kind: "state" | "action" }
  | { readonly _tag: "NoAction"; readonly path: string; readonly state: string }
  | { readonly _tag: "BadNumber"; readonly path: string; readonly value: number }
  | { readonly _tag: "RowSum"; readonly path: string; readonly sum: number }
  | { readonly _tag: "DuplicateName"; readonly path: string; readonly name: string; readonly kind: "state" | "action" }
  | { readonly _tag: "NotAnObject"; readonly path: string; readonly value: string }
  | { readonly _tag: "TooLarge"; readonly path: string; readonly entries: number }

/**
 * A message naming the path and the problem.
 *
 * @since 0.1.0
 * @category errors
 */
export const describeMdpIssue = (issue: MdpIssue): string =>
  match(issue)
    .with({ _tag: "Discount" }, (i) => `${i.path}: discount ${i.value} is not in [0, 1)`)
    .with({ _tag: "UnknownName" }, (i) => `${i.path}: unknown ${i.kind} ${JSON.stringify(i.name)}`)
    .with({ _tag: "NoAction" }, (i) => `${i.path}: state ${JSON.stringify(i.state)} has no enabled action`)
    .with({ _tag: "BadNumber" }, (i) => `${i.path}: ${i.value} is not a finite number (probabilities must also be ≥ 0)`)
    .with({ _tag: "RowSum" }, (i) => `${i.path}: next-state probabilities sum to ${i.sum}, expected 1 ± 1e-12`)
    .with({ _tag: "DuplicateName" }, (i) => `${i.path}: ${i.kind} ${JSON.stringify(i.name)} named twice`)
    .with({ _tag: "NotAnObject" }, (i) => `${i.path}: expected an object, got ${i.value}`)
    .with({ _tag: "TooLarge" }, (i) => `${i.path}: ${i.entries} transition entries (states² × actions) exceed ${MAX_MDP_ENTRIES}`)
    .exhaustive()

/**
 * The thrown form of an {@link MdpIssue}.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidMdpError extends Error {
  readonly _tag = "InvalidMdpError" as const
  constructor(readonly issue: MdpIssue) {
    super(`invalid MDP: ${describeMdpIssue(issue)}`)
    this.name = "InvalidMdpError"
  }
}

/**
 * The largest states² × actions accepted: the transition table is a Float64Array of that many
 * entries (8 bytes each), so 50 million is 400 MB.
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_MDP_ENTRIES = 50_000_000

/**
 * A validated MDP from a spec written by name.
 *
 * @example
 * import { mdp } from "catcluster/dynamics/mdp"
 * const m = mdp({
 *   states: ["s"], actions: ["stay"], discount: 0.9,
 *   transitions: { s: { stay: { reward: 1, next: { s: 1 } } } },
 * }) // Right(Mdp); V*(s) = 1 / (1 − 0.9) = 10
 *
 * @since 0.1.0
 * @category constructors
 */
export const mdp = (spec: MdpSpec): E.Either<MdpIssue, Mdp> => {
  const S = spec.states.length
  const A = spec.actions.length
  if (!(spec.discount >= 0 && spec.discount < 1)) return E.left({ _tag: "Discount", path: "$.discount", value: spec.discount })
  if (S * A * S > MAX_MDP_ENTRIES) return E.left({ _tag: "TooLarge", path: "$", entries: S * A * S })
  const stateIndex = new Map<string, number>()
  for (const [i, s] of spec.states.entries()) {
    // a repeated name would silently shadow the first one and leave it without actions
    if (stateIndex.has(s)) return E.left({ _tag: "DuplicateName", path: `$.states[${i}]`, name: s, kind: "state" })
    stateIndex.set(s, i)
  }
  const actionIndex = new Map<string, number>()
  for (const [i, a] of spec.actions.entries()) {
    if (actionIndex.has(a)) return E.left({ _tag: "DuplicateName", path: `$.actions[${i}]`, name: a, kind: "action" })
    actionIndex.set(a, i)
  }
  const notAnObject = (u: unknown): boolean => typeof u !== "object" || u === null || Array.isArray(u)
  if (notAnObject(spec.transitions)) return E.left({ _tag: "NotAnObject", path: "$.transitions", value: String(spec.transitions) })
  const enabled = new Uint8Array(S * A)
  const transitions = new Float64Array(S * A * S)
  const rewards = new Float64Array(S * A)
  for (const [state, byAction] of Object.entries(spec.transitions)) {
    const s = stateIndex.get(state)
    if (s === undefined) return E.left({ _tag: "UnknownName", path: `$.transitions`, name: state, kind: "state" })
    if (notAnObject(byAction)) return E.left({ _tag: "NotAnObject", path: `$.transitions.${state}`, value: String(byAction) })
    for (const [action, actionSpec] of Object.entries(byAction)) {
      const path = `$.transitions.${state}.${action}`
      const a = actionIndex.get(action)
      if (a === undefined) return E.left({ _tag: "UnknownName", path: `$.transitions.${state}`, name: action, kind: "action" })
      if (notAnObject(actionSpec)) return E.left({ _tag: "NotAnObject", path, value: String(actionSpec) })
      const { reward, next } = actionSpec
      if (notAnObject(next)) return E.left({ _tag: "NotAnObject", path: `${path}.next`, value: String(next) })
      if (!Number.isFinite(reward)) return E.left({ _tag: "BadNumber", path: `${path}.reward`, value: reward })
      let total = 0
      for (const [target, p] of Object.entries(next)) {
        const t = stateIndex.get(target)
        if (t === undefined) return E.left({ _tag: "UnknownName", path: `${path}.next`, name: target, kind: "state" })
        if (!(Number.isFinite(p) && p >= 0)) return E.left({ _tag: "BadNumber", path: `${path}.next.${target}`, value: p })
        transitions[(s * A + a) * S + t] = p
        total += p
      }
      if (Math.abs(total - 1) > 1e-12) return E.left({ _tag: "RowSum", path: `${path}.next`, sum: total })
      enabled[s * A + a] = 1
      rewards[s * A + a] = reward
    }
  }
  for (let s = 0; s < S; s++) {
    let any = false
    for (let a = 0; a < A; a++) if (enabled[s * A + a] === 1) any = true
    if (!any) return E.left({ _tag: "NoAction", path: `$.transitions.${spec.states[s]!}`, state: spec.states[s]! })
  }
  return E.right({ states: spec.states, actions: spec.actions, discount: spec.discount, enabled, transitions, rewards })
}

/**
 * The MDP, or an {@link InvalidMdpError} thrown.
 *
 * @since 0.1.0
 * @category constructors
 */
export const mdpOrThrow = (spec: MdpSpec): Mdp => {
  const result = mdp(spec)
  if (E.isLeft(result)) throw new InvalidMdpError(result.left)
  return result.right
}

/**
 * A deterministic stationary policy: the action index chosen in each state.
 *
 * @since 0.1.0
 * @category model
 */
export type Policy = Int32Array

/**
 * Q(s, a) = R(s, a) + γ Σ_t P(t | s, a) V(t), written into `out` (−∞ where a is not enabled).
 *
 * @since 0.1.0
 * @category algorithms
 */
export const qValues = (m: Mdp, values: Float64Array, out: Float64Array = new Float64Array(m.states.length * m.actions.length)): Float64Array => {
  const S = m.states.length
  const A = m.actions.length
  const { transitions, rewards, enabled, discount } = m
  for (let s = 0; s < S; s++) {
    for (let a = 0; a < A; a++) {
      const sa = s * A + a
      if (enabled[sa] === 0) {
        out[sa] = -Infinity
        continue
      }
      let expected = 0
      const base = sa * S
      for (let t = 0; t < S; t++) expected += transitions[base + t]! * values[t]!
      out[sa] = rewards[sa]! + discount * expected
    }
  }
  return out
}

/**
 * The policy as a record state → action name.
 *
 * @since 0.1.0
 * @category conversions
 */
export const showPolicy = (m: Mdp, policy: Policy): Readonly<Record<string, string>> =>
  Object.fromEntries(m.states.map((s, i) => [s, m.actions[policy[i]!]!]))
