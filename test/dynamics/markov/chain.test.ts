import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { type ChainIssue, describeIssue, exactChain, floatChain, getOrThrow, InvalidChainError } from "../../../src/dynamics/markov/index.ts"

const left = <A>(e: E.Either<ChainIssue, A>): ChainIssue => {
  if (E.isRight(e)) throw new Error("expected a rejection")
  return e.left
}

describe("chain validation", () => {
  it("accepts a stochastic matrix with exact decimal rows", () => {
    const chain = getOrThrow(exactChain(["H", "U"], [["0.995", "0.005"], ["0.3", "0.7"]]))
    expect(chain.states).toEqual(["H", "U"])
  })

  it("rejects a row that does not sum to exactly 1, naming the row, its state and its sum", () => {
    const issue = left(exactChain(["H", "U", "S"], [["1", "0", "0"], ["0.3", "0.5", "0.19"], ["0", "0", "1"]]))
    expect(issue).toEqual({ _tag: "RowSum", row: 1, state: "U", sum: "99/100", tolerance: 0 })
    expect(describeIssue(issue)).toBe("row 1 (U) sums to 99/100, expected exactly 1")
  })

  it("rejects negative entries, ragged rows, wrong state counts, duplicates and non-numbers", () => {
    expect(left(exactChain(["a", "b"], [["1.5", "-0.5"], ["0", "1"]]))).toMatchObject({ _tag: "Negative", row: 0, column: 1 })
    expect(left(exactChain(["a", "b"], [["1"], ["0", "1"]]))).toMatchObject({ _tag: "NotSquare", row: 0, length: 1, expected: 2 })
    expect(left(exactChain(["a"], [["1", "0"], ["0", "1"]]))).toMatchObject({ _tag: "StateCount", states: 1, rows: 2 })
    expect(left(exactChain(["a", "a"], [["1", "0"], ["0", "1"]]))).toMatchObject({ _tag: "DuplicateState", state: "a", index: 1 })
    expect(left(exactChain(["a", "b"], [["x", "1"], ["0", "1"]]))).toMatchObject({ _tag: "NotANumber", row: 0, column: 0, value: "x" })
    expect(left(exactChain([], []))).toEqual({ _tag: "Empty" })
  })

  it("float rows may be off by 1e-12 at most", () => {
    expect(E.isRight(floatChain(["a", "b"], [[0.5, 0.5 + 1e-13], [0, 1]]))).toBe(true)
    expect(left(floatChain(["a", "b"], [[0.5, 0.5 + 1e-11], [0, 1]]))).toMatchObject({ _tag: "RowSum", row: 0, state: "a" })
    expect(left(floatChain(["a", "b"], Float64Array.from([1, 0, 0.5, Number.NaN])))).toMatchObject({ _tag: "NotANumber", row: 1, column: 1 })
  })

  it("getOrThrow raises a typed error carrying the issue", () => {
    try {
      getOrThrow(exactChain(["a"], [["0.9"]]))
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidChainError)
      expect((e as InvalidChainError).issue).toMatchObject({ _tag: "RowSum", row: 0, sum: "9/10" })
      expect((e as Error).message).toContain("row 0 (a)")
    }
  })
})

describe("chain validation on data from JSON (review: these threw a TypeError or were coerced)", () => {
  it("a null or string row is refused with its index and state", () => {
    expect(left(exactChain(["a", "b"], [["1", "0"], null as unknown as string[]]))).toEqual({ _tag: "NotARow", row: 1, state: "b", value: "null" })
    // a string row of the right length used to be read character by character
    expect(left(exactChain(["a", "b"], [["1", "0"], "10" as unknown as string[]]))).toMatchObject({ _tag: "NotARow", row: 1 })
    expect(left(floatChain(["a", "b"], [[1, 0], null as unknown as number[]]))).toMatchObject({ _tag: "NotARow", row: 1, state: "b" })
    expect(describeIssue({ _tag: "NotARow", row: 1, state: "b", value: "null" })).toBe("row 1 (b) is not an array: null")
  })

  it("a float row with a string or null entry is not coerced into a probability", () => {
    expect(left(floatChain(["a"], [["1" as unknown as number]]))).toEqual({ _tag: "NotANumber", row: 0, column: 0, state: "a", value: "1" })
    expect(left(floatChain(["a", "b"], [[1, 0], [null as unknown as number, 1]]))).toMatchObject({ _tag: "NotANumber", row: 1, column: 0 })
  })
})
