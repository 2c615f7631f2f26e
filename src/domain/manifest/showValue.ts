/**
 * A short rendering of a value found in a manifest, for error messages.
 *
 * @since 0.1.0
 */

/**
 * The value as JSON, cut to 60 characters; `NaN`, `Infinity`, `undefined` and values JSON cannot
 * render (cycles, bigints) fall back to `String`.
 *
 * @example
 * import { showValue } from "catcluster/domain/manifest"
 * showValue("1K") // "\"1K\""
 * showValue(Number.NaN) // "NaN"
 *
 * @since 0.1.0
 * @category destructors
 */
export const showValue = (u: unknown): string => {
  if (typeof u === "number" && !Number.isFinite(u)) return String(u)
  try {
    const s = JSON.stringify(u)
    return s === undefined ? String(u) : s.length > 60 ? `${s.slice(0, 57)}...` : s
  } catch {
    return String(u)
  }
}
