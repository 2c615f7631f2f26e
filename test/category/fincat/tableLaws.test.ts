import { describe, expect, it } from "vitest"
import { checkTableLaws, composeIds, finCat, type CompositionTable } from "../../../src/category/fincat/index.ts"
import { sixObjects } from "./examples.ts"

const C = finCat(sixObjects)
const cellOf = (t: CompositionTable, g: number, f: number): number =>
  (t.rowStart[f] as number) + g - (t.outStart[t.arrowCod[f] as number] as number)
const corrupt = (g: number, f: number, value: number): CompositionTable => {
  const table = C.table.slice()
  table[cellOf(C, g, f)] = value
  return { ...C, table }
}

describe("checkTableLaws", () => {
  it("holds on the six-object FinCat and counts every pair and triple", () => {
    // triples counted independently from hom-set sizes: Σ |hom(a,b)|·|hom(b,c)|·|hom(c,d)|
    const objs = C.objects()
    let triples = 0
    let pairs = 0
    for (const a of objs)
      for (const b of objs) {
        for (const c of objs) {
          pairs += C.homCount(a, b) * C.homCount(b, c)
          for (const d of objs) triples += C.homCount(a, b) * C.homCount(b, c) * C.homCount(c, d)
        }
      }
    expect(checkTableLaws(C)).toEqual({ _tag: "Holds", pairs, identityChecks: 2 * C.arrowCount, triples })
  })

  it("catches a corrupted composite as an associativity failure, naming a real counterexample", () => {
    const f = C.arrowOf(["f"])
    const y = C.arrowOf(["y"])
    // y∘f is really x;f; claim it is f (same hom-set, so typing still passes)
    const broken = corrupt(y, f, f)
    const result = checkTableLaws(broken)
    expect(result._tag).toBe("Fails")
    if (result._tag !== "Fails") return
    expect(result.law).toBe("associativity")
    const [a, b, c] = result.arrows as [number, number, number]
    const lhs = composeIds(broken, c, composeIds(broken, b, a))
    const rhs = composeIds(broken, composeIds(broken, c, b), a)
    expect([lhs, rhs]).toEqual([result.actual, result.expected])
    expect(lhs).not.toBe(rhs)
    // ... and the same triple is fine in the real table
    expect(composeIds(C, c, composeIds(C, b, a))).toBe(composeIds(C, composeIds(C, c, b), a))
  })

  it("catches a non-neutral identity", () => {
    const f = C.arrowOf(["f"])
    const idB = C.id(C.objectId("B"))
    const fy = C.arrowOf(["f", "y"])
    const result = checkTableLaws(corrupt(idB, f, fy))
    expect(result).toEqual({ _tag: "Fails", law: "left identity", arrows: [f, idB], expected: f, actual: fy })
  })

  it("catches an ill-typed cell", () => {
    const f = C.arrowOf(["f"])
    const h = C.arrowOf(["h"])
    const g = C.arrowOf(["g"]) // A → C, but h∘f : A → D
    expect(checkTableLaws(corrupt(h, f, g))).toEqual({ _tag: "Fails", law: "typing", arrows: [f, h], expected: -1, actual: g })
  })
})
