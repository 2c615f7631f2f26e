import type { ArrowEquality } from "../../category/Category.ts"
import { exceeding, showResources, type ResourceVector } from "../../domain/resources/ResourceVector.ts"

/**
 * The checks of `catcluster check` state "nothing is wrong here": the left side of each law is
 * what was found wrong (a shortfall, an excess, a validation problem), the right side is
 * nothing. A failing case then carries, as its witness, exactly what is wrong.
 *
 * @since 0.1.0
 */

/**
 * What one resource lacks: the amount asked for and the bound it passes.
 *
 * @since 0.1.0
 * @category model
 */
export interface Excess {
  readonly name: string
  readonly amount: bigint
  readonly bound: bigint
}

/**
 * An equality for "the problems found = none", showing the problems when there are some.
 *
 * @example
 * import { noneFound } from "catcluster/app/check"
 * noneFound((xs: ReadonlyArray<string>) => xs.join("; "))(["cpu short"], []).equal // false
 *
 * @since 0.1.0
 * @category combinators
 */
export const noneFound =
  <A>(describe: (found: ReadonlyArray<A>) => string) =>
  (found: ReadonlyArray<A>, _none: ReadonlyArray<A>): ArrowEquality =>
    found.length === 0 ? { equal: true } : { equal: false, witness: found, message: describe(found) }

/**
 * The resources where `need` exceeds `have`, as `Excess`es (empty when `need ≤ have`).
 *
 * @since 0.1.0
 * @category destructors
 */
export const excessOf = (need: ResourceVector, have: ResourceVector): ReadonlyArray<Excess> => exceeding(need, have)

/**
 * `memory 3Gi > 2Gi (short by 1Gi)`, amounts in the resource's units.
 *
 * @since 0.1.0
 * @category destructors
 */
export const showExcess = (e: Excess): string => {
  const one = (x: bigint): string => showResources(new Map([[e.name, x]])).slice(e.name.length + 1)
  return `${e.name} ${one(e.amount)} > ${one(e.bound)} (short by ${one(e.amount - e.bound)})`
}

/**
 * Among machines, the one that comes closest to fitting `need`: fewest resources short, then
 * the smallest total relative shortfall. `undefined` when there is no machine.
 *
 * @since 0.1.0
 * @category destructors
 */
export const bestFit = <M>(
  need: ResourceVector,
  machines: ReadonlyArray<M>,
  offer: (m: M) => ResourceVector,
): { readonly machine: M; readonly short: ReadonlyArray<Excess> } | undefined => {
  let best: { readonly machine: M; readonly short: ReadonlyArray<Excess>; readonly score: number } | undefined
  for (const machine of machines) {
    const short = excessOf(need, offer(machine))
    let score = short.length * 1e6
    for (const e of short) score += e.amount === 0n ? 0 : Number(((e.amount - e.bound) * 1000n) / e.amount)
    if (best === undefined || score < best.score) best = { machine, short, score }
  }
  return best === undefined ? undefined : { machine: best.machine, short: best.short }
}
