import type { Monoid } from "fp-ts/lib/Monoid.js"
import type { Semigroup } from "fp-ts/lib/Semigroup.js"
import * as fc from "fast-check"
import type { ArrowEquality } from "../category/Category.ts"
import type { TypeObject } from "../category/Type.ts"
import { exhaustive, sampled, type Carrier } from "./Carrier.ts"
import { law } from "./Law.ts"
import { bind, suite, type Suite } from "./Suite.ts"

/**
 * The semigroup and monoid laws for an fp-ts `Semigroup`/`Monoid` over a described carrier:
 * associativity `(a ⊕ b) ⊕ c = a ⊕ (b ⊕ c)`, and identity on both sides `e ⊕ a = a = a ⊕ e`.
 * Exhaustive when the carrier enumerates (every triple), sampled otherwise. The monoid suite has
 * the semigroup suite as its parent.
 *
 * @since 0.1.0
 */

/**
 * Equality of values of a described type, as the law checker wants it.
 *
 * @since 0.1.0
 * @category equality
 */
export const valueEquality =
  <A>(t: TypeObject<A>) =>
  (x: A, y: A): ArrowEquality =>
    t.equals(x, y) ? { equal: true } : { equal: false, witness: [x, y], message: `${t.show(x)} ≠ ${t.show(y)}` }

/**
 * Every value (exhaustive) or sampled values of a described type, as a carrier.
 *
 * @since 0.1.0
 * @category carriers
 */
export const valuesOf = <A>(t: TypeObject<A>): Carrier<A> => {
  const all = t.enumerate
  return all === undefined ? sampled(t.arbitrary, t.show) : exhaustive(all, t.show)
}

/**
 * Every (or sampled) triple of values of a described type.
 *
 * @since 0.1.0
 * @category carriers
 */
export const triplesOf = <A>(t: TypeObject<A>): Carrier<readonly [A, A, A]> => {
  const all = t.enumerate
  const show = (xs: readonly [A, A, A]) => `[${xs.map(t.show).join(", ")}]`
  if (all === undefined) return sampled(fc.tuple(t.arbitrary, t.arbitrary, t.arbitrary), show)
  return exhaustive(function* () {
    for (const a of all()) for (const b of all()) for (const c of all()) yield [a, b, c] as const
  }, show)
}

/**
 * The semigroup law (associativity) of `S` on a described type.
 *
 * @since 0.1.0
 * @category suites
 */
export const semigroupLaws = <A>(S: Semigroup<A>, carrier: TypeObject<A>, name = `Semigroup<${carrier.name}>`): Suite =>
  suite("semigroup", name, [
    bind(
      law("semigroup.associativity", "(a ⊕ b) ⊕ c = a ⊕ (b ⊕ c)", ([a, b, c]: readonly [A, A, A]) => ({
        lhs: S.concat(S.concat(a, b), c),
        rhs: S.concat(a, S.concat(b, c)),
      })),
      triplesOf(carrier),
      valueEquality(carrier),
    ),
  ])

/**
 * The monoid laws of `M` on a described type: the semigroup laws, then identity on both sides.
 *
 * @example
 * import * as N from "fp-ts/lib/number.js"
 * import { integerType } from "catcluster/category"
 * import { monoidLaws, runSuite } from "catcluster/laws"
 * runSuite(monoidLaws(N.MonoidSum, integerType)) // holds, sampled
 *
 * @since 0.1.0
 * @category suites
 */
export const monoidLaws = <A>(M: Monoid<A>, carrier: TypeObject<A>, name = `Monoid<${carrier.name}>`): Suite =>
  suite(
    "monoid",
    name,
    [
      bind(
        law("monoid.leftIdentity", "e ⊕ a = a", (a: A) => ({ lhs: M.concat(M.empty, a), rhs: a })),
        valuesOf(carrier),
        valueEquality(carrier),
      ),
      bind(
        law("monoid.rightIdentity", "a ⊕ e = a", (a: A) => ({ lhs: M.concat(a, M.empty), rhs: a })),
        valuesOf(carrier),
        valueEquality(carrier),
      ),
    ],
    [semigroupLaws(M, carrier, name)],
  )
