/**
 * Exact decimal views of a quantity.
 *
 * @since 0.1.0
 */
import { NANOS_PER_UNIT } from "./Quantity.ts"
import type { Quantity } from "./Quantity.ts"

/**
 * The exact value as a plain decimal string, no exponent, no trailing zeros:
 * `"0.0000001"` (100n), `"-1.5"`, `"1610612736"` (1.5Gi).
 *
 * @example
 * import { parseQuantity, toDecimalString } from "catcluster/domain/quantity"
 * // toDecimalString of parseQuantity("400m") is "0.4"
 *
 * @since 0.1.0
 * @category destructors
 */
export const toDecimalString = (q: Quantity): string => {
  const negative = q.nanos < 0n
  const magnitude = negative ? -q.nanos : q.nanos
  const whole = magnitude / NANOS_PER_UNIT
  const fraction = (magnitude % NANOS_PER_UNIT).toString().padStart(9, "0").replace(/0+$/, "")
  return `${negative ? "-" : ""}${whole}${fraction === "" ? "" : `.${fraction}`}`
}

/** n / d rounded away from zero (apimachinery's `inf.RoundUp`), d > 0. */
const divideAwayFromZero = (n: bigint, d: bigint): bigint => {
  if (n >= 0n) return (n + d - 1n) / d
  return -((-n + d - 1n) / d)
}

/**
 * The value in thousandths, rounded up (away from zero), as Kubernetes' `MilliValue()`:
 * the unit of cpu in the scheduler (`250m` → 250n, `1n` → 1n).
 *
 * @example
 * import { parseQuantity, milliValue } from "catcluster/domain/quantity"
 * // milliValue of parseQuantity("0.5") is 500n
 *
 * @since 0.1.0
 * @category destructors
 */
export const milliValue = (q: Quantity): bigint => divideAwayFromZero(q.nanos, 1_000_000n)

/**
 * The value in units, rounded up (away from zero), as Kubernetes' `Value()`: the unit of
 * memory, storage and counts in the scheduler (`400m` of memory → 1 byte).
 *
 * @example
 * import { parseQuantity, value } from "catcluster/domain/quantity"
 * // value of parseQuantity("1.5Gi") is 1610612736n
 *
 * @since 0.1.0
 * @category destructors
 */
export const value = (q: Quantity): bigint => divideAwayFromZero(q.nanos, NANOS_PER_UNIT)
