import { shortestRun, showTransition, type Transition, type TransitionGraph } from "./TransitionGraph.ts"

/**
 * Does a map of states extend to a functor between the free categories of two machines?
 *
 * A functor Free(G) → Free(H) is fixed by where it sends each transition: to a run of H between
 * the images of its endpoints. So a state map η extends to a functor exactly when every
 * transition s → t of G has a run η(s) ⇝ η(t) in H (the identity when η(s) = η(t)); it is a
 * graph homomorphism when that run is a single transition or the identity. A transition whose
 * endpoint η does not map, or with no run between the images, has *no image*.
 *
 * @since 0.1.0
 */

/** What one transition of the source becomes. @since 0.1.0 @category model */
export type TransitionImage<S extends string, T extends string> =
  | { readonly _tag: "Identity"; readonly transition: Transition<S>; readonly at: T }
  | { readonly _tag: "Edge"; readonly transition: Transition<S>; readonly image: Transition<T> }
  | { readonly _tag: "Run"; readonly transition: Transition<S>; readonly image: ReadonlyArray<Transition<T>> }
  | { readonly _tag: "Unmapped"; readonly transition: Transition<S>; readonly missing: ReadonlyArray<S> }
  | { readonly _tag: "Unreachable"; readonly transition: Transition<S>; readonly from: T; readonly to: T }

/** The outcome of checking a state map. @since 0.1.0 @category model */
export interface StateMapReport<S extends string, T extends string> {
  readonly images: ReadonlyArray<TransitionImage<S, T>>
  /** Every transition has an image (identity, edge or run): η extends to a functor. */
  readonly functor: boolean
  /** Every transition goes to an edge or an identity. */
  readonly homomorphism: boolean
  /** The transitions with no image, shown. */
  readonly noImage: ReadonlyArray<string>
}

/**
 * Checks a (possibly partial) state map `eta` from machine `g` to machine `h`.
 *
 * @example
 * import { checkStateMap, seedPodMachine, seedVmMachine } from "catcluster/domain/state"
 * const r = checkStateMap(seedPodMachine, seedVmMachine, { Running: "Running", Terminating: "Stopping", Pending: "Starting" })
 * r.functor  // false
 * r.noImage  // ["Running → Succeeded (complete)", ...]
 *
 * @since 0.1.0
 * @category checking
 */
export const checkStateMap = <S extends string, T extends string>(
  g: TransitionGraph<S>,
  h: TransitionGraph<T>,
  eta: Partial<Record<S, T>>,
): StateMapReport<S, T> => {
  const images = g.transitions.map((t): TransitionImage<S, T> => {
    const from = eta[t.from]
    const to = eta[t.to]
    if (from === undefined || to === undefined) {
      return { _tag: "Unmapped", transition: t, missing: [from === undefined ? t.from : undefined, to === undefined ? t.to : undefined].filter((x): x is S => x !== undefined) }
    }
    if (from === to) return { _tag: "Identity", transition: t, at: from }
    const edge = h.transitions.find((e) => e.from === from && e.to === to)
    if (edge !== undefined) return { _tag: "Edge", transition: t, image: edge }
    const run = shortestRun(h, from, to)
    return run === undefined ? { _tag: "Unreachable", transition: t, from, to } : { _tag: "Run", transition: t, image: run }
  })
  const noImage = images.filter((i) => i._tag === "Unmapped" || i._tag === "Unreachable").map((i) => showTransition(i.transition))
  return {
    images,
    functor: noImage.length === 0,
    homomorphism: images.every((i) => i._tag === "Identity" || i._tag === "Edge"),
    noImage,
  }
}

/** How many completions of a partial state map make it a functor / a homomorphism. @since 0.1.0 @category model */
export interface CompletionCount<S extends string, T extends string> {
  readonly unmapped: ReadonlyArray<S>
  readonly completions: number
  readonly functors: number
  readonly homomorphisms: number
  /** The first completion (in state order) that is a functor, if any. */
  readonly firstFunctor: Partial<Record<S, T>> | undefined
}

/**
 * Tries every way to map the states `eta` leaves out and counts those that extend to a functor
 * or a homomorphism: tells whether the seed's η is merely incomplete or cannot be fixed.
 *
 * @since 0.1.0
 * @category checking
 */
export const countCompletions = <S extends string, T extends string>(
  g: TransitionGraph<S>,
  h: TransitionGraph<T>,
  eta: Partial<Record<S, T>>,
): CompletionCount<S, T> => {
  const unmapped = g.states.filter((s) => eta[s] === undefined)
  let completions = 0
  let functors = 0
  let homomorphisms = 0
  let firstFunctor: Partial<Record<S, T>> | undefined
  const choice = new Array<number>(unmapped.length).fill(0)
  for (;;) {
    const full: Partial<Record<S, T>> = { ...eta }
    unmapped.forEach((s, i) => {
      full[s] = h.states[choice[i] as number] as T
    })
    const r = checkStateMap(g, h, full)
    completions++
    if (r.functor) {
      functors++
      firstFunctor ??= full
    }
    if (r.homomorphism) homomorphisms++
    let k = 0
    while (k < choice.length && (choice[k] as number) + 1 === h.states.length) choice[k++] = 0
    if (k === choice.length) break
    choice[k] = (choice[k] as number) + 1
  }
  return { unmapped, completions, functors, homomorphisms, firstFunctor }
}
