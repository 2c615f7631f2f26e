import { describe, expect, it } from "vitest"
import { failures, runSuite } from "../../src/laws/index.ts"
import { galoisConnectionLaws, galoisInsertionLaws, galoisKind, type FinitePreorder, type GaloisConnection } from "../../src/laws/galois.ts"

// Concrete: sets of pod phases (subsets of {P, R, F}) ordered by inclusion, as bitmasks.
const subsets: FinitePreorder<number> = {
  name: "℘{P,R,F}",
  elements: [0, 1, 2, 3, 4, 5, 6, 7],
  leq: (a, b) => (a & b) === a,
  show: (a) => `{${["P", "R", "F"].filter((_, i) => a & (1 << i)).join(",")}}`,
}
// Abstract: a sign-like lattice ⊥ ≤ {ok, bad} ≤ ⊤ where ok = {P, R}, bad = {F}.
type Sign = "⊥" | "ok" | "bad" | "⊤"
const signs = (elements: ReadonlyArray<Sign>): FinitePreorder<Sign> => ({
  name: "Sign",
  elements,
  leq: (a, b) => a === b || a === "⊥" || b === "⊤",
  show: (a) => a,
})
const gammaOf: Record<Sign, number> = { "⊥": 0, ok: 0b011, bad: 0b100, "⊤": 0b111 }
const alpha = (c: number): Sign => (c === 0 ? "⊥" : (c & 0b100) === 0 ? "ok" : c === 0b100 ? "bad" : "⊤")

const abstraction: GaloisConnection<number, Sign> = { concrete: subsets, abstract: signs(["⊥", "ok", "bad", "⊤"]), alpha, gamma: (a) => gammaOf[a] }

describe("Galois connections", () => {
  it("an abstraction of pod phases is a Galois insertion (α∘γ = id), every pair checked", () => {
    const verdict = runSuite(galoisInsertionLaws(abstraction))
    expect(failures(verdict)).toEqual([])
    expect(galoisKind(verdict)).toBe("insertion")
    expect(verdict.laws.find((l) => l.law === "galois.adjoint")).toMatchObject({ coverage: { mode: "exhaustive", cases: 32 } })
  })

  it("a redundant abstract element makes it a connection only: α∘γ ≤ id holds, α∘γ = id fails at it", () => {
    // "any" is a second name for ⊤ that α never returns: γ(any) = everything, α(γ(any)) = ⊤ ≠ any
    type Ext = Sign | "any"
    // "any" sits strictly above ⊤ (not equivalent to it)
    const strict: FinitePreorder<Ext> = {
      name: "Sign+any",
      elements: ["⊥", "ok", "bad", "⊤", "any"],
      leq: (a, b) => a === b || a === "⊥" || b === "any" || (b === "⊤" && a !== "any"),
      show: (a) => a,
    }
    const g: GaloisConnection<number, Ext> = {
      concrete: subsets,
      abstract: strict,
      alpha,
      gamma: (a) => (a === "any" ? 0b111 : gammaOf[a]),
    }
    const verdict = runSuite(galoisInsertionLaws(g))
    expect(galoisKind(verdict)).toBe("connection")
    expect(failures(verdict).map((f) => f.law)).toEqual(["galois.insertion"])
    expect(failures(verdict)[0]!.counterexample).toMatchObject({ input: "a = any", message: "⊤ ≠ any" })
  })

  it("a γ that is too small breaks adjointness, with the pair that shows it", () => {
    const g: GaloisConnection<number, Sign> = { ...abstraction, gamma: (a) => (a === "ok" ? 0b001 : gammaOf[a]) }
    const verdict = runSuite(galoisConnectionLaws(g))
    expect(galoisKind(verdict)).toBe("none")
    const adjoint = failures(verdict).find((f) => f.law === "galois.adjoint")!
    // c = {R}: α(c) = ok ≤ ok, but {R} ⊄ γ(ok) = {P}
    expect(adjoint.counterexample.input).toBe("c = {R}, a = ok (α(c) = ok, γ(a) = {P})")
    expect(failures(verdict).map((f) => f.law)).toContain("galois.extensive")
  })
})
