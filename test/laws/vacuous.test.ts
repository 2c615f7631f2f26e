import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { different, equal } from "../../src/category/Category.ts"
import {
  assertLaws,
  bind,
  categoryLaws,
  checkLaw,
  countVerdicts,
  exhaustive,
  finiteCategoryCarriers,
  holds,
  law,
  lawsOf,
  LawsFailedError,
  notApplicable,
  printVerdict,
  runSuite,
  sampled,
  suite,
  type LawCheck,
  type LawVerdict,
} from "../../src/laws/index.ts"
import { LawFailedError, runLawCheck } from "../../src/laws/vitest.ts"
import { cyclic } from "../support/cyclic.ts"

/**
 * Issue 12, part 1: a verdict never passes without having checked something. Each test here
 * failed on the code before it (where an empty check was `NotApplicable` and counted as a pass).
 */

const numbers = (a: number, b: number) => (a === b ? equal : different(`${a} ≠ ${b}`, [a, b]))
const nothing = law<number, number>("demo.nothing", "x = x for no x", (_: number) => undefined)
const identity = law("demo.identity", "x = x", (x: number) => ({ lhs: x, rhs: x }))

describe("a law that checks nothing", () => {
  it("is Unchecked, not a pass, on an exhaustive carrier (empty, or every input discarded)", () => {
    const empty = checkLaw(identity, exhaustive(() => []), numbers)
    expect(empty).toMatchObject({ _tag: "Unchecked", reason: "the carrier is empty", coverage: { cases: 0, discarded: 0 } })
    const discarded = checkLaw(nothing, exhaustive(() => [1, 2, 3]), numbers)
    expect(discarded).toMatchObject({ _tag: "Unchecked", coverage: { mode: "exhaustive", cases: 0, discarded: 3 } })
    expect(discarded._tag === "Unchecked" && discarded.reason).toContain("3 inputs")
    expect(holds(empty)).toBe(false)
    expect(holds(discarded)).toBe(false)
  })

  it("is Unchecked when fast-check gives up, with the runs and discards it counted", () => {
    const config = { seed: 11, numRuns: 20, deep: false }
    const verdict = checkLaw(nothing, sampled(fc.integer()), numbers, { config })
    expect(verdict._tag).toBe("Unchecked")
    expect(verdict).toMatchObject({ coverage: { mode: "sampled", runs: 0, seed: 11, numRuns: 20 } })
    expect(verdict._tag === "Unchecked" && verdict.coverage.discarded).toBeGreaterThan(20)
    expect(verdict._tag === "Unchecked" && verdict.reason).toMatch(/^fast-check gave up after 0 of 20 runs: \d+ inputs were not applicable$/)
    expect(holds(verdict)).toBe(false)
    expect(printVerdict(verdict)).toMatch(/^\? demo\.nothing {2}x = x for no x {2}\(unchecked: fast-check gave up/)
  })

  it("catches the category suite's compositeDomain law replaced by `() => undefined`", () => {
    const C = cyclic(5)
    const real = runSuite(categoryLaws(C))
    expect(holds(real)).toBe(true)
    // every law of the real suite checked real cases: none of them is vacuous on Z/5
    for (const l of real.laws) expect(l._tag === "Holds" && l.coverage.mode === "exhaustive" && l.coverage.cases).toBeGreaterThan(0)
    const gutted = suite(
      "category",
      C.name,
      lawsOf(categoryLaws(C)).map((c): LawCheck =>
        c.name === "category.compositeDomain" ? bind(law<readonly [number, number], number>(c.name, c.statement, () => undefined), finiteCategoryCarriers(C).pairs, numbers) : c,
      ),
    )
    const verdict = runSuite(gutted)
    expect(holds(verdict)).toBe(false)
    expect(() => assertLaws(verdict)).toThrow(LawsFailedError)
    expect(() => assertLaws(verdict)).toThrow("0 law(s) fail, 1 checked nothing")
    expect(countVerdicts(verdict)).toEqual({ holds: 4, fails: 0, unchecked: 1, notApplicable: 0 })
    expect(printVerdict(verdict)).toContain("✗ category on Z/5  (4 hold, 1 unchecked)")
    const check = lawsOf(gutted).find((c) => c.name === "category.compositeDomain")!
    expect(() => runLawCheck(check)).toThrow(LawFailedError)
  })
})

describe("a suite holds", () => {
  const holding = bind(identity, exhaustive(() => [1, 2]), numbers)
  const empty = bind(law("demo.empty", "x = x on ∅", (x: number) => ({ lhs: x, rhs: x })), exhaustive(() => []), numbers)
  const declared = notApplicable("demo.declared", "∀ x ∈ ∅", "the model has no pod")

  it("only when every law it checks has at least one real case", () => {
    expect(holds(runSuite(suite("s", "x", [holding])))).toBe(true)
    expect(holds(runSuite(suite("s", "x", [holding, empty])))).toBe(false)
    expect(() => assertLaws(runSuite(suite("s", "x", [holding, empty])))).toThrow(LawsFailedError)
  })

  it("with laws declared not applicable beside laws that hold, never with declared laws alone", () => {
    expect(holds(runSuite(suite("s", "x", [holding, declared])))).toBe(true)
    const alone = runSuite(suite("s", "x", [declared]))
    expect(holds(alone)).toBe(false)
    expect(() => assertLaws(alone)).toThrow("no law was checked")
    expect(countVerdicts(alone)).toEqual({ holds: 0, fails: 0, unchecked: 0, notApplicable: 1 })
  })
})

describe("a declared not-applicable law", () => {
  it("needs a reason: notApplicable refuses a blank one, runLawCheck (describeLaws) fails one without", () => {
    expect(() => notApplicable("demo.blank", "x", "  ")).toThrow(TypeError)
    const blank: LawCheck = { name: "demo.blank", statement: "x", run: () => ({ _tag: "NotApplicable", law: "demo.blank", statement: "x", reason: "" }) }
    expect(() => runLawCheck(blank)).toThrow(LawFailedError)
    const verdict: LawVerdict = runLawCheck(notApplicable("demo.reasoned", "x", "the model has no pod"))
    expect(verdict).toMatchObject({ _tag: "NotApplicable", reason: "the model has no pod" })
  })
})

describe("a sampled verdict's numbers", () => {
  it("are the seed and run count fast-check used: the runs replay from them", () => {
    const seen: number[] = []
    const recording = law("demo.recording", "x = x", (x: number) => {
      seen.push(x)
      return { lhs: x, rhs: x }
    })
    const config = { seed: 424242, numRuns: 37, deep: false }
    const verdict = checkLaw(recording, sampled(fc.integer()), numbers, { config })
    expect(verdict).toEqual({
      _tag: "Holds",
      law: "demo.recording",
      statement: "x = x",
      coverage: { mode: "sampled", runs: 37, discarded: 0, seed: 424242, numRuns: 37 },
    })
    expect(seen).toHaveLength(37)
    // the same inputs come back from the reported seed and run count
    const coverage = verdict._tag === "Holds" && verdict.coverage.mode === "sampled" ? verdict.coverage : undefined
    const replay: number[] = []
    fc.assert(fc.property(fc.integer(), (x) => void replay.push(x)), { seed: coverage!.seed, numRuns: coverage!.numRuns })
    expect(replay).toEqual(seen)
  })

  it("count discarded inputs beside the runs that reached the equation", () => {
    const evens = law("demo.evens", "x = x for even x", (x: number) => (x % 2 === 0 ? { lhs: x, rhs: x } : undefined))
    const verdict = checkLaw(evens, sampled(fc.integer()), numbers, { config: { seed: 5, numRuns: 30, deep: false } })
    expect(verdict._tag).toBe("Holds")
    const coverage = verdict._tag === "Holds" && verdict.coverage.mode === "sampled" ? verdict.coverage : undefined
    expect(coverage).toMatchObject({ runs: 30, numRuns: 30, seed: 5 })
    expect(coverage!.discarded).toBeGreaterThan(0)
    expect(printVerdict(verdict)).toBe(`✓ demo.evens  x = x for even x  (30 runs, ${coverage!.discarded} discarded, seed 5)`)
  })
})
