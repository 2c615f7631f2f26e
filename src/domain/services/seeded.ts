/**
 * A seeded uniform stream for the domain layer (which sits below `src/dynamics/random`, so it
 * cannot use that module): mulberry32, 32 random bits per draw. Enough for sampling a load
 * balancer and for seeded test families; every user reports the seed.
 *
 * @since 0.1.0
 */

/** Uniform draws in [0, 1) from a seed. @since 0.1.0 @category model */
export interface Uniform {
  readonly seed: number
  /** The next draw in [0, 1); advances the stream. */
  readonly next: () => number
}

/**
 * A deterministic uniform stream.
 *
 * @example
 * import { seededUniform } from "catcluster/domain/services"
 * const u = seededUniform(42)
 * u.next() // the same number on every run
 *
 * @since 0.1.0
 * @category constructors
 */
export const seededUniform = (seed: number): Uniform => {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { seed, next }
}
