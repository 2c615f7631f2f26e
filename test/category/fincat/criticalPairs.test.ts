/**
 * Critical pairs of Knuth–Bendix completion computed by hand (issue 12 §3): the overlaps formed
 * both ways when a rule is added and again in the final check, each counted once in the
 * `criticalPairs` statistic; the composite criterion (skip overlap k only when k + p is an
 * overlap too, p the smallest period of the right rule's left side); overlaps, never inclusions;
 * the work bound checked inclusively after each equation is normalized.
 *
 * Letters: a = 0, b = 1, c = 2 (x = 0 where there is one generator).
 */
import { describe, expect, it } from "vitest"
import {
  complete,
  decodeWord,
  encodeWord,
  finCat,
  presentation,
  unjoinedCriticalPairs,
  type Completion,
  type PresentationInput,
  type RewriteRule,
} from "../../../src/category/fincat/index.ts"

const rule = (lhs: number[], rhs: number[]): RewriteRule => ({ lhs: encodeWord(lhs), rhs: encodeWord(rhs) })
const decodedPairs = (pairs: ReadonlyArray<readonly [string, string]>) => pairs.map(([s, t]) => [decodeWord(s), decodeWord(t)])
const showRules = (c: Completion) => c.system.rules.map((r) => `${decodeWord(r.lhs).join("")}→${decodeWord(r.rhs).join("")}`)
const monoid = (name: string, generators: string[], equations: Array<readonly [string[], string[]]>): PresentationInput => ({
  name,
  objects: ["*"],
  arrows: generators.map((g) => ({ name: g, dom: "*", cod: "*" })),
  equations: equations.map(([lhs, rhs]) => ({ lhs, rhs })),
})

describe("completion forms every overlap both ways and counts each pair it forms", () => {
  it("⟨a, b | ab = a, ba = b⟩: 6 steps, 4 rules, 8 critical pairs (4 while adding rules, 4 in the final check), 49 letters read", () => {
    // All left sides have length 2, so every overlap is k = 1 (no composite ones) and a pair is
    // formed unless its two sides are equal. Queue and rules, in order:
    //  1. ab = a (nothing to read yet: 0 letters)  → ab → a; ab over itself: no overlap.
    //  2. ba = b (read ba, b: 3)                  → ba → b; ba over ab: bab gives (bb, ba);
    //     ab over ba (the reverse way): aba gives (aa, ab); ba over itself: none.     pairs 2
    //  3. (bb, ba) (read bb, then b a b: 2 + 3)   → bb → b; bb over ba: bba gives (ba, bb);
    //     ab over bb: abb gives (ab, ab), equal; bb over itself: (bb, bb), equal.    pairs 3
    //  4. (aa, ab) (2 + 3)                        → aa → a; aa over ab: aab gives (ab, aa);
    //     ba over aa: baa gives (ba, ba), equal.                                       pairs 4
    //  5. (ba, bb) → b, b (3 + 3);  6. (ab, aa) → a, a (3 + 3): both join.         letters 25
    // Final check of {ab → a, ba → b, bb → b, aa → a}: aba (aa, ab), bab (bb, ba), bba (ba, bb),
    // aab (ab, aa) — 4 pairs, all joining (6 letters each: 24).      pairs 8, letters 49
    // Without the reverse way in step 2, (aa, ab) is only found by the final check, which then
    // runs twice: 10 pairs.
    const c = complete(presentation(monoid("ab", ["a", "b"], [[["a", "b"], ["a"]], [["b", "a"], ["b"]]])))
    expect(c).toMatchObject({
      _tag: "Complete",
      stats: { steps: 6, rulesAdded: 4, criticalPairs: 8, compositeSkipped: 0, rules: 4, totalLength: 12, work: 49 },
    })
    expect(showRules(c)).toEqual(["01→0", "10→1", "11→1", "00→0"])
  })

  it("the work bound is inclusive at the check after each equation: ⟨x | x² = 1, x³ = x⟩ reads 4 letters", () => {
    // 1. x² = 1 with no rules reads nothing → xx → 1 (its self-overlap xxx gives (x, x): equal).
    // 2. x³ = x: xxx reads x, x (xx → 1), x: 3 letters; x: 1 letter — 4, and x = x joins.
    // The final check forms no pair, so reads nothing more.
    const p = presentation(monoid("x", ["x"], [[["x", "x"], []], [["x", "x", "x"], ["x"]]]))
    expect(complete(p)).toMatchObject({ _tag: "Complete", stats: { steps: 2, rulesAdded: 1, criticalPairs: 0, work: 4 } })
    expect(complete(p, { maxWork: 4 })).toMatchObject({ _tag: "Complete", stats: { work: 4 } })
    expect(complete(p, { maxWork: 3 })).toMatchObject({
      _tag: "Incomplete",
      reason: "work",
      pending: { lhs: [0, 0, 0], rhs: [0] },
      stats: { steps: 2, work: 4 },
    })
  })
})

describe("the composite criterion", () => {
  it("skips overlap k only when k + p is an overlap too: bba → 1 over aaa → 1 at k = 1 is prime (k + p = 2 is no overlap)", () => {
    // bba·aa: bba → 1 gives aa; aaa → 1 on bb·aaa gives bb; both normal: unjoined.
    // aaa over itself: overlaps 1 and 2 (p = 1): 1 is composite (1 + 1 = 2 is an overlap),
    // 2 gives (a, a), equal. bba over itself and aaa over bba: no overlap.
    expect(decodedPairs(unjoinedCriticalPairs([rule([1, 1, 0], []), rule([0, 0, 0], [])]))).toEqual([
      [
        [0, 0],
        [1, 1],
      ],
    ])
  })

  it("so completing ⟨a, b | bba = 1, aaa = 1⟩ adds bb → aa from it, and the group is ℤ/6", () => {
    const input = monoid("bba", ["a", "b"], [[["b", "b", "a"], []], [["a", "a", "a"], []]])
    const c = complete(presentation(input))
    expect(c._tag).toBe("Complete")
    // a³ = 1 and b² = a⁻¹ = a²; a = a⁴ = b⁴ is a power of b, so ba = ab and b⁶ = a⁶ = 1:
    // the cyclic group of order 6, normal forms aⁱbʲ (i < 3, j < 2)
    expect(showRules(c).sort()).toEqual(["000→", "10→01", "11→00"])
    expect(unjoinedCriticalPairs(c.system.rules)).toEqual([])
    const C = finCat(input)
    expect(C.arrowCount).toBe(6)
    expect(C.equalPaths(["b", "b"], ["a", "a"])).toBe(true)
  })

  it("forms overlaps only, not inclusions: b → a, bc → c gives no pair (bc ⊃ b; completion never keeps such a pair of rules)", () => {
    // The one-letter left side b overlaps nothing (an overlap needs 0 < k < min(|l1|, |l2|) = 1);
    // bc over b and bc over itself share no proper suffix/prefix. The inclusion of b in bc
    // (bc → ac or → c) is left to inter-reduction, which complete does before pairing.
    expect(unjoinedCriticalPairs([rule([1], [0]), rule([1, 2], [2])])).toEqual([])
    // and completion of the same equations inter-reduces: bc → c is re-queued as ac = c
    const c = complete(presentation(monoid("bc", ["a", "b", "c"], [[["b", "c"], ["c"]], [["b"], ["a"]]])))
    expect(c).toMatchObject({ _tag: "Complete" })
    expect(showRules(c).sort()).toEqual(["02→2", "1→0"])
  })
})

describe("inter-reduction of right sides", () => {
  it("⟨a, b, d | ddd = ab, ab = a⟩: adding ab → a re-normalizes ddd → ab to ddd → a, and the total length follows", () => {
    // 1. ddd = ab (no rules, 0 letters) → ddd → ab (5 letters); ddd over itself: k = 1 composite
    //    (1 + p = 2 is an overlap), k = 2 gives (ab·d, d·ab): one pair.
    // 2. ab = a (read ab, a: 3) → ab → a (total 8); ddd's right side ab contains it: normalized
    //    to a (read a, b, then a: 3 more, work 6), total 8 + (1 − 2) = 7. ab over ddd and back: none.
    // Stopped at step 3 by maxSteps: 2, the system after step 2 is returned.
    const p = presentation(monoid("abd", ["a", "b", "d"], [[["d", "d", "d"], ["a", "b"]], [["a", "b"], ["a"]]]))
    const two = complete(p, { maxSteps: 2 })
    expect(two).toMatchObject({
      _tag: "Incomplete",
      reason: "steps",
      stats: { steps: 3, rulesAdded: 2, criticalPairs: 1, compositeSkipped: 1, rules: 2, totalLength: 7, work: 6 },
    })
    expect(showRules(two)).toEqual(["222→0", "01→0"])
    // run to the end: every right side normal, the total length that of the rules returned
    const c = complete(p)
    expect(c._tag).toBe("Complete")
    for (const r of c.system.rules) expect(c.system.normalForm(r.rhs)).toBe(r.rhs)
    expect(c.stats.totalLength).toBe(c.system.rules.reduce((n, r) => n + r.lhs.length + r.rhs.length, 0))
    expect(showRules(c)).toContain("222→0")
  })
})
