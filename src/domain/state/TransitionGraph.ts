/**
 * A state machine as data: named states and labelled transitions between them. Its free
 * category (paths as arrows, see `FreeCategory.ts`) is how catcluster composes runs.
 *
 * @since 0.1.0
 */

/** One transition `from → to`, with the event that causes it. @since 0.1.0 @category model */
export interface Transition<S extends string> {
  readonly from: S
  readonly to: S
  readonly label: string
}

/**
 * A transition graph over the states `S`: what the real system (or the seed) allows, with its
 * initial and terminal (absorbing) states and where the description comes from.
 *
 * @since 0.1.0
 * @category model
 */
export interface TransitionGraph<S extends string> {
  readonly name: string
  readonly states: ReadonlyArray<S>
  readonly transitions: ReadonlyArray<Transition<S>>
  readonly initial: ReadonlyArray<S>
  /** States with no way out. */
  readonly terminal: ReadonlyArray<S>
  /** Where the machine is taken from (a source file, a document, "the seed"). */
  readonly source: string
}

/**
 * A transition that names a state the machine does not have.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnknownStateError extends Error {
  readonly _tag = "UnknownState" as const
  constructor(
    readonly machine: string,
    readonly path: string,
    readonly state: string,
  ) {
    super(`${machine}: ${path}: unknown state ${JSON.stringify(state)}`)
    this.name = "UnknownStateError"
  }
}

/**
 * Builds a transition graph, checking every transition's endpoints (typed callers cannot get
 * this wrong; the check guards graphs built from data). Terminal states are computed.
 *
 * @example
 * import { transitionGraph } from "catcluster/domain/state"
 * const g = transitionGraph("door", ["Open", "Closed"], [["Open", "Closed", "close"], ["Closed", "Open", "open"]], ["Closed"], "example")
 *
 * @since 0.1.0
 * @category constructors
 */
export const transitionGraph = <const S extends string>(
  name: string,
  states: ReadonlyArray<S>,
  transitions: ReadonlyArray<readonly [NoInfer<S>, NoInfer<S>, string]>,
  initial: ReadonlyArray<NoInfer<S>>,
  source: string,
): TransitionGraph<S> => {
  const known = new Set<string>(states)
  transitions.forEach(([from, to], i) => {
    if (!known.has(from)) throw new UnknownStateError(name, `transitions[${i}].from`, from)
    if (!known.has(to)) throw new UnknownStateError(name, `transitions[${i}].to`, to)
  })
  initial.forEach((s, i) => {
    if (!known.has(s)) throw new UnknownStateError(name, `initial[${i}]`, s)
  })
  const hasExit = new Set(transitions.filter(([f, t]) => f !== t).map(([f]) => f as string))
  return {
    name,
    states,
    transitions: transitions.map(([from, to, label]) => ({ from, to, label })),
    initial,
    terminal: states.filter((s) => !hasExit.has(s)),
    source,
  }
}

/**
 * The transitions leaving a state.
 *
 * @since 0.1.0
 * @category destructors
 */
export const outgoing = <S extends string>(g: TransitionGraph<S>, s: S): ReadonlyArray<Transition<S>> =>
  g.transitions.filter((t) => t.from === s)

/**
 * A shortest run from `from` to `to` (transitions in order), `[]` when they are equal, or
 * `undefined` when `to` cannot be reached.
 *
 * @since 0.1.0
 * @category destructors
 */
export const shortestRun = <S extends string>(
  g: TransitionGraph<S>,
  from: S,
  to: S,
): ReadonlyArray<Transition<S>> | undefined => {
  if (from === to) return []
  const back = new Map<S, Transition<S>>()
  const queue: S[] = [from]
  const seen = new Set<S>([from])
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i] as S
    for (const t of outgoing(g, s)) {
      if (seen.has(t.to)) continue
      seen.add(t.to)
      back.set(t.to, t)
      if (t.to === to) {
        const run: Transition<S>[] = []
        for (let at: S = to; at !== from; ) {
          const step = back.get(at) as Transition<S>
          run.unshift(step)
          at = step.from
        }
        return run
      }
      queue.push(t.to)
    }
  }
  return undefined
}

/**
 * Shows a transition: `Pending → Running (scheduled)`.
 *
 * @since 0.1.0
 * @category destructors
 */
export const showTransition = <S extends string>(t: Transition<S>): string => `${t.from} → ${t.to} (${t.label})`
