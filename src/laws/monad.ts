import * as fc from "fast-check"
import type { URIS, Kind } from "fp-ts/HKT"
import type { Monad1 } from "fp-ts/lib/Monad.js"
import { allFunctions, fnArbitrary, showFn, type Fn, type TypeObject } from "../category/Type.ts"
import { fromFunctor1, type Lift1 } from "../functors/FpTs.ts"
import { exhaustive, sampled, type Carrier } from "./Carrier.ts"
import { functorLaws, typeCarriers } from "./functor.ts"
import { law } from "./Law.ts"
import { valueEquality, valuesOf } from "./monoid.ts"
import { bind, suite, type Suite } from "./Suite.ts"

/**
 * The monad laws for an fp-ts `Monad1<F>` with a lifting of described types:
 *
 * - left identity:  `chain(of(a), f) = f(a)`
 * - right identity: `chain(m, of) = m`
 * - associativity:  `chain(chain(m, f), g) = chain(m, a ⇒ chain(f(a), g))`
 *
 * Kleisli arrows `A → F B` are every function when `A` and `F B` are finite and few (the laws
 * are then proved on those types), random pure functions (`fc.func`) otherwise. The functor
 * laws of the monad's `map` are the parent suite.
 *
 * @since 0.1.0
 */

/** The three described types the laws range over: `a : A`, `f : A → F B`, `g : B → F C`. @since 0.1.0 @category model */
export interface MonadTypes<A, B, C> {
  readonly a: TypeObject<A>
  readonly b: TypeObject<B>
  readonly c: TypeObject<C>
}

/** Above this many inputs a law's carrier is sampled instead of enumerated. */
const EXHAUSTIVE_CAP = 20_000

const kleisli = <A, B>(a: TypeObject<A>, fb: TypeObject<B>): { all: ReadonlyArray<Fn<A, B>> | undefined; arbitrary: fc.Arbitrary<Fn<A, B>> } => ({
  all: allFunctions(a, fb, 512),
  arbitrary: fnArbitrary(a, fb),
})

const pairCarrier = <X, Y>(
  xs: { all: ReadonlyArray<X> | undefined; arbitrary: fc.Arbitrary<X> },
  ys: { all: ReadonlyArray<Y> | undefined; arbitrary: fc.Arbitrary<Y> },
  show: (p: readonly [X, Y]) => string,
): Carrier<readonly [X, Y]> => {
  const [ax, ay] = [xs.all, ys.all]
  if (ax !== undefined && ay !== undefined && ax.length * ay.length <= EXHAUSTIVE_CAP) {
    return exhaustive(function* () {
      for (const x of ax) for (const y of ay) yield [x, y] as const
    }, show)
  }
  return sampled(fc.tuple(xs.arbitrary, ys.arbitrary), show)
}

/**
 * The monad laws of `M` (with the functor laws of its `map` as parent). `name` names the
 * suite's subject in verdicts and test titles (default: the fp-ts URI, e.g. "Option").
 *
 * @example
 * import * as O from "fp-ts/lib/Option.js"
 * import { booleanType, optionType } from "catcluster/category"
 * import { monadLaws, runSuite } from "catcluster/laws"
 * runSuite(monadLaws(O.Monad, optionType, { a: booleanType, b: booleanType, c: booleanType })) // exhaustive
 *
 * @since 0.1.0
 * @category suites
 */
export const monadLaws = <F extends URIS, A, B, C>(M: Monad1<F>, lift: Lift1<F>, types: MonadTypes<A, B, C>, name: string = M.URI): Suite => {
  const { a, b, c } = types
  const [fa, fb, fc_] = [lift(a), lift(b), lift(c)]
  const f = kleisli(a, fb)
  const g = kleisli(b, fc_)
  const ms = { all: fa.enumerate?.(), arbitrary: fa.arbitrary }
  const values = { all: a.enumerate?.(), arbitrary: a.arbitrary }
  const chain = <X, Y>(m: Kind<F, X>, k: (x: X) => Kind<F, Y>): Kind<F, Y> => M.chain(m, k)
  const associativityCarrier: Carrier<readonly [readonly [Kind<F, A>, Fn<A, Kind<F, B>>], Fn<B, Kind<F, C>>]> = pairCarrier(
    {
      all: ms.all === undefined || f.all === undefined ? undefined : ms.all.flatMap((m) => f.all!.map((k) => [m, k] as const)),
      arbitrary: fc.tuple(ms.arbitrary, f.arbitrary),
    },
    g,
    ([[m, k], h]) => `[${fa.show(m)}, ${showFn(k)}, ${showFn(h)}]`,
  )
  return suite(
    "monad",
    name,
    [
      bind(
        law("monad.leftIdentity", "chain(of(a), f) = f(a)", ([x, k]: readonly [A, Fn<A, Kind<F, B>>]) => ({
          lhs: chain(M.of(x), k.run),
          rhs: k.run(x),
        })),
        pairCarrier(values, f, ([x, k]) => `[${a.show(x)}, ${showFn(k)}]`),
        valueEquality(fb),
      ),
      bind(
        law("monad.rightIdentity", "chain(m, of) = m", (m: Kind<F, A>) => ({ lhs: chain(m, M.of), rhs: m })),
        valuesOf(fa),
        valueEquality(fa),
      ),
      bind(
        law("monad.associativity", "chain(chain(m, f), g) = chain(m, a ⇒ chain(f(a), g))", ([[m, k], h]: readonly [readonly [Kind<F, A>, Fn<A, Kind<F, B>>], Fn<B, Kind<F, C>>]) => ({
          lhs: chain(chain(m, k.run), h.run),
          rhs: chain(m, (x: A) => chain(k.run(x), h.run)),
        })),
        associativityCarrier,
        valueEquality(fc_),
      ),
    ],
    [functorLaws(fromFunctor1(M, lift), typeCarriers([a, b, c]))],
  )
}
