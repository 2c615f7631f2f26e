import type { Cocone, Colimit } from "../Universal.ts"
import { assertCocone, type FinDiagram } from "./cones.ts"
import { InvalidFunctionError, TooLargeError } from "./errors.ts"
import { finFunctionUnchecked, MAX_SET_SIZE, type FinFunction, type FinSetObject } from "./FinSet.ts"
import { quotientSet } from "./quotient.ts"
import { UnionFind, type Classes } from "./UnionFind.ts"

/**
 * The colimit of any finite diagram of finite sets: the disjoint union of its objects modulo
 * the smallest equivalence with x ~ d(x) for every diagram arrow d and element x — "⨆ Xⱼ / ~"
 * (S5.1: the occupation of many workloads with shared resources identified). Union–find over
 * the union; classes numbered in order of their smallest element (objects laid end to end).
 *
 * The mediating arrow of a cocone (fⱼ : Xⱼ → Y) sends the class of element i of Xⱼ to fⱼ(i),
 * well defined because the cocone commutes with every diagram arrow, unique because the legs
 * together are onto.
 *
 * @since 0.1.0
 */

/** A colimit with the offset of each object in the union and the classes. @since 0.1.0 @category model */
export interface GeneralColimit extends Colimit<FinSetObject, FinFunction> {
  readonly offsets: ReadonlyArray<number>
  readonly classes: Classes
}

/**
 * Throws {@link InvalidFunctionError} naming the arrow when a diagram arrow does not go between
 * the objects it says (or names an object that does not exist).
 *
 * @example
 * import { finSet, finFunction, colimit } from "catcluster/category/finset"
 * const shared = finSet(1), a = finSet(2), b = finSet(2), c = finSet(2)
 * // three sets glued along one shared element: 2 + 2 + 2 − 2 = 4 elements
 * const glued = colimit({ objects: [a, b, c, shared], arrows: [
 *   { from: 3, to: 0, arrow: finFunction(shared, a, [0]) },
 *   { from: 3, to: 1, arrow: finFunction(shared, b, [0]) },
 *   { from: 3, to: 2, arrow: finFunction(shared, c, [0]) } ] })
 * glued.nadir.size // 4
 *
 * @since 0.1.0
 * @category colimits
 */
export const colimit = (diagram: FinDiagram): GeneralColimit => {
  const objects = diagram.objects
  const offsets: number[] = []
  let total = 0
  for (const x of objects) {
    offsets.push(total)
    total += x.size
  }
  if (total > MAX_SET_SIZE) throw new TooLargeError("colimit", total, MAX_SET_SIZE)
  const uf = new UnionFind(total)
  for (let k = 0; k < diagram.arrows.length; k++) {
    const { from, to, arrow } = diagram.arrows[k]!
    const source = objects[from]
    const target = objects[to]
    if (source === undefined || target === undefined || arrow.dom.size !== source.size || arrow.cod.size !== target.size) {
      throw new InvalidFunctionError(`diagram.arrows[${k}]`, {
        kind: "wrongLength",
        expected: source?.size ?? -1,
        actual: arrow.dom.size,
      })
    }
    const base = offsets[from] as number
    const shift = offsets[to] as number
    const m = arrow.map
    for (let i = 0; i < m.length; i++) uf.union(base + i, shift + (m[i] as number))
  }
  const classes = uf.classes()
  const nadir = quotientSet(objects, classes)
  const legs = objects.map((x, j) => finFunctionUnchecked(x, nadir, classes.classOf.slice(offsets[j] as number, (offsets[j] as number) + x.size)))
  // for each class: which object and which element its representative is
  const repObject = new Int32Array(classes.count)
  const repElement = new Int32Array(classes.count)
  for (let j = 0; j < objects.length; j++) {
    const offset = offsets[j] as number
    const n = (objects[j] as FinSetObject).size
    for (let i = 0; i < n; i++) {
      const c = classes.classOf[offset + i] as number
      if (classes.representative[c] === offset + i) {
        repObject[c] = j
        repElement[c] = i
      }
    }
  }
  const mediate = (cocone: Cocone<FinSetObject, FinFunction>): FinFunction => {
    assertCocone("colimit", diagram, cocone)
    const out = new Int32Array(classes.count)
    for (let c = 0; c < out.length; c++) {
      out[c] = (cocone.legs[repObject[c] as number] as FinFunction).map[repElement[c] as number] as number
    }
    return finFunctionUnchecked(nadir, cocone.nadir, out)
  }
  return { nadir, legs, diagram, mediate, offsets, classes }
}
