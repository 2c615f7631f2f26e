import * as N from "fp-ts/lib/number.js"
import type { Monoid } from "fp-ts/lib/Monoid.js"
import { describe, expect, it } from "vitest"
import { booleanType, integerType } from "../../src/category/Type.ts"
import { optionEndofunctor } from "../../src/functors/FpTs.ts"
import { functorLaws, typeCarriers } from "../../src/laws/functor.ts"
import { lawsOf, notApplicable, runConfig, suite } from "../../src/laws/index.ts"
import { monoidLaws } from "../../src/laws/monoid.ts"
import { describeLaws, LawFailedError, runLawCheck } from "../../src/laws/vitest.ts"

const config = runConfig(50)

// A user's CI in two lines: one vitest test per law.
describeLaws(functorLaws(optionEndofunctor, typeCarriers([booleanType])), { config })
describeLaws(monoidLaws(N.MonoidSum, integerType), { config })
// A law that does not apply shows up as skipped with its reason.
describeLaws(suite("demo", "nothing", [notApplicable("demo.empty", "∀ x ∈ ∅", "the carrier is empty")]))

describe("runLawCheck", () => {
  it("throws the printed counterexample for a failing law", () => {
    const minus: Monoid<number> = { concat: (a, b) => a - b, empty: 0 }
    const left = lawsOf(monoidLaws(minus, integerType)).find((c) => c.name === "monoid.leftIdentity")!
    let error: unknown
    try {
      runLawCheck(left, { config })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(LawFailedError)
    const message = (error as Error).message
    expect(message).toMatch(/^✗ monoid\.leftIdentity {2}e ⊕ a = a {2}\(\d+ of \d+ runs, seed \d+\)/)
    expect(message).toContain(`of ${config.numRuns} runs, seed ${config.seed})`)
    expect(message).toMatch(/counterexample: -?1\n/)
    expect(message).toMatch(/-?1 ≠ -?1/)
  })

  it("returns the verdict when the law holds", () => {
    const check = lawsOf(monoidLaws(N.MonoidSum, integerType))[0]!
    expect(runLawCheck(check, { config })).toMatchObject({ _tag: "Holds", law: "semigroup.associativity" })
  })
})
