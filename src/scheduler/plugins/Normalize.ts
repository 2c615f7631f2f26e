/**
 * `DefaultNormalizeScore` of the scheduler framework (v1.35): scale raw scores so the largest
 * becomes 100 (integer division), optionally reversed; with all raw scores 0, reversed gives 100
 * everywhere and plain leaves 0. Normalised over the nodes that were scored (the feasible ones).
 *
 * @since 0.1.0
 */

/** The largest score a plugin gives a node. @since 0.1.0 @category constants */
export const MAX_NODE_SCORE = 100

/**
 * Normalise `scores[0..count)` in place.
 *
 * @example
 * import { normalizeScores } from "catcluster/scheduler"
 * const s = Int32Array.of(0, 2, 3)
 * normalizeScores(s, 3, true) // s = [100, 34, 0]
 *
 * @since 0.1.0
 * @category combinators
 */
export const normalizeScores = (scores: Int32Array, count: number, reverse: boolean): void => {
  let max = 0
  for (let i = 0; i < count; i++) if ((scores[i] as number) > max) max = scores[i] as number
  if (max === 0) {
    if (reverse) for (let i = 0; i < count; i++) scores[i] = MAX_NODE_SCORE
    return
  }
  for (let i = 0; i < count; i++) {
    const s = Math.trunc((MAX_NODE_SCORE * (scores[i] as number)) / max)
    scores[i] = reverse ? MAX_NODE_SCORE - s : s
  }
}

/**
 * {@link normalizeScores} over a plain array (the readable σ's score lists).
 *
 * @since 0.1.0
 * @category combinators
 */
export const normalizeInPlace = (scores: number[], reverse: boolean): void => {
  const buffer = Int32Array.from(scores)
  normalizeScores(buffer, buffer.length, reverse)
  buffer.forEach((v, i) => (scores[i] = v))
}
