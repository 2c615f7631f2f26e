import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { different, equal, type Category } from "../../../src/category/Category.ts"
import { finCat } from "../../../src/category/fincat/index.ts"
import { functorFromPresentation, FunctorDefinitionError } from "../../../src/functors/FromPresentation.ts"
import { sixObjects } from "./examples.ts"

const C = finCat(sixObjects)

/** ℤ/n under addition as a one-object category. */
const cyclic = (n: number): Category<"*", number> => ({
  name: `Z/${n}`,
  dom: () => "*",
  cod: () => "*",
  id: () => 0,
  compose: (g, f) => (g + f) % n,
  equalObjects: (x, y) => x === y,
  equalArrows: (f, g) => (f === g ? equal : different(`+${f} ≠ +${g}`)),
  showObject: (x) => x,
  showArrow: (f) => `+${f}`,
})

const allTo = <O>(o: O) => Object.fromEntries(sixObjects.objects.map((x) => [x, o]))

describe("functors out of a presentation", () => {
  it("extend the identity assignment to the identity functor", () => {
    const images = {
      objects: Object.fromEntries(sixObjects.objects.map((o) => [o, C.objectId(o)])),
      arrows: Object.fromEntries(sixObjects.arrows.map((a) => [a.name, C.arrowOf([a.name])])),
    }
    const F = functorFromPresentation(C, C, images)
    expect(E.isRight(F)).toBe(true)
    if (E.isLeft(F)) return
    for (let f = 0; f < C.arrowCount; f++) expect(F.right.onArrows(f)).toBe(f)
  })

  it("respect composition and identities on every pair (a functor to Z/1)", () => {
    const Z1 = cyclic(1)
    const F = functorFromPresentation(C, Z1, { objects: allTo("*" as const), arrows: Object.fromEntries(sixObjects.arrows.map((a) => [a.name, 0])) })
    if (E.isLeft(F)) throw F.left
    for (let f = 0; f < C.arrowCount; f++) expect(F.right.onArrows(f)).toBe(0)
  })

  it("name each broken equation with both images", () => {
    // x ↦ +1 in Z/5: x⁵ ↦ +0 but x ↦ +1, and x;f ↦ +1 but f;y ↦ +0
    const arrows = { ...Object.fromEntries(sixObjects.arrows.map((a) => [a.name, 0])), x: 1 }
    const F = functorFromPresentation(C, cyclic(5), { objects: allTo("*" as const), arrows })
    expect(E.isLeft(F)).toBe(true)
    if (E.isRight(F)) return
    expect(F.left).toBeInstanceOf(FunctorDefinitionError)
    expect(F.left.problems).toEqual([
      { _tag: "EquationBroken", equation: 0, name: "x⁵ = x", lhs: "x^5", rhs: "x", lhsImage: "+0", rhsImage: "+1", message: "+0 ≠ +1" },
      { _tag: "EquationBroken", equation: 3, name: "x then f = f then y", lhs: "f∘x", rhs: "y∘f", lhsImage: "+1", rhsImage: "+0", message: "+1 ≠ +0" },
    ])
  })

  it("report wrong endpoints and missing images", () => {
    const images = {
      objects: Object.fromEntries(sixObjects.objects.map((o) => [o, C.objectId(o)])),
      arrows: { ...Object.fromEntries(sixObjects.arrows.map((a) => [a.name, C.arrowOf([a.name])])), f: C.arrowOf(["g"]) },
    }
    const F = functorFromPresentation(C, C, images)
    expect(E.isLeft(F) && F.left.problems).toEqual([{ _tag: "WrongEndpoints", arrow: "f", expected: "A → B", actual: "A → C" }])
    const missing = functorFromPresentation(C, C, { objects: {}, arrows: {} })
    expect(E.isLeft(missing) && missing.left.problems.length).toBe(6 + 9)
  })
})
