import type { Cocone, Colimit } from "../Universal.ts"
import { assertCocone, type FinDiagram } from "./cones.ts"
import { InvalidFunctionError } from "./errors.ts"
import { composeFunctions, finFunctionUnchecked, type FinFunction, type FinSetObject } from "./FinSet.ts"
import { quotientSet } from "./quotient.ts"
import { UnionFind, type Classes } from "./UnionFind.ts"

/**
 * The coequalizer of two parallel functions f, g : A → B: the quotient Q = B / ~ by the smallest
 * equivalence with f(a) ~ g(a) for every a, and the quotient map q : B → Q. Computed by
 * union–find over B (path compression, union by rank): O(|A| + |B|) up to α.
 * Classes are numbered in order of their smallest element.
 *
 * A cocone (h : A → Y, k : B → Y) has k∘f = k∘g, so k is constant on each class and the
 * mediating arrow sends a class to k of any member (here its smallest); unique because q is onto.
 *
 * Diagram: objects [A, B], arrows f, g : 0 → 1; legs [q∘f, q].
 *
 * @since 0.1.0
 */

/** A coequalizer with its classes. @since 0.1.0 @category model */
export interface Coequalizer extends Colimit<FinSetObject, FinFunction> {
  readonly classes: Classes
}

/**
 * Throws {@link InvalidFunctionError} when f and g are not parallel.
 *
 * @example
 * import { finSet, finFunction, coequalizer } from "catcluster/category/finset"
 * const A = finSet(2), B = finSet(4)
 * const co = coequalizer(finFunction(A, B, [0, 2]), finFunction(A, B, [1, 3]))
 * co.legs[1]!.map // Int32Array [0, 0, 1, 1]
 *
 * @since 0.1.0
 * @category colimits
 */
export const coequalizer = (f: FinFunction, g: FinFunction): Coequalizer => {
  if (f.dom.size !== g.dom.size || f.cod.size !== g.cod.size) {
    throw new InvalidFunctionError("coequalizer(f, g).g", { kind: "wrongLength", expected: f.dom.size, actual: g.dom.size })
  }
  const B = f.cod
  const uf = new UnionFind(B.size)
  const fm = f.map
  const gm = g.map
  for (let a = 0; a < fm.length; a++) uf.union(fm[a] as number, gm[a] as number)
  const classes = uf.classes()
  const nadir = quotientSet([B], classes)
  const q = finFunctionUnchecked(B, nadir, classes.classOf)
  const diagram: FinDiagram = {
    objects: [f.dom, B],
    arrows: [
      { from: 0, to: 1, arrow: f },
      { from: 0, to: 1, arrow: g },
    ],
  }
  const representative = classes.representative
  const mediate = (cocone: Cocone<FinSetObject, FinFunction>): FinFunction => {
    assertCocone("coequalizer", diagram, cocone)
    const k = (cocone.legs[1] as FinFunction).map
    const out = new Int32Array(classes.count)
    for (let c = 0; c < out.length; c++) out[c] = k[representative[c] as number] as number
    return finFunctionUnchecked(nadir, cocone.nadir, out)
  }
  return { nadir, legs: [composeFunctions(q, f), q], diagram, mediate, classes }
}
