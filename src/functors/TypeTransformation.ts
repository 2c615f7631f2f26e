import * as A from "fp-ts/lib/Array.js"
import * as O from "fp-ts/lib/Option.js"
import { fn, type AnyFn, type AnyTypeObject, type Fn, type TypeObject } from "../category/Type.ts"
import { arrayEndofunctor, optionEndofunctor, type Applied, type Hkt1, type TypeEndofunctor } from "./FpTs.ts"
import { naturalTransformation, type NaturalTransformation } from "./NaturalTransformation.ts"

/**
 * Natural transformations between endofunctors of Type, written as one polymorphic function.
 *
 * A polymorphic function `<A>(fa: F<A>) => G<A>` is a family of arrows `η_A : F A → G A`, one
 * per described type. Parametricity suggests every such function is natural, but TypeScript
 * does not enforce parametricity (a component may inspect values, e.g. sort them), so
 * naturality is checked by `naturalityLaws`, never assumed.
 *
 * @since 0.1.0
 */

/**
 * A natural transformation between endofunctors of Type, with typed components.
 *
 * @since 0.1.0
 * @category model
 */
export interface TypeTransformation<F, G> extends NaturalTransformation<AnyTypeObject, AnyFn, AnyTypeObject, AnyFn> {
  /** The typed component at X: `Fn<F<X>, G<X>>`. */
  readonly at: <X>(x: TypeObject<X>) => Fn<Applied<F, X>, Applied<G, X>>
}

/**
 * A transformation F ⇒ G of endofunctors of Type from a polymorphic function. The component
 * receives the described type so that components which need it (e.g. to compare values) can.
 *
 * @example
 * import * as A from "fp-ts/lib/Array.js"
 * import { integerType } from "catcluster/category"
 * import { arrayEndofunctor, optionEndofunctor, typeTransformation } from "catcluster/functors"
 * const head = typeTransformation("head", arrayEndofunctor, optionEndofunctor, () => (xs) => A.head(xs))
 * const headOfIntegers = head.at(integerType) // Fn<number[], Option<number>>, named "head_integer"
 * headOfIntegers.run([3, 1, 2])              // { _tag: "Some", value: 3 }
 *
 * @since 0.1.0
 * @category constructors
 */
export const typeTransformation = <F, G>(
  name: string,
  from: TypeEndofunctor<F>,
  to: TypeEndofunctor<G>,
  component: <X>(x: TypeObject<X>) => (fx: Applied<F, X>) => Applied<G, X>,
): TypeTransformation<F, G> => {
  const at = <X>(x: TypeObject<X>): Fn<Applied<F, X>, Applied<G, X>> =>
    fn(`${name}_${x.name}`, from.lift(x), to.lift(x), component(x))
  return { ...naturalTransformation(name, from, to, at), at }
}

/** `head : Array ⇒ Option`, the first element if any (natural). @since 0.1.0 @category instances */
export const headTransformation: TypeTransformation<Hkt1<A.URI>, Hkt1<O.URI>> = typeTransformation(
  "head",
  arrayEndofunctor,
  optionEndofunctor,
  () => (xs) => A.head(xs),
)

/** `toArray : Option ⇒ Array`, `none ↦ []`, `some(a) ↦ [a]` (natural). @since 0.1.0 @category instances */
export const optionToArrayTransformation: TypeTransformation<Hkt1<O.URI>, Hkt1<A.URI>> = typeTransformation(
  "toArray",
  optionEndofunctor,
  arrayEndofunctor,
  () => (o) => (O.isNone(o) ? [] : [o.value]),
)

/**
 * `sort : Array ⇒ Array`, sorting by the shown value. *Not* natural: mapping a non-monotone
 * function and then sorting differs from sorting and then mapping. Kept as the standard broken
 * instance that the naturality check must catch.
 *
 * @since 0.1.0
 * @category instances
 */
export const sortTransformation: TypeTransformation<Hkt1<A.URI>, Hkt1<A.URI>> = typeTransformation(
  "sort",
  arrayEndofunctor,
  arrayEndofunctor,
  <X>(x: TypeObject<X>) => (xs: Array<X>): Array<X> => {
    const keyed = xs.map((v) => [x.show(v), v] as const)
    keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return keyed.map(([, v]) => v)
  },
)
