import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  allFunctions,
  booleanType,
  compareFunctions,
  composeFn,
  describedType,
  fn,
  functionType,
  identityFn,
  integerType,
  literalType,
  optionType,
  pairType,
  pathFn,
  samplingFromEnvironment,
  stringType,
  Type,
  typeCategory,
  type AnyFn,
  type AnyTypeObject,
  type PointwiseDifference,
} from "../../../src/category/Type.ts"
import { NotComposableError, type Category } from "../../../src/category/Category.ts"
import { categoryLaws, failures, runConfig, runSuite } from "../../../src/laws/index.ts"
import { typeCarriers } from "../../../src/laws/functor.ts"

const config = { ...runConfig(60) }
const phase = literalType("Pending", "Running", "Failed")

describe("described types", () => {
  it("enumerate finite carriers with the right counts", () => {
    expect(booleanType.enumerate?.()).toEqual([false, true])
    expect(optionType(booleanType).enumerate?.().length).toBe(3)
    expect(pairType(booleanType, phase).enumerate?.().length).toBe(6)
    // |C^B| = |C|^|B|
    expect(functionType(phase, booleanType).enumerate?.().length).toBe(8)
    expect(functionType(booleanType, phase).enumerate?.().length).toBe(9)
    expect(integerType.enumerate).toBeUndefined()
    expect(allFunctions(phase, optionType(booleanType))?.length).toBe(27)
    expect(allFunctions(integerType, booleanType)).toBeUndefined()
  })

  it("refuse a function type over an infinite domain with a typed error naming it", () => {
    expect(() => functionType(integerType, booleanType)).toThrow(/domain integer does not enumerate/)
  })

  it("give every enumerated function a distinct behaviour", () => {
    const fs = allFunctions(booleanType, phase)!
    const tables = new Set(fs.map((f) => JSON.stringify(booleanType.enumerate!().map(f.run))))
    expect(tables.size).toBe(fs.length)
  })
})

describe("extensional equality", () => {
  it("is decided by enumeration on a finite domain, with the differing input", () => {
    const result = compareFunctions(phase, booleanType, (p: string) => p === "Running", (p: string) => p !== "Pending")
    expect(result.equal).toBe(false)
    const w = (result as { witness: PointwiseDifference }).witness
    expect(w.input).toBe("Failed")
    expect(w.search).toEqual({ mode: "exhaustive", cases: 3 })
    expect([w.left, w.right]).toEqual([false, true])
  })

  it("is sampled and shrunk on an infinite domain, reporting the seed", () => {
    // agree below 100, differ from 100 on: the shrunk witness must be exactly 100
    const result = compareFunctions(integerType, integerType, (n: number) => n, (n: number) => (n >= 100 ? n + 1 : n), { seed: 42, numRuns: 500 })
    const w = (result as { witness: PointwiseDifference }).witness
    expect(w.input).toBe(100)
    expect(w.search).toMatchObject({ mode: "sampled", seed: 42 })
  })

  it("tells non-parallel arrows apart before comparing values", () => {
    const f = fn("f", booleanType, booleanType, (b) => b)
    const g = fn("g", booleanType, phase, () => "Pending" as const)
    expect(Type.equalArrows(f, g)).toMatchObject({ equal: false, message: expect.stringMatching(/not parallel/) })
  })
})

describe("typed arrows", () => {
  it("compose right to left and along paths", () => {
    const length = fn("length", stringType, integerType, (s) => s.length)
    const isEven = fn("isEven", integerType, booleanType, (n) => n % 2 === 0)
    const not = fn("not", booleanType, booleanType, (b) => !b)
    const h = composeFn(isEven, length)
    expect(h.name).toBe("isEven∘length")
    expect(h.run("abcd")).toBe(true)
    const p = pathFn(length, isEven, not)
    expect([p.name, p.run("abc")]).toEqual(["not∘isEven∘length", true])
  })

  it("are refused by composeFn at run time when the carriers agree but the described types differ", () => {
    // The name is widened to string (as data read at run time would be), so tsc cannot see it.
    const portName: string = "Port"
    const port = describedType({ name: portName, arbitrary: fc.integer({ min: 1, max: 65535 }) })
    const toPort = fn("toPort", stringType, port, (s) => s.length + 1)
    const isEven: AnyFn = fn("isEven", integerType, booleanType, (n) => n % 2 === 0)
    expect(() => composeFn(isEven, toPort)).toThrow(NotComposableError)
    expect(() => composeFn(isEven, toPort)).toThrow("codomain of toPort : string → Port is Port but domain of isEven : integer → boolean is integer")
  })

  it("are refused by Type.compose when built from untyped data and do not meet", () => {
    const f: AnyFn = fn("f", booleanType, booleanType, (b) => b)
    const g: AnyFn = fn("g", phase, phase, (p) => p)
    expect(() => Type.compose(g, f)).toThrow(NotComposableError)
    expect(() => Type.compose(g, f)).toThrow('codomain of f : boolean → boolean is boolean but domain of g : "Pending" | "Running" | "Failed" → "Pending" | "Running" | "Failed" is "Pending" | "Running" | "Failed"')
  })
})

describe("category laws on Type", () => {
  it("hold exhaustively on finite described types (every function)", () => {
    const carriers = typeCarriers([booleanType, phase])
    const verdict = runSuite(categoryLaws(Type, carriers), { config })
    expect(failures(verdict)).toEqual([])
    // every function between the two types: 2^2 + 3^2 + 2^3 + 3^3 = 48 arrows
    expect(verdict.laws.find((l) => l.law === "category.leftIdentity")).toMatchObject({ coverage: { mode: "exhaustive", cases: 48 } })
    expect(verdict.laws.find((l) => l.law === "category.associativity")).toMatchObject({ _tag: "Holds", coverage: { mode: "exhaustive" } })
  })

  it("hold on sampled random functions over infinite types", () => {
    const carriers = typeCarriers([integerType, stringType, booleanType])
    const verdict = runSuite(categoryLaws(Type, carriers), { config })
    expect(failures(verdict)).toEqual([])
    expect(verdict.laws.find((l) => l.law === "category.associativity")).toMatchObject({ coverage: { mode: "sampled", seed: config.seed } })
  })

  it("catch a Type whose identity is not neutral, with the input where it differs", () => {
    const base = typeCategory(runConfig(50))
    // an "identity" on integers that clamps: neutral on small values only
    const broken: Category<AnyTypeObject, AnyFn> = {
      ...base,
      id: (x: AnyTypeObject) => (x.name === "integer" ? fn("clamp", integerType, integerType, (n) => Math.max(-10, Math.min(10, n))) : identityFn(x)),
    }
    const carriers = typeCarriers([integerType])
    const verdict = runSuite(categoryLaws(broken, carriers), { config })
    const left = failures(verdict).find((f) => f.law === "category.leftIdentity")
    expect(left).toBeDefined()
    const w = left!.counterexample.witness as PointwiseDifference
    const f = left!.counterexample.value as AnyFn
    // the witness really distinguishes: clamp(f(x)) ≠ f(x), and |f(x)| > 10
    expect(Math.abs(f.run(w.input) as number)).toBeGreaterThan(10)
    expect(w.left).toBe(Math.max(-10, Math.min(10, w.right as number)))
  })

  it("sample random arrows that are pure (same input, same output)", () => {
    const carriers = typeCarriers([integerType, booleanType])
    if (carriers.arrows._tag !== "Sampled") throw new Error("expected sampled")
    fc.assert(
      fc.property(carriers.arrows.arbitrary, fc.integer(), (f, n) => f.dom.name !== "integer" || Object.is(f.run(n), f.run(n))),
      { seed: config.seed, numRuns: config.numRuns },
    )
  })
})

describe("sampling", () => {
  it("follows the same environment variables as runConfig", () => {
    const env = { CATCLUSTER_SEED: "7", CATCLUSTER_DEEP: "1" }
    expect(samplingFromEnvironment(100, env)).toEqual({ seed: runConfig(100, env).seed, numRuns: runConfig(100, env).numRuns })
    expect(samplingFromEnvironment(50, {})).toEqual({ seed: runConfig(50, {}).seed, numRuns: runConfig(50, {}).numRuns })
  })
})
