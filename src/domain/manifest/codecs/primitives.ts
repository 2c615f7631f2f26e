/**
 * Building blocks of the manifest codecs: quantities (string or bare number), integers,
 * int-or-string, string maps, enumerations, and `struct` (required + optional fields).
 *
 * Objects decoded by these codecs keep fields they do not know (as the API server does);
 * `unknownFields` lists them.
 *
 * @since 0.1.0
 */
import * as E from "fp-ts/lib/Either.js"
import * as t from "io-ts"
import { parseQuantity } from "../../quantity/parse.ts"
import type { Quantity } from "../../quantity/Quantity.ts"
import { showValue } from "../showValue.ts"


/**
 * A Kubernetes quantity written as a string (`"1.5Gi"`) or a bare number (`3`, `0.5`).
 * The error names the input and the position: `expected a quantity, got "1K": unknown suffix …`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const QuantityCodec = new t.Type<Quantity, string | number, unknown>(
  "Quantity",
  (u): u is Quantity => typeof u === "object" && u !== null && typeof (u as { nanos?: unknown }).nanos === "bigint",
  (u, c) => {
    if (typeof u !== "string" && typeof u !== "number") return t.failure(u, c, `expected a quantity (string or number), got ${showValue(u)}`)
    const parsed = parseQuantity(u)
    return E.isRight(parsed)
      ? t.success(parsed.right)
      : t.failure(u, c, `expected a quantity, got ${showValue(u)}: ${parsed.left.problem} at position ${parsed.left.position}`)
  },
  (q) => String(q.nanos),
)

/**
 * Resource name → quantity (`requests`, `limits`, `capacity`, `hard`, …).
 *
 * @since 0.1.0
 * @category codecs
 */
export const QuantityMap = t.record(t.string, QuantityCodec, "ResourceList")

/**
 * A whole number (int32/int64 fields).
 *
 * @since 0.1.0
 * @category codecs
 */
export const Integer = new t.Type<number, number, unknown>(
  "integer",
  (u): u is number => typeof u === "number" && Number.isInteger(u),
  (u, c) => (typeof u === "number" && Number.isInteger(u) ? t.success(u) : t.failure(u, c, `expected an integer, got ${showValue(u)}`)),
  (n) => n,
)

/**
 * Kubernetes `IntOrString` (ports, `maxSurge: 25%`).
 *
 * @since 0.1.0
 * @category codecs
 */
export const IntOrString = new t.Type<number | string, number | string, unknown>(
  "IntOrString",
  (u): u is number | string => typeof u === "string" || (typeof u === "number" && Number.isInteger(u)),
  (u, c) =>
    typeof u === "string" || (typeof u === "number" && Number.isInteger(u))
      ? t.success(u)
      : t.failure(u, c, `expected an integer or a string, got ${showValue(u)}`),
  (x) => x,
)

/**
 * `string → string` (labels, annotations, nodeSelector).
 *
 * @since 0.1.0
 * @category codecs
 */
export const StringMap = t.record(t.string, t.string, "map[string]string")

/**
 * One of the given strings; the error lists them.
 *
 * @since 0.1.0
 * @category codecs
 */
export const oneOf = <const L extends readonly [string, ...string[]]>(name: string, values: L): t.Type<L[number], L[number], unknown> => {
  const allowed = new Set<string>(values)
  return new t.Type<L[number], L[number], unknown>(
    name,
    (u): u is L[number] => typeof u === "string" && allowed.has(u),
    (u, c) =>
      typeof u === "string" && allowed.has(u)
        ? t.success(u as L[number])
        : t.failure(u, c, `expected one of ${values.map((v) => JSON.stringify(v)).join(", ")}, got ${showValue(u)}`),
    (x) => x,
  )
}

/**
 * An object with required and optional fields; unknown fields are kept.
 *
 * @example
 * import * as t from "io-ts"
 * import { struct } from "catcluster/domain/manifest"
 * const Port = struct("Port", { port: t.number }, { name: t.string })
 *
 * @since 0.1.0
 * @category codecs
 */
export const struct = <R extends t.Props, O extends t.Props>(
  name: string,
  required: R,
  optional: O,
): t.IntersectionC<[t.TypeC<R>, t.PartialC<O>]> => t.intersection([t.type(required), t.partial(optional)], name)

/**
 * A field whose inside catcluster does not model (kept as is, not checked).
 *
 * @since 0.1.0
 * @category codecs
 */
export const Opaque = t.unknown

/**
 * An object whose inside catcluster does not model.
 *
 * @since 0.1.0
 * @category codecs
 */
export const OpaqueObject = t.UnknownRecord
