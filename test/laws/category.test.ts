import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { different, equal, type Category } from "../../src/category/Category.ts"
import { assertLaws, categoryLaws, checkLaw, exhaustive, failures, law, LawsFailedError, printVerdict, runSuite, sampled } from "../../src/laws/index.ts"
import { cyclic } from "../support/cyclic.ts"


describe("category laws", () => {
  it("hold exhaustively for Z/5, counting every case", () => {
    const verdict = assertLaws(runSuite(categoryLaws(cyclic(5))))
    const assoc = verdict.laws.find((l) => l.law === "category.associativity")
    expect(assoc).toMatchObject({ _tag: "Holds", coverage: { mode: "exhaustive", cases: 125 } })
  })

  it("catch a composition that is not associative and an identity that is not neutral", () => {
    // subtraction mod 5: 0 is a right identity only, and (h - g) - f ≠ h - (g - f)
    const broken = cyclic(5, (g, f) => (((g - f) % 5) + 5) % 5)
    const verdict = runSuite(categoryLaws(broken))
    const failed = failures(verdict).map((f) => f.law)
    expect(failed).toEqual(["category.leftIdentity", "category.associativity"])
    const left = failures(verdict)[0]!
    expect(left.counterexample.input).toBe("+1") // id ∘ (+1) = 0 - 1 = +4 ≠ +1
    expect(left.counterexample.message).toBe("4 ≠ 1")
    expect(left.failingCases).toBe(4)
    expect(() => assertLaws(verdict)).toThrow(LawsFailedError)
    expect(printVerdict(verdict)).toContain("✗ category.associativity")
  })

  it("sample an infinite category (ℤ under addition) and shrink a counterexample when broken", () => {
    const integers = (compose: (g: number, f: number) => number): Category<"*", number> => ({
      name: "Z",
      dom: () => "*",
      cod: () => "*",
      id: () => 0,
      compose,
      equalObjects: () => true,
      equalArrows: (f, g) => (f === g ? equal : different(`${f} ≠ ${g}`, [f, g])),
      showObject: (x) => x,
      showArrow: (f) => `+${f}`,
    })
    const int = fc.integer({ min: -1000, max: 1000 })
    const carriers = {
      arrows: sampled(int),
      pairs: sampled(fc.tuple(int, int)),
      triples: sampled(fc.tuple(int, int, int)),
    }
    const config = { seed: 7, numRuns: 200, deep: false }
    expect(failures(runSuite(categoryLaws(integers((g, f) => g + f), carriers), { config }))).toEqual([])
    // saturating at 100 breaks associativity only for large sums; fast-check must find and shrink one
    const saturating = integers((g, f) => Math.min(100, g + f))
    const verdict = runSuite(categoryLaws(saturating, carriers), { config })
    const assoc = failures(verdict).find((f) => f.law === "category.associativity")
    expect(assoc?.coverage).toMatchObject({ mode: "sampled", seed: 7 })
    const [f, g, h] = assoc!.counterexample.value as [number, number, number]
    expect(Math.min(100, h + Math.min(100, g + f))).not.toBe(Math.min(100, Math.min(100, h + g) + f))
  })
})

describe("a law whose sides throw", () => {
  it("fails on that input with the exception as counterexample, in both modes", () => {
    const boom = law("boom", "f(x) = x", (x: number) => {
      if (x === 3) throw new RangeError("no three")
      return { lhs: x, rhs: x }
    })
    const eq = (a: number, b: number) => (a === b ? equal : different(`${a} ≠ ${b}`))
    const ex = checkLaw(boom, exhaustive(() => [1, 2, 3, 4]), eq)
    expect(ex).toMatchObject({ _tag: "Fails", failingCases: 1, counterexample: { input: "3", message: "threw RangeError: no three" } })
    const sp = checkLaw(boom, sampled(fc.integer({ min: 0, max: 10 })), eq, { config: { seed: 1, numRuns: 200, deep: false } })
    expect(sp).toMatchObject({ _tag: "Fails", counterexample: { value: 3, message: "threw RangeError: no three" } })
  })
})
