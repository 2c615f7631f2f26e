/**
 * The model interface of the explicit-state checker.
 *
 * A transition system has states encoded as fixed-width vectors of 32-bit words (a state = a few
 * small fields packed into `width` words), a list of initial states, and a successor function
 * that writes every successor of a state, with the label of the action taken, into buffers the
 * caller provides: the search allocates nothing per state.
 *
 * Actions carry names; the ones listed in `fairActions` are *weakly fair* (see `Liveness.ts`).
 * Atomic propositions are named predicates on an encoded state ({@link Proposition}).
 *
 * @since 0.1.0
 */

/**
 * A predicate on the encoded state `words[at … at+width)`.
 *
 * @since 0.1.0
 * @category model
 */
export type StatePredicate = (words: Int32Array, at: number) => boolean

/**
 * A named atomic proposition (names appear in formulas and reports).
 *
 * @since 0.1.0
 * @category model
 */
export interface Proposition {
  readonly name: string
  readonly holds: StatePredicate
}

/**
 * A finite transition system over packed integer states.
 *
 * @since 0.1.0
 * @category model
 */
export interface TransitionSystem {
  readonly name: string
  /** 32-bit words per state. */
  readonly width: number
  /** Action names; a successor's label is an index into this list (at most 255 actions). */
  readonly actions: ReadonlyArray<string>
  /** Indices of the weakly fair actions. */
  readonly fairActions: ReadonlyArray<number>
  /** An upper bound on the successors of one state (sizes the caller's buffers). */
  readonly maxSuccessors: number
  /** The initial states, each `width` words. */
  readonly initial: ReadonlyArray<ReadonlyArray<number>>
  /**
   * Writes the successors of `words[at … at+width)` into `out` (successor k at `k·width`) and
   * their action labels into `labels[k]`; returns how many.
   */
  readonly successors: (words: Int32Array, at: number, out: Int32Array, labels: Uint8Array) => number
  /** Decodes a state for a person (field name → readable value). */
  readonly describe: (words: Int32Array, at: number) => Readonly<Record<string, string | number | boolean>>
}

/**
 * A proposition from a name and a predicate.
 *
 * @example
 * import { always, proposition, showFormula } from "catcluster/verification"
 * // A state is the slice of `words` starting at `at`; field 0 here is a phase, 0 = Pending.
 * const firstPending = proposition("first pending", (words, at) => words[at] === 0)
 * showFormula(always(firstPending)) // "□(first pending)"
 *
 * @since 0.1.0
 * @category constructors
 */
export const proposition = (name: string, holds: StatePredicate): Proposition => ({ name, holds })

/**
 * ¬p.
 *
 * @since 0.1.0
 * @category combinators
 */
export const not = (p: Proposition): Proposition => ({ name: `¬${wrap(p.name)}`, holds: (w, at) => !p.holds(w, at) })

/**
 * p ∧ q ∧ …
 *
 * @since 0.1.0
 * @category combinators
 */
export const and = (...ps: ReadonlyArray<Proposition>): Proposition => ({
  name: ps.map((p) => wrap(p.name)).join(" ∧ "),
  holds: (w, at) => ps.every((p) => p.holds(w, at)),
})

/**
 * p ∨ q ∨ …
 *
 * @since 0.1.0
 * @category combinators
 */
export const or = (...ps: ReadonlyArray<Proposition>): Proposition => ({
  name: ps.map((p) => wrap(p.name)).join(" ∨ "),
  holds: (w, at) => ps.some((p) => p.holds(w, at)),
})

/**
 * p → q.
 *
 * @since 0.1.0
 * @category combinators
 */
export const implies = (p: Proposition, q: Proposition): Proposition => ({
  name: `${wrap(p.name)} → ${wrap(q.name)}`,
  holds: (w, at) => !p.holds(w, at) || q.holds(w, at),
})

/** Parenthesises a compound name so that printed formulas parse the way they are built. */
const wrap = (name: string): string => (/[ ∧∨→]/.test(name) ? `(${name})` : name)

/**
 * Checks a system's static shape (width, labels, initial states) and returns the problems found,
 * each naming where; an empty list means well-formed.
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (system: TransitionSystem): ReadonlyArray<string> => {
  const problems: string[] = []
  if (!Number.isInteger(system.width) || system.width < 1) problems.push(`${system.name}.width: expected a positive integer, got ${system.width}`)
  if (system.actions.length > 255) problems.push(`${system.name}.actions: at most 255 actions, got ${system.actions.length}`)
  system.fairActions.forEach((a, i) => {
    if (!Number.isInteger(a) || a < 0 || a >= system.actions.length) problems.push(`${system.name}.fairActions[${i}]: ${a} is not an action index`)
  })
  if (system.initial.length === 0) problems.push(`${system.name}.initial: no initial state`)
  system.initial.forEach((s, i) => {
    if (s.length !== system.width) problems.push(`${system.name}.initial[${i}]: expected ${system.width} words, got ${s.length}`)
  })
  return problems
}
