/**
 * The counting abstraction of a symmetric product (S15.5, S15.6).
 *
 * n identical components with k local states have kⁿ product states. Because components are
 * interchangeable, a state can be abstracted to how many components are in each local state:
 * a count vector (c₁ … c_k) with Σ cᵢ = n. There are C(n+k−1, k−1) of them: n+1 for k = 2,
 * (n+1)(n+2)/2 for k = 3, i.e. Θ(n^(k−1)), which is polynomial but *not* O(n·k) once k ≥ 3.
 * For an interleaving product of identical machines the abstraction is exact: the abstract
 * system (move one unit of count along a local transition) reaches exactly α of the concrete
 * reachable states, which {@link checkCountingExact} verifies by exploring both.
 *
 * @since 0.1.0
 */
import { explore } from "./Explore.ts"
import { inducedByMap, type GaloisConnection } from "./Galois.ts"
import { guarded, type Command, type GuardedSystem } from "./Guarded.ts"
import { product, type Machine } from "./Product.ts"

/**
 * C(n+k−1, k−1): the number of count vectors of n components over k local states.
 *
 * @since 0.1.0
 * @category combinatorics
 */
export const countVectors = (n: number, k: number): number => {
  let r = 1
  for (let i = 1; i <= k - 1; i++) r = (r * (n + i)) / i
  return Math.round(r)
}

/**
 * All count vectors of n over k, in a fixed order, with the index of each.
 *
 * @since 0.1.0
 * @category combinatorics
 */
export const enumerateCounts = (n: number, k: number): ReadonlyArray<ReadonlyArray<number>> => {
  const out: number[][] = []
  const go = (prefix: number[], left: number): void => {
    if (prefix.length === k - 1) {
      out.push([...prefix, left])
      return
    }
    for (let c = left; c >= 0; c--) go([...prefix, c], left - c)
  }
  if (k === 1) return [[n]]
  go([], n)
  return out
}

/**
 * The counting abstraction of n components with k local states, as a Galois connection on the
 * powersets of concrete states (local states in base k) and count vectors.
 *
 * @example
 * import { countingAbstraction } from "catcluster/verification"
 * const c = countingAbstraction(3, 2, ["Pending", "Running"])
 * c.concreteStates, c.abstractStates      // 8, 4
 * c.countOf(0b011) === c.countOf(0b101)   // true: same counts, components permuted
 *
 * @since 0.1.0
 * @category constructors
 */
export const countingAbstraction = (
  n: number,
  k: number,
  stateNames: ReadonlyArray<string> = Array.from({ length: k }, (_, i) => `s${i}`),
): {
  readonly concreteStates: number
  readonly abstractStates: number
  /** The index of a concrete state's count vector (how many components are in each local state). */
  readonly countOf: (concrete: number) => number
  readonly connection: GaloisConnection<number, number>
  /** The seed's pointwise γ: one representative concrete state per count vector (sorted). */
  readonly representative: (abstract: number) => number
} => {
  const concreteStates = k ** n
  const vectors = enumerateCounts(n, k)
  const key = (v: ReadonlyArray<number>): string => v.join(",")
  const indexOf = new Map(vectors.map((v, i) => [key(v), i]))
  const locals = (c: number): number[] => Array.from({ length: n }, (_, i) => Math.floor(c / k ** i) % k)
  const countOf = (c: number): number => {
    const v = Array.from({ length: k }, () => 0)
    for (const s of locals(c)) v[s]!++
    return indexOf.get(key(v))!
  }
  const showConcrete = (c: number): string => `(${locals(c).map((s) => stateNames[s]).join(",")})`
  const showAbstract = (a: number): string => `#(${vectors[a]!.map((c, s) => `${stateNames[s]}:${c}`).join(",")})`
  const representative = (a: number): number => {
    const v = vectors[a]!
    let c = 0
    let position = 0
    v.forEach((count, s) => {
      for (let j = 0; j < count; j++) c += s * k ** position++
    })
    return c
  }
  return {
    concreteStates,
    abstractStates: vectors.length,
    countOf,
    connection: inducedByMap(concreteStates, vectors.length, countOf, showConcrete, showAbstract),
    representative,
  }
}

/**
 * The abstract (counting) system of n copies of a machine: one field per local state holding
 * how many copies are in it; a local transition s → t moves one unit from s to t.
 *
 * @since 0.1.0
 * @category constructors
 */
export const countingSystem = (machine: Machine, n: number): GuardedSystem => {
  const k = machine.states.length
  const commands: Command[] = machine.transitions.map(([from, action, to]) => {
    const s = machine.states.indexOf(from)
    const t = machine.states.indexOf(to)
    return {
      action,
      fair: machine.fair?.includes(action) === true,
      guard: (v) => v.get(s) > 0,
      update: (v, next) => {
        next.set(s, v.get(s) - 1)
        next.set(t, next.get(t) + 1)
      },
    }
  })
  const initial = machine.states.map((s) => (s === machine.initial ? n : 0))
  return guarded({
    name: `count(${n} × ${machine.name})`,
    fields: machine.states.map((s) => ({ name: `#${s}`, values: n + 1 })),
    initial: [initial],
    commands: k > 0 ? commands : [],
  })
}

/**
 * Explores n copies of `machine` concretely and abstractly and compares α(reachable concrete)
 * with the reachable abstract states.
 *
 * @since 0.1.0
 * @category checks
 */
export const checkCountingExact = (
  machine: Machine,
  n: number,
): { readonly concrete: number; readonly abstract: number; readonly image: number; readonly exact: boolean } => {
  const concrete = explore(product(`${n} × ${machine.name}`, Array.from({ length: n }, (_, i) => ({ ...machine, name: `${machine.name}${i}` }))))
  const abstractSystem = countingSystem(machine, n)
  const abstract = explore(abstractSystem)
  const k = machine.states.length
  // α of each concrete state: count the local fields, then look it up in the abstract set
  const fields = (concrete.system as ReturnType<typeof product>).layout.fields
  const counts = new Int32Array(k)
  const encoded = new Int32Array(abstractSystem.width)
  const imageSeen = new Set<number>()
  const abstractFields = abstractSystem.layout.fields
  let exact = true
  for (let i = 0; i < concrete.states; i++) {
    counts.fill(0)
    for (const f of fields) counts[(concrete.set.states[i * concrete.system.width + f.word]! >>> f.shift) & f.mask]!++
    encoded.fill(0)
    for (let s = 0; s < k; s++) {
      const f = abstractFields[s]!
      encoded[f.word] = encoded[f.word]! | (counts[s]! << f.shift)
    }
    const index = abstract.set.indexOf(encoded)
    if (index < 0) exact = false
    else imageSeen.add(index)
  }
  return { concrete: concrete.states, abstract: abstract.states, image: imageSeen.size, exact: exact && imageSeen.size === abstract.states }
}

/**
 * A pod reduced to the seed's two states (Pending ⇄ Running), or three with Migrating
 * (Running ⇄ Migrating), as S15.6 counts them.
 *
 * @since 0.1.0
 * @category constructors
 */
export const seedPod = (withMigrating: boolean): Machine => ({
  name: "pod",
  states: withMigrating ? ["Pending", "Running", "Migrating"] : ["Pending", "Running"],
  initial: "Pending",
  transitions: [
    ["Pending", "schedule", "Running"],
    ["Running", "evict", "Pending"],
    ...(withMigrating
      ? ([
          ["Running", "migrate", "Migrating"],
          ["Migrating", "migrated", "Running"],
        ] as const)
      : []),
  ],
  fair: ["schedule", "migrated"],
})

/**
 * One row of the growth table: explored concrete and abstract state counts for n components.
 *
 * @since 0.1.0
 * @category model
 */
export interface GrowthRow {
  readonly n: number
  readonly k: number
  /** Explored product states (absent when n is too large to explore). */
  readonly concrete?: number
  readonly kToTheN: number
  /** Explored counting-abstraction states. */
  readonly abstract: number
  readonly nTimesK: number
}

/**
 * Measures state-space growth by exploration: the product of n copies of `machine` for n in
 * `concreteNs`, its counting abstraction for n in `abstractNs`, and the least-squares slope of
 * log(abstract states) against log n over `abstractNs` (≈ k − 1; O(n·k) needs ≤ 1).
 *
 * @since 0.1.0
 * @category checks
 */
export const stateSpaceGrowth = (
  machine: Machine,
  concreteNs: ReadonlyArray<number>,
  abstractNs: ReadonlyArray<number>,
): { readonly rows: ReadonlyArray<GrowthRow>; readonly slope: number } => {
  const k = machine.states.length
  const concrete = new Map(
    concreteNs.map((n) => [n, explore(product(`${n} × ${machine.name}`, Array.from({ length: n }, (_, i) => ({ ...machine, name: `${machine.name}${i}` })))).states]),
  )
  const ns = [...new Set([...concreteNs, ...abstractNs])].sort((a, b) => a - b)
  const rows = ns.map((n): GrowthRow => {
    const c = concrete.get(n)
    const base = { n, k, kToTheN: k ** n, abstract: explore(countingSystem(machine, n)).states, nTimesK: n * k }
    return c === undefined ? base : { ...base, concrete: c }
  })
  const points = rows.filter((r) => abstractNs.includes(r.n)).map((r) => [Math.log(r.n), Math.log(r.abstract)] as const)
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length
  const slope = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / points.reduce((s, [x]) => s + (x - mx) ** 2, 0)
  return { rows, slope }
}
