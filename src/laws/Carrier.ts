import type * as fc from "fast-check"

/**
 * Where a law's inputs come from.
 *
 * - `Exhaustive`: every input is listed (a finite carrier, like cats' `ExhaustiveCheck`), so a
 *   law that holds has been *proved* on the carrier, not sampled.
 * - `Sampled`: a fast-check arbitrary, for infinite carriers; failures are shrunk.
 *
 * @since 0.1.0
 */

/** Where a law's inputs come from: listed exhaustively or sampled. @since 0.1.0 @category model */
export type Carrier<In> =
  | {
      readonly _tag: "Exhaustive"
      /** Every input of the carrier. */
      readonly enumerate: () => Iterable<In>
      /** Method syntax on purpose: carriers of mutable and readonly tuples interchange. */
      show(input: In): string
    }
  | {
      readonly _tag: "Sampled"
      readonly arbitrary: fc.Arbitrary<In>
      /** An input as text, for counterexamples. */
      show(input: In): string
    }

const defaultShow = (input: unknown): string => {
  try {
    return JSON.stringify(input, (_k, v) => (typeof v === "bigint" ? `${v}n` : typeof v === "function" ? "<fn>" : v))
  } catch {
    return String(input)
  }
}

/**
 * A finite carrier listing every input.
 *
 * @example
 * import { checkLaw, exhaustive, law } from "catcluster/laws"
 * const rightUnit = law("sum.rightUnit", "x + 0 = x", (x: number) => ({ lhs: x + 0, rhs: x }))
 * const verdict = checkLaw(rightUnit, exhaustive(() => [0, 1, 2]), (x, y) =>
 *   x === y ? { equal: true } : { equal: false, witness: [x, y], message: `${x} ≠ ${y}` })
 * // verdict._tag === "Holds", coverage { mode: "exhaustive", cases: 3, discarded: 0 }
 *
 * @since 0.1.0
 * @category constructors
 */
export const exhaustive = <In>(
  enumerate: () => Iterable<In>,
  show: (input: In) => string = defaultShow,
): Carrier<In> => ({ _tag: "Exhaustive", enumerate, show })

/**
 * An infinite carrier sampled by fast-check.
 *
 * @example
 * import * as fc from "fast-check"
 * import { checkLaw, law, sampled } from "catcluster/laws"
 * const halving = law("half.double", "⌊x / 2⌋ · 2 = x", (x: number) => ({ lhs: Math.floor(x / 2) * 2, rhs: x }))
 * const verdict = checkLaw(halving, sampled(fc.integer({ min: 0, max: 100 })), (x, y) =>
 *   x === y ? { equal: true } : { equal: false, witness: [x, y], message: `${x} ≠ ${y}` })
 * // verdict._tag === "Fails"; verdict.counterexample.input is a shrunk odd number
 *
 * @since 0.1.0
 * @category constructors
 */
export const sampled = <In>(
  arbitrary: fc.Arbitrary<In>,
  show: (input: In) => string = defaultShow,
): Carrier<In> => ({ _tag: "Sampled", arbitrary, show })

/**
 * All pairs from two finite lists, lazily.
 *
 * @example
 * import { pairs } from "catcluster/laws"
 * [...pairs([1, 2], () => ["a", "b"])] // [[1, "a"], [1, "b"], [2, "a"], [2, "b"]]
 *
 * @since 0.1.0
 * @category combinators
 */
export function* pairs<A, B>(as: Iterable<A>, bs: () => Iterable<B>): Iterable<readonly [A, B]> {
  for (const a of as) for (const b of bs()) yield [a, b] as const
}
