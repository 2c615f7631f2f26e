import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Rational } from "../../../src/dynamics/markov/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

const rational = fc
  .tuple(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min: 1n, max: 1000n }))
  .map(([n, d]) => Rational.rational(n, d))

describe("Rational", () => {
  it("is a field: commutative, associative, distributive, with inverses", () => {
    const { seed, numRuns } = runConfig(200)
    fc.assert(
      fc.property(rational, rational, rational, (a, b, c) => {
        expect(Rational.add(a, b)).toEqual(Rational.add(b, a))
        expect(Rational.mul(Rational.mul(a, b), c)).toEqual(Rational.mul(a, Rational.mul(b, c)))
        expect(Rational.mul(a, Rational.add(b, c))).toEqual(Rational.add(Rational.mul(a, b), Rational.mul(a, c)))
        expect(Rational.sub(Rational.add(a, b), b)).toEqual(a)
        if (!Rational.isZero(b)) expect(Rational.mul(Rational.div(a, b), b)).toEqual(a)
      }),
      { seed, numRuns },
    )
  })

  it("keeps lowest terms, so structural equality is value equality", () => {
    expect(Rational.rational(6n, -4n)).toEqual({ num: -3n, den: 2n })
    expect(Rational.equals(Rational.parse("2/4"), Rational.parse("0.5"))).toBe(true)
  })

  it("parses decimals exactly, not through binary doubles", () => {
    expect(Rational.show(Rational.parse("0.005"))).toBe("1/200")
    expect(Rational.show(Rational.parse(0.1))).toBe("1/10")
    expect(Rational.show(Rational.parse("1e-3"))).toBe("1/1000")
    expect(Rational.show(Rational.parse("-2.5E2"))).toBe("-250")
    expect(Rational.show(Rational.parse(".25"))).toBe("1/4")
    // 0.1 + 0.2 is exactly 3/10 here, unlike in floating point.
    expect(Rational.equals(Rational.add(Rational.parse("0.1"), Rational.parse("0.2")), Rational.parse("0.3"))).toBe(true)
  })

  it("rejects what is not a finite rational", () => {
    for (const bad of ["", "abc", "1/0", "1..2", "NaN"]) expect(() => Rational.parse(bad)).toThrow(Rational.RationalParseError)
    expect(() => Rational.parse(Infinity)).toThrow(/Infinity/)
    expect(() => Rational.div(Rational.ONE, Rational.ZERO)).toThrow(Rational.RationalDivisionByZero)
  })

  it("orders and converts consistently with doubles", () => {
    const { seed, numRuns } = runConfig(200)
    fc.assert(
      fc.property(rational, rational, (a, b) => {
        const x = Rational.toNumber(a)
        const y = Rational.toNumber(b)
        if (x < y) expect(Rational.compare(a, b)).toBe(-1)
        if (x > y) expect(Rational.compare(a, b)).toBe(1)
      }),
      { seed, numRuns },
    )
    const huge = Rational.rational(10n ** 400n + 1n, 3n * 10n ** 400n)
    expect(Rational.toNumber(huge)).toBeCloseTo(1 / 3, 15)
  })
})
