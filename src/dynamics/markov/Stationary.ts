/**
 * Stationary distributions π = πP. A finite chain has one per closed class (supported on that
 * class) and every stationary distribution is a convex combination of these extreme points, so
 * the answer is unique exactly when there is one closed class. Exact by rational elimination on
 * small chains; by power iteration on the lazy chain (P + I)/2 (same stationary distribution,
 * always aperiodic, so it converges) over Float64Arrays on large ones.
 *
 * @since 0.1.0
 */
import type { ExactChain, FloatChain } from "./Chain.ts"
import { toFloatChain } from "./Chain.ts"
import { type Rational, ONE, ZERO, sub } from "./Rational.ts"
import { solveRational, zeros } from "./RationalMatrix.ts"
import { type ChainStructure, analyse } from "./Structure.ts"

/**
 * The stationary distributions of a chain.
 *
 * @since 0.1.0
 * @category model
 */
export interface Stationary<T> {
  /** One extreme point per closed class, in the order of `structure.closedClasses`. */
  readonly extremePoints: ReadonlyArray<ReadonlyArray<T>>
  readonly unique: boolean
  readonly structure: ChainStructure
}

/**
 * Exact stationary distributions: for each closed class C, the unique π_C with π_C P_CC = π_C and
 * Σ π_C = 1 (one balance equation replaced by the normalisation), extended by zeros.
 *
 * @example
 * import { Rational, exactChain, getOrThrow, stationaryExact } from "catcluster/dynamics/markov"
 * const chain = getOrThrow(exactChain(["a", "b"], [["1/2", "1/2"], ["1/4", "3/4"]]))
 * stationaryExact(chain).extremePoints[0]!.map(Rational.show) // ["1/3", "2/3"]
 *
 * @since 0.1.0
 * @category algorithms
 */
export const stationaryExact = (chain: ExactChain): Stationary<Rational> => {
  const structure = analyse(chain)
  const n = chain.states.length
  const extremePoints = structure.closedClasses.map((k) => {
    const members = structure.classes[k]!.states
    const m = members.length
    // Unknowns π_c for c in C. Rows: balance for members[1..m-1] and Σ π = 1.
    // Balance at j: Σ_i π_i P_ij − π_j = 0, i.e. Aᵀ with A = P_CC − I.
    const a = zeros(m, m)
    const b = zeros(m, 1)
    for (let r = 0; r < m - 1; r++) {
      const j = members[r + 1]!
      for (let c = 0; c < m; c++) {
        const i = members[c]!
        const p = chain.matrix[i]![j]!
        a[r]![c] = i === j ? sub(p, ONE) : p
      }
    }
    for (let c = 0; c < m; c++) a[m - 1]![c] = ONE
    b[m - 1]![0] = ONE
    const x = solveRational(a, b)
    const pi: Array<Rational> = Array.from({ length: n }, () => ZERO)
    members.forEach((state, c) => (pi[state] = x[c]![0]!))
    return pi
  })
  return { extremePoints, unique: extremePoints.length === 1, structure }
}

/**
 * Options of the iterative method.
 *
 * @since 0.1.0
 * @category model
 */
export interface IterativeOptions {
  /** Stop when the L1 change per step is below this (default 1e-14). */
  readonly tolerance?: number
  readonly maxIterations?: number
}

/**
 * Iterative stationary distributions on a float chain: per closed class, power iteration of the
 * lazy chain restricted to the class, on a compressed sparse copy of its rows. Reports the
 * iterations used and the final L1 residual ‖πP − π‖₁ per class.
 *
 * @since 0.1.0
 * @category algorithms
 */
export const stationaryIterative = (
  chain: FloatChain | ExactChain,
  options: IterativeOptions = {},
): Stationary<number> & { readonly iterations: ReadonlyArray<number>; readonly residuals: ReadonlyArray<number> } => {
  const float = toFloatChain(chain)
  const structure = analyse(float)
  const n = float.size
  const tolerance = options.tolerance ?? 1e-14
  const maxIterations = options.maxIterations ?? 1_000_000
  const iterations: Array<number> = []
  const residuals: Array<number> = []
  const extremePoints = structure.closedClasses.map((k) => {
    const members = structure.classes[k]!.states
    const m = members.length
    const local = new Int32Array(n).fill(-1)
    members.forEach((s, c) => (local[s] = c))
    // Sparse rows of P restricted to the class (closed, so nothing is lost).
    const offsets = new Int32Array(m + 1)
    const cols: Array<number> = []
    const vals: Array<number> = []
    for (let c = 0; c < m; c++) {
      const i = members[c]!
      for (let j = 0; j < n; j++) {
        const p = float.matrix[i * n + j]!
        if (p > 0) {
          cols.push(local[j]!)
          vals.push(p)
        }
      }
      offsets[c + 1] = cols.length
    }
    const col = Int32Array.from(cols)
    const val = Float64Array.from(vals)
    let pi = new Float64Array(m).fill(1 / m)
    let next = new Float64Array(m)
    let it = 0
    let change = Infinity
    while (it < maxIterations && change > tolerance) {
      next.fill(0)
      for (let c = 0; c < m; c++) {
        const mass = pi[c]!
        for (let e = offsets[c]!; e < offsets[c + 1]!; e++) next[col[e]!]! += mass * val[e]!
      }
      // Lazy step (P + I)/2, then renormalise against rounding drift.
      let total = 0
      for (let c = 0; c < m; c++) {
        const v = 0.5 * (next[c]! + pi[c]!)
        next[c] = v
        total += v
      }
      change = 0
      for (let c = 0; c < m; c++) {
        const v = next[c]! / total
        change += Math.abs(v - pi[c]!)
        next[c] = v
      }
      const swap = pi
      pi = next
      next = swap
      it++
    }
    // Residual of the plain chain: ‖πP − π‖₁.
    next.fill(0)
    for (let c = 0; c < m; c++) for (let e = offsets[c]!; e < offsets[c + 1]!; e++) next[col[e]!]! += pi[c]! * val[e]!
    let residual = 0
    for (let c = 0; c < m; c++) residual += Math.abs(next[c]! - pi[c]!)
    iterations.push(it)
    residuals.push(residual)
    const full: Array<number> = new Array<number>(n).fill(0)
    members.forEach((s, c) => (full[s] = pi[c]!))
    return full
  })
  return { extremePoints, unique: extremePoints.length === 1, structure, iterations, residuals }
}
