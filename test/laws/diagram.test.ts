import { describe, expect, it } from "vitest"
import {
  booleanType,
  composeFn,
  fn,
  integerType,
  literalType,
  pathFn,
  stringType,
  type AnyFn,
} from "../../src/category/Type.ts"
import { DiagramShapeError, diagramLaws, typeDiagram } from "../../src/laws/diagram.ts"
import { failures, runConfig, runSuite } from "../../src/laws/index.ts"

const config = runConfig(200)
const phase = literalType("Pending", "Running", "Succeeded", "Failed")
const terminal = fn("terminal", phase, booleanType, (p) => p === "Succeeded" || p === "Failed")
const code = fn("code", phase, integerType, (p) => ["Pending", "Running", "Succeeded", "Failed"].indexOf(p))
const atLeast2 = fn("≥2", integerType, booleanType, (n) => n >= 2)

describe("diagrams in Type", () => {
  it("a commuting triangle is decided on every input when the start enumerates", () => {
    const d = typeDiagram("terminal", phase, booleanType, { direct: terminal, viaCode: composeFn(atLeast2, code) })
    const verdict = runSuite(diagramLaws(d), { config })
    expect(verdict.laws).toEqual([
      expect.objectContaining({ _tag: "Holds", law: "diagram.terminal.direct=viaCode", coverage: { mode: "exhaustive", cases: 4, discarded: 0 } }),
    ])
  })

  it("a non-commuting square names the first input where the paths part", () => {
    const isFailed = fn("isFailed", phase, booleanType, (p) => p === "Failed")
    const d = typeDiagram("wrong", phase, booleanType, { direct: isFailed, viaCode: composeFn(atLeast2, code) })
    const f = failures(runSuite(diagramLaws(d), { config }))[0]!
    expect(f.counterexample).toMatchObject({ input: '"Succeeded"', message: "false ≠ true" })
    expect(f.failingCases).toBe(1)
  })

  it("on an infinite start type, fast-check finds and shrinks the smallest input where paths differ", () => {
    const length = fn("length", stringType, integerType, (s) => s.length)
    const clip = fn("clip", integerType, integerType, (n) => Math.min(n, 3))
    const d = typeDiagram("clip", stringType, integerType, { plain: length, clipped: pathFn(length, clip) })
    const f = failures(runSuite(diagramLaws(d), { config }))[0]!
    expect(f.coverage).toMatchObject({ mode: "sampled", seed: config.seed })
    // shrunk to a string of exactly four characters (the shortest that is clipped)
    expect((f.counterexample.value as string).length).toBe(4)
    expect(f.counterexample.message).toBe("4 ≠ 3")
  })

  it("three paths give two laws, each against the first", () => {
    const d = typeDiagram("three", phase, booleanType, { a: terminal, b: composeFn(atLeast2, code), c: terminal })
    expect(diagramLaws(d).checks.map((c) => c.name)).toEqual(["diagram.three.a=b", "diagram.three.a=c"])
  })

  it("refuses a path whose described endpoints are not the diagram's (untyped data)", () => {
    const wrong = fn("wrong", integerType, booleanType, () => true) as AnyFn as typeof terminal
    expect(() => typeDiagram("bad", phase, booleanType, { ok: terminal, wrong })).toThrow(DiagramShapeError)
    expect(() => typeDiagram("bad", phase, booleanType, { ok: terminal, wrong })).toThrow(
      'diagram bad, path wrong: expected "Pending" | "Running" | "Succeeded" | "Failed" → boolean but the path runs integer → boolean',
    )
  })
})
