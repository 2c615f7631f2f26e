import { exhaustive } from "./Carrier.ts"
import { law } from "./Law.ts"
import { bind, suite, type Suite } from "./Suite.ts"
import type { LawVerdict, SuiteVerdict } from "./Verdict.ts"

/**
 * Galois connections between finite preorders, as used for abstraction in verification
 * (abstract interpretation): α : C → A abstracts, γ : A → C concretizes, and
 *
 *   α(c) ≤ a  ⇔  c ≤ γ(a)        for all c ∈ C, a ∈ A        (α ⊣ γ)
 *
 * which makes `c ≤ γ(α(c))` (γ∘α is extensive: abstraction loses information) and
 * `α(γ(a)) ≤ a` (α∘γ is reductive). The stronger claim `α∘γ = id` (a Galois *insertion*: no
 * abstract element is redundant) is a separate law, so a verdict tells which of the two holds;
 * SPEC S15.5 states the stronger one.
 *
 * @since 0.1.0
 */

/**
 * A finite preorder: its elements and `≤`. Two elements are equivalent when `a ≤ b` and `b ≤ a`.
 *
 * @since 0.1.0
 * @category model
 */
export interface FinitePreorder<A> {
  readonly name: string
  readonly elements: ReadonlyArray<A>
  /** The order: `a ≤ b`. */
  readonly leq: (a: A, b: A) => boolean
  /** An element as text, for counterexamples. */
  readonly show: (a: A) => string
}

/** A candidate Galois connection α ⊣ γ between a concrete and an abstract preorder. @since 0.1.0 @category model */
export interface GaloisConnection<C, A> {
  readonly concrete: FinitePreorder<C>
  readonly abstract: FinitePreorder<A>
  /** The abstraction α : concrete → abstract (the lower adjoint). */
  readonly alpha: (c: C) => A
  /** The concretization γ : abstract → concrete (the upper adjoint). */
  readonly gamma: (a: A) => C
}

const booleans = (x: boolean, y: boolean) =>
  x === y ? ({ equal: true } as const) : ({ equal: false, witness: [x, y], message: `${x} ≠ ${y}` } as const)

const equivalent = <A>(P: FinitePreorder<A>) => (x: A, y: A) =>
  P.leq(x, y) && P.leq(y, x)
    ? ({ equal: true } as const)
    : ({ equal: false, witness: [x, y], message: `${P.show(x)} ≠ ${P.show(y)}` } as const)

/**
 * The laws of a Galois connection: adjointness (`α(c) ≤ a ⇔ c ≤ γ(a)`), γ∘α extensive, α∘γ
 * reductive — all exhaustive over the finite preorders. `name` names the suite's subject in
 * verdicts and test titles (default: `α ⊣ γ : P ⇄ Q` from the preorders' names).
 *
 * @since 0.1.0
 * @category suites
 */
export const galoisConnectionLaws = <C, A>(g: GaloisConnection<C, A>, name = `α ⊣ γ : ${g.concrete.name} ⇄ ${g.abstract.name}`): Suite => {
  const { concrete: P, abstract: Q, alpha, gamma } = g
  return suite("galoisConnection", name, [
    bind(
      law("galois.adjoint", "α(c) ≤ a ⇔ c ≤ γ(a)", ([c, a]: readonly [C, A]) => ({ lhs: Q.leq(alpha(c), a), rhs: P.leq(c, gamma(a)) })),
      exhaustive(function* () {
        for (const c of P.elements) for (const a of Q.elements) yield [c, a] as const
      }, ([c, a]) => `c = ${P.show(c)}, a = ${Q.show(a)} (α(c) = ${Q.show(alpha(c))}, γ(a) = ${P.show(gamma(a))})`),
      booleans,
    ),
    bind(
      law("galois.extensive", "c ≤ γ(α(c))", (c: C) => ({ lhs: P.leq(c, gamma(alpha(c))), rhs: true })),
      exhaustive(() => P.elements, (c) => `c = ${P.show(c)} (γ(α(c)) = ${P.show(gamma(alpha(c)))})`),
      booleans,
    ),
    bind(
      law("galois.reductive", "α(γ(a)) ≤ a", (a: A) => ({ lhs: Q.leq(alpha(gamma(a)), a), rhs: true })),
      exhaustive(() => Q.elements, (a) => `a = ${Q.show(a)} (α(γ(a)) = ${Q.show(alpha(gamma(a)))})`),
      booleans,
    ),
  ])
}

/**
 * The laws of a Galois insertion: those of a connection (parent) and `α∘γ = id` (up to
 * equivalence in the abstract preorder).
 *
 * @example
 * import { galoisInsertionLaws, galoisKind, runSuite } from "catcluster/laws"
 * // galoisKind(runSuite(galoisInsertionLaws(abstraction))) → "insertion" | "connection" | "none"
 *
 * @since 0.1.0
 * @category suites
 */
export const galoisInsertionLaws = <C, A>(g: GaloisConnection<C, A>, name = `α ⊣ γ : ${g.concrete.name} ⇄ ${g.abstract.name}`): Suite => {
  const { abstract: Q, alpha, gamma } = g
  return suite(
    "galoisInsertion",
    name,
    [
      bind(
        law("galois.insertion", "α(γ(a)) = a", (a: A) => ({ lhs: alpha(gamma(a)), rhs: a })),
        exhaustive(() => Q.elements, (a) => `a = ${Q.show(a)}`),
        equivalent(Q),
      ),
    ],
    [galoisConnectionLaws(g)],
  )
}

/**
 * What a Galois verdict says: `"insertion"` (a connection with α∘γ = id), `"connection"` (a
 * connection, α∘γ only ≤ id), or `"none"` (not a connection).
 *
 * @since 0.1.0
 * @category destructors
 */
export const galoisKind = (verdict: SuiteVerdict): "insertion" | "connection" | "none" => {
  const failed = (name: string) => verdict.laws.some((l: LawVerdict) => l.law === name && l._tag === "Fails")
  if (failed("galois.adjoint") || failed("galois.extensive") || failed("galois.reductive")) return "none"
  const insertion = verdict.laws.find((l) => l.law === "galois.insertion")
  return insertion?._tag === "Holds" ? "insertion" : "connection"
}
