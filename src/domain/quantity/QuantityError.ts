/**
 * Why a string is not a quantity: the input, the 0-based character position where reading
 * stopped, and the problem in words.
 *
 * @since 0.1.0
 * @category errors
 */
export interface QuantityError {
  readonly _tag: "QuantityError"
  /** What the user gave (a number is shown as the string it was read as). */
  readonly input: string
  /** 0-based index of the offending character (`input.length` when input ended too early). */
  readonly position: number
  readonly problem: string
}

/**
 * A quantity parse error: the input, the position and the problem.
 *
 * @since 0.1.0
 * @category constructors
 */
export const quantityError = (input: string, position: number, problem: string): QuantityError => ({
  _tag: "QuantityError",
  input,
  position,
  problem,
})

/**
 * The error as one line: `"1KiB": unexpected character "B" at position 3`.
 *
 * @since 0.1.0
 * @category destructors
 */
export const showQuantityError = (e: QuantityError): string =>
  `${JSON.stringify(e.input)}: ${e.problem} at position ${e.position}`
