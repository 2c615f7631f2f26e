import { describe, expect, it } from "vitest"
import type { FiniteCategory } from "../../../src/category/Category.ts"
import {
  coproductCategory,
  CrossSideCompositionError,
  injections,
  left,
  NotAPreorderError,
  opposite,
  pairing,
  productCategory,
  projections,
  right,
  thinCategory,
  thinCategoryOf,
} from "../../../src/category/constructions/index.ts"
import { finSet, finSetCategory } from "../../../src/category/finset/index.ts"
import { assertLaws, categoryLaws, failures, runSuite, type LawVerdict } from "../../../src/laws/index.ts"
import { finiteFunctorCarriers, functorLaws } from "../../../src/laws/functor.ts"
import { cyclic } from "../../support/cyclic.ts"

/** Subtraction mod n: not associative, 0 only a right identity. */
const brokenCyclic = (n: number) => cyclic(n, (g, f) => (((g - f) % n) + n) % n)

const divisors = [1, 2, 3, 4, 6, 12]
const divides = thinCategory(divisors, (a, b) => b % a === 0, { name: "Div12" })
const cases = (verdict: { laws: ReadonlyArray<LawVerdict> }, name: string) => {
  const l = verdict.laws.find((x) => x.law === name)
  return l?._tag === "Holds" && l.coverage.mode === "exhaustive" ? l.coverage.cases : undefined
}
/** Composable triples of a finite category, counted independently of the law carriers. */
const triples = <O, A>(C: FiniteCategory<O, A>): number => {
  const os = C.objects()
  let n = 0
  for (const w of os) for (const x of os) for (const y of os) for (const z of os) n += C.hom(w, x).length * C.hom(x, y).length * C.hom(y, z).length
  return n
}

describe("thin categories of preorders", () => {
  it("divisibility on the divisors of 12 is a category; hom-sets have at most one arrow", () => {
    const verdict = assertLaws(runSuite(categoryLaws(divides)))
    // arrows = pairs a | b: counted directly
    const pairs = divisors.flatMap((a) => divisors.filter((b) => b % a === 0)).length
    expect(cases(verdict, "category.leftIdentity")).toBe(pairs)
    expect(divides.hom(2, 12)).toHaveLength(1)
    expect(divides.hom(4, 6)).toHaveLength(0)
    expect(divides.showArrow(divides.compose(divides.arrow(2, 4), divides.arrow(1, 2)))).toBe("1 ≤ 4")
  })

  it("a relation that is not transitive is refused with the triple; not reflexive with the element", () => {
    const err = (f: () => unknown): NotAPreorderError => {
      try {
        f()
      } catch (e) {
        if (e instanceof NotAPreorderError) return e
        throw e
      }
      throw new Error("expected NotAPreorderError")
    }
    // "at most one step up": 0 ≤ 1 ≤ 2 but 0 ≰ 2
    const step = err(() => thinCategory([0, 1, 2], (a, b) => b >= a && b - a <= 1, { name: "Step" }))
    expect(step.problem).toEqual({ kind: "notTransitive", indices: [0, 1, 2], elements: ["0", "1", "2"] })
    expect(step.message).toBe("Step: not transitive: 0 ≤ 1 ≤ 2 but 0 ≰ 2 (elements 0, 1, 2)")
    expect(err(() => thinCategory([5, 7], (a, b) => a < b)).problem).toEqual({ kind: "notReflexive", index: 0, element: "5" })
  })

  it("a decided order over infinitely many values checks each composite when composing", () => {
    const step = thinCategoryOf((a: number, b: number) => b >= a && b - a <= 1, { name: "Step" })
    const f = step.arrow(0, 1)
    const g = step.arrow(1, 2)
    expect(() => step.compose(g, f)).toThrow(/Step: no arrow 0 → 2: 0 ≰ 2/)
    const order = thinCategoryOf((a: number, b: number) => a <= b)
    expect(order.compose(order.arrow(1, 5), order.arrow(-3, 1))).toMatchObject({ dom: -3, cod: 5 })
  })
})

describe("product category 𝒞 × 𝒟 with projections", () => {
  const C = finSetCategory([finSet(0), finSet(1), finSet(2)])
  const D = divides
  const CD = productCategory(C, D)

  it("the category laws hold exhaustively; composable triples = triples(𝒞) × triples(𝒟)", () => {
    const verdict = assertLaws(runSuite(categoryLaws(CD)))
    expect(cases(verdict, "category.associativity")).toBe(triples(C) * triples(D))
  })

  it("π₁, π₂ are functors; ⟨π₁, π₂⟩ is the identity on arrows", () => {
    const [p1, p2] = projections(C, D, CD)
    const carriers = finiteFunctorCarriers(CD)
    assertLaws(runSuite(functorLaws(p1, carriers)))
    assertLaws(runSuite(functorLaws(p2, carriers)))
    const both = pairing(p1, p2, CD)
    for (const x of CD.objects()) for (const y of CD.objects()) for (const f of CD.hom(x, y)) expect(CD.equalArrows(both.onArrows(f), f)).toEqual({ equal: true })
  })

  it("a broken 𝒞 gives a broken 𝒞 × 𝒟, and the failure names the component", () => {
    const broken = productCategory(brokenCyclic(3), D)
    const verdict = runSuite(categoryLaws(broken))
    expect(failures(verdict).map((f) => f.law)).toEqual(["category.leftIdentity", "category.associativity"])
    const leftId = failures(verdict)[0]!
    expect(leftId.counterexample.message).toBe("first component: 2 ≠ 1")
    expect(leftId.counterexample.witness).toMatchObject({ component: 1 })
    // and on the other side
    const v2 = runSuite(categoryLaws(productCategory(D, brokenCyclic(3))))
    expect(failures(v2)[0]!.counterexample.message).toMatch(/^second component: /)
  })
})

describe("coproduct category 𝒞 ⊔ 𝒟 with injections", () => {
  const C = cyclic(3)
  const D = divides
  const sum = coproductCategory(C, D)

  it("the category laws hold; hom-sets across the summands are empty", () => {
    const verdict = assertLaws(runSuite(categoryLaws(sum)))
    expect(cases(verdict, "category.associativity")).toBe(triples(C) + triples(D))
    expect(sum.hom(left("*"), right(2))).toEqual([])
    expect(() => sum.compose(right(D.arrow(1, 2)), left(1))).toThrow(CrossSideCompositionError)
  })

  it("ι₁, ι₂ are functors", () => {
    const [i1, i2] = injections(C, D, sum)
    assertLaws(runSuite(functorLaws(i1, finiteFunctorCarriers(C))))
    assertLaws(runSuite(functorLaws(i2, finiteFunctorCarriers(D))))
  })

  it("a broken summand gives a broken coproduct", () => {
    const verdict = runSuite(categoryLaws(coproductCategory(D, brokenCyclic(4))))
    const assoc = failures(verdict).find((f) => f.law === "category.associativity")!
    expect(assoc.counterexample.input).toMatch(/^\[ι₂ \+\d, ι₂ \+\d, ι₂ \+\d\]$/)
  })
})

describe("opposite category 𝒞ᵒᵖ", () => {
  const C = finSetCategory([finSet(1), finSet(2), finSet(3)])
  const op = opposite(C)

  it("the category laws hold; hom_op(x, y) = hom(y, x); (𝒞ᵒᵖ)ᵒᵖ composes like 𝒞", () => {
    assertLaws(runSuite(categoryLaws(op)))
    expect(op.hom(finSet(3), finSet(2))).toHaveLength(C.hom(finSet(2), finSet(3)).length)
    const opop = opposite(op)
    const [f] = C.hom(finSet(1), finSet(2))
    const [g] = C.hom(finSet(2), finSet(3))
    expect(C.equalArrows(opop.compose(g!, f!), C.compose(g!, f!))).toEqual({ equal: true })
    expect(op.dom(g!)).toBe(C.cod(g!))
  })

  it("a broken 𝒞 gives a broken 𝒞ᵒᵖ (left and right identity trade places)", () => {
    // subtraction: 0 is a right identity of 𝒞 only, so in 𝒞ᵒᵖ it is a left identity only
    const verdict = runSuite(categoryLaws(opposite(brokenCyclic(5))))
    expect(failures(verdict).map((f) => f.law)).toEqual(["category.rightIdentity", "category.associativity"])
    expect(failures(verdict)[0]!.counterexample.input).toBe("(+1)ᵒᵖ")
  })
})
