import { identity as identityFunction } from "fp-ts/lib/function.js"
import { NotComposableError } from "../Category.ts"
import type { TypeObject } from "./TypeObject.ts"

/**
 * Arrows of the category **Type**: functions between described types.
 *
 * A `Fn<A, B>` carries its described domain and codomain next to the function, so a checker can
 * generate inputs and compare outputs. The type parameters are invariant (`in out`) and the
 * middle type of a composite is read from one side only (`NoInfer`), exactly as for
 * `Arrow` in `src/category/Arrow.ts`: `composeFn(g, f)` compiles only when `f` lands where
 * `g` starts.
 *
 * What `composeFn` guarantees. A described type is identified by its *name* (`Port` and
 * `integer` are different objects of Type even though both describe `number`), so the carrier
 * alone is not enough. `Fn` also carries the names of its domain and codomain in its type
 * (`Fn<number, boolean, "Port", "boolean">`), covariantly:
 *
 * - when `g`'s domain name is a literal type, `f`'s codomain name must be that literal: a
 *   function into `Port` does not compose with one out of `integer` — a compile error;
 * - when `g`'s domain name has been widened to `string` (an annotation `Fn<A, B>`, or a
 *   name computed at run time such as `Option<…>`), only the carrier is checked at compile time;
 * - in every case `composeFn` compares the names at run time and throws
 *   {@link NotComposableError} on a mismatch, exactly as `Type.compose` does (unreachable from
 *   code whose names stay literal).
 *
 * @since 0.1.0
 */

/**
 * A function `A → B` between described types.
 *
 * @since 0.1.0
 * @category model
 */
export interface Fn<in out A, in out B, out DomName extends string = string, out CodName extends string = string> {
  readonly _tag: "Fn"
  readonly name: string
  readonly dom: TypeObject<A, DomName>
  readonly cod: TypeObject<B, CodName>
  /** The function itself. */
  readonly run: (a: A) => B
}

/** Any arrow of Type. @since 0.1.0 @category model */
export type AnyFn = Fn<any, any>

/**
 * A named function between described types.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fn = <A, B, DomName extends string = string, CodName extends string = string>(
  name: string,
  dom: TypeObject<A, DomName>,
  cod: TypeObject<B, CodName>,
  run: (a: A) => B,
): Fn<A, B, DomName, CodName> => ({
  _tag: "Fn",
  name,
  dom,
  cod,
  run,
})

/**
 * The identity on a described type. Its function is fp-ts's `identity`, so fp-ts-style code
 * that special-cases identity sees the very same function.
 *
 * @since 0.1.0
 * @category constructors
 */
export const identityFn = <A, N extends string = string>(a: TypeObject<A, N>): Fn<A, A, N, N> =>
  fn(`id_${a.name}`, a, a, identityFunction)

/**
 * `g ∘ f`: first `f : A → B`, then `g : B → C`.
 *
 * @example
 * import { booleanType, composeFn, fn, integerType, stringType } from "catcluster/category"
 * const length = fn("length", stringType, integerType, (s) => s.length)
 * const isEven = fn("isEven", integerType, booleanType, (n) => n % 2 === 0)
 * const hasEvenLength = composeFn(isEven, length) // Fn<string, boolean>
 * // composeFn(length, isEven)                    // compile error: boolean is not string
 * // a Port-valued f (TypeObject<number, "Port">) before isEven: compile error, "Port" is not "integer"
 *
 * @since 0.1.0
 * @category combinators
 */
export const composeFn = <A, B, C, NameA extends string, NameB extends string, NameC extends string>(
  g: Fn<B, C, NameB, NameC>,
  f: Fn<A, NoInfer<B>, NameA, NoInfer<NameB>>,
): Fn<A, C, NameA, NameC> => {
  if (f.cod.name !== g.dom.name) {
    // Unreachable while names stay literal types; a name widened to string is checked here.
    throw new NotComposableError(showFn(f), showFn(g), f.cod.name, g.dom.name)
  }
  const [runF, runG] = [f.run, g.run]
  return fn(`${g.name}∘${f.name}`, f.dom, g.cod, (a) => runG(runF(a)))
}

/**
 * Data-last `g ∘ f` for `pipe`: `pipe(f, andThenFn(g))`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const andThenFn =
  <B, C, NameB extends string, NameC extends string>(g: Fn<B, C, NameB, NameC>) =>
  <A, NameA extends string>(f: Fn<A, B, NameA, NameB>): Fn<A, C, NameA, NameC> =>
    composeFn(g, f)

/**
 * A path of functions in diagram order: `pathFn(f, g, h) = h ∘ g ∘ f`. Each neighbour must meet.
 *
 * @since 0.1.0
 * @category combinators
 */
export function pathFn<A, B, NA extends string, NB extends string>(f: Fn<A, B, NA, NB>): Fn<A, B, NA, NB>
export function pathFn<A, B, C, NA extends string, NB extends string, NC extends string>(
  f: Fn<A, B, NA, NB>,
  g: Fn<NoInfer<B>, C, NoInfer<NB>, NC>,
): Fn<A, C, NA, NC>
export function pathFn<A, B, C, D, NA extends string, NB extends string, NC extends string, ND extends string>(
  f: Fn<A, B, NA, NB>,
  g: Fn<NoInfer<B>, C, NoInfer<NB>, NC>,
  h: Fn<NoInfer<C>, D, NoInfer<NC>, ND>,
): Fn<A, D, NA, ND>
export function pathFn<A, B, C, D, E, NA extends string, NB extends string, NC extends string, ND extends string, NE extends string>(
  f: Fn<A, B, NA, NB>,
  g: Fn<NoInfer<B>, C, NoInfer<NB>, NC>,
  h: Fn<NoInfer<C>, D, NoInfer<NC>, ND>,
  k: Fn<NoInfer<D>, E, NoInfer<ND>, NE>,
): Fn<A, E, NA, NE>
export function pathFn(...fs: ReadonlyArray<AnyFn>): AnyFn {
  let acc = fs[0] as AnyFn
  for (let i = 1; i < fs.length; i++) acc = composeFn(fs[i] as AnyFn, acc)
  return acc
}

/**
 * Shows a function: `isEven∘length : string → boolean`.
 *
 * @since 0.1.0
 * @category destructors
 */
export const showFn = (f: AnyFn): string => `${f.name} : ${f.dom.name} → ${f.cod.name}`

