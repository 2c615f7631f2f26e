/**
 * A small seeded pseudo-random number generator shared by the dynamics: xoshiro128** (Blackman
 * and Vigna), its 128-bit state filled from the seed by splitmix32. Every stochastic process in
 * `src/dynamics` takes one of these, so a run is reproduced from the seed it reports.
 *
 * @since 0.1.0
 */

/**
 * A seeded stream of uniform numbers.
 *
 * @since 0.1.0
 * @category model
 */
export interface Rng {
  /** The seed this stream started from (report it with every result). */
  readonly seed: number
  /** A uniform number in [0, 1) with 32 random bits. */
  readonly next: () => number
  /** A uniform integer in [0, n) for an integer 1 ≤ n ≤ 2³²; unbiased (rejection sampling). */
  readonly nextInt: (n: number) => number
}

/**
 * Error for an argument outside a random function's domain.
 *
 * @since 0.1.0
 * @category errors
 */
export class RngArgumentError extends Error {
  readonly _tag = "RngArgumentError" as const
  constructor(
    readonly argument: string,
    readonly value: number,
    readonly expected: string,
  ) {
    super(`${argument} = ${value}: expected ${expected}`)
    this.name = "RngArgumentError"
  }
}

const TWO_POW_32 = 4294967296

/**
 * A xoshiro128** stream from an integer seed (any safe integer; the low and high 32-bit halves
 * both feed the state, so nearby seeds give unrelated streams).
 *
 * @example
 * import { makeRng } from "catcluster/dynamics/random"
 * const rng = makeRng(42)
 * const u = rng.next()      // in [0, 1)
 * const die = rng.nextInt(6) + 1
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeRng = (seed: number): Rng => {
  if (!Number.isSafeInteger(seed)) throw new RngArgumentError("seed", seed, "a safe integer")
  // splitmix32 expands the seed into four non-zero-in-aggregate state words.
  let mix = (seed | 0) ^ Math.imul(Math.floor(seed / TWO_POW_32) | 0, 0x9e3779b9)
  const splitmix = (): number => {
    mix = (mix + 0x9e3779b9) | 0
    let z = mix
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  const s = new Uint32Array([splitmix(), splitmix(), splitmix(), splitmix()])
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1 // the all-zero state is a fixed point

  const nextUint32 = (): number => {
    const s0 = s[0]!
    const s1 = s[1]!
    const s2 = s[2]!
    const s3 = s[3]!
    const times5 = Math.imul(s1, 5)
    const rotated = (times5 << 7) | (times5 >>> 25)
    const result = Math.imul(rotated, 9) >>> 0
    const t = s1 << 9
    const n2 = s2 ^ s0
    const n3 = s3 ^ s1
    s[1] = s1 ^ n2
    s[0] = s0 ^ n3
    s[2] = n2 ^ t
    s[3] = (n3 << 11) | (n3 >>> 21)
    return result
  }

  const next = (): number => nextUint32() / TWO_POW_32

  const nextInt = (n: number): number => {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
      throw new RngArgumentError("n", n, "an integer in [1, 2^32]")
    }
    // Reject the top partial block so every residue is equally likely.
    const limit = TWO_POW_32 - (TWO_POW_32 % n)
    for (;;) {
      const x = nextUint32()
      if (x < limit) return x % n
    }
  }

  return { seed, next, nextInt }
}
