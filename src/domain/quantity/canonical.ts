/**
 * Kubernetes' canonical form of a quantity (`Quantity.String()`, apimachinery v1.35): no
 * precision lost, no fractional digits, the largest suffix of the quantity's own format family
 * that leaves an integer mantissa.
 *
 * @since 0.1.0
 */
import { NANOS_PER_UNIT } from "./Quantity.ts"
import type { Quantity } from "./Quantity.ts"

const BINARY_SUFFIXES = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"] as const
const DECIMAL_SUFFIXES: ReadonlyMap<number, string> = new Map([
  [-9, "n"],
  [-6, "u"],
  [-3, "m"],
  [0, ""],
  [3, "k"],
  [6, "M"],
  [9, "G"],
  [12, "T"],
  [15, "P"],
  [18, "E"],
])

/** |n| for a bigint. */
const abs = (n: bigint): bigint => (n < 0n ? -n : n)

/**
 * The canonical string of a quantity.
 *
 * - zero is `"0"`;
 * - BinarySI stays binary when the value is an integer of magnitude ≥ 1024, as
 *   `mantissa × 1024^k` (`1.5Gi` → `1536Mi`); otherwise it is shown as DecimalSI;
 * - DecimalSI / DecimalExponent: mantissa × 10^e with e the largest multiple of 3 that keeps
 *   the mantissa an integer (`0.1` → `100m`, `1000M` → `1G`, `1.5e3` → `1500`).
 *
 * Beyond `E` (10¹⁸) apimachinery has no decimal suffix and prints the mantissa alone, which
 * changes the value; catcluster keeps the `E` suffix with a larger mantissa (`1000E` → `1000E`).
 *
 * @example
 * import { parseQuantity, canonical } from "catcluster/domain/quantity"
 * // canonical of parseQuantity("1.5Gi") is "1536Mi"; of "0.1" is "100m"; of "1000M" is "1G"
 *
 * @since 0.1.0
 * @category destructors
 */
export const canonical = (q: Quantity): string => {
  if (q.nanos === 0n) return "0"
  const sign = q.nanos < 0n ? "-" : ""
  const magnitude = abs(q.nanos)
  if (q.format === "BinarySI" && magnitude >= 1024n * NANOS_PER_UNIT && magnitude % NANOS_PER_UNIT === 0n) {
    let mantissa = magnitude / NANOS_PER_UNIT
    let k = 0
    while (mantissa >= 1024n && mantissa % 1024n === 0n && k < BINARY_SUFFIXES.length - 1) {
      mantissa /= 1024n
      k++
    }
    return `${sign}${mantissa}${BINARY_SUFFIXES[k] ?? ""}`
  }
  let mantissa = magnitude
  let exponent = -9
  while (mantissa % 10n === 0n) {
    mantissa /= 10n
    exponent++
  }
  // lower the exponent to a multiple of 3 (floor), as apimachinery does
  const r = ((exponent % 3) + 3) % 3
  mantissa *= 10n ** BigInt(r)
  exponent -= r
  if (q.format === "DecimalExponent") return `${sign}${mantissa}${exponent === 0 ? "" : `e${exponent}`}`
  if (exponent > 18) {
    mantissa *= 10n ** BigInt(exponent - 18)
    exponent = 18
  }
  return `${sign}${mantissa}${DECIMAL_SUFFIXES.get(exponent) ?? ""}`
}
