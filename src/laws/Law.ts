/**
 * A law as pure data: a name, the equation it states, and how to build both sides of the
 * equation from one input. The law says nothing about how its inputs are chosen (that is the
 * {@link Carrier}) or how the sides are compared (that is the check's equality), so the same
 * law runs exhaustively on a finite category and by sampling on TypeScript types.
 *
 * @example
 * import { law } from "catcluster/laws"
 * const leftIdentity = law("category.leftIdentity", "id ∘ f = f", (f: number) => ({ lhs: 0 + f, rhs: f }))
 *
 * @since 0.1.0
 */

/** Both sides of one instance of a law. @since 0.1.0 @category model */
export interface Equation<T> {
  readonly lhs: T
  readonly rhs: T
}

/**
 * A law over inputs `In` whose sides are values of `T`.
 * `instance` may return `undefined` when the input does not apply (e.g. arrows that do not
 * compose); such inputs are counted as discarded, not as passes.
 *
 * @since 0.1.0
 * @category model
 */
export interface Law<In, T> {
  /** Unique within a suite; dotted, e.g. `functor.composition`. Laws reached twice are checked once. */
  readonly name: string
  /** The equation in mathematical notation, for people. */
  readonly statement: string
  /** The two sides of the equation at one input, or `undefined` when the input does not apply. */
  readonly instance: (input: In) => Equation<T> | undefined
}

/**
 * A law from its name, its statement and how to build both sides from one input.
 *
 * @example
 * import { law } from "catcluster/laws"
 * const rightUnit = law("sum.rightUnit", "x + 0 = x", (x: number) => ({ lhs: x + 0, rhs: x }))
 * rightUnit.instance(2) // { lhs: 2, rhs: 2 }
 *
 * @since 0.1.0
 * @category constructors
 */
export const law = <In, T>(
  name: string,
  statement: string,
  instance: (input: In) => Equation<T> | undefined,
): Law<In, T> => ({ name, statement, instance })
