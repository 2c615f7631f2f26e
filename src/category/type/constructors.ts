import * as fc from "fast-check"
import * as E from "fp-ts/lib/Either.js"
import type { Identity } from "fp-ts/lib/Identity.js"
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js"
import * as O from "fp-ts/lib/Option.js"
import { describedType, type TypeObject } from "./TypeObject.ts"

/**
 * Described types built from described types: products, function types (exponentials), and the
 * liftings `TypeObject<A> → TypeObject<Kind<F, A>>` the fp-ts functors need (Option, Either,
 * Array, NonEmptyArray, Identity). Finite inputs give finite outputs where the type is finite
 * (`Option<boolean>` has 3 values, `boolean → boolean` has 4), so checks over them stay exact.
 *
 * @since 0.1.0
 */

/** Above this many values a function type is not enumerated (it is sampled instead). @since 0.1.0 @category constants */
export const MAX_ENUMERATED = 4096

const product = <A, B>(as: ReadonlyArray<A>, bs: ReadonlyArray<B>): ReadonlyArray<readonly [A, B]> =>
  as.flatMap((a) => bs.map((b) => [a, b] as const))

/**
 * The product `A × B`, as readonly pairs.
 *
 * @example
 * import { booleanType, integerType, pairType } from "catcluster/category"
 * const tagged = pairType(integerType, booleanType) // TypeObject<readonly [number, boolean]>
 *
 * @since 0.1.0
 * @category constructors
 */
export const pairType = <A, B>(a: TypeObject<A>, b: TypeObject<B>): TypeObject<readonly [A, B]> => {
  const ea = a.enumerate
  const eb = b.enumerate
  return describedType<readonly [A, B]>({
    name: `${a.name} × ${b.name}`,
    arbitrary: fc.tuple(a.arbitrary, b.arbitrary),
    equals: (x, y) => a.equals(x[0], y[0]) && b.equals(x[1], y[1]),
    show: ([x, y]) => `[${a.show(x)}, ${b.show(y)}]`,
    ...(ea === undefined || eb === undefined ? {} : { enumerate: () => product(ea(), eb()) }),
  })
}

/** Every function from a finite `as` to a finite `bs`, as lookup tables (|bs|^|as| of them). */
const allTables = <B>(size: number, bs: ReadonlyArray<B>): ReadonlyArray<ReadonlyArray<B>> => {
  let tables: Array<ReadonlyArray<B>> = [[]]
  for (let i = 0; i < size; i++) tables = tables.flatMap((t) => bs.map((b) => [...t, b]))
  return tables
}

/**
 * The function type `B → C`, the exponential `C^B` of Type. Two functions are equal when they
 * agree on every value of `B`, so `B` must enumerate (an infinite `B` would make equality of
 * its values undecidable; use a {@link Fn} arrow and sampled arrow equality instead).
 * It enumerates when `C` does too and there are at most {@link MAX_ENUMERATED} functions.
 *
 * @example
 * import { booleanType, functionType } from "catcluster/category"
 * functionType(booleanType, booleanType).enumerate?.().length // 4
 *
 * @since 0.1.0
 * @category constructors
 */
export const functionType = <B, C>(b: TypeObject<B>, c: TypeObject<C>): TypeObject<(x: B) => C> => {
  const domain = b.enumerate?.()
  if (domain === undefined) throw new NotEnumerableError(`${b.name} → ${c.name}`, b.name)
  const codomain = c.enumerate?.()
  const count = codomain === undefined ? Infinity : codomain.length ** domain.length
  const fromTable =
    (table: ReadonlyArray<C>) =>
    (x: B): C => {
      const i = domain.findIndex((d) => b.equals(d, x))
      return table[i] as C
    }
  return describedType<(x: B) => C>({
    name: `(${b.name} → ${c.name})`,
    arbitrary: fc.func(c.arbitrary),
    equals: (f, g) => domain.every((x) => c.equals(f(x), g(x))),
    show: (f) => `{${domain.map((x) => `${b.show(x)} ↦ ${c.show(f(x))}`).join(", ")}}`,
    ...(codomain === undefined || count > MAX_ENUMERATED
      ? {}
      : { enumerate: () => allTables(domain.length, codomain).map(fromTable) }),
  })
}

/**
 * A function type was asked for over a domain that does not enumerate.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotEnumerableError extends Error {
  readonly _tag = "NotEnumerable" as const
  constructor(
    readonly wanted: string,
    readonly domain: string,
  ) {
    super(`cannot describe ${wanted}: its domain ${domain} does not enumerate, so equality of its values is undecidable`)
    this.name = "NotEnumerableError"
  }
}

/**
 * `Option<A>` (fp-ts): `none` plus `some(a)` for every `a`.
 *
 * @since 0.1.0
 * @category liftings
 */
export const optionType = <A>(a: TypeObject<A>): TypeObject<O.Option<A>> => {
  const ea = a.enumerate
  return describedType<O.Option<A>>({
    name: `Option<${a.name}>`,
    arbitrary: fc.option(a.arbitrary, { nil: undefined }).map((x) => (x === undefined ? O.none : O.some(x))),
    equals: (x, y) => (O.isNone(x) ? O.isNone(y) : O.isSome(y) && a.equals(x.value, y.value)),
    show: (x) => (O.isNone(x) ? "none" : `some(${a.show(x.value)})`),
    ...(ea === undefined ? {} : { enumerate: () => [O.none, ...ea().map((v) => O.some(v))] }),
  })
}

/**
 * `Either<E, A>` (fp-ts): `left(e)` or `right(a)`.
 *
 * @since 0.1.0
 * @category liftings
 */
export const eitherType = <L, A>(left: TypeObject<L>, right: TypeObject<A>): TypeObject<E.Either<L, A>> => {
  const el = left.enumerate
  const er = right.enumerate
  return describedType<E.Either<L, A>>({
    name: `Either<${left.name}, ${right.name}>`,
    arbitrary: fc.oneof(left.arbitrary.map((l) => E.left(l)), right.arbitrary.map((r) => E.right(r))),
    equals: (x, y) =>
      E.isLeft(x) ? E.isLeft(y) && left.equals(x.left, y.left) : E.isRight(y) && right.equals(x.right, y.right),
    show: (x) => (E.isLeft(x) ? `left(${left.show(x.left)})` : `right(${right.show(x.right)})`),
    ...(el === undefined || er === undefined
      ? {}
      : { enumerate: () => [...el().map((l) => E.left(l)), ...er().map((r) => E.right(r))] }),
  })
}

const equalArrays =
  <A>(a: TypeObject<A>) =>
  (xs: ReadonlyArray<A>, ys: ReadonlyArray<A>): boolean =>
    xs.length === ys.length && xs.every((x, i) => a.equals(x, ys[i] as A))

/**
 * `Array<A>`, sampled (arrays of up to `maxLength` elements, default 6: long enough to
 * reorder, short enough to shrink fast).
 *
 * @since 0.1.0
 * @category liftings
 */
export const arrayType = <A>(a: TypeObject<A>, maxLength = 6): TypeObject<Array<A>> =>
  describedType<Array<A>>({
    name: `Array<${a.name}>`,
    arbitrary: fc.array(a.arbitrary, { maxLength }),
    equals: equalArrays(a),
    show: (xs) => `[${xs.map(a.show).join(", ")}]`,
  })

/**
 * `ReadonlyArray<A>`, sampled.
 *
 * @since 0.1.0
 * @category liftings
 */
export const readonlyArrayType = <A>(a: TypeObject<A>, maxLength = 6): TypeObject<ReadonlyArray<A>> =>
  describedType<ReadonlyArray<A>>({
    name: `ReadonlyArray<${a.name}>`,
    arbitrary: fc.array(a.arbitrary, { maxLength }),
    equals: equalArrays(a),
    show: (xs) => `[${xs.map(a.show).join(", ")}]`,
  })

/**
 * `NonEmptyArray<A>` (fp-ts), sampled.
 *
 * @since 0.1.0
 * @category liftings
 */
export const nonEmptyArrayType = <A>(a: TypeObject<A>, maxLength = 6): TypeObject<NonEmptyArray<A>> =>
  describedType<NonEmptyArray<A>>({
    name: `NonEmptyArray<${a.name}>`,
    arbitrary: fc.array(a.arbitrary, { minLength: 1, maxLength }) as fc.Arbitrary<NonEmptyArray<A>>,
    equals: equalArrays(a),
    show: (xs) => `[${xs.map(a.show).join(", ")}]`,
  })

/**
 * `Identity<A>` (fp-ts), which is `A` itself under another name.
 *
 * @since 0.1.0
 * @category liftings
 */
export const identityType = <A>(a: TypeObject<A>): TypeObject<Identity<A>> =>
  describedType<Identity<A>>({
    name: `Identity<${a.name}>`,
    arbitrary: a.arbitrary,
    equals: a.equals,
    show: a.show,
    ...(a.enumerate === undefined ? {} : { enumerate: a.enumerate }),
  })
