import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  complete,
  decodeWord,
  encodeWord,
  finCat,
  presentation,
  shortlex,
  type RewritingSystem,
} from "../../../src/category/fincat/index.ts"
import { runConfig } from "../../../src/laws/index.ts"
import { sixObjects, threeLoops } from "./examples.ts"

const systemOf = (input: Parameters<typeof presentation>[0]): RewritingSystem => {
  const c = complete(presentation(input))
  if (c._tag !== "Complete") throw new Error("expected a complete system")
  return c.system
}

describe("Knuth–Bendix completion", () => {
  it("adds the rule a critical pair forces (six-object example: x;x;f → x;f)", () => {
    const p = presentation(sixObjects)
    const s = systemOf(sixObjects)
    const show = (w: string) => decodeWord(w).map((a) => p.generators[a]).join(";")
    const rules = s.rules.map((r) => `${show(r.lhs)} → ${show(r.rhs)}`)
    // x;x;f is not an instance of any equation: it comes from overlapping x⁵ → x with x;f → …
    expect(rules).toContain("x;x;f → x;f")
    expect(rules).toContain("f;y → x;f")
  })

  it("handles identities: an isomorphism f;g = id, g;f = id collapses hom-sets to one arrow", () => {
    const C = finCat({
      objects: ["A", "B"],
      arrows: [
        { name: "f", dom: "A", cod: "B" },
        { name: "g", dom: "B", cod: "A" },
      ],
      equations: [
        { lhs: ["f", "g"], rhs: [] },
        { lhs: ["g", "f"], rhs: [] },
      ],
    })
    expect([C.homCount(0, 0), C.homCount(0, 1), C.homCount(1, 0), C.homCount(1, 1)]).toEqual([1, 1, 1, 1])
    expect(C.equalPaths(["f", "g", "f", "g", "f"], ["f"])).toBe(true)
    expect(C.showArrow(C.arrowOf(["g", "f"]))).toBe("id_B")
  })

  it("decides a group presentation: ⟨a, b | a² = b³ = (ab)² = 1⟩ is S₃ with 6 elements", () => {
    const C = finCat({
      objects: ["*"],
      arrows: [
        { name: "a", dom: "*", cod: "*" },
        { name: "b", dom: "*", cod: "*" },
      ],
      equations: [
        { lhs: ["a", "a"], rhs: [] },
        { lhs: ["b", "b", "b"], rhs: [] },
        { lhs: ["a", "b", "a", "b"], rhs: [] },
      ],
    })
    expect(C.arrowCount).toBe(6)
    // b⁻¹ = b², and a b a = b⁻¹ in S₃
    expect(C.equalPaths(["a", "b", "a"], ["b", "b"])).toBe(true)
  })

  it("normal forms are irreducible, idempotent and shortlex-minimal (property)", () => {
    const s = systemOf(threeLoops)
    const { seed, numRuns } = runConfig(300)
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 20 }), (word) => {
        const w = encodeWord(word)
        const n = s.normalForm(w)
        expect(s.reducible(n)).toBe(false)
        expect(s.normalForm(n)).toBe(n)
        expect(shortlex(n, w)).toBeLessThanOrEqual(0)
      }),
      { seed, numRuns },
    )
  })

  it("stops on its step bound as well as its rule bound", () => {
    const c = complete(
      presentation({
        objects: ["*"],
        arrows: ["a", "b"].map((name) => ({ name, dom: "*", cod: "*" })),
        equations: [{ lhs: ["a", "b", "a"], rhs: ["b", "a", "b"] }],
      }),
      { maxRules: 10_000, maxSteps: 50 },
    )
    expect(c).toMatchObject({ _tag: "Incomplete", reason: "steps" })
  })
})
