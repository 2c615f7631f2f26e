/**
 * A small seeded PRNG (mulberry32) for tie-breaking: deterministic, reproducible from its seed,
 * and cheap enough to call inside the selection loop without allocating.
 *
 * @since 0.1.0
 */

/** A mutable PRNG state. @since 0.1.0 @category model */
export interface Random {
  readonly seed: number
  state: number
}

/** A PRNG from a seed. @since 0.1.0 @category constructors */
export const random = (seed: number): Random => ({ seed, state: seed >>> 0 })

/**
 * A uniform integer in [0, n) (n ≥ 1), advancing the state.
 *
 * @since 0.1.0
 * @category combinators
 */
export const nextInt = (rng: Random, n: number): number => {
  rng.state = (rng.state + 0x6d2b79f5) >>> 0
  let t = rng.state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296
  return Math.floor(u * n)
}
