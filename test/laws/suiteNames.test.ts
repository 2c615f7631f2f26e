/**
 * Suites take a name: two functors both called "Option" (every fp-ts Option lifted with
 * `fromFunctor1` is) get suites, verdicts and vitest titles that tell them apart; without a
 * name, every builder keeps the subject it had.
 */
import * as O from "fp-ts/lib/Option.js"
import { describe, expect, it } from "vitest"
import { booleanType, literalType, optionType } from "../../src/category/Type.ts"
import { cyclic } from "../support/cyclic.ts"
import { curryingAdjunction, fromFunctor1, headTransformation, optionEndofunctor } from "../../src/functors/index.ts"
import {
  adjunctionLaws,
  categoryLaws,
  exhaustive,
  faithfulnessLaw,
  functorLaws,
  monadLaws,
  naturalityLaws,
  printVerdict,
  runConfig,
  runSuite,
  typeCarriers,
} from "../../src/laws/index.ts"
import { describeLaws } from "../../src/laws/vitest.ts"

const carriers = typeCarriers([booleanType])
const config = runConfig(20)
const mine = fromFunctor1(O.Functor, optionType)

describe("suite names", () => {
  it("functorLaws: the name is the suite's subject, in the verdict and its printout; the default is the functor's name", () => {
    expect(mine.name).toBe(optionEndofunctor.name)
    const named = runSuite(functorLaws(mine, carriers, "my Option"), { config })
    expect(named.subject).toBe("my Option")
    expect(printVerdict(named).split("\n")[0]).toMatch(/^✓ functor on my Option  \(/)
    expect(functorLaws(optionEndofunctor, carriers).subject).toBe("Option")
    expect(faithfulnessLaw(mine, exhaustive(() => [], () => ""), "my Option").subject).toBe("my Option")
    expect(faithfulnessLaw(mine, exhaustive(() => [], () => "")).subject).toBe("Option")
  })

  it("the other builders take one too, and keep their old subject without it", () => {
    const C = cyclic(3)
    expect(categoryLaws(C).subject).toBe(C.name)
    expect(categoryLaws(C, undefined, "Z/3").subject).toBe("Z/3")
    const arrows = typeCarriers([booleanType]).arrows
    expect(naturalityLaws(headTransformation, arrows).subject).toBe(`${headTransformation.name} : ${headTransformation.from.name} ⇒ ${headTransformation.to.name}`)
    expect(naturalityLaws(headTransformation, arrows, { name: "head" }).subject).toBe("head")
    const types = { a: booleanType, b: booleanType, c: booleanType }
    expect(monadLaws(O.Monad, optionType, types).subject).toBe("Option")
    expect(monadLaws(O.Monad, optionType, types, "my Option monad").subject).toBe("my Option monad")
    const adj = curryingAdjunction(booleanType)
    const objects = exhaustive(() => [booleanType, literalType("a", "b")], (t) => t.name)
    expect(adjunctionLaws(adj, { objectsC: objects, objectsD: objects }).subject).toBe(adj.name)
    expect(adjunctionLaws(adj, { objectsC: objects, objectsD: objects }, "currying").subject).toBe("currying")
  })

  // describeLaws titles its block with the suite's name: two Option functors, two titles.
  describe("describeLaws titles", () => {
    describeLaws(functorLaws(optionEndofunctor, carriers, "fp-ts Option"), { config })
    describeLaws(functorLaws(mine, carriers, "my Option"), { config })
    it("differ for two functors named alike", (context) => {
      const titles = (context.task.suite?.tasks ?? []).filter((t) => t.type === "suite").map((t) => t.name)
      expect(titles).toEqual(["functor laws on fp-ts Option", "functor laws on my Option"])
    })
  })
})
