import { describe, expect, it } from "vitest"
import * as E from "fp-ts/lib/Either.js"
import { arrow, arrowFromData, compose, equals, identity, path, pathFromData, show } from "../../src/category/Arrow.ts"

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

  it("builds an arrow from untyped data only when its objects are the expected ones", () => {
    const read = arrowFromData("P", "C")
    const ok = read(JSON.parse('{"name":"containerize","dom":"P","cod":"C"}'))
    expect(E.isRight(ok) && equals(ok.right, containerize)).toBe(true)
    expect(read({ name: "wrap", dom: "C", cod: "Pod" })).toEqual(
      E.left(expect.objectContaining({ at: "dom", found: "C", message: 'dom: expected "P", found "C"' })),
    )
    expect(read({ name: "c", dom: "P", cod: "V" })).toEqual(E.left(expect.objectContaining({ at: "cod", found: "V" })))
    expect(read({ name: "c", dom: "P" })).toEqual(E.left(expect.objectContaining({ at: "cod", message: "cod: expected an object name (a string), found nothing" })))
    expect(read({ dom: "P", cod: "C" })).toEqual(E.left(expect.objectContaining({ at: "name" })))
    expect(read("containerize")).toEqual(E.left(expect.objectContaining({ at: "" })))
    // an Arrow value (e.g. a composite) is accepted with its path
    const composite = read({ _tag: "Arrow", dom: "P", cod: "C", path: ["a", "b"] })
    expect(E.isRight(composite) && composite.right.path).toEqual(["a", "b"])
  })

  it("composes a path from untyped data, naming the first gap", () => {
    const read = pathFromData("P", "P")
    const steps: unknown = [
      { name: "containerize", dom: "P", cod: "C" },
      { name: "wrap", dom: "C", cod: "Pod" },
      { name: "schedule", dom: "Pod", cod: "P" },
    ]
    const ok = read(steps)
    expect(E.isRight(ok) && show(ok.right)).toBe("schedule∘wrap∘containerize : P → P")
    const gap: unknown = [
      { name: "containerize", dom: "P", cod: "C" },
      { name: "wrapVm", dom: "V", cod: "VMI" },
    ]
    expect(read(gap)).toEqual(E.left(expect.objectContaining({ at: "[1].dom", message: '[1].dom: expected "C" (the codomain of [0]), found "V"' })))
    expect(read([{ name: "containerize", dom: "P", cod: "C" }])).toEqual(
      E.left(expect.objectContaining({ at: "[0].cod", message: '[0].cod: expected "P" (the path\'s codomain), found "C"' })),
    )
    expect(read([{ name: "wrap", dom: "C", cod: "Pod" }])).toEqual(E.left(expect.objectContaining({ at: "[0].dom" })))
    const empty = read([])
    expect(E.isRight(empty) && empty.right.path).toEqual([])
    expect(pathFromData("P", "C")([])).toEqual(E.left(expect.objectContaining({ at: "dom" })))
    expect(read({ length: 0 })).toEqual(E.left(expect.objectContaining({ message: "arrow: expected an array of arrows, found {\"length\":0}" })))
  })
})
