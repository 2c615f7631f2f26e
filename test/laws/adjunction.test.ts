import { describe, expect, it } from "vitest"
import { booleanType, fn, functionType, integerType, literalType, pairType, type AnyTypeObject, type PointwiseDifference } from "../../src/category/Type.ts"
import type { Adjunction } from "../../src/functors/Adjunction.ts"
import { curryingAdjunction } from "../../src/functors/Currying.ts"
import { identityFunctor } from "../../src/functors/Functor.ts"
import { adjunctionLaws } from "../../src/laws/adjunction.ts"
import { typeCarriers } from "../../src/laws/functor.ts"
import { exhaustive, failures, lawsOf, runConfig, runSuite } from "../../src/laws/index.ts"
import { monoidCategory } from "../functors/fixtures.ts"

const config = runConfig(40)
const phase = literalType("Pending", "Running", "Failed")
const types = (ts: ReadonlyArray<AnyTypeObject>) => exhaustive(() => ts, (t: AnyTypeObject) => t.name)

describe("the currying adjunction (−) × B ⊣ (−)^B on Type", () => {
  const adj = curryingAdjunction(booleanType)

  it("satisfies both triangle identities exhaustively on finite types, and its unit and counit are natural", () => {
    const finite = typeCarriers([booleanType, phase])
    const suite = adjunctionLaws(adj, { objectsC: types([booleanType, phase]), objectsD: types([booleanType, phase]), arrowsC: finite.arrows, arrowsD: finite.arrows })
    expect(lawsOf(suite).map((l) => l.name)).toEqual(["adjunction.unitNatural", "adjunction.counitNatural", "adjunction.leftTriangle", "adjunction.rightTriangle"])
    const verdict = runSuite(suite, { config })
    expect(failures(verdict)).toEqual([])
    expect(verdict.laws.find((l) => l.law === "adjunction.unitNatural")).toMatchObject({ coverage: { mode: "exhaustive", cases: 4 + 9 + 8 + 27 } })
  })

  it("satisfies the triangles on an infinite type too (sampled pairs and functions)", () => {
    const verdict = runSuite(adjunctionLaws(adj, { objectsC: types([integerType]), objectsD: types([integerType]) }), { config })
    expect(failures(verdict)).toEqual([])
  })

  it("is the currying bijection: Type(A × B, C) ≅ Type(A, C^B) on every function", () => {
    // curry(h) = G(h) ∘ η_A, uncurry(k) = ε_C ∘ F(k): both round trips are identities
    const A = phase
    const C = booleanType
    const F = adj.left
    const G = adj.right
    let checked = 0
    for (const h of functionType(pairType(A, booleanType), C).enumerate!()) {
      const hFn = fn("h", pairType(A, booleanType), C, h)
      const curried = G.onArrows(hFn)
      const curry = fn("curry h", A, functionType(booleanType, C), (a: string) => curried.run(adj.unit(A).run(a)))
      const back = adj.counit(C).run
      const uncurried = (p: readonly [string, boolean]) => back(F.onArrows(curry).run(p))
      for (const p of pairType(A, booleanType).enumerate!()) expect(uncurried(p)).toBe(h(p))
      checked++
    }
    expect(checked).toBe(2 ** 6)
  })

  it("catches a unit that forgets the B it was given: both triangles fail, with inputs", () => {
    const first = booleanType.enumerate!()[0]!
    const broken: typeof adj = {
      ...adj,
      unit: (a) => fn(`pair_${a.name}`, a, functionType(booleanType, pairType(a, booleanType)), (x: unknown) => () => [x, first] as const),
    }
    const verdict = runSuite(adjunctionLaws(broken, { objectsC: types([phase]), objectsD: types([phase]) }), { config })
    expect(failures(verdict).map((f) => f.law)).toEqual(["adjunction.leftTriangle", "adjunction.rightTriangle"])
    const left = failures(verdict)[0]!.counterexample.witness as PointwiseDifference
    // [a, true] comes back as [a, false]
    expect(left.shown).toEqual({ input: '["Pending", true]', left: '["Pending", false]', right: '["Pending", true]' })
  })
})

describe("an adjunction 1 ⊣ 1 on Z/4 given by unit u and counit v", () => {
  const Z4 = monoidCategory("Z/4", 4, (g, f) => (g + f) % 4)
  const I = identityFunctor(Z4)
  const adj = (u: number, v: number): Adjunction<"*", number, "*", number> => ({ name: `u=${u}, v=${v}`, left: I, right: I, unit: () => u, counit: () => v })
  const on = { objectsC: exhaustive(() => ["*"] as const), objectsD: exhaustive(() => ["*"] as const) }

  it("holds exactly when u + v = 0", () => {
    for (let u = 0; u < 4; u++)
      for (let v = 0; v < 4; v++) {
        const ok = failures(runSuite(adjunctionLaws(adj(u, v), on))).length === 0
        expect(ok, `u=${u}, v=${v}`).toBe((u + v) % 4 === 0)
      }
  })

  it("reports the triangle that fails with both sides", () => {
    const verdict = runSuite(adjunctionLaws(adj(1, 1), on))
    expect(failures(verdict)[0]!.counterexample).toMatchObject({ input: '"*"', message: "2 ≠ 0" })
  })
})
