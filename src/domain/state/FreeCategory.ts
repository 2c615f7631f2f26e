import { different, equal, type Category } from "../../category/Category.ts"
import { freeCategory as presentedFree, type FreeCategory as PresentedFreeCategory } from "../../category/fincat/FreeCategory.ts"
import { exhaustive } from "../../laws/Carrier.ts"
import type { CategoryCarriers } from "../../laws/category.ts"
import type { Transition, TransitionGraph } from "./TransitionGraph.ts"

/**
 * The free category on a transition graph: objects are states, arrows are runs (paths of
 * transitions, the empty run being the identity), composition is concatenation. Two runs are
 * equal when they take the same transitions, so the category laws hold by construction — and
 * are still checked (`test/domain/state`).
 *
 * @since 0.1.0
 */

/** A run `dom → cod`: transition indices into the graph, first taken first. @since 0.1.0 @category model */
export interface Run<S extends string> {
  readonly dom: S
  readonly cod: S
  readonly steps: ReadonlyArray<number>
}

/**
 * The free category on `g`.
 *
 * @example
 * import { freeCategory, podPhases } from "catcluster/domain/state"
 * const T = freeCategory(podPhases)
 * T.showArrow(T.compose(T.generator(1), T.generator(0))) // "Pending → Running → Succeeded"
 *
 * @since 0.1.0
 * @category constructors
 */
export const freeCategory = <S extends string>(
  g: TransitionGraph<S>,
): Category<S, Run<S>> & {
  readonly graph: TransitionGraph<S>
  /** The one-step run of transition `i` of the graph; throws `RangeError` when there is none. */
  readonly generator: (i: number) => Run<S>
} => {
  const transition = (i: number): Transition<S> => {
    const t = g.transitions[i]
    if (t === undefined) throw new RangeError(`${g.name}: no transition ${i}`)
    return t
  }
  const showArrow = (f: Run<S>): string =>
    f.steps.length === 0 ? `id_${f.dom}` : [f.dom, ...f.steps.map((i) => transition(i).to)].join(" → ")
  return {
    name: `Free(${g.name})`,
    graph: g,
    generator: (i) => {
      const t = transition(i)
      return { dom: t.from, cod: t.to, steps: [i] }
    },
    dom: (f) => f.dom,
    cod: (f) => f.cod,
    id: (x) => ({ dom: x, cod: x, steps: [] }),
    compose: (h, f) => ({ dom: f.dom, cod: h.cod, steps: [...f.steps, ...h.steps] }),
    equalObjects: (x, y) => x === y,
    equalArrows: (f, h) =>
      f.dom === h.dom && f.cod === h.cod && f.steps.length === h.steps.length && f.steps.every((s, i) => s === h.steps[i])
        ? equal
        : different(`${showArrow(f)} ≠ ${showArrow(h)}`, [f, h]),
    showObject: (x) => x,
    showArrow,
  }
}

/**
 * Every run of at most `maxLength` transitions (identities included): a finite carrier for
 * checking laws on a free category, whose hom-sets are infinite as soon as the graph has a cycle.
 *
 * @since 0.1.0
 * @category destructors
 */
export const runsUpTo = <S extends string>(g: TransitionGraph<S>, maxLength: number): ReadonlyArray<Run<S>> => {
  const out: Run<S>[] = g.states.map((s) => ({ dom: s, cod: s, steps: [] }))
  let frontier: ReadonlyArray<Run<S>> = out.slice()
  for (let len = 1; len <= maxLength; len++) {
    const next: Run<S>[] = []
    for (const r of frontier)
      g.transitions.forEach((t, i) => {
        if (t.from === r.cod) next.push({ dom: r.dom, cod: t.to, steps: [...r.steps, i] })
      })
    out.push(...next)
    frontier = next
  }
  return out
}

/**
 * Exhaustive carriers for the category laws on the runs of at most `maxLength` transitions:
 * every such run, every composable pair, every composable triple.
 *
 * @since 0.1.0
 * @category carriers
 */
export const boundedRunCarriers = <S extends string>(g: TransitionGraph<S>, maxLength: number): CategoryCarriers<Run<S>> => {
  const runs = runsUpTo(g, maxLength)
  const from = (s: S) => runs.filter((r) => r.dom === s)
  const show = (r: Run<S>) => freeCategory(g).showArrow(r)
  const showMany = (rs: ReadonlyArray<Run<S>>) => `[${rs.map(show).join(", ")}]`
  return {
    arrows: exhaustive(() => runs, show),
    pairs: exhaustive(function* () {
      for (const f of runs) for (const h of from(f.cod)) yield [f, h] as const
    }, showMany),
    triples: exhaustive(function* () {
      for (const f of runs) for (const h of from(f.cod)) for (const k of from(h.cod)) yield [f, h, k] as const
    }, showMany),
  }
}

/**
 * The machine as a presented free category of the category layer (`src/category/fincat`):
 * edges named `from→to`, so a finite machine gets hom-set counts and a composition table and a
 * cyclic one is reported infinite with its cycle. Parallel transitions get their label (and, if
 * that repeats too, their index) in the name, so they stay two arrows.
 *
 * @example
 * import { presentedFreeCategory, seedVmMachine } from "catcluster/domain/state"
 * presentedFreeCategory(seedVmMachine).size // "infinite": Running → Paused → Running
 *
 * @since 0.1.0
 * @category constructors
 */
export const presentedFreeCategory = <S extends string>(g: TransitionGraph<S>): PresentedFreeCategory => {
  // parallel transitions are distinct arrows of the free category: name them apart (label, then index)
  const count = (names: ReadonlyArray<string>) => (n: string) => names.filter((m) => m === n).length
  const plain = g.transitions.map((t) => `${t.from}→${t.to}`)
  const labelled = g.transitions.map((t, i) => (count(plain)(plain[i]!) > 1 ? `${plain[i]!} [${t.label}]` : plain[i]!))
  const names = labelled.map((n, i) => (count(labelled)(n) > 1 ? `${n} #${i}` : n))
  return presentedFree({
    name: g.name,
    objects: g.states,
    arrows: g.transitions.map((t, i) => ({ name: names[i]!, dom: t.from, cod: t.to })),
  })
}
