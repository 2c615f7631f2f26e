/**
 * Packing small fields into 32-bit words. A field that takes `values` distinct values gets
 * ⌈log₂ values⌉ bits; fields are laid out first-fit and never straddle a word, so reading one is
 * a shift and a mask.
 *
 * @since 0.1.0
 */

/**
 * Where one field lives.
 *
 * @since 0.1.0
 * @category model
 */
export interface Field {
  readonly name: string
  readonly values: number
  readonly word: number
  readonly shift: number
  readonly mask: number
}

/**
 * A packing of named fields into `width` words.
 *
 * @since 0.1.0
 * @category model
 */
export interface Layout {
  readonly width: number
  readonly fields: ReadonlyArray<Field>
}

/**
 * Lays out fields, each `{ name, values }` (values ≥ 1).
 *
 * @example
 * import { layout, getField } from "catcluster/verification"
 * const l = layout([{ name: "vm0", values: 6 }, { name: "vm1", values: 6 }]) // 3 bits each, 1 word
 *
 * @since 0.1.0
 * @category constructors
 */
export const layout = (fields: ReadonlyArray<{ readonly name: string; readonly values: number }>): Layout => {
  const placed: Field[] = []
  let word = 0
  let used = 0
  fields.forEach((f, i) => {
    if (!Number.isInteger(f.values) || f.values < 1 || f.values > 2 ** 31) {
      throw new RangeError(`layout: fields[${i}] (${f.name}): values must be an integer in 1 … 2³¹, got ${f.values}`)
    }
    const bits = Math.max(1, Math.ceil(Math.log2(f.values)))
    if (used + bits > 32) {
      word++
      used = 0
    }
    placed.push({ name: f.name, values: f.values, word, shift: used, mask: bits === 32 ? -1 : (1 << bits) - 1 })
    used += bits
  })
  return { width: placed.length === 0 ? 1 : word + 1, fields: placed }
}

/**
 * Reads a field of the state at `words[at …]`.
 *
 * @since 0.1.0
 * @category accessors
 */
export const getField = (words: Int32Array, at: number, f: Field): number => (words[at + f.word]! >>> f.shift) & f.mask

/**
 * Writes a field of the state at `words[at …]`.
 *
 * @since 0.1.0
 * @category accessors
 */
export const setField = (words: Int32Array, at: number, f: Field, value: number): void => {
  words[at + f.word] = (words[at + f.word]! & ~(f.mask << f.shift)) | ((value & f.mask) << f.shift)
}

/**
 * Encodes a whole state from field values (in layout order).
 *
 * @since 0.1.0
 * @category constructors
 */
export const encode = (l: Layout, values: ReadonlyArray<number>): ReadonlyArray<number> => {
  const words = new Int32Array(l.width)
  l.fields.forEach((f, i) => setField(words, 0, f, values[i] ?? 0))
  return Array.from(words)
}
