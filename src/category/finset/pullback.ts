import type { Cone, Limit } from "../Universal.ts"
import { assertCone, type FinDiagram } from "./cones.ts"
import { InvalidFunctionError, TooLargeError } from "./errors.ts"
import { composeFunctions, elementLabel, finFunctionUnchecked, type FinFunction, type FinSetObject } from "./FinSet.ts"
import { DEFAULT_MAX_SIZE } from "./product.ts"

/**
 * The pullback of a cospan f : A → C ← B : g: the pairs P = {(a, b) | f(a) = g(b)} with the
 * projections p₁ : P → A, p₂ : P → B (a fibre product: pairs that agree over C).
 *
 * It is computed without forming A × B: B is bucketed by g-value (a counting sort), then each a
 * is paired with the bucket of f(a). Pairs are ordered by a, then by b. A pair's index is
 * `start[a] + rank of b in its bucket`, so the mediating arrow of a cone (h : X → A, k : X → B)
 * — x ↦ (h(x), k(x)) — is computed in O(|X|), and is unique because a pair is determined by its
 * projections.
 *
 * Diagram order: objects [A, B, C], arrows f : 0 → 2 and g : 1 → 2; legs [p₁, p₂, f∘p₁].
 *
 * @since 0.1.0
 */

/**
 * The pullback of `f : A → C` and `g : B → C`. Throws {@link InvalidFunctionError} when the
 * codomains differ, {@link TooLargeError} when P has more than `maxSize` elements.
 *
 * @example
 * import { labelledSet, fromLabels, pullback } from "catcluster/category/finset"
 * const pods = labelledSet(["web", "gpu-job"]), nodes = labelledSet(["n1", "n2"])
 * const labels = labelledSet(["ssd", "gpu"])
 * const feasible = pullback(fromLabels(pods, labels, { web: "ssd", "gpu-job": "gpu" }),
 *                           fromLabels(nodes, labels, { n1: "gpu", n2: "ssd" }))
 * feasible.apex.labels // ["(web, n2)", "(gpu-job, n1)"]
 *
 * @since 0.1.0
 * @category limits
 */
export const pullback = (f: FinFunction, g: FinFunction, maxSize = DEFAULT_MAX_SIZE): Limit<FinSetObject, FinFunction> => {
  if (f.cod.size !== g.cod.size) {
    throw new InvalidFunctionError("pullback(f, g).g", { kind: "wrongLength", expected: f.cod.size, actual: g.cod.size })
  }
  const A = f.dom
  const B = g.dom
  const C = f.cod
  const fm = f.map
  const gm = g.map
  const cSize = C.size
  // bucket B by g-value: bucketStart[c] … bucketStart[c+1] in `sortedB`
  const bucketStart = new Int32Array(cSize + 1)
  for (let b = 0; b < gm.length; b++) {
    const c = (gm[b] as number) + 1
    bucketStart[c] = (bucketStart[c] as number) + 1
  }
  for (let c = 0; c < cSize; c++) bucketStart[c + 1] = (bucketStart[c + 1] as number) + (bucketStart[c] as number)
  const sortedB = new Int32Array(gm.length)
  const rankInBucket = new Int32Array(gm.length)
  const fill = bucketStart.slice(0, cSize)
  for (let b = 0; b < gm.length; b++) {
    const c = gm[b] as number
    const at = fill[c] as number
    sortedB[at] = b
    rankInBucket[b] = at - (bucketStart[c] as number)
    fill[c] = at + 1
  }
  // start[a]: index of a's first pair
  const start = new Float64Array(A.size + 1)
  for (let a = 0; a < A.size; a++) {
    const c = fm[a] as number
    start[a + 1] = (start[a] as number) + ((bucketStart[c + 1] as number) - (bucketStart[c] as number))
  }
  const size = start[A.size] as number
  if (size > maxSize) throw new TooLargeError("pullback", size, maxSize)
  const p1 = new Int32Array(size)
  const p2 = new Int32Array(size)
  let t = 0
  for (let a = 0; a < A.size; a++) {
    const c = fm[a] as number
    const end = bucketStart[c + 1] as number
    for (let i = bucketStart[c] as number; i < end; i++) {
      p1[t] = a
      p2[t] = sortedB[i] as number
      t++
    }
  }
  const apex: FinSetObject =
    A.labels !== undefined && B.labels !== undefined && size <= 10_000
      ? {
          _tag: "FinSetObject",
          size,
          labels: Array.from({ length: size }, (_, i) => `(${elementLabel(A, p1[i] as number)}, ${elementLabel(B, p2[i] as number)})`),
        }
      : { _tag: "FinSetObject", size }
  const first = finFunctionUnchecked(apex, A, p1)
  const second = finFunctionUnchecked(apex, B, p2)
  const diagram: FinDiagram = {
    objects: [A, B, C],
    arrows: [
      { from: 0, to: 2, arrow: f },
      { from: 1, to: 2, arrow: g },
    ],
  }
  const mediate = (cone: Cone<FinSetObject, FinFunction>): FinFunction => {
    assertCone("pullback", diagram, cone)
    const h = (cone.legs[0] as FinFunction).map
    const k = (cone.legs[1] as FinFunction).map
    const out = new Int32Array(h.length)
    for (let x = 0; x < h.length; x++) out[x] = (start[h[x] as number] as number) + (rankInBucket[k[x] as number] as number)
    return finFunctionUnchecked(cone.apex, apex, out)
  }
  return { apex, legs: [first, second, composeFunctions(f, first)], diagram, mediate }
}
