/**
 * Exact linear algebra over the rationals: Gauss–Jordan elimination with several right-hand
 * sides. Used for stationary distributions, absorption probabilities and hitting times on small
 * chains, and for exact policy evaluation on small MDPs.
 *
 * @since 0.1.0
 */
import { type Rational, ZERO, div, isZero, mul, sub } from "./Rational.ts"

/**
 * Error for a singular system (the named column has no pivot).
 *
 * @since 0.1.0
 * @category errors
 */
export class SingularSystemError extends Error {
  readonly _tag = "SingularSystemError" as const
  constructor(readonly column: number) {
    super(`singular linear system: no pivot in column ${column}`)
    this.name = "SingularSystemError"
  }
}

/**
 * X with A·X = B for a square non-singular A (n×n) and B (n×k). Throws
 * {@link SingularSystemError} otherwise.
 *
 * @example
 * import { Rational, solveRational } from "catcluster/dynamics/markov"
 * const n = Rational.parse
 * const x = solveRational([[n(2), n(1)], [n(1), n(3)]], [[n(3)], [n(4)]])
 * x.map((r) => Rational.show(r[0]!)) // ["1", "1"]
 *
 * @since 0.1.0
 * @category linear algebra
 */
export const solveRational = (
  a: ReadonlyArray<ReadonlyArray<Rational>>,
  b: ReadonlyArray<ReadonlyArray<Rational>>,
): Array<Array<Rational>> => {
  const n = a.length
  const k = b[0]?.length ?? 0
  const m: Array<Array<Rational>> = a.map((row, i) => [...row, ...(b[i] ?? [])])
  for (let col = 0; col < n; col++) {
    let pivot = -1
    for (let r = col; r < n; r++) {
      if (!isZero(m[r]![col]!)) {
        pivot = r
        break
      }
    }
    if (pivot < 0) throw new SingularSystemError(col)
    if (pivot !== col) [m[pivot], m[col]] = [m[col]!, m[pivot]!]
    const pivotRow = m[col]!
    const p = pivotRow[col]!
    for (let c = col; c < n + k; c++) pivotRow[c] = div(pivotRow[c]!, p)
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const row = m[r]!
      const factor = row[col]!
      if (isZero(factor)) continue
      for (let c = col; c < n + k; c++) row[c] = sub(row[c]!, mul(factor, pivotRow[c]!))
    }
  }
  return m.map((row) => row.slice(n, n + k))
}

/** An n×m matrix of zeros. @since 0.1.0 @category linear algebra */
export const zeros = (n: number, m: number): Array<Array<Rational>> => Array.from({ length: n }, () => Array.from({ length: m }, () => ZERO))
