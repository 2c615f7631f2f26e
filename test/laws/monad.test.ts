import * as A from "fp-ts/lib/Array.js"
import type { Monad1 } from "fp-ts/lib/Monad.js"
import * as NEA from "fp-ts/lib/NonEmptyArray.js"
import * as O from "fp-ts/lib/Option.js"
import { describe, expect, it } from "vitest"
import { arrayType, booleanType, integerType, literalType, nonEmptyArrayType, optionType, stringType, type Fn } from "../../src/category/Type.ts"
import { failures, lawsOf, runConfig, runSuite } from "../../src/laws/index.ts"
import { monadLaws } from "../../src/laws/monad.ts"

const config = runConfig(60)
const small = { a: booleanType, b: literalType("x", "y"), c: booleanType }

describe("monad laws", () => {
  it("hold for Option exhaustively on finite types (every Kleisli arrow), with the functor laws as parent", () => {
    const verdict = runSuite(monadLaws(O.Monad, optionType, small), { config })
    expect(failures(verdict)).toEqual([])
    // left identity: 2 values × 3^2 Kleisli arrows boolean → Option<"x"|"y">
    expect(verdict.laws.find((l) => l.law === "monad.leftIdentity")).toMatchObject({ coverage: { mode: "exhaustive", cases: 18 } })
    // associativity: 3 monadic values × 9 arrows f × 3^2 arrows g
    expect(verdict.laws.find((l) => l.law === "monad.associativity")).toMatchObject({ coverage: { mode: "exhaustive", cases: 243 } })
    expect(lawsOf(monadLaws(O.Monad, optionType, small)).map((l) => l.name).slice(0, 2)).toEqual(["functor.identity", "functor.composition"])
  })

  it("hold for Array and NonEmptyArray, sampled", () => {
    const types = { a: integerType, b: stringType, c: booleanType }
    expect(failures(runSuite(monadLaws(A.Monad, (t) => arrayType(t, 4), types), { config }))).toEqual([])
    expect(failures(runSuite(monadLaws(NEA.Monad, (t) => nonEmptyArrayType(t, 4), types), { config }))).toEqual([])
  })

  it("catch an Option whose `of` is none: left identity fails with the value and arrow", () => {
    const broken: Monad1<"Option"> = { ...O.Monad, of: () => O.none }
    const verdict = runSuite(monadLaws(broken, optionType, small), { config })
    const failed = failures(verdict).map((f) => f.law)
    expect(failed).toEqual(["monad.leftIdentity", "monad.rightIdentity"])
    const left = failures(verdict)[0]!
    const [a, f] = left.counterexample.value as [boolean, Fn<boolean, O.Option<string>>]
    // chain(none, f) = none, so the counterexample is an arrow that returns some at a
    expect(O.isSome(f.run(a))).toBe(true)
    expect(left.counterexample.message).toMatch(/^none ≠ some\(/)
  })

  it("catch an Array chain that reverses the concatenation: associativity fails, shrunk", () => {
    const broken: Monad1<"Array"> = { ...A.Monad, chain: (ma, f) => A.reverse(A.Monad.chain(ma, f)) }
    const verdict = runSuite(monadLaws(broken, (t) => arrayType(t, 4), { a: integerType, b: integerType, c: integerType }), { config })
    expect(failures(verdict).map((f) => f.law)).toContain("monad.rightIdentity")
    const right = failures(verdict).find((f) => f.law === "monad.rightIdentity")!
    // reversing [x] changes nothing: the shrunk counterexample has exactly two different elements
    const xs = right.counterexample.value as number[]
    expect(xs.length).toBe(2)
    expect(xs[0]).not.toBe(xs[1])
  })
})
