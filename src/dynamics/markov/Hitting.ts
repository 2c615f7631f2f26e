/**
 * Absorption probabilities and expected hitting times, exactly. Hitting probabilities solve
 * h = 1 on the targets, 0 where the targets are unreachable, h = P h elsewhere; expected times
 * solve t = 0 on the targets, t = 1 + P t where the hitting probability is exactly 1, and are
 * infinite where it is below 1 (exact rationals make that test exact).
 *
 * @since 0.1.0
 */
import type { ExactChain } from "./Chain.ts"
import { type Rational, ONE, ZERO, add, equals, sub } from "./Rational.ts"
import { solveRational, zeros } from "./RationalMatrix.ts"
import { analyse, canReach, graphOf } from "./Structure.ts"

/**
 * P(the chain started in i ever enters `targets`), for every state i.
 *
 * @example
 * import { Rational, exactChain, getOrThrow, hittingProbabilities } from "catcluster/dynamics/markov"
 * const gambler = getOrThrow(exactChain(["0", "1", "2"], [["1", "0", "0"], ["1/2", "0", "1/2"], ["0", "0", "1"]]))
 * hittingProbabilities(gambler, [2]).map(Rational.show) // ["0", "1/2", "1"]
 *
 * @since 0.1.0
 * @category algorithms
 */
export const hittingProbabilities = (chain: ExactChain, targets: ReadonlyArray<number>): ReadonlyArray<Rational> => {
  const n = chain.states.length
  const reach = canReach(graphOf(chain), targets)
  const isTarget = new Uint8Array(n)
  for (const t of targets) isTarget[t] = 1
  const unknown: Array<number> = []
  for (let i = 0; i < n; i++) if (reach[i] === 1 && isTarget[i] === 0) unknown.push(i)
  const result: Array<Rational> = Array.from({ length: n }, (_, i) => (isTarget[i] === 1 ? ONE : ZERO))
  if (unknown.length === 0) return result
  const index = new Map(unknown.map((s, k) => [s, k]))
  const m = unknown.length
  // (I − Q) h = r, with Q over unknowns and r = mass straight into the targets.
  const a = zeros(m, m)
  const b = zeros(m, 1)
  unknown.forEach((i, r) => {
    a[r]![r] = ONE
    for (let j = 0; j < n; j++) {
      const p = chain.matrix[i]![j]!
      if (p.num === 0n) continue
      if (isTarget[j] === 1) b[r]![0] = add(b[r]![0]!, p)
      else {
        const k = index.get(j)
        if (k !== undefined) a[r]![k] = sub(a[r]![k]!, p)
      }
    }
  })
  const x = solveRational(a, b)
  unknown.forEach((i, r) => (result[i] = x[r]![0]!))
  return result
}

/**
 * Expected number of steps to enter `targets` from each state: a rational, or `"infinite"` where
 * the targets are missed with positive probability.
 *
 * @since 0.1.0
 * @category algorithms
 */
export const expectedHittingTimes = (chain: ExactChain, targets: ReadonlyArray<number>): ReadonlyArray<Rational | "infinite"> => {
  const n = chain.states.length
  const probability = hittingProbabilities(chain, targets)
  const isTarget = new Uint8Array(n)
  for (const t of targets) isTarget[t] = 1
  const sure: Array<number> = []
  for (let i = 0; i < n; i++) if (isTarget[i] === 0 && equals(probability[i]!, ONE)) sure.push(i)
  const result: Array<Rational | "infinite"> = Array.from({ length: n }, (_, i) =>
    isTarget[i] === 1 ? ZERO : equals(probability[i]!, ONE) ? ZERO : "infinite",
  )
  if (sure.length === 0) return result
  const index = new Map(sure.map((s, k) => [s, k]))
  const m = sure.length
  const a = zeros(m, m)
  const b = zeros(m, 1)
  sure.forEach((i, r) => {
    a[r]![r] = ONE
    b[r]![0] = ONE
    for (let j = 0; j < n; j++) {
      const p = chain.matrix[i]![j]!
      if (p.num === 0n) continue
      // Every successor of a sure state is a target or sure itself (else it would miss with p > 0).
      const k = index.get(j)
      if (k !== undefined) a[r]![k] = sub(a[r]![k]!, p)
    }
  })
  const x = solveRational(a, b)
  sure.forEach((i, r) => (result[i] = x[r]![0]!))
  return result
}

/**
 * For each closed class (in `analyse(chain).closedClasses` order), the probability of ending in
 * it from each state.
 *
 * @since 0.1.0
 * @category algorithms
 */
export const absorptionProbabilities = (chain: ExactChain): ReadonlyArray<ReadonlyArray<Rational>> => {
  const structure = analyse(chain)
  return structure.closedClasses.map((k) => hittingProbabilities(chain, structure.classes[k]!.states))
}
