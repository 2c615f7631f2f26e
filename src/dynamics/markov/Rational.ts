/**
 * Exact rational numbers as bigint fractions, always in lowest terms with a positive
 * denominator, so structural equality is value equality. Small chains are solved with these so
 * that "the rows sum to 1" and "absorbed with probability 1" are exact statements, not 1e-12
 * guesses.
 *
 * @since 0.1.0
 */

/**
 * num/den in lowest terms, den > 0.
 *
 * @since 0.1.0
 * @category model
 */
export interface Rational {
  readonly num: bigint
  readonly den: bigint
}

/**
 * Error for text or numbers that are not a finite rational.
 *
 * @since 0.1.0
 * @category errors
 */
export class RationalParseError extends Error {
  readonly _tag = "RationalParseError" as const
  constructor(readonly input: string) {
    super(`not a finite rational number: ${JSON.stringify(input)}`)
    this.name = "RationalParseError"
  }
}

/**
 * Error for a division by zero.
 *
 * @since 0.1.0
 * @category errors
 */
export class RationalDivisionByZero extends Error {
  readonly _tag = "RationalDivisionByZero" as const
  constructor() {
    super("rational division by zero")
    this.name = "RationalDivisionByZero"
  }
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x)

const gcd = (a: bigint, b: bigint): bigint => {
  let x = abs(a)
  let y = abs(b)
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

/**
 * n/d reduced to lowest terms.
 *
 * @example
 * import { Rational } from "catcluster/dynamics/markov"
 * Rational.show(Rational.rational(6n, -4n)) // "-3/2"
 *
 * @since 0.1.0
 * @category constructors
 */
export const rational = (n: bigint, d: bigint = 1n): Rational => {
  if (d === 0n) throw new RationalDivisionByZero()
  const g = gcd(n, d)
  const sign = d < 0n ? -1n : 1n
  return { num: (sign * n) / g, den: (sign * d) / g }
}

/** 0. @since 0.1.0 @category constants */
export const ZERO: Rational = { num: 0n, den: 1n }
/** 1. @since 0.1.0 @category constants */
export const ONE: Rational = { num: 1n, den: 1n }

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$|^([+-]?)\.(\d+)(?:[eE]([+-]?\d+))?$/
const FRACTION = /^([+-]?\d+)\/(\d+)$/

/**
 * The exact value of a decimal literal (`"0.005"`, `"1e-3"`), a fraction (`"1/3"`) or a JS
 * number (read through its shortest decimal form, so `0.005` is 5/1000, not the binary double).
 *
 * @since 0.1.0
 * @category constructors
 */
export const parse = (input: string | number | bigint | Rational): Rational => {
  if (typeof input === "object") return rational(input.num, input.den)
  if (typeof input === "bigint") return rational(input)
  if (typeof input === "number" && !Number.isFinite(input)) throw new RationalParseError(String(input))
  const text = typeof input === "number" ? String(input) : input.trim()
  const fraction = FRACTION.exec(text)
  if (fraction !== null) {
    if (BigInt(fraction[2]!) === 0n) throw new RationalParseError(text)
    return rational(BigInt(fraction[1]!), BigInt(fraction[2]!))
  }
  const m = DECIMAL.exec(text)
  if (m === null) throw new RationalParseError(text)
  const sign = (m[1] ?? m[5]) === "-" ? -1n : 1n
  const whole = m[2] ?? "0"
  const fractionDigits = m[3] ?? m[6] ?? ""
  const exponent = Number.parseInt(m[4] ?? m[7] ?? "0", 10)
  const digits = BigInt(whole + fractionDigits)
  const scale = exponent - fractionDigits.length
  return scale >= 0 ? rational(sign * digits * 10n ** BigInt(scale)) : rational(sign * digits, 10n ** BigInt(-scale))
}

/** a + b. @since 0.1.0 @category arithmetic */
export const add = (a: Rational, b: Rational): Rational => rational(a.num * b.den + b.num * a.den, a.den * b.den)
/** a − b. @since 0.1.0 @category arithmetic */
export const sub = (a: Rational, b: Rational): Rational => rational(a.num * b.den - b.num * a.den, a.den * b.den)
/** a · b. @since 0.1.0 @category arithmetic */
export const mul = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den)
/** a / b. @since 0.1.0 @category arithmetic */
export const div = (a: Rational, b: Rational): Rational => {
  if (b.num === 0n) throw new RationalDivisionByZero()
  return rational(a.num * b.den, a.den * b.num)
}
/** −a. @since 0.1.0 @category arithmetic */
export const neg = (a: Rational): Rational => ({ num: -a.num, den: a.den })
/** Σ xs. @since 0.1.0 @category arithmetic */
export const sum = (xs: Iterable<Rational>): Rational => {
  let acc = ZERO
  for (const x of xs) acc = add(acc, x)
  return acc
}
/** −1, 0 or 1 as a <, =, > b. @since 0.1.0 @category comparisons */
export const compare = (a: Rational, b: Rational): -1 | 0 | 1 => {
  const l = a.num * b.den
  const r = b.num * a.den
  return l < r ? -1 : l > r ? 1 : 0
}
/** a = b. @since 0.1.0 @category comparisons */
export const equals = (a: Rational, b: Rational): boolean => a.num === b.num && a.den === b.den
/** a = 0. @since 0.1.0 @category comparisons */
export const isZero = (a: Rational): boolean => a.num === 0n

/**
 * The nearest double (to within an ulp or two for very large terms).
 *
 * @since 0.1.0
 * @category conversions
 */
export const toNumber = (a: Rational): number => {
  const n = Number(a.num)
  const d = Number(a.den)
  if (Number.isFinite(n) && Number.isFinite(d)) return n / d
  // Both huge: scale down together keeping 64 significant bits.
  const shift = BigInt(Math.max(a.num.toString(2).length, a.den.toString(2).length) - 64)
  return Number(a.num >> shift) / Number(a.den >> shift)
}

/**
 * `"n/d"`, or `"n"` when the denominator is 1.
 *
 * @since 0.1.0
 * @category conversions
 */
export const show = (a: Rational): string => (a.den === 1n ? a.num.toString() : `${a.num}/${a.den}`)
