import { describe, expect, it } from "vitest"
import { arrow, compose, equals, identity, path, show } from "../../src/category/Arrow.ts"

describe("typed arrows", () => {
  const containerize = arrow("containerize", "P", "C")
  const wrap = arrow("wrap", "C", "Pod")
  const schedule = arrow("schedule", "Pod", "P")

  it("composes paths first-applied-first and shows them in ∘ order", () => {
    const round = path(containerize, wrap, schedule)
    expect(round.path).toEqual(["containerize", "wrap", "schedule"])
    expect(show(round)).toBe("schedule∘wrap∘containerize : P → P")
  })

  it("treats identities as neutral in the free category", () => {
    expect(equals(compose(wrap, identity("C")), wrap)).toBe(true)
    expect(equals(compose(identity("Pod"), wrap), wrap)).toBe(true)
    expect(equals(wrap, containerize as never)).toBe(false)
  })

  it("rejects at run time a composite smuggled past the type checker", () => {
    const untyped = compose as (g: unknown, f: unknown) => unknown
    expect(() => untyped(containerize, wrap)).toThrow(/cannot compose containerize : P → C after wrap : C → Pod: Pod ≠ P/)
  })
})
