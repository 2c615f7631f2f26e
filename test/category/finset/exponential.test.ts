import { describe, expect, it } from "vitest"
import {
  curryingIso,
  exponential,
  finFunction,
  finFunctionUnchecked,
  finSet,
  homFunctions,
  labelledSet,
  product,
  TooLargeError,
  type Exponential,
  type FinFunction,
  type FinSetObject,
} from "../../../src/category/finset/index.ts"

const s = finSet

describe("exponential Bᴬ", () => {
  it("has |B|^|A| elements; evaluation applies the function it names", () => {
    const A = s(3)
    const B = s(2)
    const E = exponential(A, B)
    expect(E.object.size).toBe(8)
    // element k of Bᴬ is the k-th function of homFunctions(A, B); ev(k, a) is its value at a
    const functions = [...homFunctions(A, B)]
    for (let k = 0; k < 8; k++) for (let a = 0; a < 3; a++) expect(E.evaluation.map[k * 3 + a]).toBe(functions[k]!.map[a])
    expect(exponential(s(0), s(0)).object.size).toBe(1) // ∅^∅ = {the empty function}
    expect(exponential(s(2), s(0)).object.size).toBe(0)
    expect(() => exponential(s(10), s(10))).toThrow(TooLargeError)
  })

  it("labels name each function by its graph", () => {
    const E = exponential(labelledSet(["x", "y"]), labelledSet(["on", "off"]))
    expect(E.object.labels).toEqual(["[x↦on, y↦on]", "[x↦on, y↦off]", "[x↦off, y↦on]", "[x↦off, y↦off]"])
  })

  it("curry / uncurry reject arrows of the wrong shape with a typed error", () => {
    const E = exponential(s(2), s(3))
    expect(() => E.curry(finFunction(s(3), s(3), [0, 0, 0]), s(2))).toThrow(/curry\(h\)/)
    expect(() => E.uncurry(finFunction(s(1), s(3), [0]))).toThrow(/uncurry\(k\)/)
  })
})

describe("S1.7: currying FinSet(X × A, B) ≅ FinSet(X, Bᴬ), both round trips on every arrow", () => {
  for (const [x, a, b] of [
    [0, 2, 2],
    [1, 0, 3],
    [2, 2, 2],
    [2, 2, 3],
    [3, 1, 3],
    [2, 3, 2],
    [1, 2, 0],
  ] as const) {
    it(`X = ${x}, A = ${a}, B = ${b}`, () => {
      const report = curryingIso(s(x), exponential(s(a), s(b)))
      const expectedCount = x * a === 0 ? 1 : b ** (x * a)
      expect(report).toMatchObject({
        holds: true,
        uncurriedCount: expectedCount,
        curriedCount: expectedCount,
        leftRoundTrips: expectedCount,
        rightRoundTrips: expectedCount,
      })
    })
  }

  it("a broken uncurry (reads the table backwards) is caught with the first failing arrow", () => {
    const E = exponential(s(2), s(2))
    const broken: Exponential<FinSetObject, FinFunction> = {
      ...E,
      uncurry: (k) => {
        const u = E.uncurry(k)
        return finFunctionUnchecked(u.dom, u.cod, u.map.slice().reverse())
      },
    }
    const report = curryingIso(s(1), broken)
    expect(report.holds).toBe(false)
    // h = [0, 1] (h(0,0)=0, h(0,1)=1) is the first whose round trip reverses into [1, 0]
    expect(report.leftFailure).toEqual({ input: "[0,1]", message: "differ at 0: 1 ≠ 0" })
    expect(report.leftRoundTrips).toBe(2) // the constant functions survive reversal
    expect(report.rightFailure?.input).toBe("[1]")
  })

  it("curry agrees with the product's mediate: λh(x) is the function a ↦ h(x, a)", () => {
    const X = s(2)
    const A = s(2)
    const B = s(3)
    const E = exponential(A, B)
    const XA = product(X, A)
    for (const h of homFunctions(XA.apex, B)) {
      const k = E.curry(h, X)
      for (let x = 0; x < 2; x++)
        for (let a = 0; a < 2; a++) expect(E.evaluation.map[k.map[x]! * 2 + a]).toBe(h.map[XA.tuple([x, a])])
    }
  })
})
