import * as fc from "fast-check"
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import {
  canonical,
  compareQuantity,
  milliValue,
  parseQuantity,
  parseQuantityWith,
  quantityString,
  toDecimalString,
  value,
} from "../../../src/domain/quantity/index.ts"
import type { Quantity } from "../../../src/domain/quantity/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

const ok = (s: string | number): Quantity => {
  const r = parseQuantity(s)
  if (E.isLeft(r)) throw new Error(`expected ${String(s)} to parse: ${r.left.problem}`)
  return r.right
}

describe("parseQuantity: the issue's edge cases", () => {
  it.each([
    ["1.5Gi", "1610612736", "1536Mi", "BinarySI"],
    ["0.1", "0.1", "100m", "DecimalSI"],
    ["1000M", "1000000000", "1G", "DecimalSI"],
    ["400m", "0.4", "400m", "DecimalSI"],
    ["100n", "0.0000001", "100n", "DecimalSI"],
    ["-1.5", "-1.5", "-1500m", "DecimalSI"],
    ["1e3", "1000", "1e3", "DecimalExponent"],
    ["1E-3", "0.001", "1e-3", "DecimalExponent"],
    ["1.5e3", "1500", "1500", "DecimalExponent"],
    ["1E", "1000000000000000000", "1E", "DecimalSI"],
    ["0.5Ki", "512", "512", "BinarySI"],
    ["2048", "2048", "2048", "DecimalSI"],
    ["2Ki", "2048", "2Ki", "BinarySI"],
    ["1.0001Ki", "1024.1024", "1024102400u", "BinarySI"],
    ["0.0000000001", "0.000000001", "1n", "DecimalSI"],
    ["-0.0000000001", "-0.000000001", "-1n", "DecimalSI"],
    ["0", "0", "0", "DecimalSI"],
    ["-0Mi", "0", "0", "BinarySI"],
    ["1.", "1", "1", "DecimalSI"],
    [".5", "0.5", "500m", "DecimalSI"],
    ["+7k", "7000", "7k", "DecimalSI"],
  ])("%s = %s, canonical %s", (input, decimal, canon, format) => {
    const q = ok(input)
    expect(toDecimalString(q)).toBe(decimal)
    expect(canonical(q)).toBe(canon)
    expect(q.format).toBe(format)
  })

  it("binary values cap at 2^63-1; a binary value below 1 is DecimalSI", () => {
    expect(value(ok("8Ei"))).toBe((1n << 63n) - 1n)
    expect(value(ok("-8Ei"))).toBe(-((1n << 63n) - 1n))
    expect(ok("7Ei").nanos).toBe(7n * (1n << 60n) * 1_000_000_000n)
    expect(ok("0.0001Ki").format).toBe("DecimalSI")
    // decimal values are not capped
    expect(toDecimalString(ok("10E"))).toBe("10000000000000000000")
  })

  it("bare numbers (YAML/JSON scalars) read as their text", () => {
    expect(ok(0.5).nanos).toBe(500_000_000n)
    expect(ok(2).nanos).toBe(2_000_000_000n)
    expect(toDecimalString(ok(1e-7))).toBe("0.0000001")
    expect(toDecimalString(ok(1e21))).toBe("1000000000000000000000")
    expect(E.isLeft(parseQuantity(Number.NaN))).toBe(true)
    expect(E.isLeft(parseQuantity(Number.POSITIVE_INFINITY))).toBe(true)
  })

  it("milliValue and value round away from zero, as MilliValue/Value", () => {
    expect(milliValue(ok("250m"))).toBe(250n)
    expect(milliValue(ok("1n"))).toBe(1n)
    expect(milliValue(ok("0.5"))).toBe(500n)
    expect(value(ok("400m"))).toBe(1n) // 400m of memory is 0.4 bytes, the scheduler counts 1
    expect(value(ok("-1.5"))).toBe(-2n)
    expect(milliValue(ok("-1n"))).toBe(-1n)
    expect(value(ok("1.5Gi"))).toBe(1610612736n)
  })

  it.each([
    ["", 0, "empty"],
    ["1K", 1, "unknown suffix \"K\""],
    ["1KiB", 3, "\"B\""],
    ["1e", 2, "needs digits"],
    [" 1", 0, "whitespace"],
    ["1 ", 1, "whitespace"],
    ["1Gb", 2, "\"b\""],
    ["1e1.5", 3, "\".\""],
    [".", 1, "at least one digit"],
    ["1..2", 2, "second decimal point"],
    ["+-1", 1, "sign"],
    ["1-5", 1, "sign"],
    ["1mi", 1, "unknown suffix \"mi\""],
    ["1m5", 2, "after the suffix"],
    ["1e+", 3, "needs digits"],
    ["1e99999", 2, "out of range"],
    ["abc", 0, "\"a\""],
  ])("rejects %j at position %i (%s)", (input, position, problem) => {
    const r = parseQuantity(input)
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r)) {
      expect(r.left).toMatchObject({ _tag: "QuantityError", input, position })
      expect(r.left.problem).toContain(problem)
    }
  })

  it("apimachinery's reading of digitless numbers is available and differs only there", () => {
    const upstream = parseQuantityWith("zero")
    expect(upstream(".")).toEqual(E.right({ nanos: 0n, format: "DecimalSI" }))
    expect(upstream("-")).toEqual(E.right({ nanos: 0n, format: "DecimalSI" }))
    expect(E.isLeft(upstream("+-1"))).toBe(true)
    expect(E.isLeft(upstream("1..2"))).toBe(true)
  })
})

describe("parseQuantity: properties", () => {
  const { seed, numRuns } = runConfig(300)

  /** Writes nanos n as a decimal string in the units of a suffix with power of ten `power`. */
  const writeInUnits = (n: bigint, power: number): string => {
    // value / 10^power = n × 10^(-9-power): place the decimal point by string surgery
    const digits = (n < 0n ? -n : n).toString()
    const shift = 9 + power
    const padded = digits.padStart(shift + 1, "0")
    const point = padded.length - shift
    const text = shift <= 0 ? digits + "0".repeat(-shift) : `${padded.slice(0, point)}.${padded.slice(point)}`
    return (n < 0n ? "-" : "") + text
  }
  const decimalSuffixes: ReadonlyArray<readonly [string, number]> = [
    ["n", -9], ["u", -6], ["m", -3], ["", 0], ["k", 3], ["M", 6], ["G", 9], ["T", 12], ["P", 15], ["E", 18],
  ]

  it("reads back an exact value written in any decimal suffix", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.constantFrom(...decimalSuffixes), (n, [suffix, power]) => {
        const text = writeInUnits(n, power) + suffix
        expect(ok(text).nanos).toBe(n)
      }),
      { seed, numRuns },
    )
  })

  it("rounds a value finer than 10^-9 up (away from zero)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.integer({ min: 1, max: 12 }), fc.boolean(), (m, extra, negative) => {
        const divisor = 10n ** BigInt(extra)
        const expected = m / divisor + (m % divisor === 0n ? 0n : 1n)
        expect(ok(`${negative ? "-" : ""}${m}e-${9 + extra}`).nanos).toBe(negative ? -expected : expected)
      }),
      { seed, numRuns },
    )
  })

  it("binary suffixes multiply by 1024^k", () => {
    const binary = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"] as const
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1n << 20n }), fc.integer({ min: 0, max: 5 }), (v, k) => {
        const bytes = v << BigInt(10 * (k + 1))
        const capped = bytes > (1n << 63n) - 1n ? (1n << 63n) - 1n : bytes
        expect(value(ok(`${v}${binary[k]}`))).toBe(capped)
      }),
      { seed, numRuns },
    )
  })

  /** The round-trip law for a canonical-form function, as a property. */
  const roundTrip = (show: (q: Quantity) => string) =>
    fc.property(quantityString, (s) => {
      const q = ok(s)
      const again = parseQuantity(show(q))
      return E.isRight(again) && again.right.nanos === q.nanos
    })

  it("canonical round-trips: parse(canonical(q)) has q's value, and canonical is idempotent", () => {
    fc.assert(roundTrip(canonical), { seed, numRuns })
    fc.assert(
      fc.property(quantityString, (s) => canonical(ok(canonical(ok(s)))) === canonical(ok(s))),
      { seed, numRuns },
    )
  })

  it("toDecimalString round-trips", () => {
    fc.assert(fc.property(quantityString, (s) => ok(toDecimalString(ok(s))).nanos === ok(s).nanos), { seed, numRuns })
  })

  it("the round-trip check catches apimachinery's canonical form beyond E (drops the suffix)", () => {
    // apimachinery prints mantissa × 10^21 as the bare mantissa: a value change the law must catch
    const apimachineryCanonical = (q: Quantity): string => {
      const c = canonical(q)
      const m = /^(-?\d+)E$/.exec(c)
      if (m === null || q.format !== "DecimalSI") return c
      const mantissa = BigInt(m[1] as string)
      let e = 18
      let x = mantissa
      while (x % 10n === 0n && x !== 0n) { x /= 10n; e++ }
      return e - (e % 3) > 18 ? String(x * 10n ** BigInt(e % 3)) : c
    }
    const result = fc.check(roundTrip(apimachineryCanonical), { seed, numRuns: numRuns * 10 })
    expect(result.failed).toBe(true)
    const [counterexample] = result.counterexample ?? []
    // the shrunk counterexample is a DecimalSI value of at least 10^21
    expect(ok(counterexample as string).nanos).toBeGreaterThanOrEqual(10n ** 30n)
    expect(ok(counterexample as string).format).toBe("DecimalSI")
  })

  it("compareQuantity is a total preorder that ignores notation", () => {
    fc.assert(
      fc.property(quantityString, quantityString, quantityString, (x, y, z) => {
        const [a, b, c] = [ok(x), ok(y), ok(z)]
        expect(compareQuantity(a, b)).toBe(-compareQuantity(b, a) || 0)
        if (compareQuantity(a, b) <= 0 && compareQuantity(b, c) <= 0) expect(compareQuantity(a, c)).toBeLessThanOrEqual(0)
        // notation does not matter: the canonical and plain decimal forms are equivalent to a
        expect(compareQuantity(a, ok(canonical(a)))).toBe(0)
        expect(compareQuantity(a, ok(toDecimalString(a)))).toBe(0)
        // consistent with the scheduler's integer views
        if (compareQuantity(a, b) <= 0) expect(milliValue(a) <= milliValue(b)).toBe(true)
      }),
      { seed, numRuns },
    )
    expect(compareQuantity(ok("1Gi"), ok("1G"))).toBe(1)
    expect(compareQuantity(ok("1000m"), ok("1"))).toBe(0)
    expect(compareQuantity(ok("999m"), ok("1"))).toBe(-1)
  })
})
