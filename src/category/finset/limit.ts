import type { Cone, Limit } from "../Universal.ts"
import { assertCone, type FinDiagram } from "./cones.ts"
import { InvalidFunctionError, TooLargeError } from "./errors.ts"
import { elementLabel, finFunctionUnchecked, type FinFunction, type FinSetObject } from "./FinSet.ts"
import { DEFAULT_MAX_SIZE } from "./product.ts"

/**
 * The limit of any finite diagram of finite sets: the families (x₀, …, xₙ₋₁), one element per
 * object, with d(xᵢ) = xⱼ for every diagram arrow d : i → j — "the compatible part" of the
 * product (S1.9: for a diagram of subsets of a common vocabulary, the compatible intersection).
 *
 * Built object by object like a database join: the families over objects 0 … j are extended by
 * each element of object j+1 and kept when every arrow between chosen objects agrees. An
 * object that is the codomain of an arrow from an earlier one is determined, not searched.
 * Families are ordered lexicographically. The mediating arrow of a cone sends x to the index of
 * the family (leg₀(x), …); unique because a family is determined by its coordinates.
 *
 * @since 0.1.0
 */

/** A general finite limit with its families as columns. @since 0.1.0 @category model */
export interface GeneralLimit extends Limit<FinSetObject, FinFunction> {
  /** The index of the family with these coordinates, or −1 when it is not compatible. */
  readonly indexOf: (coordinates: ReadonlyArray<number>) => number
}

/**
 * Throws {@link InvalidFunctionError} naming the arrow when a diagram arrow does not fit its
 * objects, {@link TooLargeError} when a partial join exceeds `maxSize` families.
 *
 * @example
 * import { finSet, finFunction, limit } from "catcluster/category/finset"
 * const A = finSet(3), B = finSet(2), C = finSet(2)
 * // a wide pullback of three sets over C
 * const wide = limit({ objects: [A, B, A, C], arrows: [
 *   { from: 0, to: 3, arrow: finFunction(A, C, [0, 1, 1]) },
 *   { from: 1, to: 3, arrow: finFunction(B, C, [1, 0]) },
 *   { from: 2, to: 3, arrow: finFunction(A, C, [0, 0, 1]) } ] })
 * wide.apex.size // 4: (0,1,0,0), (0,1,1,0), (1,0,2,1), (2,0,2,1)
 *
 * @since 0.1.0
 * @category limits
 */
export const limit = (diagram: FinDiagram, maxSize = DEFAULT_MAX_SIZE): GeneralLimit => {
  const objects = diagram.objects
  const n = objects.length
  diagram.arrows.forEach(({ from, to, arrow }, k) => {
    const source = objects[from]
    const target = objects[to]
    if (source === undefined || target === undefined || arrow.dom.size !== source.size || arrow.cod.size !== target.size) {
      throw new InvalidFunctionError(`diagram.arrows[${k}]`, { kind: "wrongLength", expected: source?.size ?? -1, actual: arrow.dom.size })
    }
  })
  // for object j: an arrow from an earlier object that determines it, and the arrows to check
  const determinedBy = objects.map((_, j) => diagram.arrows.find((d) => d.to === j && d.from < j))
  const checks = objects.map((_, j) => diagram.arrows.filter((d) => Math.max(d.from, d.to) === j && d !== determinedBy[j]))
  let columns: Int32Array[] = []
  let count = 1
  for (let j = 0; j < n; j++) {
    const size = (objects[j] as FinSetObject).size
    const via = determinedBy[j]
    const fanout = via === undefined ? size : 1
    const bound = count * fanout
    if (bound > maxSize) throw new TooLargeError(`limit (after ${j + 1} of ${n} objects)`, bound, maxSize)
    const next = columns.map(() => new Int32Array(bound))
    const column = new Int32Array(bound)
    let kept = 0
    for (let t = 0; t < count; t++) {
      for (let e = 0; e < fanout; e++) {
        const x = via === undefined ? e : ((via.arrow.map[(columns[via.from] as Int32Array)[t] as number] as number))
        let ok = true
        for (const d of checks[j] as ReadonlyArray<(typeof diagram.arrows)[number]>) {
          const a = d.from === j ? x : ((columns[d.from] as Int32Array)[t] as number)
          const b = d.to === j ? x : ((columns[d.to] as Int32Array)[t] as number)
          if (d.arrow.map[a] !== b) {
            ok = false
            break
          }
        }
        if (!ok) continue
        for (let i = 0; i < columns.length; i++) (next[i] as Int32Array)[kept] = (columns[i] as Int32Array)[t] as number
        column[kept] = x
        kept++
      }
    }
    columns = [...next.map((c) => c.slice(0, kept)), column.slice(0, kept)]
    count = kept
  }
  const apex: FinSetObject =
    count <= 10_000 && objects.every((x) => x.labels !== undefined)
      ? {
          _tag: "FinSetObject",
          size: count,
          labels: Array.from({ length: count }, (_, t) => `(${objects.map((x, j) => elementLabel(x, (columns[j] as Int32Array)[t] as number)).join(", ")})`),
        }
      : { _tag: "FinSetObject", size: count }
  const legs = objects.map((x, j) => finFunctionUnchecked(apex, x, columns[j] as Int32Array))
  // families are distinct, so their coordinates key them
  const index = new Map<string, number>()
  for (let t = 0; t < count; t++) index.set(columns.map((c) => c[t]).join(","), t)
  const indexOf = (coordinates: ReadonlyArray<number>): number => index.get(coordinates.join(",")) ?? -1
  const mediate = (cone: Cone<FinSetObject, FinFunction>): FinFunction => {
    assertCone("limit", diagram, cone)
    const out = new Int32Array(cone.apex.size)
    const coordinates = new Array<number>(n)
    for (let x = 0; x < out.length; x++) {
      for (let j = 0; j < n; j++) coordinates[j] = (cone.legs[j] as FinFunction).map[x] as number
      out[x] = indexOf(coordinates)
    }
    return finFunctionUnchecked(cone.apex, apex, out)
  }
  return { apex, legs, diagram, mediate, indexOf }
}
