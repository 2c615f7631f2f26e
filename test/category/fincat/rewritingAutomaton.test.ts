/**
 * The rewriting machinery under `complete` checked against a plain reference (issue 12 §3): the
 * Aho–Corasick normalizer, in its dense form and in the sparse form used when the table would
 * exceed 2²⁴ cells, rewrites exactly as "after each letter, replace the longest left side that
 * ends the output" does; buffers grow for long and expanding words; the orders, the encoding,
 * the budget bounds and their messages, each quickly (the long budget runs are in
 * completionBudget.test.ts).
 */
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  complete,
  cyclicGroup,
  decodeWord,
  defaultCompletionBounds,
  encodeWord,
  letter,
  letterAt,
  positiveBraidMonoid,
  presentation,
  rewritingSystem,
  shortlex,
  symmetricGroup,
  showCompletionLimit,
  weightedShortlex,
  type Completion,
  type RewriteRule,
} from "../../../src/category/fincat/index.ts"
import { runConfig } from "../../../src/laws/index.ts"

/** After each letter read, the longest left side that is a suffix of the output (first rule among equal ones) is replaced. */
const reference = (rules: ReadonlyArray<RewriteRule>, word: string): string => {
  const input = [...word].reverse()
  let out = ""
  for (let c = input.pop(); c !== undefined; c = input.pop()) {
    out += c
    let best: RewriteRule | undefined
    for (const r of rules) if (out.endsWith(r.lhs) && (best === undefined || r.lhs.length > best.lhs.length)) best = r
    if (best !== undefined) {
      out = out.slice(0, out.length - best.lhs.length)
      for (const d of [...best.rhs].reverse()) input.push(d)
    }
  }
  return out
}

const word = (alphabet: number, maxLength: number) => fc.array(fc.integer({ min: 0, max: alphabet - 1 }), { maxLength })
/** Rules over {0, 1, 2} whose right side is shorter than the left (so rewriting terminates). */
const shrinkingRule = fc
  .tuple(word(3, 4), word(3, 3))
  .filter(([l, r]) => l.length > 0 && r.length < l.length)
  .map(([l, r]) => ({ lhs: encodeWord(l), rhs: encodeWord(r) }))
/** A rule on generator 6000 with 2800 letters: 2801 states × 6001 letters > 2²⁴ cells, so the automaton is sparse. Never matches words over 0..3. */
const forceSparse: RewriteRule = { lhs: encodeWord(Array(2800).fill(6000)), rhs: "" }
/** 3 → 01: longer, but with 3 weighing 3 the rules still terminate; it makes words grow. */
const expand: RewriteRule = { lhs: encodeWord([3]), rhs: encodeWord([0, 1]) }

describe("normalForm and reducible against the reference", () => {
  it("the dense automaton rewrites as the reference, and reducible ⇔ some left side occurs (property)", () => {
    const { seed, numRuns } = runConfig(300)
    fc.assert(
      fc.property(fc.array(shrinkingRule, { minLength: 1, maxLength: 5 }), fc.array(word(4, 40), { minLength: 1, maxLength: 4 }), (rs, words) => {
        const rules = [...rs, expand]
        const s = rewritingSystem(rules)
        for (const w of words.map(encodeWord)) {
          expect(s.normalForm(w)).toBe(reference(rules, w))
          expect(s.reducible(w)).toBe(rules.some((r) => w.includes(r.lhs)))
        }
      }),
      { seed, numRuns },
    )
  })

  it("the sparse automaton (past 2²⁴ cells) rewrites as the reference too (property)", () => {
    const { seed, numRuns } = runConfig(150)
    fc.assert(
      fc.property(fc.array(shrinkingRule, { minLength: 1, maxLength: 5 }), fc.array(word(4, 40), { minLength: 1, maxLength: 4 }), (rs, words) => {
        const rules = [...rs, expand, forceSparse]
        const s = rewritingSystem(rules)
        for (const w of words.map(encodeWord)) {
          expect(s.normalForm(w)).toBe(reference(rules, w))
          expect(s.reducible(w)).toBe(rules.some((r) => w.includes(r.lhs)))
        }
      }),
      { seed, numRuns },
    )
  })

  it("by hand, dense and sparse: overlapping left sides need the failure links (abc → 1, bcd → e inside abcd)", () => {
    // a b c d e = 0 1 2 3 4; reading abcd: after abc the rule abc → (empty) fires first, leaving d
    const rules = [
      { lhs: encodeWord([0, 1, 2]), rhs: "" },
      { lhs: encodeWord([1, 2, 3]), rhs: encodeWord([4]) },
      { lhs: encodeWord([2, 3]), rhs: encodeWord([0]) },
    ]
    for (const s of [rewritingSystem(rules), rewritingSystem([...rules, forceSparse])]) {
      expect(decodeWord(s.normalForm(encodeWord([0, 1, 2, 3])))).toEqual([3])
      // xbcd (x = 4): bc is read, then d: bcd is the longest left side ending the output → e
      expect(decodeWord(s.normalForm(encodeWord([4, 1, 2, 3])))).toEqual([4, 4])
      // cd alone → a
      expect(decodeWord(s.normalForm(encodeWord([4, 2, 3])))).toEqual([4, 0])
      expect(s.reducible(encodeWord([4, 1, 2, 3]))).toBe(true)
      expect(s.reducible(encodeWord([4, 1, 2, 4, 3]))).toBe(false)
      // letters no left side uses lead back to the start
      expect(s.normalForm(encodeWord([7, 9, 7]))).toBe(encodeWord([7, 9, 7]))
    }
  })

  it("grows its buffers: 64 letters that each expand (input), 5000 that give 10 000 (output, built in chunks)", () => {
    const s = rewritingSystem([expand])
    expect(s.normalForm(encodeWord(Array(64).fill(3)))).toBe(encodeWord(Array(64).fill([0, 1]).flat()))
    expect(s.normalForm(encodeWord(Array(5000).fill(3)))).toBe(encodeWord(Array(5000).fill([0, 1]).flat()))
    // and a normal word is returned as it is
    expect(s.normalForm(encodeWord([0, 1, 2]))).toBe(encodeWord([0, 1, 2]))
  })

  it("a right side longer than the input buffer, and duplicate left sides (the first rule wins), dense and sparse", () => {
    const long: RewriteRule = { lhs: encodeWord([3]), rhs: encodeWord(Array(200).fill(0)) }
    const dup = [
      { lhs: encodeWord([1, 2]), rhs: encodeWord([0]) },
      { lhs: encodeWord([1, 2]), rhs: encodeWord([2]) },
    ]
    for (const extra of [[], [forceSparse]]) {
      expect(rewritingSystem([long, ...extra]).normalForm(encodeWord([3]))).toBe(encodeWord(Array(200).fill(0)))
      expect(rewritingSystem([...dup, ...extra]).normalForm(encodeWord([1, 2]))).toBe(encodeWord([0]))
    }
  })

  it("no rules: every word is normal and irreducible; longestLhs is 0", () => {
    const s = rewritingSystem([])
    expect(s.normalForm(encodeWord([1, 2]))).toBe(encodeWord([1, 2]))
    expect(s.reducible(encodeWord([1, 2]))).toBe(false)
    expect(s.longestLhs).toBe(0)
    expect(rewritingSystem([{ lhs: encodeWord([0, 1, 2]), rhs: "" }, expand]).longestLhs).toBe(3)
    expect(rewritingSystem([expand, { lhs: encodeWord([0, 1, 2]), rhs: "" }]).longestLhs).toBe(3)
  })

  it("counts the letters it reads in its meter: 3 → 01 on 33 reads 3, 0, 1, 3, 0, 1", () => {
    const meter = { letters: 0 }
    rewritingSystem([expand], meter).normalForm(encodeWord([3, 3]))
    expect(meter.letters).toBe(6)
  })
})

describe("orders and encoding", () => {
  it("shortlex: shorter first, then lexicographic on ids", () => {
    expect(shortlex(encodeWord([5]), encodeWord([0, 0]))).toBeLessThan(0)
    expect(shortlex(encodeWord([0, 1]), encodeWord([1, 0]))).toBeLessThan(0)
    expect(shortlex(encodeWord([1, 0]), encodeWord([0, 1]))).toBeGreaterThan(0)
    expect(shortlex(encodeWord([1, 0]), encodeWord([1, 0]))).toBe(0)
    expect(shortlex(encodeWord([0, 0, 0]), encodeWord([9]))).toBe(2)
  })

  it("weighted shortlex: total weight first (absent weights 1), then shortlex", () => {
    const order = weightedShortlex([1, 3])
    // y (weight 3) above xx (2), below xxxx (4)
    expect(order(encodeWord([1]), encodeWord([0, 0]))).toBe(1)
    expect(order(encodeWord([1]), encodeWord([0, 0, 0, 0]))).toBe(-1)
    // equal weight 3: y against xxx → shortlex, y is shorter
    expect(order(encodeWord([1]), encodeWord([0, 0, 0]))).toBeLessThan(0)
    expect(order(encodeWord([0, 0, 0]), encodeWord([1]))).toBeGreaterThan(0)
    // the right-hand word's weights count too: xx (2) below y (3)
    expect(order(encodeWord([0, 0]), encodeWord([1]))).toBe(-1)
    // generator 2 has no weight: 1
    expect(order(encodeWord([2, 2]), encodeWord([0]))).toBe(1)
  })

  it("one code unit per generator, from 0x100", () => {
    expect(encodeWord([0, 5])).toBe("\u0100\u0105")
    expect(decodeWord("\u0100\u0105")).toEqual([0, 5])
    expect(letter(7)).toBe("\u0107")
    expect(letterAt(encodeWord([4, 9]), 1)).toBe(9)
  })
})

describe("the budget, quickly", () => {
  const braid = presentation(positiveBraidMonoid(3))

  it("every bound left out takes its default", () => {
    const c = complete(braid, { maxRules: 5 })
    expect(c).toMatchObject({ _tag: "Incomplete", reason: "rules", bounds: { ...defaultCompletionBounds, maxRules: 5 } })
    expect(defaultCompletionBounds).toEqual({ maxRules: 2000, maxSteps: 200_000, maxTotalLength: 1_000_000, maxWork: 10_000_000, deadlineMs: 5000 })
  })

  it("the rules bound keeps the rule that exceeds it (sound) and names the pair in process", () => {
    const c = complete(braid, { maxRules: 5, deadlineMs: 600_000 })
    if (c._tag !== "Incomplete") throw new Error("expected Incomplete")
    expect(c.stats.rules).toBe(6)
    expect(c.system.rules).toHaveLength(6)
    expect(c.pending).toEqual({ lhs: expect.any(Array), rhs: expect.any(Array) })
    expect(c.pending?.lhs.every((g) => g === 0 || g === 1)).toBe(true)
    // aba and bab still meet
    expect(c.system.normalForm(encodeWord([0, 1, 0]))).toBe(c.system.normalForm(encodeWord([1, 0, 1])))
  })

  it("each bound stops it with its reason; a clock past the deadline at the 64th step stops it there with the pair", () => {
    expect(complete(braid, { maxSteps: 3, deadlineMs: 600_000 })).toMatchObject({ _tag: "Incomplete", reason: "steps", stats: { steps: 4 } })
    expect(complete(braid, { maxTotalLength: 40, deadlineMs: 600_000 })).toMatchObject({ _tag: "Incomplete", reason: "totalLength" })
    expect(complete(braid, { maxWork: 100, deadlineMs: 600_000 })).toMatchObject({ _tag: "Incomplete", reason: "work" })
    let reads = 0
    const late = complete(braid, { maxRules: 100_000, deadlineMs: 5000, clock: () => (reads++ === 0 ? 0 : 10_000) })
    expect(late).toMatchObject({ _tag: "Incomplete", reason: "deadline", stats: { steps: 64 } })
    if (late._tag === "Incomplete") expect(late.pending).toBeDefined()
  })

  it("the work bound is inclusive: S₃ within exactly its own work completes; the clock's first reading is the start", () => {
    const p = presentation(symmetricGroup(3))
    const full = complete(p)
    expect(complete(p, { maxWork: full.stats.work })._tag).toBe("Complete")
    expect(full.stats.elapsedMs).toBeGreaterThanOrEqual(0)
    expect(Number.isFinite(full.stats.elapsedMs)).toBe(true)
    // a clock standing at 1000: nothing elapsed
    expect(complete(p, { clock: () => 1000 }).stats.elapsedMs).toBe(0)
  })

  it("the deadline is passed only beyond it: a clock at exactly 5000 after the start is still in time", () => {
    let reads = 0
    const c = complete(braid, { maxSteps: 100, deadlineMs: 5000, clock: () => (reads++ === 0 ? 0 : 5000) })
    expect(c).toMatchObject({ _tag: "Incomplete", reason: "steps", stats: { steps: 101 } })
  })

  it("when the total length trips with the rule count exactly at its bound, the reason is the total length", () => {
    expect(complete(presentation(cyclicGroup(50)), { maxTotalLength: 49, maxRules: 1 })).toMatchObject({ _tag: "Incomplete", reason: "totalLength" })
  })

  it("the total-length bound is inclusive: x⁵⁰ → 1 (50 letters) completes under 50 and stops under 49", () => {
    expect(complete(presentation(cyclicGroup(50)), { maxTotalLength: 50 })).toMatchObject({ _tag: "Complete", stats: { totalLength: 50 } })
    expect(complete(presentation(cyclicGroup(50)), { maxTotalLength: 49 })).toMatchObject({ _tag: "Incomplete", reason: "totalLength" })
  })

  it("its statistics are those of the system it returns: rules and total length (inter-reduction keeps them in step)", () => {
    for (const p of [presentation(symmetricGroup(3)), presentation(symmetricGroup(4)), presentation(positiveBraidMonoid(3))]) {
      const c = complete(p, { maxRules: 40, deadlineMs: 600_000 })
      expect(c.stats.rules).toBe(c.system.rules.length)
      expect(c.stats.totalLength).toBe(c.system.rules.reduce((n, r) => n + r.lhs.length + r.rhs.length, 0))
      // inter-reduced: no left side contains another, right sides are normal
      for (const r of c.system.rules) {
        expect(c.system.rules.filter((q) => q !== r && r.lhs.includes(q.lhs))).toEqual([])
        if (c._tag === "Complete") expect(c.system.normalForm(r.rhs)).toBe(r.rhs)
      }
      expect(c.stats.rulesAdded).toBeGreaterThanOrEqual(c.stats.rules)
    }
  })

  it("a deadline passed while pairing the 256th rule stops it there (the pairing loop looks at the clock every 256 rules)", () => {
    // 300 loops gᵢ with gᵢgᵢ = gᵢ: one rule per step, no critical pair; the clock is read at start,
    // at steps 64, 128, 192, 256 (all fine), then at rule 256's pairing: past the deadline
    const p = presentation({
      objects: ["*"],
      arrows: Array.from({ length: 300 }, (_, i) => ({ name: `g${i}`, dom: "*", cod: "*" })),
      equations: Array.from({ length: 300 }, (_, i) => ({ lhs: [`g${i}`, `g${i}`], rhs: [`g${i}`] })),
    })
    let reads = 0
    const c = complete(p, { deadlineMs: 5000, clock: () => (++reads <= 5 ? 0 : 10_000) })
    expect(c).toMatchObject({ _tag: "Incomplete", reason: "deadline", stats: { steps: 256, rules: 256 } })
    // without the clock's help it completes (deadline out of the way: under load or instrumentation 300 automaton rebuilds can pass 5 s)
    expect(complete(p, { deadlineMs: 600_000 })).toMatchObject({ _tag: "Complete", stats: { steps: 300, rules: 300, criticalPairs: 0 } })
  })

  it("weights orient: y = x² with y weighing 3 gives y → x², by default x² → y", () => {
    const p = presentation({
      objects: ["*"],
      arrows: ["x", "y"].map((name) => ({ name, dom: "*", cod: "*" })),
      equations: [
        { lhs: ["x", "x", "x"], rhs: [] },
        { lhs: ["y"], rhs: ["x", "x"] },
      ],
    })
    const show = (c: Completion) => c.system.rules.map((r) => `${decodeWord(r.lhs).join("")}→${decodeWord(r.rhs).join("")}`).sort()
    expect(show(complete(p))).toEqual(["00→1", "01→", "10→", "11→0"]) // x² = y, xy = yx = 1, y² = x⁴ = x
    expect(show(complete(p, { weights: { y: 3 } }))).toEqual(["000→", "1→00"])
    expect(show(complete(p, { weights: { x: 1, y: 2 } }))).toEqual(show(complete(p)))
  })

  it("weights must name generators and be positive integers", () => {
    expect(() => complete(braid, { weights: { z: 2 } })).toThrow("completion weights: 'z' is not a generator of B3+")
    expect(() => complete(braid, { weights: { a: 1.5 } })).toThrow("completion weights: the weight of 'a' must be a positive integer, not 1.5")
    expect(() => complete(braid, { weights: { a: 0 } })).toThrow("not 0")
    expect(complete(braid, { weights: { a: 1 }, maxRules: 5 })._tag).toBe("Incomplete")
  })

  it("showCompletionLimit names the bound and the work done", () => {
    const stats = { steps: 12, rulesAdded: 9, criticalPairs: 30, compositeSkipped: 0, rules: 7, totalLength: 55, work: 400, elapsedMs: 12.6 }
    const at = (reason: Extract<Completion, { _tag: "Incomplete" }>["reason"]) =>
      showCompletionLimit({ _tag: "Incomplete", reason, bounds: defaultCompletionBounds, system: rewritingSystem([]), stats, pending: undefined })
    const tail = "after 12 steps with 7 rules of total length 55 (9 added, 30 critical pairs, 13 ms)"
    expect(at("rules")).toBe(`stopped on the rules bound (2000 rules) ${tail}`)
    expect(at("steps")).toBe(`stopped on the steps bound (200000 equations processed) ${tail}`)
    expect(at("totalLength")).toBe(`stopped on the total-length bound (1000000 letters in all rules) ${tail}`)
    expect(at("work")).toBe(`stopped on the work bound (10000000 letters rewritten) ${tail}`)
    expect(at("deadline")).toBe(`stopped on the deadline (5000 ms) ${tail}`)
  })
})
