/**
 * Finite Markov chains, validated. An exact chain holds rational entries and its rows must sum to
 * exactly 1; a float chain holds a row-major Float64Array and its rows must sum to 1 within
 * 1e-12. Every rejection is a typed {@link ChainIssue} naming the row (index and state) and
 * what is wrong with it.
 *
 * @since 0.1.0
 */
import * as E from "fp-ts/lib/Either.js"
import { match } from "ts-pattern"
import { type Rational, ONE, compare, equals, parse, show, sum, toNumber, ZERO } from "./Rational.ts"

/**
 * A chain with exact rational transition probabilities.
 *
 * @since 0.1.0
 * @category model
 */
export interface ExactChain {
  readonly _tag: "ExactChain"
  readonly states: ReadonlyArray<string>
  readonly matrix: ReadonlyArray<ReadonlyArray<Rational>>
}

/**
 * A chain with double-precision transition probabilities, row-major (`matrix[i·n + j]` = P(i→j)).
 *
 * @since 0.1.0
 * @category model
 */
export interface FloatChain {
  readonly _tag: "FloatChain"
  readonly states: ReadonlyArray<string>
  readonly size: number
  readonly matrix: Float64Array
}

/**
 * Either kind of chain.
 *
 * @since 0.1.0
 * @category model
 */
export type Chain = ExactChain | FloatChain

/**
 * Why a matrix is not a stochastic matrix over the given states.
 *
 * @since 0.1.0
 * @category errors
 */
export type ChainIssue =
  | { readonly _tag: "Empty" }
  | { readonly _tag: "StateCount"; readonly states: number; readonly rows: number }
  | { readonly _tag: "DuplicateState"; readonly state: string; readonly index: number }
  | { readonly _tag: "NotSquare"; readonly row: number; readonly state: string; readonly length: number; readonly expected: number }
  | { readonly _tag: "NotARow"; readonly row: number; readonly state: string; readonly value: string }
  | { readonly _tag: "NotANumber"; readonly row: number; readonly column: number; readonly state: string; readonly value: string }
  | { readonly _tag: "Negative"; readonly row: number; readonly column: number; readonly state: string; readonly value: string }
  | { readonly _tag: "RowSum"; readonly row: number; readonly state: string; readonly sum: string; readonly tolerance: number }

/**
 * A person-readable message for an issue, naming the row and column.
 *
 * @since 0.1.0
 * @category errors
 */
export const describeIssue = (issue: ChainIssue): string =>
  match(issue)
    .with({ _tag: "Empty" }, () => "the chain has no states")
    .with({ _tag: "StateCount" }, (i) => `${i.states} state names for ${i.rows} rows`)
    .with({ _tag: "DuplicateState" }, (i) => `state ${JSON.stringify(i.state)} named twice (index ${i.index})`)
    .with({ _tag: "NotSquare" }, (i) => `row ${i.row} (${i.state}) has ${i.length} entries, expected ${i.expected}`)
    .with({ _tag: "NotARow" }, (i) => `row ${i.row} (${i.state}) is not an array: ${i.value}`)
    .with({ _tag: "NotANumber" }, (i) => `row ${i.row} (${i.state}), column ${i.column}: ${i.value} is not a finite probability`)
    .with({ _tag: "Negative" }, (i) => `row ${i.row} (${i.state}), column ${i.column}: negative probability ${i.value}`)
    .with({ _tag: "RowSum" }, (i) =>
      i.tolerance === 0 ? `row ${i.row} (${i.state}) sums to ${i.sum}, expected exactly 1` : `row ${i.row} (${i.state}) sums to ${i.sum}, expected 1 ± ${i.tolerance}`,
    )
    .exhaustive()

/**
 * The thrown form of a {@link ChainIssue}, for callers that want an exception.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidChainError extends Error {
  readonly _tag = "InvalidChainError" as const
  constructor(readonly issue: ChainIssue) {
    super(`invalid Markov chain: ${describeIssue(issue)}`)
    this.name = "InvalidChainError"
  }
}

/** Tolerance on float row sums. @since 0.1.0 @category constants */
export const FLOAT_ROW_TOLERANCE = 1e-12

const checkStates = (states: ReadonlyArray<string>, rows: number): ChainIssue | undefined => {
  if (rows === 0) return { _tag: "Empty" }
  if (states.length !== rows) return { _tag: "StateCount", states: states.length, rows }
  const seen = new Set<string>()
  for (const [index, state] of states.entries()) {
    if (seen.has(state)) return { _tag: "DuplicateState", state, index }
    seen.add(state)
  }
  return undefined
}

/**
 * A validated exact chain from rows of rationals, decimal strings (`"0.005"`) or numbers (read
 * through their shortest decimal form). Rows must sum to exactly 1.
 *
 * @example
 * import { exactChain } from "catcluster/dynamics/markov"
 * const chain = exactChain(["up", "down"], [["0.9", "0.1"], ["0.5", "0.5"]]) // Right(ExactChain)
 * const bad = exactChain(["up", "down"], [["0.9", "0.2"], ["0.5", "0.5"]])   // Left(RowSum row 0, sum 11/10)
 *
 * @since 0.1.0
 * @category constructors
 */
export const exactChain = (
  states: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<Rational | string | number>>,
): E.Either<ChainIssue, ExactChain> => {
  const stateIssue = checkStates(states, rows.length)
  if (stateIssue !== undefined) return E.left(stateIssue)
  const n = rows.length
  const matrix: Array<ReadonlyArray<Rational>> = []
  for (let i = 0; i < n; i++) {
    const row = rows[i]!
    const state = states[i]!
    // rows may come from JSON: a null or a string would otherwise throw or be read character by character
    if (!Array.isArray(row)) return E.left({ _tag: "NotARow", row: i, state, value: String(row) })
    if (row.length !== n) return E.left({ _tag: "NotSquare", row: i, state, length: row.length, expected: n })
    const parsed: Array<Rational> = []
    for (let j = 0; j < n; j++) {
      const raw = row[j]!
      let value: Rational
      try {
        value = parse(raw)
      } catch {
        return E.left({ _tag: "NotANumber", row: i, column: j, state, value: String(raw) })
      }
      if (compare(value, ZERO) < 0) return E.left({ _tag: "Negative", row: i, column: j, state, value: show(value) })
      parsed.push(value)
    }
    const total = sum(parsed)
    if (!equals(total, ONE)) return E.left({ _tag: "RowSum", row: i, state, sum: show(total), tolerance: 0 })
    matrix.push(parsed)
  }
  return E.right({ _tag: "ExactChain", states, matrix })
}

/**
 * A validated float chain from a row-major Float64Array or nested arrays. Rows must sum to 1
 * within {@link FLOAT_ROW_TOLERANCE}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const floatChain = (
  states: ReadonlyArray<string>,
  rows: Float64Array | ReadonlyArray<ReadonlyArray<number>>,
): E.Either<ChainIssue, FloatChain> => {
  const n = rows instanceof Float64Array ? Math.round(Math.sqrt(rows.length)) : rows.length
  const stateIssue = checkStates(states, n)
  if (stateIssue !== undefined) return E.left(stateIssue)
  let matrix: Float64Array
  if (rows instanceof Float64Array) {
    if (n * n !== rows.length) return E.left({ _tag: "NotSquare", row: 0, state: states[0]!, length: rows.length, expected: n * n })
    matrix = rows
  } else {
    matrix = new Float64Array(n * n)
    for (let i = 0; i < n; i++) {
      const row = rows[i]!
      if (!Array.isArray(row)) return E.left({ _tag: "NotARow", row: i, state: states[i]!, value: String(row) })
      if (row.length !== n) return E.left({ _tag: "NotSquare", row: i, state: states[i]!, length: row.length, expected: n })
      // Float64Array.set would coerce "0.5" or null to a number: only real numbers are probabilities
      for (let j = 0; j < n; j++) {
        const p: unknown = row[j]
        if (typeof p !== "number") return E.left({ _tag: "NotANumber", row: i, column: j, state: states[i]!, value: String(p) })
      }
      matrix.set(row, i * n)
    }
  }
  for (let i = 0; i < n; i++) {
    let total = 0
    for (let j = 0; j < n; j++) {
      const p = matrix[i * n + j]!
      if (!Number.isFinite(p)) return E.left({ _tag: "NotANumber", row: i, column: j, state: states[i]!, value: String(p) })
      if (p < 0) return E.left({ _tag: "Negative", row: i, column: j, state: states[i]!, value: String(p) })
      total += p
    }
    if (Math.abs(total - 1) > FLOAT_ROW_TOLERANCE) {
      return E.left({ _tag: "RowSum", row: i, state: states[i]!, sum: String(total), tolerance: FLOAT_ROW_TOLERANCE })
    }
  }
  return E.right({ _tag: "FloatChain", states, size: n, matrix })
}

/**
 * The chain, or an {@link InvalidChainError} thrown: for data known to be valid (seed constants).
 *
 * @since 0.1.0
 * @category constructors
 */
export const getOrThrow = <C>(result: E.Either<ChainIssue, C>): C => {
  if (E.isLeft(result)) throw new InvalidChainError(result.left)
  return result.right
}

/**
 * The double-precision form of an exact chain.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toFloatChain = (chain: Chain): FloatChain => {
  if (chain._tag === "FloatChain") return chain
  const n = chain.states.length
  const matrix = new Float64Array(n * n)
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) matrix[i * n + j] = toNumber(chain.matrix[i]![j]!)
  return { _tag: "FloatChain", states: chain.states, size: n, matrix }
}

/**
 * P(i→j) > 0, for either kind of chain.
 *
 * @since 0.1.0
 * @category queries
 */
export const hasEdge = (chain: Chain, i: number, j: number): boolean =>
  chain._tag === "ExactChain" ? chain.matrix[i]![j]!.num > 0n : chain.matrix[i * chain.size + j]! > 0

/**
 * The number of states.
 *
 * @since 0.1.0
 * @category queries
 */
export const sizeOf = (chain: Chain): number => chain.states.length
