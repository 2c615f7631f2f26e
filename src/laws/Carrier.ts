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

/** @since 0.1.0 @category model */
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
 * @since 0.1.0
 * @category combinators
 */
export function* pairs<A, B>(as: Iterable<A>, bs: () => Iterable<B>): Iterable<readonly [A, B]> {
  for (const a of as) for (const b of bs()) yield [a, b] as const
}
