/** Shared fast-check generators for the Markov chain tests. */
import * as fc from "fast-check"
import { type ExactChain, exactChain, getOrThrow, Rational } from "../../../src/dynamics/markov/index.ts"

/** A random exact chain on n ≤ 7 states: each row spreads 1 over a random non-empty set of successors. */
export const randomChain = (maxStates = 7): fc.Arbitrary<ExactChain> =>
  fc.integer({ min: 1, max: maxStates }).chain((n) =>
    fc
      .array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }).filter((w) => w.some((x) => x > 0)), { minLength: n, maxLength: n })
      .map((weights) => {
        const states = Array.from({ length: n }, (_, i) => `s${i}`)
        const rows = weights.map((w) => {
          const total = BigInt(w.reduce((a, b) => a + b, 0))
          return w.map((x) => Rational.rational(BigInt(x), total))
        })
        return getOrThrow(exactChain(states, rows))
      }),
  )

