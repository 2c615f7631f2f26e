import type { Cocone, Colimit } from "../Universal.ts"
import { assertCocone, type FinDiagram } from "./cones.ts"
import { InvalidFunctionError, TooLargeError } from "./errors.ts"
import { composeFunctions, finFunctionUnchecked, MAX_SET_SIZE, type FinFunction, type FinSetObject } from "./FinSet.ts"
import { quotientSet } from "./quotient.ts"
import { UnionFind, type Classes } from "./UnionFind.ts"

/**
 * The pushout of a span A ← C → B (f : C → A, g : C → B): the disjoint union A + B glued along
 * C, i.e. (A + B) / ~ with f(c) ~ g(c), and the maps i₁ : A → P, i₂ : B → P. Union–find over
 * A + B (B's elements after A's): O(|A| + |B| + |C|) up to α. Classes are numbered in order of
 * their smallest element in A + B.
 *
 * A cocone (h : A → Y, k : B → Y, l : C → Y) has h∘f = l = k∘g, so [h, k] is constant on each
 * class; the mediating arrow sends a class to [h, k] of its smallest member — unique because
 * i₁ and i₂ together are onto.
 *
 * Diagram order (dual of the pullback's): objects [A, B, C], arrows f : 2 → 0, g : 2 → 1;
 * legs [i₁, i₂, i₁∘f].
 *
 * @since 0.1.0
 */

/** A pushout with its classes over A + B. @since 0.1.0 @category model */
export interface Pushout extends Colimit<FinSetObject, FinFunction> {
  readonly classes: Classes
}

/**
 * Throws {@link InvalidFunctionError} when f and g have different domains.
 *
 * @example
 * import { labelledSet, fromLabels, pushout } from "catcluster/category/finset"
 * const shared = labelledSet(["cpu"])
 * const pod = labelledSet(["cpu", "sidecar"]), vm = labelledSet(["cpu", "live-migration"])
 * const hybrid = pushout(fromLabels(shared, pod, { cpu: "cpu" }), fromLabels(shared, vm, { cpu: "cpu" }))
 * hybrid.nadir.labels // ["cpu", "sidecar", "live-migration"]
 *
 * @since 0.1.0
 * @category colimits
 */
export const pushout = (f: FinFunction, g: FinFunction): Pushout => {
  if (f.dom.size !== g.dom.size) {
    throw new InvalidFunctionError("pushout(f, g).g", { kind: "wrongLength", expected: f.dom.size, actual: g.dom.size })
  }
  const A = f.cod
  const B = g.cod
  const nA = A.size
  const total = nA + B.size
  if (total > MAX_SET_SIZE) throw new TooLargeError(`${nA}+${B.size}`, total, MAX_SET_SIZE)
  const uf = new UnionFind(total)
  const fm = f.map
  const gm = g.map
  for (let c = 0; c < fm.length; c++) uf.union(fm[c] as number, nA + (gm[c] as number))
  const classes = uf.classes()
  const nadir = quotientSet([A, B], classes)
  const classOf = classes.classOf
  const first = finFunctionUnchecked(A, nadir, classOf.slice(0, nA))
  const second = finFunctionUnchecked(B, nadir, classOf.slice(nA))
  const diagram: FinDiagram = {
    objects: [A, B, f.dom],
    arrows: [
      { from: 2, to: 0, arrow: f },
      { from: 2, to: 1, arrow: g },
    ],
  }
  const representative = classes.representative
  const mediate = (cocone: Cocone<FinSetObject, FinFunction>): FinFunction => {
    assertCocone("pushout", diagram, cocone)
    const h = (cocone.legs[0] as FinFunction).map
    const k = (cocone.legs[1] as FinFunction).map
    const out = new Int32Array(classes.count)
    for (let c = 0; c < out.length; c++) {
      const r = representative[c] as number
      out[c] = (r < nA ? h[r] : k[r - nA]) as number
    }
    return finFunctionUnchecked(nadir, cocone.nadir, out)
  }
  return { nadir, legs: [first, second, composeFunctions(first, f)], diagram, mediate, classes }
}
