import * as B from "fp-ts/lib/boolean.js"
import type { Monoid } from "fp-ts/lib/Monoid.js"
import * as N from "fp-ts/lib/number.js"
import * as S from "fp-ts/lib/string.js"
import { describe, expect, it } from "vitest"
import { booleanType, integerType, literalType, stringType } from "../../src/category/Type.ts"
import { failures, lawsOf, runConfig, runSuite } from "../../src/laws/index.ts"
import { monoidLaws } from "../../src/laws/monoid.ts"

const config = runConfig(100)

describe("monoid laws", () => {
  it("hold for fp-ts monoids: exhaustive on booleans, sampled on integers and strings", () => {
    const all = runSuite(monoidLaws(B.MonoidAll, booleanType), { config })
    expect(failures(all)).toEqual([])
    expect(all.laws.find((l) => l.law === "semigroup.associativity")).toMatchObject({ coverage: { mode: "exhaustive", cases: 8 } })
    expect(failures(runSuite(monoidLaws(N.MonoidSum, integerType), { config }))).toEqual([])
    expect(failures(runSuite(monoidLaws(S.Monoid, stringType), { config }))).toEqual([])
  })

  it("list the semigroup law first (parent suite) and each law once", () => {
    expect(lawsOf(monoidLaws(N.MonoidSum, integerType)).map((l) => l.name)).toEqual([
      "semigroup.associativity",
      "monoid.leftIdentity",
      "monoid.rightIdentity",
    ])
  })

  it("catch subtraction: not associative, and 0 is only a right identity (sampled, shrunk)", () => {
    const minus: Monoid<number> = { concat: (a, b) => a - b, empty: 0 }
    const verdict = runSuite(monoidLaws(minus, integerType), { config })
    expect(failures(verdict).map((f) => f.law)).toEqual(["semigroup.associativity", "monoid.leftIdentity"])
    const left = failures(verdict)[1]!
    // 0 - a = a only for a = 0; fast-check shrinks to the smallest failing magnitude
    expect(Math.abs(left.counterexample.value as number)).toBe(1)
    const [a, b, c] = failures(verdict)[0]!.counterexample.value as [number, number, number]
    expect(a - b - c).not.toBe(a - (b - c))
  })

  it("catch a wrong identity on a finite carrier, counting every failing value", () => {
    const level = literalType(0, 1, 2)
    // max with the wrong neutral element 1: max(1, 0) = 1 ≠ 0
    const maxWrong: Monoid<0 | 1 | 2> = { concat: (a, b) => (a >= b ? a : b), empty: 1 }
    const verdict = runSuite(monoidLaws(maxWrong, level), { config })
    const left = failures(verdict).find((f) => f.law === "monoid.leftIdentity")!
    expect(left).toMatchObject({ failingCases: 1, counterexample: { input: "0", message: "1 ≠ 0" } })
  })
})
