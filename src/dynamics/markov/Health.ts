/**
 * The seed's backend health chain (S7.4) on {Healthy, Unhealthy, Starting, Terminating}, its
 * container and VM variants, and the expected number of available backends.
 *
 * The seed's matrix, exactly as written:
 *
 *              H      U      S      T
 *   Healthy   .99   .005   .005     0
 *   Unhealthy .3    .5     .2       0
 *   Starting  .8    .1     .1       0
 *   Terminating 0    0      0       1
 *
 * Terminating is absorbing and no other state leads to it, so there are two closed classes
 * ({H, U, S} and {T}) and two extreme stationary distributions, not one.
 *
 * @since 0.1.0
 */
import { type ExactChain, exactChain, getOrThrow } from "./Chain.ts"
import { type Rational, ONE, div, mul, parse, show, sub, sum } from "./Rational.ts"

/** The state names, in matrix order. @since 0.1.0 @category seed */
export const healthStates = ["Healthy", "Unhealthy", "Starting", "Terminating"] as const

/** The seed's S7.4 matrix as decimal literals. @since 0.1.0 @category seed */
export const seedHealthRows: ReadonlyArray<ReadonlyArray<string>> = [
  ["0.99", "0.005", "0.005", "0"],
  ["0.3", "0.5", "0.2", "0"],
  ["0.8", "0.1", "0.1", "0"],
  ["0", "0", "0", "1"],
]

/**
 * The seed's health chain, exact.
 *
 * @since 0.1.0
 * @category seed
 */
export const seedHealthChain: ExactChain = getOrThrow(exactChain(healthStates, seedHealthRows))

/**
 * A runtime variant of the health chain and the assumption that built it.
 *
 * @since 0.1.0
 * @category model
 */
export interface HealthVariant {
  readonly runtime: string
  readonly chain: ExactChain
  readonly assumption: string
}

/**
 * The chain with P(Starting→Healthy) set to `startToHealthy` (container 0.95, VM 0.7 in the seed).
 * Only the Starting row changes: P(S→H) := p, and the remaining 1 − p is split over the other
 * non-zero entries of the seed's Starting row (S→U and S→S, 0.1 : 0.1) in their seed proportions;
 * P(S→T) stays 0. Every other row is the seed's.
 *
 * @example
 * import { Rational, healthVariant } from "catcluster/dynamics/markov"
 * healthVariant("vm", "0.7").chain.matrix[2]!.map(Rational.show) // ["7/10", "3/20", "3/20", "0"]
 *
 * @since 0.1.0
 * @category seed
 */
export const healthVariant = (runtime: string, startToHealthy: string | number): HealthVariant => {
  const p = parse(startToHealthy)
  const seedRow = seedHealthRows[2]!.map((x) => parse(x))
  const others = [1, 2, 3].filter((j) => seedRow[j]!.num > 0n)
  const otherMass = sum(others.map((j) => seedRow[j]!))
  const rest = sub(ONE, p)
  const row: Array<Rational> = seedRow.map((x, j) => (j === 0 ? p : others.includes(j) ? mul(rest, div(x, otherMass)) : x))
  const rows = seedHealthRows.map((r, i) => (i === 2 ? row : r.map((x) => parse(x))))
  return {
    runtime,
    chain: getOrThrow(exactChain(healthStates, rows)),
    assumption:
      `Starting row only: P(S→H) := ${show(p)}; the remaining ${show(rest)} split over S→U and S→S in the seed's ` +
      `proportions (0.1 : 0.1), so each gets ${show(row[1]!)}; P(S→T) = 0; all other rows as in the seed`,
  }
}

/** The container variant, P(S→H) = 0.95. @since 0.1.0 @category seed */
export const containerHealth: HealthVariant = healthVariant("container", "0.95")
/** The VM variant, P(S→H) = 0.7. @since 0.1.0 @category seed */
export const vmHealth: HealthVariant = healthVariant("vm", "0.7")

/**
 * E[available backends] = backends · Σ_{s ∈ available} π_s for `backends` independent copies of
 * the chain in the stationary regime π.
 *
 * @since 0.1.0
 * @category queries
 */
export const expectedAvailable = (pi: ReadonlyArray<Rational>, available: ReadonlyArray<number>, backends = 1): Rational =>
  mul(parse(BigInt(backends)), sum(available.map((s) => pi[s]!)))
