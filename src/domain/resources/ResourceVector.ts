/**
 * Resource vectors: amounts per resource name, cpu in milli-cores, everything else in base
 * units (bytes, counts), as exact bigints. An absent name means 0 for arithmetic and order,
 * but the map keeps an explicit 0 (the scheduler's scorers tell "absent" from "0").
 *
 * @since 0.1.0
 */
import type { Monoid } from "fp-ts/lib/Monoid.js"
import { canonical } from "../quantity/canonical.ts"
import { fromNanos, NANOS_PER_UNIT, type Quantity } from "../quantity/Quantity.ts"
import { milliValue, value } from "../quantity/decimal.ts"
import { unitOf } from "./ResourceName.ts"

/**
 * A resource vector: name → amount (cpu in milli-cores, others in base units).
 *
 * @since 0.1.0
 * @category model
 */
export type ResourceVector = ReadonlyMap<string, bigint>

/**
 * The empty vector (0 of everything).
 *
 * @since 0.1.0
 * @category constants
 */
export const emptyResources: ResourceVector = new Map()

/**
 * A vector from a record; numbers must be safe integers.
 *
 * @example
 * import { resources } from "catcluster/domain/resources"
 * resources({ cpu: 500, memory: 128n * 1024n * 1024n, "nvidia.com/gpu": 1 })
 *
 * @since 0.1.0
 * @category constructors
 */
export const resources = (record: Readonly<Record<string, bigint | number>>): ResourceVector => {
  const out = new Map<string, bigint>()
  for (const [name, amount] of Object.entries(record)) out.set(name, BigInt(amount))
  return out
}

/**
 * The amount of a quantity in the unit catcluster uses for that resource, rounded up as the
 * scheduler does (`cpu` → `MilliValue()`, others → `Value()`; `400m` of memory → 1 byte).
 *
 * @since 0.1.0
 * @category constructors
 */
export const amountOf = (name: string, q: Quantity): bigint => (unitOf(name) === "milli" ? milliValue(q) : value(q))

/**
 * A vector from quantities keyed by resource name (a manifest's `requests`, `capacity`, …).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromQuantities = (quantities: Readonly<Record<string, Quantity>> | undefined): ResourceVector => {
  const out = new Map<string, bigint>()
  if (quantities === undefined) return out
  for (const [name, q] of Object.entries(quantities)) out.set(name, amountOf(name, q))
  return out
}

/**
 * The amount of one resource (0 when absent).
 *
 * @since 0.1.0
 * @category destructors
 */
export const get =
  (name: string) =>
  (r: ResourceVector): bigint =>
    r.get(name) ?? 0n

const combine = (a: ResourceVector, b: ResourceVector, op: (x: bigint, y: bigint) => bigint): ResourceVector => {
  const out = new Map<string, bigint>(a)
  for (const [name, y] of b) out.set(name, op(a.get(name) ?? 0n, y))
  for (const [name, x] of a) if (!b.has(name)) out.set(name, op(x, 0n))
  return out
}

/**
 * Pointwise sum (names of either side kept).
 *
 * @since 0.1.0
 * @category combinators
 */
export const addResources = (a: ResourceVector, b: ResourceVector): ResourceVector => combine(a, b, (x, y) => x + y)

/**
 * Pointwise difference `a − b`; may go negative (a residual, an overdraft).
 *
 * @since 0.1.0
 * @category combinators
 */
export const subtractResources = (a: ResourceVector, b: ResourceVector): ResourceVector =>
  combine(a, b, (x, y) => x - y)

/**
 * Pointwise maximum (the join of the preorder), as Kubernetes' `maxResourceList`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const maxResources = (a: ResourceVector, b: ResourceVector): ResourceVector =>
  combine(a, b, (x, y) => (x > y ? x : y))

/**
 * Every amount multiplied by `k` (e.g. replicas × template).
 *
 * @since 0.1.0
 * @category combinators
 */
export const scaleResources =
  (k: bigint) =>
  (r: ResourceVector): ResourceVector => {
    const out = new Map<string, bigint>()
    for (const [name, x] of r) out.set(name, x * k)
    return out
  }

/**
 * The names where `a` exceeds `b` (absent = 0), with both amounts: why `a ≤ b` fails.
 *
 * @since 0.1.0
 * @category destructors
 */
export const exceeding = (
  a: ResourceVector,
  b: ResourceVector,
): ReadonlyArray<{ readonly name: string; readonly amount: bigint; readonly bound: bigint }> => {
  const out: Array<{ readonly name: string; readonly amount: bigint; readonly bound: bigint }> = []
  for (const [name, x] of a) {
    const y = b.get(name) ?? 0n
    if (x > y) out.push({ name, amount: x, bound: y })
  }
  return out
}

/**
 * The preorder `a ≤ b`: pointwise, an absent name counting as 0.
 *
 * @example
 * import { lessOrEqual, resources } from "catcluster/domain/resources"
 * lessOrEqual(resources({ cpu: 500 }), resources({ cpu: 1000, memory: 1 })) // true
 * lessOrEqual(resources({ "nvidia.com/gpu": 1 }), resources({ cpu: 1000 })) // false
 *
 * @since 0.1.0
 * @category ordering
 */
export const lessOrEqual = (a: ResourceVector, b: ResourceVector): boolean => {
  for (const [name, x] of a) if (x > (b.get(name) ?? 0n)) return false
  for (const [name, y] of b) if (!a.has(name) && y < 0n) return false
  return true
}

/**
 * Equality up to absent = 0 (`{cpu: 0}` equals `{}`).
 *
 * @since 0.1.0
 * @category ordering
 */
export const equalResources = (a: ResourceVector, b: ResourceVector): boolean => lessOrEqual(a, b) && lessOrEqual(b, a)

/**
 * Resource vectors under pointwise addition, the monoid `totalUsage` folds with.
 *
 * @since 0.1.0
 * @category instances
 */
export const MonoidResources: Monoid<ResourceVector> = { concat: addResources, empty: emptyResources }

/**
 * A plain record of decimal strings, for JSON and messages (`{ cpu: "500", memory: "134217728" }`).
 *
 * @since 0.1.0
 * @category destructors
 */
export const toRecord = (r: ResourceVector): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const name of [...r.keys()].sort()) out[name] = String(r.get(name))
  return out
}

/**
 * A vector for people, each amount in Kubernetes' canonical form (see {@link showAmount}):
 * `cpu=500m memory=128Mi nvidia.com/gpu=1`.
 *
 * @since 0.1.0
 * @category destructors
 */
export const showResources = (r: ResourceVector): string => {
  const parts: string[] = []
  for (const name of [...r.keys()].sort()) parts.push(`${name}=${showAmount(name, r.get(name) ?? 0n)}`)
  return parts.length === 0 ? "{}" : parts.join(" ")
}

/** Resources measured in bytes: Kubernetes writes them in binary units (BinarySI). */
const inBytes = (name: string): boolean => name === "memory" || name === "ephemeral-storage" || name === "storage" || name.startsWith("hugepages-")

const BINARY_UNITS = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"] as const

/** `≈370Mi` for a byte count that no binary unit divides: one decimal in the largest unit below it. */
const approximateBytes = (x: bigint): string => {
  let unit = -1
  let scaled = Number(x < 0n ? -x : x)
  while (scaled >= 1024 && unit < BINARY_UNITS.length - 1) {
    scaled /= 1024
    unit++
  }
  const digits = scaled >= 100 ? 0 : 1
  return `≈${x < 0n ? "-" : ""}${scaled.toFixed(digits)}${BINARY_UNITS[unit] ?? ""}`
}

/**
 * One amount of one resource in Kubernetes' canonical form (apimachinery's `Quantity.String()`):
 * cpu from milli-cores (`64000` → `64`, `1500` → `1500m`), bytes in binary units when one
 * divides them (`2147483648` → `2Gi`), else in decimal ones (`50000000` → `50M`), counts as
 * decimals (`110`). A
 * byte count that is canonical only as plain bytes (Kubernetes writes `387875968`) gets its size
 * in a binary unit beside it, `387875968 (≈370Mi)`, so a person can read it.
 *
 * @example
 * import { showAmount } from "catcluster/domain/resources"
 * showAmount("cpu", 64000n)          // "64"
 * showAmount("memory", 2n ** 31n)    // "2Gi"
 * showAmount("memory", 387875968n)   // "387875968 (≈370Mi)"
 *
 * @since 0.1.0
 * @category destructors
 */
export const showAmount = (name: string, x: bigint): string => {
  if (unitOf(name) === "milli") return canonical(fromNanos(x * 1_000_000n, "DecimalSI"))
  const decimal = canonical(fromNanos(x * NANOS_PER_UNIT, "DecimalSI"))
  if (!inBytes(name)) return decimal
  // the vector no longer knows which format the manifest used: binary when a binary unit divides
  // the amount, else decimal when a decimal one does (`50M`), else plain bytes and their size
  const binary = canonical(fromNanos(x * NANOS_PER_UNIT, "BinarySI"))
  if (!/^-?\d+$/.test(binary)) return binary
  if (!/^-?\d+$/.test(decimal)) return decimal
  return (x < 0n ? -x : x) >= 1024n ? `${binary} (${approximateBytes(x)})` : binary
}
