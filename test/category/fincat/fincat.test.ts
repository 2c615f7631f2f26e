import * as E from "fp-ts/lib/Either.js"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  buildFinCat,
  composeIds,
  finCat,
  FinCatError,
  parsePresentation,
  presentation,
  PresentationError,
  type FinCat,
  type PresentationInput,
} from "../../../src/category/fincat/index.ts"
import { assertLaws, categoryLaws, runConfig, runSuite } from "../../../src/laws/index.ts"
import { braid, freeLoop, sixObjects } from "./examples.ts"

const errorOf = (input: PresentationInput): PresentationError => {
  const r = parsePresentation(input)
  if (E.isRight(r)) throw new Error("expected a PresentationError")
  return r.left
}

describe("presentation validation", () => {
  const base = {
    objects: ["A", "B", "C"],
    arrows: [
      { name: "f", dom: "A", cod: "B" },
      { name: "g", dom: "B", cod: "C" },
      { name: "h", dom: "A", cod: "C" },
    ],
  }
  it("names an unknown object with its JSON path", () => {
    const e = errorOf({ ...base, arrows: [...base.arrows, { name: "z", dom: "A", cod: "Q" }] })
    expect(e.path).toBe("arrows[3].cod")
    expect(e.problem).toEqual({ _tag: "UnknownObject", name: "Q" })
  })
  it("names an unknown generator inside an equation", () => {
    const e = errorOf({ ...base, equations: [{ lhs: ["f", "gg"], rhs: ["h"] }] })
    expect(e.path).toBe("equations[0].lhs[1]")
    expect(e.problem).toEqual({ _tag: "UnknownArrow", name: "gg" })
  })
  it("rejects an ill-typed path, naming both neighbours", () => {
    const e = errorOf({ ...base, equations: [{ name: "bad", lhs: ["g", "f"], rhs: ["h"] }] })
    expect(e.path).toBe("equations[0] (bad).lhs[1]")
    expect(e.problem).toEqual({ _tag: "IllTypedPath", first: "g", second: "f", codomainOfFirst: "C", domainOfSecond: "A" })
    expect(e.message).toContain("'g' ends in C but the next arrow 'f' starts at A")
  })
  it("rejects a non-parallel equation", () => {
    const e = errorOf({ ...base, equations: [{ lhs: ["f"], rhs: ["h"] }] })
    expect(e.path).toBe("equations[0]")
    expect(e.problem).toEqual({ _tag: "NotParallel", lhs: "f : A → B", rhs: "h : A → C" })
  })
  it("rejects an identity equated with a path that is not a loop", () => {
    const e = errorOf({ ...base, equations: [{ lhs: ["f", "g"], rhs: [] }] })
    expect(e.problem).toEqual({ _tag: "IdentityNotLoop", other: "g∘f : A → C" })
  })
  it("rejects duplicate names", () => {
    expect(errorOf({ ...base, objects: ["A", "B", "A"] }).path).toBe("objects[2]")
    expect(errorOf({ ...base, arrows: [...base.arrows, { name: "f", dom: "A", cod: "A" }] }).problem).toEqual({
      _tag: "DuplicateArrow",
      name: "f",
    })
  })
  it("throws the typed error from the throwing constructor", () => {
    expect(() => presentation({ ...base, equations: [{ lhs: ["f"], rhs: ["h"] }] })).toThrow(PresentationError)
  })
})

/**
 * Hom-set counts of `sixObjects`, derived by hand (not read off the code):
 * - hom(A,A) = {1, x, x², x³, x⁴} (x⁵ = x), hom(B,B) = {1, y, …, y⁴} (y⁵ = y², index 2 period 3).
 * - x;f = f;y moves every x past f: x^a;f;y^b = f;y^(a+b). x⁵ = x transported gives
 *   f;y⁵ = f;y, and y⁵ = y² gives f;y² = f;y, so hom(A,B) = {f, f;y}.
 * - hom(A,C) = {x^a;g} (5), hom(A,D): x^a;g;k = x^a;f;h = f;y^a;h ∈ {f;h, f;y;h} (2).
 * - hom(A,E) = {f;h;m, f;y;h;m} ∪ {x^a;g;n} (7), hom(A,F) likewise (7).
 * - hom(B,D), hom(B,E), hom(B,F): y^b then h… (5 each).
 * - hom(C,D) = {k}, hom(C,E) = {n, k;m}, hom(C,F) = {n;p, k;m;p}; D, E, F: chains.
 */
const handCounts: Record<string, number> = {
  "A,A": 5, "A,B": 2, "A,C": 5, "A,D": 2, "A,E": 7, "A,F": 7,
  "B,B": 5, "B,D": 5, "B,E": 5, "B,F": 5,
  "C,C": 1, "C,D": 1, "C,E": 2, "C,F": 2,
  "D,D": 1, "D,E": 1, "D,F": 1, "E,E": 1, "E,F": 1, "F,F": 1,
}

const homCounts = (C: FinCat): Record<string, number> => {
  const out: Record<string, number> = {}
  for (const x of C.objects())
    for (const y of C.objects()) {
      const n = C.homCount(x, y)
      if (n > 0) out[`${C.showObject(x)},${C.showObject(y)}`] = n
    }
  return out
}

/**
 * The independent check: every well-typed path up to `maxLength`, quotiented by applying the
 * equations in both directions (staying within `maxLength`) with union–find. Returns the class
 * counts per hom-set among paths of length ≤ `countUpTo`, and whether every path of length
 * `countUpTo + 1` is equal to a shorter one (then no longer path adds an arrow).
 */
const bruteForce = (input: PresentationInput, maxLength: number, countUpTo: number) => {
  const gens = input.arrows
  const code = (i: number) => String.fromCharCode(97 + i)
  const gi = new Map(gens.map((g, i) => [g.name, i]))
  const eqs = (input.equations ?? []).map((e) => [e.lhs.map((n) => code(gi.get(n)!)).join(""), e.rhs.map((n) => code(gi.get(n)!)).join("")] as const)
  const paths: Array<{ w: string; dom: string; cod: string }> = input.objects.map((o) => ({ w: `@${o}`, dom: o, cod: o }))
  const index = new Map<string, number>(paths.map((p, i) => [p.w, i]))
  for (let from = 0; from < paths.length; from++) {
    const p = paths[from]!
    const len = p.w.startsWith("@") ? 0 : p.w.length
    if (len >= maxLength) continue
    gens.forEach((g, i) => {
      if (g.dom !== p.cod) return
      const w = (len === 0 ? "" : p.w) + code(i)
      index.set(w, paths.length)
      paths.push({ w, dom: p.dom, cod: g.cod })
    })
  }
  const parent = paths.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  paths.forEach((p, i) => {
    if (p.w.startsWith("@")) return
    for (const [l, r] of eqs)
      for (const [a, b] of [[l, r], [r, l]] as const) {
        for (let at = p.w.indexOf(a); at >= 0; at = p.w.indexOf(a, at + 1)) {
          const w2 = p.w.slice(0, at) + b + p.w.slice(at + a.length)
          const j = index.get(w2 === "" ? `@${p.dom}` : w2)
          if (j !== undefined) parent[find(i)] = find(j)
        }
      }
  })
  const lengthOf = (p: { w: string }) => (p.w.startsWith("@") ? 0 : p.w.length)
  const classes = new Map<number, string>()
  paths.forEach((p, i) => {
    if (lengthOf(p) <= countUpTo) classes.set(find(i), `${p.dom},${p.cod}`)
  })
  const counts: Record<string, number> = {}
  for (const hom of classes.values()) counts[hom] = (counts[hom] ?? 0) + 1
  const stable = paths.every((p, i) => lengthOf(p) !== countUpTo + 1 || classes.has(find(i)))
  return { counts, stable }
}

describe("FinCat of the six-object presentation", () => {
  const C = finCat(sixObjects)

  it("has the hand-derived hom-set counts", () => {
    expect(homCounts(C)).toEqual(handCounts)
    expect(C.arrowCount).toBe(60)
  })

  it("agrees with brute-force enumeration quotiented by union–find", () => {
    const { counts, stable } = bruteForce(sixObjects, 12, 8)
    expect(stable).toBe(true)
    expect(counts).toEqual(homCounts(C))
  })

  it("decides path equalities the hand derivation predicts", () => {
    // x;x;f = f;y;y = f;y  (via x;f = f;y twice and f;y² = f;y)
    expect(C.equalPaths(["x", "x", "f"], ["f", "y"])).toBe(true)
    expect(C.equalPaths(["x", "g", "k"], ["f", "y", "h"])).toBe(true)
    expect(C.equalPaths(["f"], ["f", "y"])).toBe(false)
    expect(C.equalPaths(["g", "n"], ["g", "k", "m"])).toBe(false)
    expect(C.equalPaths(["x", "x", "x", "x"], [], "A")).toBe(false)
    expect(C.equalPaths(["x", "x", "x", "x", "x", "x"], ["x", "x"])).toBe(true)
    // not parallel: never equal
    expect(C.equalPaths(["f"], ["g"])).toBe(false)
  })

  it("normal forms are shortlex-least: x⁹ ↦ x", () => {
    expect(C.normalForm(["x", "x", "x", "x", "x", "x", "x", "x", "x"]).word).toEqual([0])
    expect(C.showArrow(C.arrowOf(["x", "x", "x", "g", "k"]))).toBe("h∘f∘x")
    expect(C.pathOf(C.arrowOf(["y", "y", "y", "y", "y", "y"]))).toEqual(["y", "y", "y"])
  })

  it("rejects ill-typed paths given to it, with the path", () => {
    expect(() => C.arrowOf(["f", "g"])).toThrow(PresentationError)
    expect(() => C.arrowOf([])).toThrow(/needs its object/)
  })

  it("satisfies the category laws exhaustively (src/laws)", () => {
    const verdict = assertLaws(runSuite(categoryLaws(C)))
    expect(verdict.laws.length).toBeGreaterThan(0)
  })

  it("composes by table exactly as the paths compose (property)", () => {
    // A random walk in the generator graph, cut in two: the table composite of the two halves
    // is the arrow of the whole path.
    const { seed, numRuns } = runConfig(300)
    const p = C.presentation
    const walk = fc
      .tuple(fc.integer({ min: 0, max: p.objects.length - 1 }), fc.array(fc.nat(), { maxLength: 14 }), fc.nat())
      .map(([start, choices, cut]) => {
        const names: string[] = []
        let at = start
        for (const c of choices) {
          const out = p.generators.filter((_, a) => p.generatorDom[a] === at)
          if (out.length === 0) break
          const name = out[c % out.length]!
          names.push(name)
          at = p.generatorCod[p.generatorIndex.get(name)!]!
        }
        return { start: p.objects[start]!, names, cut: names.length === 0 ? 0 : cut % (names.length + 1) }
      })
    fc.assert(
      fc.property(walk, ({ start, names, cut }) => {
        const first = names.slice(0, cut)
        const second = names.slice(cut)
        const f = C.arrowOf(first, start)
        const g = C.arrowOf(second, p.objects[C.cod(f)])
        expect(C.compose(g, f)).toBe(C.arrowOf(names, start))
        expect(composeIds(C, g, f)).toBe(C.arrowOf(names, start))
      }),
      { seed, numRuns },
    )
  })

  it("returns -1 for a pair that does not compose", () => {
    expect(C.compose(C.arrowOf(["f"]), C.arrowOf(["g"]))).toBe(-1)
  })

  it("gives a witness when two arrows differ", () => {
    const eq = C.equalArrows(C.arrowOf(["f"]), C.arrowOf(["f", "y"]))
    expect(eq).toMatchObject({ equal: false, witness: { left: ["f"], right: ["x", "f"] } }) // shortlex: x (id 0) before f (id 2)
  })
})

describe("FinCat bounds", () => {
  it("reports a free loop as infinite with a pumping witness", () => {
    const r = buildFinCat(presentation(freeLoop), { maxHomSize: 50 })
    expect(r._tag).toBe("Infinite")
    if (r._tag !== "Infinite") return
    expect(r.witness).toEqual({ prefix: [], loop: ["x"], suffix: [], from: 0 })
    expect(r.message).toBe("infinite: hom(A,A) has more than 50 arrows, e.g. x^k is a normal form for every k ≥ 0")
  })

  it("stops on the total bound too, and says which bound", () => {
    const two = presentation({ objects: ["A", "B"], arrows: [{ name: "x", dom: "A", cod: "A" }, { name: "f", dom: "A", cod: "B" }] })
    const r = buildFinCat(two, { maxArrows: 30 })
    expect(r._tag).toBe("Infinite")
    expect(r._tag !== "Finite" && r.message).toMatch(/^infinite: the category has more than 30 arrows, e\.g\. /)
  })

  it("pumps a loop in the middle of a path: x^k then f", () => {
    // With the total bound, the latest normal form is x^k;f: the loop is followed by f.
    const two = presentation({ objects: ["A", "B"], arrows: [{ name: "x", dom: "A", cod: "A" }, { name: "f", dom: "A", cod: "B" }] })
    const r = buildFinCat(two, { maxArrows: 30 })
    expect(r._tag === "Infinite" && [r.dom, r.cod, r.witness]).toEqual(["A", "B", { prefix: [], loop: ["x"], suffix: ["f"], from: 2 }])
    expect(r._tag === "Infinite" && r.message).toContain("f∘x^k is a normal form in hom(A,B) for every k ≥ 2")
    // With a rule of length 4 (g⁴ = g²) the pumped block must be ≥ 4 letters; g^k;h then
    // still pumps (g⁴ never appears in a normal form, but g^k for k ≥ 4 would contain it).
    const ruled = presentation({
      objects: ["A", "B"],
      arrows: [{ name: "x", dom: "A", cod: "A" }, { name: "g", dom: "A", cod: "A" }, { name: "h", dom: "A", cod: "B" }],
      equations: [{ lhs: ["g", "g", "g", "g"], rhs: ["g", "g"] }],
    })
    const q = buildFinCat(ruled, { maxArrows: 200 })
    expect(q._tag).toBe("Infinite")
    if (q._tag !== "Infinite") return
    // the witness really pumps: prefix·loop^k·suffix is irreducible for k = from … from + 5
    const w = q.witness
    for (let k = w.from; k < w.from + 6; k++) {
      const word = [...w.prefix, ...Array.from({ length: k }, () => w.loop).flat(), ...w.suffix].join("")
      expect(word.includes("gggg")).toBe(false)
    }
  })

  it("does not call a large finite hom-set infinite: x⁴⁰ = x with a bound of 10 is TooLarge", () => {
    const big = presentation({ ...freeLoop, equations: [{ lhs: Array(40).fill("x"), rhs: ["x"] }] })
    expect(buildFinCat(big, { maxHomSize: 10 })._tag).toBe("TooLarge")
    const C = buildFinCat(big)
    expect(C._tag === "Finite" && C.category.homCount(0, 0)).toBe(40)
  })

  it("finds a longer loop behind a prefix: f then (g;h)^k", () => {
    const r = buildFinCat(
      presentation({
        objects: ["A", "B", "C"],
        arrows: [
          { name: "f", dom: "A", cod: "B" },
          { name: "g", dom: "B", cod: "C" },
          { name: "h", dom: "C", cod: "B" },
        ],
      }),
      { maxHomSize: 20 },
    )
    expect(r._tag).toBe("Infinite")
    if (r._tag === "Infinite") {
      expect([r.dom, r.witness.prefix.length % 2]).toEqual(["A", 1])
      expect([...r.witness.loop].sort()).toEqual(["g", "h"])
    }
  })

  it("reports a presentation whose completion does not finish (braid monoid)", () => {
    const r = buildFinCat(presentation(braid), { completion: { maxRules: 40, maxSteps: 20_000 } })
    expect(r._tag).toBe("CompletionIncomplete")
    if (r._tag !== "CompletionIncomplete") return
    expect(r.completion.reason).toBe("rules")
    // the rules found are still sound: aba and bab share a normal form
    const s = r.completion.system
    expect(s.normalForm("\u0100\u0101\u0100")).toBe(s.normalForm("\u0101\u0100\u0101"))
    expect(() => finCat(braid, { completion: { maxRules: 40, maxSteps: 20_000 } })).toThrow(FinCatError)
  })
})
