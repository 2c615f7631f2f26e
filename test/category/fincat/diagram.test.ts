import { describe, expect, it } from "vitest"
import { commutes, diagram, finCat, pathsEqual, PresentationError } from "../../../src/category/fincat/index.ts"
import { sixObjects } from "./examples.ts"

const C = finCat(sixObjects)

describe("diagrams in a FinCat", () => {
  it("decide that the square f;h = g;k commutes, and so does a derived one", () => {
    const square = diagram(C, { name: "square", paths: { top: ["f", "h"], bottom: ["g", "k"] } })
    expect(commutes(square)).toEqual({ _tag: "Commutes", parallelPairs: 1 })
    // x;g;k = f;y;h follows from the equations (x;f = f;y and the square) without being one
    const derived = diagram(C, { name: "derived", paths: { viaC: ["x", "g", "k"], viaB: ["f", "y", "h"] } })
    expect(commutes(derived)._tag).toBe("Commutes")
  })

  it("find the pair that does not commute, with both normal forms", () => {
    const d = diagram(C, {
      name: "triangle",
      paths: { direct: ["g", "n"], around: ["g", "k", "m"], aroundAgain: ["f", "h", "m"] },
    })
    expect(commutes(d)).toEqual({
      _tag: "DoesNotCommute",
      parallelPairs: 2,
      failures: [
        { dom: "A", cod: "E", left: "direct", right: "around", leftNormalForm: "n∘g", rightNormalForm: "m∘h∘f" },
        { dom: "A", cod: "E", left: "direct", right: "aroundAgain", leftNormalForm: "n∘g", rightNormalForm: "m∘h∘f" },
      ],
    })
    expect(pathsEqual(d, "around", "aroundAgain")).toEqual({ _tag: "Equal", normalForm: "m∘h∘f" })
  })

  it("call a claim between non-parallel paths ill-typed", () => {
    const d = diagram(C, { name: "mismatch", paths: { toD: ["f", "h"], toE: ["g", "n"] } })
    expect(commutes(d)).toEqual({ _tag: "Commutes", parallelPairs: 0 })
    expect(pathsEqual(d, "toD", "toE")).toMatchObject({ _tag: "IllTyped", left: "h∘f : A → D", right: "n∘g : A → E" })
  })

  it("draw the objects and arrows the paths touch", () => {
    const d = diagram(C, { name: "square", paths: { top: ["f", "h"], bottom: ["g", "k"] } })
    expect(d.objects.map(C.showObject)).toEqual(["A", "B", "C", "D"])
    expect(d.arrows.map((a) => C.presentation.generators[a])).toEqual(["f", "g", "h", "k"])
  })

  it("reject an ill-typed path with its name", () => {
    expect(() => diagram(C, { name: "bad", paths: { oops: ["h", "f"] } })).toThrow(PresentationError)
    expect(() => diagram(C, { name: "bad", paths: { oops: ["h", "f"] } })).toThrow(/^paths\.oops\[1\]/)
  })
})
