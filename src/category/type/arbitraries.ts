import * as fc from "fast-check"
import { fn, type AnyFn, type Fn } from "./Fn.ts"
import type { AnyTypeObject, TypeObject } from "./TypeObject.ts"

/**
 * Arrows of Type to check laws on: random functions (fast-check's `fc.func`, pure and
 * reproducible from the seed) and, between finite types, *every* function.
 *
 * @since 0.1.0
 */

/**
 * Random functions `A → B`. Each is pure (its output is a hash of the input) and shown as
 * fast-check prints it, so a shrunk counterexample is readable.
 *
 * @example
 * import { fnArbitrary, integerType, booleanType } from "catcluster/category"
 * const predicates = fnArbitrary(integerType, booleanType) // fc.Arbitrary<Fn<number, boolean>>
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const fnArbitrary = <A, B>(dom: TypeObject<A>, cod: TypeObject<B>): fc.Arbitrary<Fn<A, B>> =>
  // Unary on purpose: fp-ts calls some callbacks with an extra index (Array's flatMap passes
  // `(a, i)`), and fc.func hashes every argument, so a raw fc.func would not be a function of `a`.
  fc.func<[A], B>(cod.arbitrary).map((run) => fn(fc.stringify(run).replace(/\s+/g, " "), dom, cod, (a: A) => run(a)))

/**
 * A random arrow between two of the given types.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const anyFnArbitrary = (objects: ReadonlyArray<AnyTypeObject>): fc.Arbitrary<AnyFn> =>
  fc.tuple(fc.constantFrom(...objects), fc.constantFrom(...objects)).chain(([a, b]) => fnArbitrary(a, b))

/**
 * A random composable path `[f, g, …]` of `length` arrows through the given types (diagram
 * order: `cod f = dom g`).
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const composableArbitrary = (objects: ReadonlyArray<AnyTypeObject>, length: number): fc.Arbitrary<ReadonlyArray<AnyFn>> =>
  fc
    .array(fc.constantFrom(...objects), { minLength: length + 1, maxLength: length + 1 })
    .chain((stops) => fc.tuple(...stops.slice(1).map((cod, i) => fnArbitrary(stops[i] as AnyTypeObject, cod))))

/**
 * Every function `A → B` between finite described types, or `undefined` when one of them does
 * not enumerate or there are more than `cap` functions. Each is named by its table.
 *
 * @example
 * import { allFunctions, booleanType } from "catcluster/category"
 * allFunctions(booleanType, booleanType)?.map((f) => f.name) // ["{false↦false, true↦false}", ...]
 *
 * @since 0.1.0
 * @category enumerations
 */
export const allFunctions = <A, B>(dom: TypeObject<A>, cod: TypeObject<B>, cap = 4096): ReadonlyArray<Fn<A, B>> | undefined => {
  const as = dom.enumerate?.()
  const bs = cod.enumerate?.()
  if (as === undefined || bs === undefined || bs.length ** as.length > cap) return undefined
  let tables: Array<ReadonlyArray<number>> = [[]]
  for (let i = 0; i < as.length; i++) tables = tables.flatMap((t) => bs.map((_, j) => [...t, j]))
  return tables.map((table) => {
    const name = `{${as.map((a, i) => `${dom.show(a)}↦${cod.show(bs[table[i] as number] as B)}`).join(", ")}}`
    return fn(name, dom, cod, (x: A) => bs[table[as.findIndex((a) => dom.equals(a, x))] as number] as B)
  })
}
