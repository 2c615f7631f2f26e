/**
 * An exact Kubernetes `resource.Quantity`.
 *
 * Kubernetes keeps a quantity as an arbitrary-precision decimal rounded *up* (away from zero) to
 * 10⁻⁹, plus the format family the user wrote it in. catcluster stores the same information as
 * an integer count of nano-units (`nanos` = value × 10⁹, exact, a `bigint`) and the format, so
 * every comparison and sum is exact and no float ever touches a resource amount.
 *
 * @since 0.1.0
 */

/**
 * The three notations of a quantity. The canonical form keeps the family:
 * `BinarySI` (`Ki`, `Mi`, … `Ei`), `DecimalSI` (`n`, `u`, `m`, none, `k`, `M`, … `E`),
 * `DecimalExponent` (`1e3`, `1E-3`).
 *
 * @since 0.1.0
 * @category model
 */
export type QuantityFormat = "BinarySI" | "DecimalSI" | "DecimalExponent"

/**
 * A quantity: its exact value times 10⁹ and the notation family it came in.
 *
 * @example
 * import { parseQuantity } from "catcluster/domain/quantity"
 * // parseQuantity("1.5Gi") → right({ nanos: 1610612736000000000n, format: "BinarySI" })
 *
 * @since 0.1.0
 * @category model
 */
export interface Quantity {
  /** The value × 10⁹, exact (Kubernetes rounds every value up to a multiple of 10⁻⁹). */
  readonly nanos: bigint
  readonly format: QuantityFormat
}

/**
 * 10⁹ as a bigint: nano-units per unit.
 *
 * @since 0.1.0
 * @category constants
 */
export const NANOS_PER_UNIT = 1_000_000_000n

/**
 * The largest binary-suffixed value Kubernetes keeps, 2⁶³ − 1 (larger ones are capped to it).
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_BINARY_VALUE = (1n << 63n) - 1n

/**
 * A quantity from its nano-count, e.g. for sums computed elsewhere.
 *
 * @example
 * import { fromNanos, canonical } from "catcluster/domain/quantity"
 * canonical(fromNanos(1_500_000_000n)) // "1500m"
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromNanos = (nanos: bigint, format: QuantityFormat = "DecimalSI"): Quantity => ({ nanos, format })

/**
 * The quantity zero, as Kubernetes parses `"0"` (DecimalSI).
 *
 * @since 0.1.0
 * @category constants
 */
export const zeroQuantity: Quantity = { nanos: 0n, format: "DecimalSI" }
