import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { decodePresentation } from "../../../src/category/fincat/index.ts"

const messageOf = (data: unknown): string => {
  const r = decodePresentation(data)
  return E.isLeft(r) ? r.left.message : "ok"
}

describe("decoding a presentation from YAML/JSON data", () => {
  it("names the JSON path of a shape error", () => {
    expect(messageOf({ objects: ["A", 3], arrows: [] })).toBe("objects[1]: expected string, got number 3")
    expect(messageOf({ objects: ["A"], arrows: [{ name: "x", dom: "A" }] })).toBe("arrows[0].cod: expected string, got nothing")
    expect(messageOf({ objects: ["A"], arrows: [], equations: [{ lhs: ["x"], rhs: "x" }] })).toBe(
      'equations[0].rhs: expected Array<string>, got string "x"',
    )
    expect(messageOf(null)).toBe("(document): expected a mapping with objects, arrows and optional equations, got null")
  })
  it("names the JSON path of a meaning error", () => {
    expect(messageOf({ objects: ["A"], arrows: [{ name: "x", dom: "A", cod: "B" }] })).toBe("arrows[0].cod: unknown object 'B'")
  })
  it("accepts a well-formed presentation", () => {
    const r = decodePresentation({ objects: ["A"], arrows: [{ name: "x", dom: "A", cod: "A" }], equations: [{ lhs: ["x", "x"], rhs: ["x"], name: "idempotent" }] })
    expect(E.isRight(r) && r.right.equations[0]?.name).toBe("idempotent")
  })
})
