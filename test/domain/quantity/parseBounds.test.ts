/**
 * The parser's bounds (issue 12 §3): the exponent bound |e| ≤ MAX_EXPONENT = 1000, a sign with
 * no digit, and the other edges a mutation run found unchecked. apimachinery reads the exponent
 * as an int64 and keeps its low 32 bits (no bound, so "1e2147483648" means 10⁻²¹⁴⁷⁴⁸³⁶⁴⁸ there);
 * catcluster refuses |e| > 1000 instead, both ends included as written: 1e1000 and 1e-1000 are
 * read, 1e1001 and 1e-1001 are not.
 */
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { MAX_EXPONENT, parseQuantity, parseQuantityWith, showQuantityError } from "../../../src/domain/quantity/index.ts"

const refused = (input: string, policy: "reject" | "zero" = "reject") => {
  const r = parseQuantityWith(policy)(input)
  if (E.isRight(r)) throw new Error(`expected ${input} to be refused, got ${r.right.nanos}n`)
  return r.left
}

describe("the exponent bound |e| ≤ 1000", () => {
  it("is 1000", () => {
    expect(MAX_EXPONENT).toBe(1000)
  })

  it("reads 1e1000, 1E+1000 and -1e1000 exactly (10^1009 nano-units)", () => {
    expect(parseQuantity("1e1000")).toEqual(E.right({ nanos: 10n ** 1009n, format: "DecimalExponent" }))
    expect(parseQuantity("1E+1000")).toEqual(E.right({ nanos: 10n ** 1009n, format: "DecimalExponent" }))
    expect(parseQuantity("-1e1000")).toEqual(E.right({ nanos: -(10n ** 1009n), format: "DecimalExponent" }))
  })

  it("reads 1e-1000 as the smallest amount, 1n (rounded up, not to 0)", () => {
    expect(parseQuantity("1e-1000")).toEqual(E.right({ nanos: 1n, format: "DecimalExponent" }))
    expect(parseQuantity("0e-1000")).toEqual(E.right({ nanos: 0n, format: "DecimalExponent" }))
  })

  it("refuses 1e1001 and 1e-1001 at the exponent's first digit, whatever the mantissa", () => {
    expect(refused("1e1001")).toEqual({ _tag: "QuantityError", input: "1e1001", position: 2, problem: "exponent out of range (|e| ≤ 1000)" })
    expect(refused("1e-1001")).toMatchObject({ position: 3, problem: "exponent out of range (|e| ≤ 1000)" })
    expect(refused("0e1001")).toMatchObject({ position: 2 })
    expect(refused("1.5E+1001")).toMatchObject({ position: 5 })
  })

  it("reads the exponent against the fraction: 1.5e1000 = 15·10^999", () => {
    expect(parseQuantity("1.5e1000")).toEqual(E.right({ nanos: 15n * 10n ** 1008n, format: "DecimalExponent" }))
  })
})

describe("a sign or a point with no digit", () => {
  it.each([
    ["+", 1, "the input ends where a digit was expected"],
    ["-", 1, "the input ends where a digit was expected"],
    ["+Ki", 1, 'unexpected character "K"'],
    ["-e3", 1, 'unexpected character "e"'],
    ["-.", 2, "a number needs at least one digit"],
    ["+.Mi", 2, "a number needs at least one digit"],
  ])("refuses %j at position %i: %s", (input, position, problem) => {
    expect(refused(input)).toEqual({ _tag: "QuantityError", input, position, problem })
  })

  it("apimachinery's reading (policy \"zero\") takes them as 0, keeping the suffix's format", () => {
    const upstream = parseQuantityWith("zero")
    expect(upstream("+")).toEqual(E.right({ nanos: 0n, format: "DecimalSI" }))
    expect(upstream("+Ki")).toEqual(E.right({ nanos: 0n, format: "BinarySI" }))
    expect(upstream("-e3")).toEqual(E.right({ nanos: 0n, format: "DecimalExponent" }))
    // still refused there: a sign with something that is not a number after it
    expect(refused("+x", "zero")).toMatchObject({ position: 1, problem: 'unexpected character "x"' })
  })
})

describe("binary values at 1", () => {
  it("a binary value of exactly 1 stays BinarySI; just below 1 it is shown as DecimalSI (as apimachinery: only < 1 switches)", () => {
    // 0.0009765625 · 1024 = 1 exactly
    expect(parseQuantity("0.0009765625Ki")).toEqual(E.right({ nanos: 1_000_000_000n, format: "BinarySI" }))
    // 0.0009765624 · 1024 = 0.9999998976 → 999999897.6n, rounded up
    expect(parseQuantity("0.0009765624Ki")).toEqual(E.right({ nanos: 999_999_898n, format: "DecimalSI" }))
  })
})

describe("messages name the problem and where", () => {
  it.each([
    ["1K", 1, 'unknown suffix "K" (did you mean k = 10³ or Ki = 2¹⁰?)'],
    ["1mi", 1, 'unknown suffix "mi" (did you mean Mi = 2²⁰ or m = 10⁻³?)'],
    ["1ki", 1, 'unknown suffix "ki" (did you mean Ki = 2¹⁰?)'],
    ["1Mb", 2, 'unexpected character "b"'],
    ["1Ti", 3, ""],
    ["1e", 2, 'the exponent "e" needs digits'],
    ["1E", 2, ""],
    ["1ee", 1, 'unknown suffix "ee"'],
    ["1e+", 3, "an exponent needs digits"],
    ["1k+3", 2, 'unexpected character "+" after the suffix "k"'],
    ["1+3", 1, "a sign may only come first or right after an exponent e/E"],
    ["1\t", 1, "whitespace is not allowed"],
    ["1.2.3", 3, "a second decimal point"],
    ["1e3.", 3, 'unexpected "."'],
    ["1x", 1, 'unexpected character "x"'],
  ])("%j at %i: %s", (input, position, problem) => {
    const r = parseQuantity(input)
    if (problem === "") {
      expect(E.isRight(r)).toBe(true)
      return
    }
    expect(r).toEqual(E.left({ _tag: "QuantityError", input, position, problem }))
  })

  it("showQuantityError quotes the input and gives the position", () => {
    expect(showQuantityError(refused("1e1001"))).toBe('"1e1001": exponent out of range (|e| ≤ 1000) at position 2')
  })

  it("a bare number is read from its text; a non-finite one is refused at 0", () => {
    expect(parseQuantity(1e21)).toEqual(E.right({ nanos: 10n ** 30n, format: "DecimalExponent" }))
    expect(parseQuantity(-0.25)).toEqual(E.right({ nanos: -250_000_000n, format: "DecimalSI" }))
    const r = parseQuantity(Number.NEGATIVE_INFINITY)
    expect(r).toEqual(E.left({ _tag: "QuantityError", input: "-Infinity", position: 0, problem: "not a finite number" }))
  })
})
