import * as O from "fp-ts/lib/Option.js"
import { describe, expect, it } from "vitest"
import { booleanType, integerType, literalType, stringType, type PointwiseDifference } from "../../src/category/Type.ts"
import type { Functor } from "../../src/functors/Functor.ts"
import {
  arrayEndofunctor,
  headTransformation,
  naturalTransformation,
  optionEndofunctor,
  optionToArrayTransformation,
  sortTransformation,
  typeTransformation,
} from "../../src/functors/index.ts"
import { typeCarriers } from "../../src/laws/functor.ts"
import { failures, printVerdict, runConfig, runSuite } from "../../src/laws/index.ts"
import { failingSquare, naturalityLaws } from "../../src/laws/naturality.ts"
import { monoidCategory } from "../functors/fixtures.ts"

const config = runConfig(60)
const phase = literalType("a", "b")

describe("naturality on Type", () => {
  it("head : Array ⇒ Option is natural (sampled arrows between infinite types)", () => {
    const verdict = runSuite(naturalityLaws(headTransformation, typeCarriers([integerType, stringType, booleanType]).arrows), { config })
    expect(failures(verdict)).toEqual([])
    expect(verdict.laws[0]).toMatchObject({ _tag: "Holds", coverage: { mode: "sampled", seed: config.seed } })
  })

  it("toArray : Option ⇒ Array is natural on every function between two finite types", () => {
    const verdict = runSuite(naturalityLaws(optionToArrayTransformation, typeCarriers([booleanType, phase]).arrows), { config })
    expect(verdict.laws[0]).toMatchObject({ _tag: "Holds", coverage: { mode: "exhaustive", cases: 16 } })
  })

  it("sort : Array ⇒ Array is caught with its first failing square and both paths' values", () => {
    const verdict = runSuite(naturalityLaws(sortTransformation, typeCarriers([booleanType, phase]).arrows), { config })
    const square = failingSquare(verdict)!
    expect(square).toBeDefined()
    // arrows are enumerated hom by hom; the first that reverses an order is the first non-monotone one
    expect(square).toMatchObject({ _tag: "NaturalitySquare", transformation: "sort", x: "boolean", y: "boolean", arrow: "{false↦true, true↦false} : boolean → boolean" })
    expect(square.viaTarget).toBe("Array.map({false↦true, true↦false})∘sort_boolean : Array<boolean> → Array<boolean>")
    expect(square.viaSource).toBe("sort_boolean∘Array.map({false↦true, true↦false}) : Array<boolean> → Array<boolean>")
    // the values: sort then negate vs negate then sort, on the (shrunk) input
    const input = (square.difference as PointwiseDifference).input as boolean[]
    const sorted = [...input].sort((x, y) => Number(x) - Number(y))
    expect(square.values.viaTarget).toBe(`[${sorted.map((b) => !b).join(", ")}]`)
    expect(square.values.viaSource).toBe(`[${[...input].map((b) => !b).sort((x, y) => Number(x) - Number(y)).join(", ")}]`)
    expect(input).toEqual([false, true])
    expect(printVerdict(verdict)).toContain("does not commute at [false, true]: G f ∘ η_x gives [true, false], η_y ∘ F f gives [false, true]")
  })

  it("a component that depends on the type (not parametric) is caught", () => {
    // returns none on integers only: the square for any f : integer → boolean fails on a non-empty array
    const picky = typeTransformation("picky", arrayEndofunctor, optionEndofunctor, (x) => (xs) => (x.name === "integer" ? O.none : O.fromNullable(xs[0])))
    const verdict = runSuite(naturalityLaws(picky, typeCarriers([integerType, booleanType]).arrows), { config })
    const square = failingSquare(verdict)!
    expect(square.x === "integer" || square.y === "integer").toBe(true)
    expect(square.values.viaTarget).not.toBe(square.values.viaSource)
  })
})

describe("naturality on finite categories", () => {
  const Z4 = monoidCategory("Z/4", 4, (g, f) => (g + f) % 4)
  const times = (k: number): Functor<"*", number, "*", number> => ({ name: `×${k}`, source: Z4, target: Z4, onObjects: (x) => x, onArrows: (f) => (f * k) % 4 })

  it("holds when the functors agree (any component, since Z/4 is commutative)", () => {
    expect(failures(runSuite(naturalityLaws(naturalTransformation("η", times(3), times(3), () => 1))))).toEqual([])
  })

  it("fails for 1 ⇒ ×2 with the first failing square, its arrow and both composites", () => {
    const verdict = runSuite(naturalityLaws(naturalTransformation("η", times(1), times(2), () => 0)))
    const fails = failures(verdict)[0]!
    expect(fails.failingCases).toBe(3) // 2f ≠ f mod 4 for f = 1, 2, 3
    expect(failingSquare(verdict)).toMatchObject({ x: "*", y: "*", arrow: "1", viaTarget: "2", viaSource: "1", values: { viaTarget: "2", viaSource: "1" } })
  })
})

