import type { Cone, Limit } from "../Universal.ts"
import { assertCone, type FinDiagram } from "./cones.ts"
import { InvalidFunctionError } from "./errors.ts"
import { composeFunctions, finFunctionUnchecked, type FinFunction, type FinSetObject } from "./FinSet.ts"

/**
 * The equalizer of two parallel functions f, g : A → B: the subset E = {a | f(a) = g(a)} with its
 * inclusion e : E → A (elements kept in the order of A). A cone (h : X → A, k : X → B) has
 * f∘h = k = g∘h, so h lands in E and the mediating arrow is h with its codomain cut down to E —
 * unique because e is injective.
 *
 * @since 0.1.0
 */

/**
 * Parallel functions are required; throws {@link InvalidFunctionError} otherwise.
 *
 * @example
 * import { finSet, finFunction, equalizer } from "catcluster/category/finset"
 * const A = finSet(4), B = finSet(2)
 * const eq = equalizer(finFunction(A, B, [0, 1, 1, 0]), finFunction(A, B, [0, 0, 1, 1]))
 * eq.legs[0]!.map // Int32Array [0, 2]: the elements where f and g agree
 *
 * @since 0.1.0
 * @category limits
 */
export const equalizer = (f: FinFunction, g: FinFunction): Limit<FinSetObject, FinFunction> => {
  if (f.dom.size !== g.dom.size || f.cod.size !== g.cod.size) {
    throw new InvalidFunctionError("equalizer(f, g)", {
      kind: "wrongLength",
      expected: f.dom.size,
      actual: g.dom.size,
    })
  }
  const a = f.dom
  const n = a.size
  const fm = f.map
  const gm = g.map
  // positionInE[x] = index of x in E, or -1
  const positionInE = new Int32Array(n)
  let size = 0
  for (let x = 0; x < n; x++) positionInE[x] = fm[x] === gm[x] ? size++ : -1
  const inclusion = new Int32Array(size)
  for (let x = 0; x < n; x++) {
    const p = positionInE[x] as number
    if (p >= 0) inclusion[p] = x
  }
  const apex: FinSetObject =
    a.labels === undefined
      ? { _tag: "FinSetObject", size }
      : { _tag: "FinSetObject", size, labels: Array.from(inclusion, (x) => a.labels![x] as string) }
  const e = finFunctionUnchecked(apex, a, inclusion)
  const diagram: FinDiagram = {
    objects: [a, f.cod],
    arrows: [
      { from: 0, to: 1, arrow: f },
      { from: 0, to: 1, arrow: g },
    ],
  }
  const mediate = (cone: Cone<FinSetObject, FinFunction>): FinFunction => {
    assertCone("equalizer", diagram, cone)
    const h = (cone.legs[0] as FinFunction).map
    const out = new Int32Array(h.length)
    for (let x = 0; x < h.length; x++) out[x] = positionInE[h[x] as number] as number
    return finFunctionUnchecked(cone.apex, apex, out)
  }
  return { apex, legs: [e, composeFunctions(f, e)], diagram, mediate }
}
