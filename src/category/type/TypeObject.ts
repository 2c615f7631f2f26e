import * as fc from "fast-check"

/**
 * Described types: the objects of the category **Type**.
 *
 * A TypeScript type is erased at run time, so to check laws about functions we describe each
 * type by what a checker needs: how to generate its values (a fast-check arbitrary), when two
 * values are equal, how to show one, and — for finite carriers such as `boolean` or a small
 * union — the list of all its values, so equality of functions out of it is *decided* by
 * enumeration instead of sampled.
 *
 * @example
 * import { booleanType, literalType } from "catcluster/category"
 * booleanType.enumerate?.() // [false, true]
 * const phase = literalType("Pending", "Running") // TypeObject<"Pending" | "Running">, enumerable
 *
 * @since 0.1.0
 */

/**
 * A described type `A` named `N`. Invariant in `A` (`in out`): a `TypeObject<"a">` is not a
 * `TypeObject<string>`, because its `equals` only knows `"a"`. Covariant in the name: a
 * `TypeObject<number, "Port">` is a `TypeObject<number>` (name `string`, i.e. not known to the
 * type checker). Carrying the name lets `composeFn` refuse `Port` where `integer` is expected
 * at compile time, although both describe `number`.
 *
 * @since 0.1.0
 * @category model
 */
export interface TypeObject<in out A, out N extends string = string> {
  readonly _tag: "TypeObject"
  /** Identifies the type: two described types with the same name are the same object of Type. */
  readonly name: N
  /** Generates values, for the sampled law checks. */
  readonly arbitrary: fc.Arbitrary<A>
  /** Equality of values: the laws compare results with it. */
  readonly equals: (a: A, b: A) => boolean
  /** A value as text, for counterexamples. */
  readonly show: (a: A) => string
  /** Every value, for finite carriers; absent for infinite ones. */
  readonly enumerate?: () => ReadonlyArray<A>
}

/** Any described type. @since 0.1.0 @category model */
export type AnyTypeObject = TypeObject<any>

/** The type a described type describes. @since 0.1.0 @category type-level */
export type ValueOf<T> = T extends TypeObject<infer A> ? A : never

/** What {@link describedType} needs; `equals` defaults to `Object.is`, `show` to `fc.stringify`. @since 0.1.0 @category model */
export interface TypeDescription<A, N extends string = string> {
  readonly name: N
  readonly arbitrary: fc.Arbitrary<A>
  /** Equality of values (default `Object.is`). */
  readonly equals?: (a: A, b: A) => boolean
  /** A value as text (default `fc.stringify`). */
  readonly show?: (a: A) => string
  /** Every value, when the type is finite; makes the law checks exhaustive. */
  readonly enumerate?: () => ReadonlyArray<A>
}

/**
 * Describes a type. An enumeration is computed once and kept: exhaustive checks call it often.
 *
 * @example
 * import * as fc from "fast-check"
 * import { describedType } from "catcluster/category"
 * const port = describedType({ name: "Port", arbitrary: fc.integer({ min: 1, max: 65535 }) })
 *
 * @since 0.1.0
 * @category constructors
 */
export const describedType = <A, const N extends string = string>(description: TypeDescription<A, N>): TypeObject<A, N> => {
  const enumerate = description.enumerate
  let cache: ReadonlyArray<A> | undefined
  return {
    _tag: "TypeObject",
    name: description.name,
    arbitrary: description.arbitrary,
    equals: description.equals ?? Object.is,
    show: description.show ?? ((a) => fc.stringify(a)),
    ...(enumerate === undefined ? {} : { enumerate: () => (cache ??= enumerate()) }),
  }
}

/**
 * The number of values of a described type, or `undefined` when it does not enumerate.
 *
 * @since 0.1.0
 * @category destructors
 */
export const cardinality = (t: AnyTypeObject): number | undefined => t.enumerate?.().length

/** `boolean`, enumerable. @since 0.1.0 @category instances */
export const booleanType: TypeObject<boolean, "boolean"> = describedType({
  name: "boolean",
  arbitrary: fc.boolean(),
  enumerate: () => [false, true],
})

/** Integers in a small range (so sums do not lose precision), sampled. @since 0.1.0 @category instances */
export const integerType: TypeObject<number, "integer"> = describedType({
  name: "integer",
  arbitrary: fc.integer({ min: -1000, max: 1000 }),
})

/** `string`, sampled. @since 0.1.0 @category instances */
export const stringType: TypeObject<string, "string"> = describedType({ name: "string", arbitrary: fc.string({ maxLength: 8 }) })

/** The one-value type `void` (the terminal object of Type). @since 0.1.0 @category instances */
export const unitType: TypeObject<undefined, "void"> = describedType({
  name: "void",
  arbitrary: fc.constant(undefined),
  show: () => "()",
  enumerate: () => [undefined],
})

/**
 * A finite union of literals, enumerable: `literalType("a", "b")` describes `"a" | "b"`.
 *
 * @example
 * import { literalType } from "catcluster/category"
 * const phase = literalType("Pending", "Running", "Succeeded")
 *
 * @since 0.1.0
 * @category constructors
 */
export const literalType = <const L extends ReadonlyArray<string | number | boolean>>(
  ...values: L
): TypeObject<L[number]> =>
  describedType<L[number]>({
    name: values.map((v) => JSON.stringify(v)).join(" | "),
    arbitrary: fc.constantFrom(...values),
    show: (v) => JSON.stringify(v),
    enumerate: () => values,
  })
