/**
 * The final confluence check of Knuth–Bendix completion and `reducible` (issue 12 §3): a locally
 * non-confluent rule set is caught and its unjoined overlaps named; completion runs the check on
 * its final system (its overlaps are counted, and a work budget or deadline can stop it there,
 * with no pair pending); `reducible` agrees with "normalization changes the word".
 */
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  complete,
  decodeWord,
  encodeWord,
  presentation,
  rewritingSystem,
  symmetricGroup,
  unjoinedCriticalPairs,
  type RewriteRule,
  type RewritingSystem,
} from "../../../src/category/fincat/index.ts"
import { runConfig } from "../../../src/laws/index.ts"
import { sixObjects, threeLoops } from "./examples.ts"

const rule = (lhs: number[], rhs: number[]): RewriteRule => ({ lhs: encodeWord(lhs), rhs: encodeWord(rhs) })
const decodedPairs = (pairs: ReadonlyArray<readonly [string, string]>) => pairs.map(([s, t]) => [decodeWord(s), decodeWord(t)])
const cubeIsX = presentation({ objects: ["*"], arrows: [{ name: "x", dom: "*", cod: "*" }], equations: [{ lhs: ["x", "x", "x"], rhs: ["x"] }] })
const systemOf = (c: ReturnType<typeof complete>): RewritingSystem => {
  if (c._tag !== "Complete") throw new Error(`expected a complete system, got ${c._tag}`)
  return c.system
}

describe("unjoinedCriticalPairs: the final check on its own", () => {
  it("catches a locally non-confluent set: ab → a, ba → b (a = 0, b = 1)", () => {
    // aba: ab → a on its left gives aa, ba → b on its right gives ab → a; aa and a are both normal
    // bab: ba → b gives bb, ab → a gives ba → b; bb ≠ b
    expect(decodedPairs(unjoinedCriticalPairs([rule([0, 1], [0]), rule([1, 0], [1])]))).toEqual([
      [
        [0, 0],
        [0, 1],
      ],
      [
        [1, 1],
        [1, 0],
      ],
    ])
  })

  it("finds overlaps after a partial match fails (KMP fallback): aba → 1, abb → c", () => {
    // aba over itself at 1: ba and ab; aba over abb at 1 (a): bb and abc; abb over either: none
    expect(decodedPairs(unjoinedCriticalPairs([rule([0, 1, 0], []), rule([0, 1, 1], [2])]))).toEqual([
      [
        [1, 0],
        [0, 1],
      ],
      [
        [1, 1],
        [0, 1, 2],
      ],
    ])
  })

  it("passes locally confluent sets: a² → 1 (its self-overlap joins), x³ → x (composite and trivial overlaps only)", () => {
    expect(unjoinedCriticalPairs([rule([0, 0], [])])).toEqual([])
    expect(unjoinedCriticalPairs([rule([0, 0, 0], [0])])).toEqual([])
    expect(unjoinedCriticalPairs([])).toEqual([])
  })

  it("passes what completion returns, and catches it once the rule a critical pair forced is dropped", () => {
    const s = systemOf(complete(presentation(sixObjects)))
    expect(unjoinedCriticalPairs(s.rules)).toEqual([])
    const p = presentation(sixObjects)
    const x = p.generators.indexOf("x")
    const f = p.generators.indexOf("f")
    // x;x;f → x;f comes from overlapping x⁵ → x with x;f → f;y; without it that overlap does not join
    const forced = s.rules.filter((r) => r.lhs === encodeWord([x, x, f]))
    expect(forced).toHaveLength(1)
    const without = s.rules.filter((r) => r.lhs !== encodeWord([x, x, f]))
    const open = unjoinedCriticalPairs(without)
    expect(open.length).toBeGreaterThan(0)
    const reduced = rewritingSystem(without)
    for (const [u, v] of open) expect(reduced.normalForm(u)).not.toBe(reduced.normalForm(v))
  })
})

describe("completion runs the check on its final system", () => {
  it("x³ = x: one rule, its self-overlap 1 composite when the rule is added and again in the final check", () => {
    const c = complete(cubeIsX)
    expect(c).toMatchObject({ _tag: "Complete", stats: { steps: 1, rulesAdded: 1, criticalPairs: 0, compositeSkipped: 2, rules: 1, totalLength: 4 } })
  })

  it("a work budget one letter short of S₃'s total stops it in the final check, with no pair pending", () => {
    const p = presentation(symmetricGroup(3))
    const full = complete(p)
    expect(full._tag).toBe("Complete")
    const short = complete(p, { maxWork: full.stats.work - 1 })
    expect(short).toMatchObject({ _tag: "Incomplete", reason: "work", pending: undefined })
    // every rule of the full system is there: only the check was cut short
    expect(short.system.rules.map((r) => r.lhs).sort()).toEqual(full.system.rules.map((r) => r.lhs).sort())
  })

  it("a deadline passed during the final check stops it there, with no pair pending", () => {
    const p = presentation(symmetricGroup(3))
    const full = complete(p)
    // few enough steps and rules that the main loop never looks at the clock
    expect(full.stats.steps).toBeLessThan(64)
    let calls = 0
    const clock = () => (calls++ === 0 ? 0 : 10_000)
    expect(complete(p, { clock, deadlineMs: 5000 })).toMatchObject({ _tag: "Incomplete", reason: "deadline", pending: undefined })
  })
})

describe("reducible", () => {
  const s = systemOf(complete(presentation(threeLoops)))

  it("is true exactly on words some rule rewrites (property: reducible w ⇔ normalForm w ≠ w)", () => {
    const { seed, numRuns } = runConfig(300)
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 12 }), (word) => {
        const w = encodeWord(word)
        expect(s.reducible(w)).toBe(s.normalForm(w) !== w)
      }),
      { seed, numRuns },
    )
  })

  it("by hand: ba, cc, aaa and words containing them are reducible; ab, c, the empty word are not", () => {
    for (const w of [[1, 0], [2, 2], [0, 0, 0], [2, 1, 0, 2]]) expect(s.reducible(encodeWord(w))).toBe(true)
    for (const w of [[0, 1], [2], [], [0, 1, 2]]) expect(s.reducible(encodeWord(w))).toBe(false)
    expect(rewritingSystem([]).reducible(encodeWord([0, 1]))).toBe(false)
  })
})
