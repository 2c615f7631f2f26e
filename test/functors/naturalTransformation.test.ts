import * as O from "fp-ts/lib/Option.js"
import { describe, expect, it } from "vitest"
import { booleanType, integerType, literalType, optionType, Type, type AnyFn, type AnyTypeObject } from "../../src/category/Type.ts"
import type { Functor } from "../../src/functors/Functor.ts"
import {
  arrayEndofunctor,
  composeFunctors,
  headTransformation,
  horizontalCompose,
  identityTransformation,
  MismatchedFunctorsError,
  naturalTransformation,
  optionEndofunctor,
  optionToArrayTransformation,
  verticalCompose,
  whiskerLeft,
  whiskerRight,
  type NaturalTransformation,
} from "../../src/functors/index.ts"
import { typeCarriers } from "../../src/laws/functor.ts"
import { failures, runConfig, runSuite } from "../../src/laws/index.ts"
import { naturalityLaws } from "../../src/laws/naturality.ts"
import { monoidCategory } from "./fixtures.ts"

const config = runConfig(40)
const arrows = typeCarriers([integerType, booleanType]).arrows
const finiteArrows = typeCarriers([booleanType, literalType("a", "b")]).arrows
const natural = (eta: NaturalTransformation<AnyTypeObject, AnyFn, AnyTypeObject, AnyFn>, on = arrows) => failures(runSuite(naturalityLaws(eta, on), { config }))

describe("composing natural transformations on Type", () => {
  it("vertical: toArray · head : Array ⇒ Array keeps at most the first element, and is natural", () => {
    const firstOnly = verticalCompose(optionToArrayTransformation, headTransformation)
    expect(firstOnly.from.name).toBe("Array")
    expect(firstOnly.to.name).toBe("Array")
    expect(firstOnly.component(integerType).run([3, 1, 2])).toEqual([3])
    expect(natural(firstOnly)).toEqual([])
  })

  it("identity transformation is a unit for vertical composition (componentwise equal)", () => {
    const left = verticalCompose(identityTransformation(optionEndofunctor), headTransformation)
    for (const x of [booleanType, integerType]) {
      expect(Type.equalArrows(left.component(x), headTransformation.component(x))).toEqual({ equal: true })
    }
    expect(natural(identityTransformation(arrayEndofunctor))).toEqual([])
  })

  it("whiskering: Option head : Option∘Array ⇒ Option∘Option and head Option : Array∘Option ⇒ Option∘Option are natural", () => {
    const left = whiskerLeft(optionEndofunctor, headTransformation)
    const right = whiskerRight(headTransformation, optionEndofunctor)
    expect([left.from.name, left.to.name]).toEqual(["Option∘Array", "Option∘Option"])
    expect([right.from.name, right.to.name]).toEqual(["Array∘Option", "Option∘Option"])
    expect(left.component(booleanType).run(O.some([true, false]))).toEqual(O.some(O.some(true)))
    expect(right.component(booleanType).run([O.none, O.some(true)])).toEqual(O.some(O.none))
    expect(natural(left)).toEqual([])
    expect(natural(right)).toEqual([])
  })

  it("horizontal: head ∗ toArray : Array∘Option ⇒ Option∘Array is natural and satisfies the interchange", () => {
    const star = horizontalCompose(headTransformation, optionToArrayTransformation)
    expect([star.from.name, star.to.name]).toEqual(["Array∘Option", "Option∘Array"])
    expect(star.component(integerType).run([O.some(5), O.none])).toEqual(O.some([5]))
    expect(natural(star, finiteArrows)).toEqual([])
    // K(η_x) ∘ θ_{F x} = θ_{G x} ∘ H(η_x): the other way round the square
    for (const x of [booleanType, integerType, optionType(booleanType)]) {
      const other = Type.compose(headTransformation.component(arrayEndofunctor.onObjects(x)), arrayEndofunctor.onArrows(optionToArrayTransformation.component(x)))
      expect(Type.equalArrows(star.component(x), other)).toEqual({ equal: true })
    }
  })

  it("refuses to relate functors of different categories, naming both", () => {
    const Z3 = monoidCategory("Z/3", 3, (g, f) => (g + f) % 3)
    const Z4 = monoidCategory("Z/4", 4, (g, f) => (g + f) % 4)
    const F: Functor<"*", number, "*", number> = { name: "F", source: Z3, target: Z3, onObjects: (x) => x, onArrows: (f) => f }
    const G: Functor<"*", number, "*", number> = { ...F, name: "G", source: Z4 }
    expect(() => naturalTransformation("η", F, G, () => 0)).toThrow(MismatchedFunctorsError)
    expect(() => naturalTransformation("η", F, G, () => 0)).toThrow("natural transformation η: expected source Z/3 but got source Z/4")
    const eta = naturalTransformation("η", F, F, () => 0)
    const theta = naturalTransformation("θ", { ...F, name: "H" }, F, () => 0)
    expect(() => verticalCompose(theta, eta)).toThrow("expected middle functor F but got middle functor H")
    expect(() => whiskerLeft({ ...F, source: Z4 }, eta)).toThrow(MismatchedFunctorsError)
  })

  it("horizontal composition on finite categories agrees with whiskering then composing", () => {
    // one-object categories: functors are monoid maps, components are elements
    const Z6 = monoidCategory("Z/6", 6, (g, f) => (g + f) % 6)
    const times = (k: number): Functor<"*", number, "*", number> => ({ name: `×${k}`, source: Z6, target: Z6, onObjects: (x) => x, onArrows: (f) => (f * k) % 6 })
    const eta = naturalTransformation("η", times(1), times(1), () => 2)
    const theta = naturalTransformation("θ", times(5), times(5), () => 3)
    const star = horizontalCompose(theta, eta)
    const viaWhiskers = verticalCompose(whiskerLeft(times(5), eta), whiskerRight(theta, times(1)))
    expect(star.component("*")).toBe(viaWhiskers.component("*"))
    expect(star.component("*")).toBe((5 * 2 + 3) % 6)
    expect(failures(runSuite(naturalityLaws(star)))).toEqual([])
    expect(composeFunctors(times(5), times(1)).onArrows(1)).toBe(5)
  })
})

