import * as A from "fp-ts/lib/Array.js"
import { identity } from "fp-ts/lib/function.js"
import type { Functor1 } from "fp-ts/lib/Functor.js"
import * as O from "fp-ts/lib/Option.js"
import { describe, expect, it } from "vitest"
import {
  arrayType,
  booleanType,
  fn,
  integerType,
  literalType,
  optionType,
  stringType,
  type PointwiseDifference,
} from "../../src/category/Type.ts"
import {
  arrayEndofunctor,
  eitherEndofunctor,
  fromFunctor1,
  identityEndofunctor,
  nonEmptyArrayEndofunctor,
  optionEndofunctor,
  readonlyArrayEndofunctor,
} from "../../src/functors/index.ts"
import { functorLaws, typeCarriers } from "../../src/laws/functor.ts"
import { failures, runConfig, runSuite } from "../../src/laws/index.ts"

const config = runConfig(60)
const phase = literalType("Pending", "Running")
const finite = typeCarriers([booleanType, phase])
const infinite = typeCarriers([integerType, stringType, booleanType])

describe("fp-ts functors as endofunctors of Type", () => {
  it("map typed functions without glue", () => {
    const not = fn("not", booleanType, booleanType, (b) => !b)
    const mapped = optionEndofunctor.map(not)
    expect(mapped.dom.name).toBe("Option<boolean>")
    expect(mapped.run(O.some(true))).toEqual(O.some(false))
    expect(arrayEndofunctor.map(not).run([true, false])).toEqual([false, true])
  })

  it("Option and Identity obey the functor laws exhaustively on finite types", () => {
    for (const F of [optionEndofunctor, identityEndofunctor]) {
      const verdict = runSuite(functorLaws(F, finite), { config })
      expect(failures(verdict), F.name).toEqual([])
      // two types of two values each: 4 homs of 2^2 = 4 functions; each arrow composes with 8
      expect(verdict.laws.find((l) => l.law === "functor.domain")).toMatchObject({ coverage: { mode: "exhaustive", cases: 16 } })
      expect(verdict.laws.find((l) => l.law === "functor.composition")).toMatchObject({ coverage: { mode: "exhaustive", cases: 16 * 8 } })
    }
  })

  it("Either<string, _> obeys the functor laws exhaustively on finite types, sampled on infinite ones", () => {
    const E = eitherEndofunctor(stringType)
    expect(E.name).toBe("Either<string, _>")
    expect(failures(runSuite(functorLaws(E, finite), { config }))).toEqual([])
    expect(failures(runSuite(functorLaws(E, infinite), { config }))).toEqual([])
  })

  it("Array, ReadonlyArray and NonEmptyArray obey the functor laws, sampled", () => {
    for (const F of [arrayEndofunctor, readonlyArrayEndofunctor, nonEmptyArrayEndofunctor]) {
      const verdict = runSuite(functorLaws(F, infinite), { config })
      expect(failures(verdict), F.name).toEqual([])
      expect(verdict.laws.find((l) => l.law === "functor.composition")).toMatchObject({ coverage: { mode: "sampled", seed: config.seed } })
    }
  })

  it("catch a map that drops the last element: identity fails on a one-element array", () => {
    const dropping: Functor1<"Array"> = { URI: "Array", map: (fa, f) => fa.slice(0, -1).map(f) }
    const F = fromFunctor1(dropping, (a) => arrayType(a))
    const verdict = runSuite(functorLaws(F, infinite), { config })
    const id = failures(verdict).find((f) => f.law === "functor.identity")!
    const w = id.counterexample.witness as PointwiseDifference
    // shrunk to the smallest array that loses something
    expect((w.input as unknown[]).length).toBe(1)
    expect(w.left).toEqual([])
  })

  it("catch a map that reverses unless given fp-ts identity: identity holds, composition fails", () => {
    const reversing: Functor1<"Array"> = {
      URI: "Array",
      map: (fa, f) => (f === (identity as unknown) ? fa.map(f) : A.reverse(fa.map(f))),
    }
    const F = fromFunctor1(reversing, (a) => arrayType(a))
    const verdict = runSuite(functorLaws(F, finite), { config })
    expect(failures(verdict).map((f) => f.law)).toEqual(["functor.composition"])
    const composition = failures(verdict)[0]!
    const w = composition.counterexample.witness as PointwiseDifference
    const [f, g] = composition.counterexample.value as ReadonlyArray<{ run: (x: unknown) => unknown }>
    // the witness input really separates the two sides
    const xs = w.input as unknown[]
    const once = A.reverse(xs.map((x) => g!.run(f!.run(x))))
    const twice = A.reverse(A.reverse(xs.map(f!.run)).map(g!.run))
    expect(once).toEqual(w.left)
    expect(twice).toEqual(w.right)
    expect(once).not.toEqual(twice)
  })

  it("lift described types so that Option<boolean> stays finite and Array<boolean> is sampled", () => {
    expect(optionEndofunctor.lift(booleanType).enumerate?.().length).toBe(3)
    expect(optionType(optionType(booleanType)).enumerate?.().length).toBe(4)
    expect(arrayEndofunctor.lift(booleanType).enumerate).toBeUndefined()
  })
})
