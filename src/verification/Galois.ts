/**
 * Galois connections between finite posets, checked exhaustively (S15.5).
 *
 * An abstraction is a pair α : C → A (abstract a concrete element), γ : A → C (concretise) of
 * monotone maps between posets with the adjunction α(c) ≤ a ⇔ c ≤ γ(a). Then γ∘α ≥ id (abstracting
 * loses information, never invents it) and α∘γ ≤ id; when α is onto, α∘γ = id (a Galois
 * *insertion*). For state-space abstraction C and A are powersets (sets of concrete states, sets
 * of abstract states), so that γ can return *all* the concrete states an abstract one stands for.
 *
 * @since 0.1.0
 */

import type { FinitePreorder, GaloisConnection } from "../laws/galois.ts"

// One model of a Galois connection for the whole library: the law suites in `src/laws/galois.ts`
// and this exhaustive report read the same values.
export type { GaloisConnection } from "../laws/galois.ts"

/**
 * A finite poset with its order and a printer (the law layer's {@link FinitePreorder}; for
 * a poset, `≤` is also antisymmetric).
 *
 * @since 0.1.0
 * @category model
 */
export type FinitePoset<T> = FinitePreorder<T>

/**
 * One law's outcome with, when it fails, the first counterexample (shown elements).
 *
 * @since 0.1.0
 * @category model
 */
export type LawOutcome = { readonly holds: true } | { readonly holds: false; readonly counterexample: Readonly<Record<string, string>> }

/**
 * Every law of a Galois connection on finite posets, decided exhaustively.
 *
 * @since 0.1.0
 * @category model
 */
export interface GaloisReport {
  /** α(c) ≤ a ⇔ c ≤ γ(a), for all c, a. */
  readonly adjunction: LawOutcome
  readonly alphaMonotone: LawOutcome
  readonly gammaMonotone: LawOutcome
  /** c ≤ γ(α(c)). */
  readonly extensive: LawOutcome
  /** α(γ(a)) ≤ a. */
  readonly reductive: LawOutcome
  /** α(γ(a)) = a (Galois insertion: the seed's "α∘γ = id"). */
  readonly insertion: LawOutcome
  /** γ(α(c)) = c: false as soon as abstraction forgets anything. */
  readonly gammaAlphaIdentity: LawOutcome
  /** Pairs examined. */
  readonly pairs: number
}

const ok: LawOutcome = { holds: true }

/**
 * Checks every law of a Galois connection by enumeration (|C|·|A| pairs).
 *
 * @example
 * import { checkGalois, countingAbstraction } from "catcluster/verification"
 * checkGalois(countingAbstraction(2, 3).connection).adjunction // { holds: true }
 *
 * @since 0.1.0
 * @category checks
 */
export const checkGalois = <C, A>(g: GaloisConnection<C, A>): GaloisReport => {
  const { concrete: C, abstract: A, alpha, gamma } = g
  const eqA = (x: A, y: A): boolean => A.leq(x, y) && A.leq(y, x)
  const eqC = (x: C, y: C): boolean => C.leq(x, y) && C.leq(y, x)
  const first = <T>(items: ReadonlyArray<T>, bad: (t: T) => Readonly<Record<string, string>> | undefined): LawOutcome => {
    for (const t of items) {
      const counterexample = bad(t)
      if (counterexample !== undefined) return { holds: false, counterexample }
    }
    return ok
  }
  const pairsCA = C.elements.flatMap((c) => A.elements.map((a) => [c, a] as const))
  const adjunction = first(pairsCA, ([c, a]) =>
    A.leq(alpha(c), a) === C.leq(c, gamma(a))
      ? undefined
      : { c: C.show(c), a: A.show(a), "α(c)": A.show(alpha(c)), "γ(a)": C.show(gamma(a)), "α(c) ≤ a": String(A.leq(alpha(c), a)), "c ≤ γ(a)": String(C.leq(c, gamma(a))) },
  )
  const alphaMonotone = first(
    C.elements.flatMap((x) => C.elements.map((y) => [x, y] as const)),
    ([x, y]) => (C.leq(x, y) && !A.leq(alpha(x), alpha(y)) ? { x: C.show(x), y: C.show(y), "α(x)": A.show(alpha(x)), "α(y)": A.show(alpha(y)) } : undefined),
  )
  const gammaMonotone = first(
    A.elements.flatMap((x) => A.elements.map((y) => [x, y] as const)),
    ([x, y]) => (A.leq(x, y) && !C.leq(gamma(x), gamma(y)) ? { x: A.show(x), y: A.show(y), "γ(x)": C.show(gamma(x)), "γ(y)": C.show(gamma(y)) } : undefined),
  )
  const extensive = first(C.elements, (c) => (C.leq(c, gamma(alpha(c))) ? undefined : { c: C.show(c), "γ(α(c))": C.show(gamma(alpha(c))) }))
  const reductive = first(A.elements, (a) => (A.leq(alpha(gamma(a)), a) ? undefined : { a: A.show(a), "α(γ(a))": A.show(alpha(gamma(a))) }))
  const insertion = first(A.elements, (a) => (eqA(alpha(gamma(a)), a) ? undefined : { a: A.show(a), "α(γ(a))": A.show(alpha(gamma(a))) }))
  const gammaAlphaIdentity = first(C.elements, (c) => (eqC(gamma(alpha(c)), c) ? undefined : { c: C.show(c), "γ(α(c))": C.show(gamma(alpha(c))) }))
  return { adjunction, alphaMonotone, gammaMonotone, extensive, reductive, insertion, gammaAlphaIdentity, pairs: pairsCA.length }
}

/**
 * The powerset of `size` atoms as a poset of bitmasks ordered by inclusion (size ≤ 20).
 *
 * @since 0.1.0
 * @category constructors
 */
export const powerset = (name: string, size: number, showAtom: (i: number) => string): FinitePoset<number> => {
  if (!Number.isInteger(size) || size < 0 || size > 20) throw new RangeError(`powerset ${name}: size must be an integer in 0 … 20, got ${size}`)
  return {
    name,
    elements: Array.from({ length: 2 ** size }, (_, i) => i),
    leq: (a, b) => (a & ~b) === 0,
    show: (a) => `{${Array.from({ length: size }, (_, i) => i).filter((i) => (a & (1 << i)) !== 0).map(showAtom).join(", ")}}`,
  }
}

/**
 * The Galois connection a map f : C → A between finite sets induces on their powersets:
 * α(S) = f[S] (image), γ(T) = f⁻¹[T] (preimage). Always a connection; an insertion iff f is onto.
 *
 * @since 0.1.0
 * @category constructors
 */
export const inducedByMap = (
  concreteSize: number,
  abstractSize: number,
  f: (c: number) => number,
  showConcrete: (c: number) => string,
  showAbstract: (a: number) => string,
): GaloisConnection<number, number> => {
  const image = Int32Array.from({ length: concreteSize }, (_, c) => f(c))
  return {
    concrete: powerset("℘(concrete)", concreteSize, showConcrete),
    abstract: powerset("℘(abstract)", abstractSize, showAbstract),
    alpha: (set) => {
      let out = 0
      for (let c = 0; c < concreteSize; c++) if ((set & (1 << c)) !== 0) out |= 1 << image[c]!
      return out
    },
    gamma: (set) => {
      let out = 0
      for (let c = 0; c < concreteSize; c++) if ((set & (1 << image[c]!)) !== 0) out |= 1 << c
      return out
    },
  }
}
