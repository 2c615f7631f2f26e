import type { ArrowEquality } from "../../category/Category.ts"
import { exceeding, showAmount as showResourceAmount, type ResourceVector } from "../../domain/resources/ResourceVector.ts"

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
 * `memory 3Gi > 2Gi (short by 1Gi)` (or `over by`, for a node's excess), in the resource's units.
 *
 * @since 0.1.0
 * @category destructors
 */
export const showExcess = (e: Excess, by: "short by" | "over by" = "short by"): string =>
  `${e.name} ${showAmount(e.name, e.amount)} > ${showAmount(e.name, e.bound)} (${by} ${showAmount(e.name, e.amount - e.bound)})`

/**
 * One amount of one resource in Kubernetes' canonical form: `500m`, `1Gi`, `2`.
 *
 * @since 0.1.0
 * @category destructors
 */
export const showAmount = (name: string, x: bigint): string => showResourceAmount(name, x)
