/**
 * Plugin PodTopologySpread, score part: the floating-point kernels of its Score and its own
 * NormalizeScore (Kubernetes v1.35, `pkg/scheduler/framework/plugins/podtopologyspread/scoring.go`),
 * shared by the readable σ and the hot path.
 *
 * A node's raw score is Σᵢ (cntᵢ · wᵢ + (maxSkewᵢ − 1)) over the constraints in order, rounded half
 * away from zero, where wᵢ = ln(sizeᵢ + 2) and sizeᵢ is the number of topology domains among the
 * feasible nodes. NormalizeScore then maps s ↦ ⌊100 · (max + min − s) / max⌋ (fewest matching pods
 * → 100), gives ignored nodes 0, and everyone 100 when the largest raw score is 0.
 *
 * Bit-identity with Go: the weight uses {@link goLog}, the same operations as Go's `math.Log`
 * (the FreeBSD msun algorithm without its small-argument branches; V8's `Math.log` keeps them and
 * may differ in the last bit), and every sum is taken in Go's order.
 *
 * @since 0.1.0
 */
import { intDiv } from "./ResourceScore.ts"
import { MAX_NODE_SCORE } from "./Normalize.ts"

// Go's math.Log constants, written as Go writes them (decimal literals round to the same doubles).
const LN2_HI = 6.93147180369123816490e-1
const LN2_LO = 1.90821492927058770002e-10
const L1 = 6.666666666666735130e-1
const L2 = 3.999999999940941908e-1
const L3 = 2.857142874366239149e-1
const L4 = 2.222219843214978396e-1
const L5 = 1.818357216161805012e-1
const L6 = 1.531383769920937332e-1
const L7 = 1.479819860511658591e-1
// math.Sqrt2 / 2, correctly rounded.
const SQRT2_OVER_2 = 0.7071067811865476

const scratch = new DataView(new ArrayBuffer(8))

/**
 * `math.Frexp` for a finite x > 0: the fraction in [½, 1) and the exponent, x = fraction · 2^exponent.
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const frexp = (x: number): readonly [number, number] => {
  let shift = 0
  if (x < 2.2250738585072014e-308) {
    // Subnormal: scale into the normal range first, as Go's normalize does.
    x *= 4503599627370496 // 2^52
    shift = -52
  }
  scratch.setFloat64(0, x)
  const high = scratch.getUint32(0)
  const exponent = ((high >>> 20) & 0x7ff) - 1022 + shift
  scratch.setUint32(0, (high & 0x800fffff) | (1022 << 20))
  return [scratch.getFloat64(0), exponent]
}

/**
 * ln x computed with exactly the floating-point operations of Go's `math.Log` (amd64 runs the same
 * steps in assembly): reduce x = f₁·2ᵏ with f₁ ∈ [√½, √2), f = f₁ − 1, s = f/(2+f), a degree-14
 * polynomial R(s²), and k·ln2_hi − ((½f² − (s·(½f² + R) + k·ln2_lo)) − f).
 *
 * @example
 * import { goLog } from "catcluster/scheduler"
 * goLog(Math.E) // 1
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const goLog = (x: number): number => {
  if (Number.isNaN(x) || x === Infinity) return x
  if (x < 0) return NaN
  if (x === 0) return -Infinity
  let [f1, ki] = frexp(x)
  if (f1 < SQRT2_OVER_2) {
    f1 *= 2
    ki--
  }
  const f = f1 - 1
  const k = ki
  const s = f / (2 + f)
  const s2 = s * s
  const s4 = s2 * s2
  const t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)))
  const t2 = s4 * (L2 + s4 * (L4 + s4 * L6))
  const r = t1 + t2
  const hfsq = 0.5 * f * f
  return k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f)
}

/**
 * `topologyNormalizingWeight`: ln(size + 2), so small topologies are not drowned by big ones
 * (size is the number of domains among the feasible nodes; for `kubernetes.io/hostname` the
 * number of feasible nodes not ignored).
 *
 * @since 0.1.0
 * @category scorers
 */
export const topologyNormalizingWeight = (size: number): number => goLog(size + 2)

/**
 * `scoreForCount`: cnt · weight + (maxSkew − 1); the maxSkew − 1 term waters differences down.
 *
 * @since 0.1.0
 * @category scorers
 */
export const spreadScoreForCount = (count: number, maxSkew: number, weight: number): number => count * weight + (maxSkew - 1)

/**
 * Go's `math.Round` for the non-negative sums Score produces (half away from zero; `Math.round`
 * rounds half up, the same for x ≥ 0).
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const roundSpreadScore = (sum: number): number => (sum < 0 ? -Math.round(-sum) : Math.round(sum))

/**
 * PodTopologySpread's NormalizeScore over `scores[0..count)` in place: ignored nodes get 0; with
 * the largest other raw score 0 every other node gets 100; else ⌊100 · (max + min − s) / max⌋
 * (Go's int64 division), min and max over the nodes not ignored.
 *
 * @example
 * import { normalizeSpreadScores } from "catcluster/scheduler"
 * const s = [3, 2, 0]
 * normalizeSpreadScores(s, 3, [false, false, false]) // s = [0, 33, 100]
 *
 * @since 0.1.0
 * @category combinators
 */
export const normalizeSpreadScores = (
  scores: { [i: number]: number; readonly length: number },
  count: number,
  ignored: ArrayLike<boolean | number>,
): void => {
  let min = Number.MAX_SAFE_INTEGER
  let max = 0
  for (let i = 0; i < count; i++) {
    if (ignored[i]) continue
    const s = scores[i] as number
    if (s < min) min = s
    if (s > max) max = s
  }
  for (let i = 0; i < count; i++) {
    if (ignored[i]) scores[i] = 0
    else if (max === 0) scores[i] = MAX_NODE_SCORE
    else scores[i] = intDiv(MAX_NODE_SCORE * (max + min - (scores[i] as number)), max)
  }
}
