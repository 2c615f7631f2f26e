import { describe, expect, it } from "vitest"
import type { Cocone, Colimit, Cone, Limit } from "../../src/category/Universal.ts"
import {
  arbitraryFunctionInto,
  arbitraryFunctionOutOf,
  coequalizer,
  colimit,
  coproduct,
  equalizer,
  exponential,
  finFunction,
  finFunctionUnchecked,
  finSet,
  finSetCategory,
  initial,
  limit,
  product,
  pullback,
  pushout,
  terminal,
  type Exponential,
  type FinFunction,
  type FinSetObject,
} from "../../src/category/finset/index.ts"
import { assertLaws, failures, runConfig, runSuite, type LawVerdict } from "../../src/laws/index.ts"
import {
  allCocones,
  allCones,
  colimitLaws,
  exponentialLaws,
  limitLaws,
  sampledCoconeCarriers,
  sampledConeCarriers,
} from "../../src/laws/universal.ts"

type L = Limit<FinSetObject, FinFunction>
type CL = Colimit<FinSetObject, FinFunction>

const s = (n: number) => finSet(n)
const small = [s(0), s(1), s(2)]
/** FinSet on the given sets and the small apexes, hom-sets listed. */
const cat = (...extra: FinSetObject[]) => finSetCategory([...small, ...extra], { maxHom: 1_000_000 })
const law = (verdict: { laws: ReadonlyArray<LawVerdict> }, name: string) => verdict.laws.find((l) => l.law === name)

const f22 = finFunction(s(3), s(2), [0, 1, 1])
const g22 = finFunction(s(3), s(2), [0, 0, 1])

describe("universal property laws on FinSet limits (exhaustive: all cones from 0, 1, 2)", () => {
  it("the product 2 × 3 is universal; every cone from 0, 1, 2 is counted", () => {
    const p = product(s(2), s(3))
    const verdict = assertLaws(runSuite(limitLaws(cat(p.apex), p, small)))
    // cones from X are pairs of functions X → 2, X → 3: 1·1 + 2·3 + 4·9 = 43
    expect(law(verdict, "limit.factorization")).toMatchObject({ _tag: "Holds", coverage: { mode: "exhaustive", cases: 43 } })
    // for every cone, every u′ : X → 6 is tried; exactly one per cone factors, the rest are discarded
    expect(law(verdict, "limit.uniqueness")).toMatchObject({ coverage: { cases: 43, discarded: 1 * 1 + 6 * 6 + 36 * 36 - 43 } })
  })

  it("terminal, equalizer and pullback are universal", () => {
    const t = terminal()
    assertLaws(runSuite(limitLaws(cat(), t, small)))
    const e = equalizer(f22, g22)
    assertLaws(runSuite(limitLaws(cat(s(3)), e, small)))
    const pb = pullback(finFunction(s(3), s(2), [0, 1, 1]), finFunction(s(2), s(2), [1, 1]))
    const verdict = assertLaws(runSuite(limitLaws(cat(s(3), pb.apex), pb, small)))
    expect(law(verdict, "limit.commutes")).toMatchObject({ _tag: "Holds", coverage: { cases: 2 } })
  })

  it("a general limit (a wide pullback of three sets) is universal", () => {
    const over = s(2)
    const wide = limit({
      objects: [s(2), s(3), s(2), over],
      arrows: [
        { from: 0, to: 3, arrow: finFunction(s(2), over, [0, 1]) },
        { from: 1, to: 3, arrow: finFunction(s(3), over, [1, 0, 1]) },
        { from: 2, to: 3, arrow: finFunction(s(2), over, [1, 1]) },
      ],
    })
    const verdict = assertLaws(runSuite(limitLaws(cat(s(3), wide.apex), wide, small)))
    // the families: (1, 0, *, 1), (1, 2, *, 1) → 4; cones from X are maps X → families: 1 + 4 + 16
    expect(law(verdict, "limit.factorization")).toMatchObject({ coverage: { cases: 21 } })
  })

  it("allCones lists exactly the commuting families (checked against a brute-force count)", () => {
    const C = cat(s(3))
    const e = equalizer(f22, g22)
    const cones = [...allCones(C, e.diagram, s(2))]
    // a cone from 2 is (h : 2 → 3, k : 2 → 2) with f∘h = k = g∘h: h lands where f = g
    let expected = 0
    for (let h0 = 0; h0 < 3; h0++)
      for (let h1 = 0; h1 < 3; h1++)
        if (f22.map[h0] === g22.map[h0] && f22.map[h1] === g22.map[h1]) expected++
    expect(cones.length).toBe(expected)
  })

  it("catch a product whose mediate is wrong (factorization fails, counterexample asserted)", () => {
    const p = product(s(2), s(2))
    // mediate sends everything to the tuple (0, 0)
    const wrong: L = { ...p, mediate: (c) => finFunctionUnchecked(c.apex, p.apex, new Int32Array(c.apex.size)) }
    const verdict = runSuite(limitLaws(cat(p.apex), wrong, small))
    expect(failures(verdict).map((f) => f.law)).toEqual(["limit.factorization", "limit.uniqueness"])
    const fact = failures(verdict)[0]!
    // the first failing cone: from 1, legs (0, 1) — mediate gives (0, 0), so leg 1 is off at element 0
    expect(fact.counterexample.input).toBe("cone from 1: [[0↦0] : 1 → 2; [0↦1] : 1 → 2]")
    expect(fact.counterexample.message).toBe("leg 1: differ at 0: 0 ≠ 1")
    // cones from 0 (1) and those from 1, 2 landing on (0, 0) are fine: 1 + 1 + 1 of 1 + 4 + 16
    expect(fact.failingCases).toBe(21 - 3)
  })

  it("a mediate that throws on a valid cone is a failure with that cone, not a crash", () => {
    const p = product(s(2), s(2))
    const other = product(s(2), s(3)) // its mediate refuses cones over 2, 2
    const throwing: L = { ...p, mediate: other.mediate }
    const verdict = runSuite(limitLaws(cat(p.apex), throwing, [s(1)]))
    expect(failures(verdict).map((f) => f.law)).toEqual(["limit.mediatorEndpoints", "limit.factorization", "limit.uniqueness"])
    const fact = failures(verdict)[1]!
    expect(fact.counterexample.message).toBe(
      "mediate threw: product of 2: not a cone over the diagram: leg 1 ends at a set of size 2, diagram object 1 has size 3",
    )
    expect(fact.failingCases).toBe(4)
  })

  it("catch a cone that is not universal: a redundant apex gives two mediators", () => {
    const p = product(s(2), s(2))
    // apex 5 = the 4 pairs and a copy of (1, 1); mediate keeps to the first 4
    const apex = s(5)
    const legs = p.legs.map((leg) => finFunctionUnchecked(apex, leg.cod, Int32Array.from([...leg.map, leg.map[3]!])))
    const redundant: L = { ...p, apex, legs, mediate: (c) => finFunctionUnchecked(c.apex, apex, p.mediate(c).map) }
    const verdict = runSuite(limitLaws(cat(apex), redundant, small))
    expect(failures(verdict).map((f) => f.law)).toEqual(["limit.uniqueness"])
    const u = failures(verdict)[0]!
    // the cone from 1 with legs (1, 1) factors through element 3 and through element 4
    expect(u.counterexample.input).toBe("cone from 1: [[0↦1] : 1 → 2; [0↦1] : 1 → 2], u′ = [0↦4] : 1 → 5")
    expect(u.counterexample.message).toContain("two mediators")
    expect(u.counterexample.witness).toMatchObject({ difference: { index: 0, left: 4, right: 3 } })
  })

  it("catch legs that do not commute with the diagram (a pullback with a wrong third leg)", () => {
    const pb = pullback(finFunction(s(2), s(2), [0, 1]), finFunction(s(2), s(2), [1, 0]))
    const legs = [pb.legs[0]!, pb.legs[1]!, finFunctionUnchecked(pb.apex, s(2), new Int32Array(pb.apex.size).fill(0))]
    const broken: L = { ...pb, legs }
    const verdict = runSuite(limitLaws(cat(pb.apex), broken, [s(1)]))
    const commutes = failures(verdict).find((f) => f.law === "limit.commutes")!
    // pairs (0,1) and (1,0): f∘p₁ = [0, 1] but the third leg is [0, 0]; arrow 0 is f : 0 → 2
    expect(commutes.counterexample.input).toBe("diagram arrow 0 (0 → 2): [0↦0, 1↦1] : 2 → 2")
    expect(commutes.counterexample.witness).toEqual({ index: 1, left: 1, right: 0 })
    expect(commutes.failingCases).toBe(2)
  })

  it("sampled carriers: a large pullback recovers every arrow into it from its cone, and a broken mediate is shrunk", () => {
    const A = s(40)
    const B = s(30)
    const C = s(5)
    const f = finFunctionUnchecked(A, C, Int32Array.from({ length: 40 }, (_, i) => (i * 7) % 5))
    const g = finFunctionUnchecked(B, C, Int32Array.from({ length: 30 }, (_, i) => (i * 3) % 5))
    const pb = pullback(f, g)
    const config = runConfig(100)
    const carriers = sampledConeCarriers(cat(), pb, arbitraryFunctionInto(pb.apex, 6))
    const verdict = assertLaws(runSuite(limitLaws(cat(), pb, carriers), { config }))
    expect(law(verdict, "limit.uniqueness")).toMatchObject({ _tag: "Holds", coverage: { mode: "sampled", seed: config.seed } })
    // off by one on the last element of the pullback: only arrows hitting it notice
    const last = pb.apex.size - 1
    const broken: L = {
      ...pb,
      mediate: (c: Cone<FinSetObject, FinFunction>) => {
        const u = pb.mediate(c)
        return finFunctionUnchecked(u.dom, u.cod, u.map.map((v) => (v === last ? 0 : v)))
      },
    }
    const bad = runSuite(limitLaws(cat(), broken, carriers), { config })
    const uniq = failures(bad).find((x) => x.law === "limit.uniqueness")!
    const [, u] = uniq.counterexample.value as readonly [Cone<FinSetObject, FinFunction>, FinFunction]
    // shrunk: the arrow hits the last pair, every other element is shrunk to pair 0
    expect(Array.from(u.map)).toContain(last)
    expect(Array.from(u.map).filter((v) => v !== last).every((v) => v === 0)).toBe(true)
  })
})

describe("universal property laws on FinSet colimits", () => {
  it("initial, coproduct, coequalizer, pushout and a general colimit are universal", () => {
    assertLaws(runSuite(colimitLaws(cat(), initial(), small)))
    const sum = coproduct(s(1), s(2))
    const v = assertLaws(runSuite(colimitLaws(cat(sum.nadir), sum, small)))
    // cocones to X: pairs (1 → X, 2 → X): 0 + 1 + 2·4 = 9
    expect(law(v, "colimit.factorization")).toMatchObject({ coverage: { cases: 9 } })
    assertLaws(runSuite(colimitLaws(cat(s(3)), coequalizer(f22, g22), small)))
    const po = pushout(finFunction(s(1), s(2), [1]), finFunction(s(1), s(2), [0]))
    assertLaws(runSuite(colimitLaws(cat(po.nadir), po, small)))
    const shared = s(1)
    const glued = colimit({
      objects: [s(2), s(1), shared],
      arrows: [
        { from: 2, to: 0, arrow: finFunction(shared, s(2), [1]) },
        { from: 2, to: 1, arrow: finFunction(shared, s(1), [0]) },
      ],
    })
    assertLaws(runSuite(colimitLaws(cat(glued.nadir), glued, small)))
  })

  it("catch a coequalizer that glues too little (its legs do not commute)", () => {
    const co = coequalizer(f22, g22)
    // the identity on B as "quotient": q∘f ≠ q∘g
    const B = f22.cod
    const id = finFunctionUnchecked(B, B, Int32Array.from([0, 1]))
    const fine: CL = { ...co, nadir: B, legs: [f22, id], mediate: (c: Cocone<FinSetObject, FinFunction>) => c.legs[1]! }
    const verdict = runSuite(colimitLaws(cat(s(3)), fine, small))
    const commutes = failures(verdict).find((f) => f.law === "colimit.commutes")!
    // arrow 1 is g: leg_B ∘ g = g ≠ f = leg_A at element 1 (g(1) = 0, f(1) = 1)
    expect(commutes.counterexample.input).toContain("diagram arrow 1 (0 → 1)")
    expect(commutes.counterexample.witness).toEqual({ index: 1, left: 0, right: 1 })
  })

  it("catch a coproduct with a junk element: mediators are not unique", () => {
    const sum = coproduct(s(1), s(1))
    const nadir = s(3) // two injections and an element nothing reaches
    const legs = sum.legs.map((l) => finFunctionUnchecked(l.dom, nadir, l.map))
    const junk: CL = {
      ...sum,
      nadir,
      legs,
      mediate: (c) => finFunctionUnchecked(nadir, c.nadir, Int32Array.from([...sum.mediate(c).map, 0])),
    }
    const verdict = runSuite(colimitLaws(cat(nadir), junk, small))
    expect(failures(verdict).map((f) => f.law)).toEqual(["colimit.uniqueness"])
    const u = failures(verdict)[0]!
    // cocone to 2 with legs (0, 0): the junk element may go to 0 or to 1
    expect(u.counterexample.witness).toMatchObject({ difference: { index: 2, left: 1, right: 0 } })
  })

  it("sampled carriers on a large pushout", () => {
    const C = s(20)
    const f = finFunctionUnchecked(C, s(25), Int32Array.from({ length: 20 }, (_, i) => (i * 3) % 25))
    const g = finFunctionUnchecked(C, s(15), Int32Array.from({ length: 20 }, (_, i) => i % 15))
    const po = pushout(f, g)
    const verdict = assertLaws(
      runSuite(colimitLaws(cat(), po, sampledCoconeCarriers(cat(), po, arbitraryFunctionOutOf(po.nadir, 5))), { config: runConfig(100) }),
    )
    expect(law(verdict, "colimit.uniqueness")).toMatchObject({ _tag: "Holds", coverage: { mode: "sampled" } })
    expect([...allCocones(cat(s(3)), coequalizer(f22, g22).diagram, s(1))].length).toBe(1)
  })
})

describe("exponential laws", () => {
  it("2^2 and 3^2: β and uniqueness hold for every h : X × A → B, X ∈ {0, 1, 2}", () => {
    for (const [a, b] of [
      [2, 2],
      [2, 3],
      [0, 2],
    ] as const) {
      const E = exponential(s(a), s(b))
      const C = cat()
      const verdict = assertLaws(runSuite(exponentialLaws(C, E, small)))
      // h ranges over hom(X × A, B) for X = 0, 1, 2
      const expected = [0, 1, 2].reduce((n, x) => n + b ** (x * a), 0)
      expect(law(verdict, "exponential.beta")).toMatchObject({ coverage: { cases: expected } })
    }
  })

  it("catch a curry that is off (β fails, with the h and the differing element)", () => {
    const E = exponential(s(2), s(2))
    // curry forgets h(x, 1): λh(x) = the constant function at h(x, 0)
    const wrong: Exponential<FinSetObject, FinFunction> = {
      ...E,
      curry: (h, x) =>
        finFunctionUnchecked(x, E.object, Int32Array.from({ length: x.size }, (_, i) => (h.map[i * 2] === 0 ? 0 : 3))),
    }
    const verdict = runSuite(exponentialLaws(cat(E.object), wrong, small))
    const beta = failures(verdict).find((f) => f.law === "exponential.beta")!
    expect(beta.counterexample.input).toBe("X = 1, h = [0↦0, 1↦1] : 2 → 2")
    expect((beta.counterexample.value as readonly [FinSetObject, FinFunction])[1].map).toEqual(Int32Array.from([0, 1]))
    expect(beta.counterexample.witness).toEqual({ index: 1, left: 0, right: 1 })
  })
})
