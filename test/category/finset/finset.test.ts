import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  arbitraryFunction,
  composeFunctions,
  equalFunctions,
  FinSet,
  finFunction,
  finSet,
  finSetCategory,
  fromLabels,
  homFunctions,
  InvalidFunctionError,
  InvalidSetError,
  labelledSet,
  showFunction,
  TooLargeError,
  UnionFind,
  type FinFunction,
} from "../../../src/category/finset/index.ts"
import { assertLaws, categoryLaws, failures, runConfig, runSuite } from "../../../src/laws/index.ts"

describe("FinSet objects and functions", () => {
  it("validate tables and name the offending index", () => {
    const two = finSet(2)
    const three = finSet(3)
    expect(Array.from(finFunction(two, three, [2, 0]).map)).toEqual([2, 0])
    const err = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        return e
      }
      throw new Error("expected an error")
    }
    const out = err(() => finFunction(two, three, [2, 3], "spec.map")) as InvalidFunctionError
    expect(out).toBeInstanceOf(InvalidFunctionError)
    expect(out.problem).toEqual({ kind: "outOfRange", index: 1, value: 3, codomainSize: 3 })
    expect(out.message).toBe("spec.map: value 3 at index 1 is not an element of a set of size 3")
    expect((err(() => finFunction(two, three, [0, 1.5])) as InvalidFunctionError).problem).toMatchObject({ index: 1, value: 1.5 })
    expect((err(() => finFunction(two, three, [Number.NaN, 0])) as InvalidFunctionError).problem).toMatchObject({ index: 0 })
    expect((err(() => finFunction(two, three, [-1, 0])) as InvalidFunctionError).problem).toMatchObject({ index: 0, value: -1 })
    expect((err(() => finFunction(two, three, [0])) as InvalidFunctionError).problem).toEqual({ kind: "wrongLength", expected: 2, actual: 1 })
    expect((err(() => finSet(-1)) as InvalidSetError).problem).toEqual({ kind: "badSize", size: -1 })
    expect((err(() => labelledSet(["a", "b", "a"])) as InvalidSetError).problem).toEqual({
      kind: "duplicateLabel",
      label: "a",
      first: 0,
      second: 2,
    })
  })

  it("build functions between labelled sets from their graph, with typed errors for unknown or missing labels", () => {
    const pods = labelledSet(["web", "db"])
    const zones = labelledSet(["a", "b"])
    expect(showFunction(fromLabels(pods, zones, { web: "b", db: "a" }))).toBe("[web↦b, db↦a] : {web, db} → {a, b}")
    expect(() => fromLabels(pods, zones, { web: "c", db: "a" })).toThrow(/label "c" is not an element of the codomain/)
    expect(() => fromLabels(pods, zones, { web: "a" })).toThrow(/no image given for element 1 \("db"\)/)
  })

  it("decide equality exactly, with the first differing element as witness", () => {
    const f = finFunction(finSet(4), finSet(3), [0, 1, 2, 2])
    const g = finFunction(finSet(4), finSet(3), [0, 1, 0, 1])
    expect(equalFunctions(f, f)).toEqual({ equal: true })
    expect(equalFunctions(f, g)).toMatchObject({ equal: false, witness: { index: 2, left: 2, right: 0 } })
    expect(equalFunctions(f, finFunction(finSet(4), finSet(4), [0, 1, 2, 2]))).toMatchObject({ equal: false })
  })

  it("composition agrees with composing the functions pointwise (property)", () => {
    const { seed, numRuns } = runConfig(100)
    const sizes = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
    const triple = sizes.chain(([a, b, c]) => fc.tuple(arbitraryFunction(finSet(a), finSet(b)), arbitraryFunction(finSet(b), finSet(c))))
    fc.assert(
      fc.property(triple, ([f, g]) => {
        const h = composeFunctions(g, f)
        for (let i = 0; i < f.dom.size; i++) if (h.map[i] !== g.map[f.map[i]!]) return false
        return h.dom === f.dom && h.cod === g.cod
      }),
      { seed, numRuns },
    )
  })

  it("list every function of a hom-set once, and refuse one over the bound", () => {
    const all = [...homFunctions(finSet(3), finSet(2))]
    expect(all.length).toBe(8)
    expect(new Set(all.map((f) => f.map.join(","))).size).toBe(8)
    expect([...homFunctions(finSet(0), finSet(0))].length).toBe(1) // the empty function
    expect([...homFunctions(finSet(1), finSet(0))].length).toBe(0)
    expect(() => [...homFunctions(finSet(5), finSet(5), 1000)]).toThrow(TooLargeError)
    expect(() => finSetCategory([finSet(4), finSet(5)], { maxHom: 1000 })).toThrow(/hom\(5, 4\) would have 1024 elements|hom\(4, 5\)/)
  })
})

describe("FinSet is a category (exhaustive on {0, 1, 2, 3})", () => {
  const objects = [0, 1, 2, 3].map((n) => finSet(n))
  it("the category laws hold, on every composable triple", () => {
    const verdict = assertLaws(runSuite(categoryLaws(finSetCategory(objects))))
    // composable triples = sum of the entries of M³, M[x][y] = |hom(x, y)| = y^x
    const M = objects.map((x) => objects.map((y) => (x.size === 0 ? 1 : y.size ** x.size)))
    const mul = (P: number[][], Q: number[][]) => P.map((row) => Q[0]!.map((_, j) => row.reduce((s, v, k) => s + v * Q[k]![j]!, 0)))
    const triples = mul(mul(M, M), M).flat().reduce((s, v) => s + v, 0)
    expect(verdict.laws.find((l) => l.law === "category.associativity")).toMatchObject({ coverage: { cases: triples } })
  })

  it("a broken composition (g ∘ f computed as f ∘ g where sizes allow) is caught with the differing element", () => {
    const broken = {
      ...finSetCategory(objects),
      compose: (g: FinFunction, f: FinFunction) => (f.dom.size === g.cod.size && f.dom.size === f.cod.size ? composeFunctions(f, g) : composeFunctions(g, f)),
    }
    const verdict = runSuite(categoryLaws(broken))
    const assoc = failures(verdict).find((f) => f.law === "category.associativity")!
    expect(assoc).toBeDefined()
    const [f, g, h] = assoc.counterexample.value as readonly [FinFunction, FinFunction, FinFunction]
    // the counterexample really separates the two bracketings under the true composition
    const lhs = broken.compose(h, broken.compose(g, f))
    const rhs = broken.compose(broken.compose(h, g), f)
    expect(FinSet.equalArrows(lhs, rhs)).toMatchObject({ equal: false, witness: assoc.counterexample.witness })
  })
})

describe("union–find", () => {
  it("gives the connected components of the union graph (against a BFS reference)", () => {
    const { seed, numRuns } = runConfig(100)
    const input = fc.integer({ min: 1, max: 40 }).chain((n) =>
      fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 60 })),
    )
    fc.assert(
      fc.property(input, ([n, edges]) => {
        const uf = new UnionFind(n)
        for (const [a, b] of edges) uf.union(a, b)
        const { classOf, count, representative } = uf.classes()
        // BFS components
        const adj = Array.from({ length: n }, () => [] as number[])
        for (const [a, b] of edges) {
          adj[a]!.push(b)
          adj[b]!.push(a)
        }
        const comp = new Array<number>(n).fill(-1)
        let components = 0
        for (let s = 0; s < n; s++) {
          if (comp[s]! >= 0) continue
          const queue = [s]
          comp[s] = components
          while (queue.length > 0) {
            const x = queue.pop()!
            for (const y of adj[x]!) if (comp[y]! < 0) (comp[y] = components), queue.push(y)
          }
          components++
        }
        if (count !== components) return false
        for (let x = 0; x < n; x++) {
          for (let y = 0; y < n; y++) if ((classOf[x] === classOf[y]) !== (comp[x] === comp[y])) return false
          // the representative is the smallest member of its class
          if (representative[classOf[x]!]! > x) return false
        }
        return true
      }),
      { seed, numRuns },
    )
  })
})
