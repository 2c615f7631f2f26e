/**
 * Reading a Kubernetes quantity string, exactly as `resource.ParseQuantity` does (apimachinery,
 * Kubernetes v1.35), with one deliberate difference documented on {@link parseQuantity}.
 *
 * Grammar: `sign? digits? ("." digits?)? suffix?` where the number has at least one digit and
 * the suffix is one of the binary `Ki Mi Gi Ti Pi Ei`, the decimal `n u m k M G T P E` (or
 * none), or an exponent `e`/`E` with an optional sign and decimal digits.
 *
 * @since 0.1.0
 */
import * as E from "fp-ts/lib/Either.js"
import type { Either } from "fp-ts/lib/Either.js"
import { MAX_BINARY_VALUE, NANOS_PER_UNIT } from "./Quantity.ts"
import type { Quantity, QuantityFormat } from "./Quantity.ts"
import { quantityError } from "./QuantityError.ts"
import type { QuantityError } from "./QuantityError.ts"

/** Letters apimachinery's scanner takes as part of a suffix. */
const SUFFIX_LETTERS = "eEinumkKMGTP"

/** Decimal SI suffixes and their power of ten. */
const DECIMAL_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ["n", -9],
  ["u", -6],
  ["m", -3],
  ["", 0],
  ["k", 3],
  ["M", 6],
  ["G", 9],
  ["T", 12],
  ["P", 15],
  ["E", 18],
])

/** Binary suffixes and their power of two. */
const BINARY_SUFFIXES: ReadonlyMap<string, bigint> = new Map([
  ["Ki", 10n],
  ["Mi", 20n],
  ["Gi", 30n],
  ["Ti", 40n],
  ["Pi", 50n],
  ["Ei", 60n],
])

/** Suffix mistakes people make, with what they probably meant. */
const HINTS: ReadonlyMap<string, string> = new Map([
  ["K", " (did you mean k = 10³ or Ki = 2¹⁰?)"],
  ["mi", " (did you mean Mi = 2²⁰ or m = 10⁻³?)"],
  ["ki", " (did you mean Ki = 2¹⁰?)"],
  ["Mb", " (did you mean M or Mi?)"],
])

/**
 * Exponents beyond this are refused: apimachinery truncates the exponent to int32 and would
 * then build a number with billions of digits; a resource amount never needs more.
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_EXPONENT = 1000

/**
 * How to treat a number part with no digit at all (`"."`, `"-"`, `"+Ki"`):
 * `"reject"` (catcluster's default) or `"zero"` (apimachinery reads them as 0).
 *
 * @since 0.1.0
 * @category model
 */
export type DigitlessPolicy = "reject" | "zero"

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9"
const isSign = (c: string | undefined): boolean => c === "+" || c === "-"

/** Why reading stopped at `text[i]`, in words. */
const problemAt = (text: string, i: number, sawDot: boolean): string => {
  const c = text[i]
  if (c === undefined) return "the input ends where a digit was expected"
  if (/\s/.test(c)) return "whitespace is not allowed"
  if (c === ".") return sawDot ? "a second decimal point" : 'unexpected "."'
  if (isSign(c)) return "a sign may only come first or right after an exponent e/E"
  return `unexpected character ${JSON.stringify(c)}`
}

const pow10 = (n: number): bigint => 10n ** BigInt(n)

/** ⌈n / d⌉ for n ≥ 0, d > 0. */
const ceilDiv = (n: bigint, d: bigint): bigint => (n + d - 1n) / d

/** The text a bare number (a YAML or JSON scalar) stands for. */
const numberText = (n: number): string => String(n)

/**
 * {@link parseQuantity} with a choice for digitless numbers; see {@link DigitlessPolicy}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseQuantityWith =
  (digitless: DigitlessPolicy) =>
  (input: string | number): Either<QuantityError, Quantity> => {
    if (typeof input === "number" && !Number.isFinite(input)) {
      return E.left(quantityError(String(input), 0, "not a finite number"))
    }
    const text = typeof input === "number" ? numberText(input) : input
    const fail = (position: number, problem: string): Either<QuantityError, Quantity> =>
      E.left(quantityError(text, position, problem))
    if (text.length === 0) return fail(0, "empty quantity")

    let i = 0
    const negative = text[0] === "-"
    if (isSign(text[0])) i++
    const intStart = i
    while (isDigit(text[i])) i++
    const intDigits = text.slice(intStart, i)
    let fracDigits = ""
    let sawDot = false
    if (text[i] === ".") {
      sawDot = true
      i++
      const fracStart = i
      while (isDigit(text[i])) i++
      fracDigits = text.slice(fracStart, i)
    }
    if (intDigits.length + fracDigits.length === 0 && digitless === "reject") {
      // apimachinery reads "." or "-" as 0; a quantity without a digit is a typo, so say so
      return fail(sawDot ? i : intStart, sawDot ? "a number needs at least one digit" : problemAt(text, i, sawDot))
    }

    const suffixStart = i
    while (i < text.length && SUFFIX_LETTERS.includes(text[i] as string)) i++
    const letters = text.slice(suffixStart, i)
    const signAt = i
    const hasSign = isSign(text[i])
    if (hasSign) i++
    const digitStart = i
    while (isDigit(text[i])) i++
    const expDigits = text.slice(digitStart, i)
    if (i < text.length) return fail(i, problemAt(text, i, sawDot))

    const mantissa = BigInt(intDigits + fracDigits || "0")
    let format: QuantityFormat
    let magnitude: bigint
    if (hasSign || expDigits.length > 0) {
      if (letters !== "e" && letters !== "E") {
        if (letters === "") return fail(signAt, problemAt(text, signAt, sawDot))
        return fail(suffixStart + letters.length, `unexpected character ${JSON.stringify(text[suffixStart + letters.length])} after the suffix ${JSON.stringify(letters)}`)
      }
      if (expDigits.length === 0) return fail(i, "an exponent needs digits")
      const exponent = Number.parseInt(text.slice(signAt, i), 10)
      if (Math.abs(exponent) > MAX_EXPONENT) return fail(digitStart, `exponent out of range (|e| ≤ ${MAX_EXPONENT})`)
      format = "DecimalExponent"
      magnitude = scaleDecimal(mantissa, exponent - fracDigits.length)
    } else {
      const decimal = DECIMAL_SUFFIXES.get(letters)
      const binary = BINARY_SUFFIXES.get(letters)
      if (decimal !== undefined) {
        format = "DecimalSI"
        magnitude = scaleDecimal(mantissa, decimal - fracDigits.length)
      } else if (binary !== undefined) {
        format = "BinarySI"
        magnitude = ceilDiv(mantissa * NANOS_PER_UNIT * (1n << binary), pow10(fracDigits.length))
        // Kubernetes caps binary values at 2⁶³−1 and shows a binary value below 1 as decimal
        if (magnitude > MAX_BINARY_VALUE * NANOS_PER_UNIT) magnitude = MAX_BINARY_VALUE * NANOS_PER_UNIT
        if (magnitude > 0n && magnitude < NANOS_PER_UNIT) format = "DecimalSI"
      } else if (letters === "e") {
        return fail(i, `the exponent ${JSON.stringify(letters)} needs digits`)
      } else {
        return fail(suffixStart, `unknown suffix ${JSON.stringify(letters)}${HINTS.get(letters) ?? ""}`)
      }
    }
    return E.right({ nanos: negative ? -magnitude : magnitude, format })
  }

/** mantissa × 10^power in nano-units, rounded up (mantissa ≥ 0). */
const scaleDecimal = (mantissa: bigint, power: number): bigint => {
  const shift = power + 9
  return shift >= 0 ? mantissa * pow10(shift) : ceilDiv(mantissa, pow10(-shift))
}

/**
 * Parses a quantity: a string as written in a manifest, or a bare number (YAML/JSON scalar).
 * Values are exact, rounded up (away from zero) to 10⁻⁹; binary values cap at 2⁶³−1.
 *
 * Differs from apimachinery in one place on purpose: a number part without any digit (`"."`,
 * `"-"`, `"+Ki"`) is an error here, where apimachinery reads it as 0. Use
 * `parseQuantityWith("zero")` for the exact upstream behaviour.
 *
 * @example
 * import { parseQuantity, canonical } from "catcluster/domain/quantity"
 * import * as E from "fp-ts/lib/Either.js"
 * const q = parseQuantity("1.5Gi") // right: 1610612736 bytes, canonical "1536Mi"
 * const bad = parseQuantity("1KiB") // left: unexpected character "B" at position 3
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseQuantity: (input: string | number) => Either<QuantityError, Quantity> = parseQuantityWith("reject")
