/**
 * Strings to dense integer ids, so the hot path compares labels and taints as integers.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 @category model */
export interface Interner {
  readonly ids: Map<string, number>
  readonly strings: string[]
}

/** An empty interner; id 0 is the empty string. @since 0.1.0 @category constructors */
export const interner = (): Interner => ({ ids: new Map([["", 0]]), strings: [""] })

/** The id of `s`, adding it if new. @since 0.1.0 @category mutations */
export const intern = (t: Interner, s: string): number => {
  const id = t.ids.get(s)
  if (id !== undefined) return id
  const fresh = t.strings.length
  t.ids.set(s, fresh)
  t.strings.push(s)
  return fresh
}

/** The id of `s`, or −1 when never interned (so it matches nothing). @since 0.1.0 @category accessors */
export const lookup = (t: Interner, s: string): number => t.ids.get(s) ?? -1
