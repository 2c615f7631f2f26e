/**
 * Comparing quantities by value (never by string: `1Gi` > `1G`, `1000m` = `1`).
 *
 * @since 0.1.0
 */
import type { Ord } from "fp-ts/lib/Ord.js"
import type { Quantity } from "./Quantity.ts"

/**
 * −1, 0 or 1 as `a` is less than, equal to or greater than `b` by value. The format is
 * ignored: `1000m` and `1` compare equal.
 *
 * @example
 * import { parseQuantity, compareQuantity } from "catcluster/domain/quantity"
 * // compareQuantity(1Gi, 1G) === 1
 *
 * @since 0.1.0
 * @category ordering
 */
export const compareQuantity = (a: Quantity, b: Quantity): -1 | 0 | 1 =>
  a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0

/**
 * Quantities ordered by value, as an fp-ts `Ord` (a total preorder: different formats of the
 * same value are equivalent).
 *
 * @since 0.1.0
 * @category instances
 */
export const OrdQuantity: Ord<Quantity> = {
  equals: (a, b) => a.nanos === b.nanos,
  compare: compareQuantity,
}
