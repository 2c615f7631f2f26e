import { identity as identityFunction } from "fp-ts/lib/function.js"
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
 * @since 0.1.0
 */

/**
 * A function `A → B` between described types.
 *
 * @since 0.1.0
 * @category model
 */
export interface Fn<in out A, in out B> {
  readonly _tag: "Fn"
  readonly name: string
  readonly dom: TypeObject<A>
  readonly cod: TypeObject<B>
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
export const fn = <A, B>(name: string, dom: TypeObject<A>, cod: TypeObject<B>, run: (a: A) => B): Fn<A, B> => ({
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
export const identityFn = <A>(a: TypeObject<A>): Fn<A, A> => fn(`id_${a.name}`, a, a, identityFunction)

/**
 * `g ∘ f`: first `f : A → B`, then `g : B → C`.
 *
 * @example
 * import { booleanType, composeFn, fn, integerType, stringType } from "catcluster/category"
 * const length = fn("length", stringType, integerType, (s) => s.length)
 * const isEven = fn("isEven", integerType, booleanType, (n) => n % 2 === 0)
 * const hasEvenLength = composeFn(isEven, length) // Fn<string, boolean>
 * // composeFn(length, isEven)                    // compile error: boolean is not string
 *
 * @since 0.1.0
 * @category combinators
 */
export const composeFn = <A, B, C>(g: Fn<B, C>, f: Fn<A, NoInfer<B>>): Fn<A, C> => {
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
  <B, C>(g: Fn<B, C>) =>
  <A>(f: Fn<A, B>): Fn<A, C> =>
    composeFn(g, f)

/**
 * A path of functions in diagram order: `pathFn(f, g, h) = h ∘ g ∘ f`. Each neighbour must meet.
 *
 * @since 0.1.0
 * @category combinators
 */
export function pathFn<A, B>(f: Fn<A, B>): Fn<A, B>
export function pathFn<A, B, C>(f: Fn<A, B>, g: Fn<NoInfer<B>, C>): Fn<A, C>
export function pathFn<A, B, C, D>(f: Fn<A, B>, g: Fn<NoInfer<B>, C>, h: Fn<NoInfer<C>, D>): Fn<A, D>
export function pathFn<A, B, C, D, E>(
  f: Fn<A, B>,
  g: Fn<NoInfer<B>, C>,
  h: Fn<NoInfer<C>, D>,
  k: Fn<NoInfer<D>, E>,
): Fn<A, E>
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

