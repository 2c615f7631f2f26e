import * as O from "fp-ts/lib/Option.js"
import { describe, expect, it } from "vitest"
import { booleanType, integerType, fn, type AnyFn, type AnyTypeObject } from "../../src/category/Type.ts"
import { optionEndofunctor } from "../../src/functors/FpTs.ts"
import type { Functor } from "../../src/functors/Functor.ts"
import { CarriersRequiredError, faithfulnessLaw, functorLaws, typeCarriers } from "../../src/laws/functor.ts"
import { failures, runConfig, runSuite, sampled } from "../../src/laws/index.ts"
import * as fc from "fast-check"
import { fnArbitrary } from "../../src/category/Type.ts"
import { freeCategory, monoidCategory, thin, type Path, type ThinArrow } from "../functors/fixtures.ts"

const config = runConfig(60)
const Z4 = monoidCategory("Z/4", 4, (g, f) => (g + f) % 4)
const Z2 = monoidCategory("Z/2", 2, (g, f) => (g + f) % 2)

describe("functor laws on finite categories", () => {
  it("hold for reduction mod 2 : Z/4 → Z/2, exhaustively", () => {
    const mod2: Functor<"*", number, "*", number> = { name: "mod 2", source: Z4, target: Z2, onObjects: (x) => x, onArrows: (f) => f % 2 }
    const verdict = runSuite(functorLaws(mod2))
    expect(failures(verdict)).toEqual([])
    expect(verdict.laws.find((l) => l.law === "functor.composition")).toMatchObject({ coverage: { mode: "exhaustive", cases: 16 } })
  })

  it("catch a map Z/4 → Z/4 that breaks composition (squaring), with the first failing pair", () => {
    const square: Functor<"*", number, "*", number> = { name: "square", source: Z4, target: Z4, onObjects: (x) => x, onArrows: (f) => (f * f) % 4 }
    const verdict = runSuite(functorLaws(square))
    expect(failures(verdict).map((f) => f.law)).toEqual(["functor.composition"])
    const c = failures(verdict)[0]!
    // (1+1)² = 0 but 1² + 1² = 2: the first pair in enumeration order that fails
    expect(c.counterexample.input).toBe("[1, 1]")
    expect(c.counterexample.message).toBe("0 ≠ 2")
    // f,g with (f+g)² ≠ f² + g² mod 4 ⇔ 2fg ≢ 0 mod 4 ⇔ f, g both odd: 4 pairs
    expect(c.failingCases).toBe(4)
  })

  it("catch an arrow map that sends identities elsewhere and an object map that misses endpoints", () => {
    const chain = thin<string>("a ≤ b", ["a", "b"], (x, y) => x <= y)
    const swapped: Functor<string, ThinArrow<string>, string, ThinArrow<string>> = {
      name: "swap objects only",
      source: chain,
      target: thin<string>("a, b ≤ both", ["a", "b"], () => true),
      onObjects: (x) => (x === "a" ? "b" : "a"),
      onArrows: (f) => f,
    }
    const verdict = runSuite(functorLaws(swapped))
    const failed = failures(verdict).map((f) => f.law)
    expect(failed).toEqual(["functor.identity", "functor.domain", "functor.codomain"])
    expect(failures(verdict)[0]!.counterexample).toMatchObject({ input: "a", message: "a≤a ≠ b≤b" })
  })
})

describe("functor laws on Type", () => {
  it("catch an Option map that forgets values (some ↦ none), exhaustively on booleans", () => {
    const forgetful: Functor<AnyTypeObject, AnyFn, AnyTypeObject, AnyFn> = {
      ...optionEndofunctor,
      name: "forget",
      onArrows: (f: AnyFn) => fn(`forget(${f.name})`, optionEndofunctor.lift(f.dom), optionEndofunctor.lift(f.cod), () => O.none),
    }
    const verdict = runSuite(functorLaws(forgetful, typeCarriers([booleanType])), { config })
    const id = failures(verdict).find((f) => f.law === "functor.identity")!
    expect(id.counterexample.input).toBe("boolean")
    expect(id.counterexample.message).toBe("at some(false): none ≠ some(false)")
  })

  it("ask for carriers instead of guessing when the source is not finite", () => {
    expect(() => functorLaws(optionEndofunctor)).toThrow(CarriersRequiredError)
    expect(() => functorLaws(optionEndofunctor)).toThrow("the functor laws of Option: Type is not a finite category (no objects()/hom()), so pass carriers for its arrows, e.g. typeCarriers([booleanType, …])")
    expect(() => functorLaws(optionEndofunctor)).toThrow("the functor laws of Option: Type is not a finite category")
  })

  it("check faithfulness as a law: Option is faithful, a constant functor is not", () => {
    const pairs = sampled(fnArbitrary(integerType, booleanType).chain((f) => fc.tuple(fc.constant(f), fnArbitrary(integerType, booleanType))))
    expect(failures(runSuite(faithfulnessLaw(optionEndofunctor, pairs), { config }))).toEqual([])
    const finitePairs = sampled(fc.tuple(fnArbitrary(booleanType, booleanType), fnArbitrary(booleanType, booleanType)))
    const constant: Functor<AnyTypeObject, AnyFn, AnyTypeObject, AnyFn> = {
      ...optionEndofunctor,
      name: "const none",
      onArrows: (f: AnyFn) => fn("none", optionEndofunctor.lift(f.dom), optionEndofunctor.lift(f.cod), () => O.none),
    }
    const verdict = runSuite(faithfulnessLaw(constant, finitePairs), { config })
    const [f, g] = failures(verdict)[0]!.counterexample.value as [AnyFn, AnyFn]
    expect([false, true].some((b) => f.run(b) !== g.run(b))).toBe(true)
  })

  it("free categories: a functor given by a path map that respects concatenation holds", () => {
    const G = freeCategory("a→b→c", ["a", "b", "c"], [
      { name: "f", dom: "a", cod: "b" },
      { name: "g", dom: "b", cod: "c" },
    ])
    const reachability: Functor<string, Path, string, ThinArrow<string>> = {
      name: "reach",
      source: G,
      target: thin<string>("a≤b≤c", ["a", "b", "c"], (x, y) => x <= y),
      onObjects: (x) => x,
      onArrows: (p) => [p.dom, p.cod],
    }
    const verdict = runSuite(functorLaws(reachability))
    expect(failures(verdict)).toEqual([])
    expect(verdict.laws.find((l) => l.law === "functor.domain")).toMatchObject({ coverage: { cases: 6 } })
  })
})
