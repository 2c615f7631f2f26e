import type { Functor1, Functor2 } from "fp-ts/lib/Functor.js"
import type { Kind, Kind2, URIS, URIS2 } from "fp-ts/HKT"
import * as A from "fp-ts/lib/Array.js"
import * as E from "fp-ts/lib/Either.js"
import * as Id from "fp-ts/lib/Identity.js"
import * as NEA from "fp-ts/lib/NonEmptyArray.js"
import * as O from "fp-ts/lib/Option.js"
import * as RA from "fp-ts/lib/ReadonlyArray.js"
import type { Category } from "../category/Category.ts"
import {
  arrayType,
  eitherType,
  fn,
  identityType,
  nonEmptyArrayType,
  optionType,
  readonlyArrayType,
  Type,
  type AnyFn,
  type AnyTypeObject,
  type Fn,
  type TypeObject,
} from "../category/Type.ts"
import type { Endofunctor } from "./Functor.ts"

/**
 * fp-ts functors as endofunctors of **Type**, with no glue in user land.
 *
 * An fp-ts `Functor1<F>` knows how to map functions (`map(fa, f)`) but not what `F<A>` is as a
 * described type. Give it a *lifting* `TypeObject<A> → TypeObject<Kind<F, A>>` (provided here
 * for Option, Either, Array, ReadonlyArray, NonEmptyArray and Identity) and it becomes an
 * {@link Endofunctor} of Type whose laws `src/laws/functor.ts` checks: exhaustively on finite
 * types such as `Option<boolean>`, by sampling on `Array<number>`.
 *
 * `Task` is left out on purpose: a `Task<A>` is a thunk returning a `Promise`, so two tasks can
 * only be compared by running them, asynchronously and with effects; Type's equality is
 * synchronous and pure, so Task is not an observable object of it.
 *
 * @example
 * import * as O from "fp-ts/lib/Option.js"
 * import { fromFunctor1 } from "catcluster/functors"
 * import { booleanType, fn, optionType } from "catcluster/category"
 * const OptionF = fromFunctor1(O.Functor, optionType)
 * const not = fn("not", booleanType, booleanType, (b) => !b)
 * OptionF.map(not).run(O.some(true)) // some(false)
 *
 * @since 0.1.0
 */

/** The kind of a one-parameter fp-ts functor `F<_>`. @since 0.1.0 @category type-level */
export interface Hkt1<F extends URIS> {
  readonly _arity: 1
  readonly uri: F
}

/** The kind of a two-parameter fp-ts functor with its left parameter fixed, `F<E, _>`. @since 0.1.0 @category type-level */
export interface Hkt2<F extends URIS2, E> {
  readonly _arity: 2
  readonly uri: F
  readonly left: E
}

/** `F<A>` for a kind of {@link Hkt1} or {@link Hkt2}. @since 0.1.0 @category type-level */
export type Applied<K, A> =
  K extends Hkt1<infer F extends URIS>
    ? Kind<F, A>
    : K extends Hkt2<infer F extends URIS2, infer L>
      ? Kind2<F, L, A>
      : never

/** A lifting of described types along a one-parameter type constructor. @since 0.1.0 @category model */
export type Lift1<F extends URIS> = <A>(a: TypeObject<A>) => TypeObject<Kind<F, A>>

/** A lifting along a two-parameter type constructor. @since 0.1.0 @category model */
export type Lift2<F extends URIS2> = <L, A>(left: TypeObject<L>, a: TypeObject<A>) => TypeObject<Kind2<F, L, A>>

/**
 * An endofunctor of Type that remembers its type constructor `K`, so that its object and
 * arrow maps are typed: `lift(TypeObject<A>) : TypeObject<F<A>>`, `map(Fn<A, B>) : Fn<F<A>, F<B>>`.
 *
 * @since 0.1.0
 * @category model
 */
export interface TypeEndofunctor<K> extends Endofunctor<AnyTypeObject, AnyFn> {
  /** Phantom, type-level only; invariant in `K`. */
  readonly _kind?: (k: K) => K
  /** The typed object map: `TypeObject<A>` ↦ `TypeObject<F<A>>`. */
  readonly lift: <A>(a: TypeObject<A>) => TypeObject<Applied<K, A>>
  /** The typed arrow map: `Fn<A, B>` ↦ `Fn<F<A>, F<B>>`. */
  readonly map: <A, B>(f: Fn<A, B>) => Fn<Applied<K, A>, Applied<K, B>>
}

/**
 * An endofunctor of Type from an fp-ts `Functor1` and a lifting of described types.
 *
 * @example
 * import * as A from "fp-ts/lib/Array.js"
 * import { fromFunctor1 } from "catcluster/functors"
 * import { arrayType } from "catcluster/category"
 * const ArrayF = fromFunctor1(A.Functor, arrayType) // TypeEndofunctor<Hkt1<A.URI>>
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromFunctor1 = <F extends URIS>(
  F: Functor1<F>,
  lift: Lift1<F>,
  category: Category<AnyTypeObject, AnyFn> = Type,
): TypeEndofunctor<Hkt1<F>> => {
  const map = <A, B>(f: Fn<A, B>): Fn<Kind<F, A>, Kind<F, B>> =>
    fn(`${F.URI}.map(${f.name})`, lift(f.dom), lift(f.cod), (fa: Kind<F, A>) => F.map(fa, f.run))
  return { name: F.URI, source: category, target: category, onObjects: lift, onArrows: map, lift, map }
}

/**
 * An endofunctor of Type from an fp-ts `Functor2` with its left parameter fixed to `left`
 * (e.g. `Either<string, _>`), and a two-parameter lifting.
 *
 * @example
 * import * as E from "fp-ts/lib/Either.js"
 * import { fromFunctor2 } from "catcluster/functors"
 * import { eitherType, stringType } from "catcluster/category"
 * const Result = fromFunctor2(E.Functor, stringType, eitherType) // Either<string, _>
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromFunctor2 = <F extends URIS2, L>(
  F: Functor2<F>,
  left: TypeObject<L>,
  lift: Lift2<F>,
  category: Category<AnyTypeObject, AnyFn> = Type,
): TypeEndofunctor<Hkt2<F, L>> => {
  const liftHere = <A>(a: TypeObject<A>): TypeObject<Kind2<F, L, A>> => lift(left, a)
  const map = <A, B>(f: Fn<A, B>): Fn<Kind2<F, L, A>, Kind2<F, L, B>> =>
    fn(`${F.URI}<${left.name}>.map(${f.name})`, liftHere(f.dom), liftHere(f.cod), (fa: Kind2<F, L, A>) => F.map(fa, f.run))
  return { name: `${F.URI}<${left.name}, _>`, source: category, target: category, onObjects: liftHere, onArrows: map, lift: liftHere, map }
}

// The instances name their URI through fp-ts's own type (`A.URI`, not `"Array"`), so the emitted
// .d.ts imports fp-ts/lib/Array, whose module augmentation declares URItoKind's `Array` entry: a
// consumer type-checking with skipLibCheck: false would otherwise reject `Hkt1<"Array">`.

/** fp-ts `Option` as an endofunctor of Type. @since 0.1.0 @category instances */
export const optionEndofunctor: TypeEndofunctor<Hkt1<O.URI>> = fromFunctor1(O.Functor, optionType)

/** fp-ts `Array` as an endofunctor of Type. @since 0.1.0 @category instances */
export const arrayEndofunctor: TypeEndofunctor<Hkt1<A.URI>> = fromFunctor1(A.Functor, (a) => arrayType(a))

/** fp-ts `ReadonlyArray` as an endofunctor of Type. @since 0.1.0 @category instances */
export const readonlyArrayEndofunctor: TypeEndofunctor<Hkt1<RA.URI>> = fromFunctor1(RA.Functor, (a) =>
  readonlyArrayType(a),
)

/** fp-ts `NonEmptyArray` as an endofunctor of Type. @since 0.1.0 @category instances */
export const nonEmptyArrayEndofunctor: TypeEndofunctor<Hkt1<NEA.URI>> = fromFunctor1(NEA.Functor, (a) =>
  nonEmptyArrayType(a),
)

/** fp-ts `Identity` as an endofunctor of Type. @since 0.1.0 @category instances */
export const identityEndofunctor: TypeEndofunctor<Hkt1<"Identity">> = fromFunctor1(Id.Functor, identityType)

/**
 * fp-ts `Either<L, _>` as an endofunctor of Type, for a fixed left type.
 *
 * @since 0.1.0
 * @category instances
 */
export const eitherEndofunctor = <L>(left: TypeObject<L>): TypeEndofunctor<Hkt2<"Either", L>> =>
  fromFunctor2(E.Functor, left, eitherType)
