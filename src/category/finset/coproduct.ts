import type { Cocone, Colimit } from "../Universal.ts"
import { assertCocone, type FinDiagram } from "./cones.ts"
import { TooLargeError } from "./errors.ts"
import { finFunctionUnchecked, MAX_SET_SIZE, type FinFunction, type FinSetObject } from "./FinSet.ts"

/**
 * Coproducts in FinSet: the disjoint union X₀ + … + Xₙ₋₁ (the parts laid end to end, part j
 * starting at `offsets[j]`) with its injections, the binary coproduct A + B, and the initial
 * object 0 (the empty coproduct). The mediating arrow of a cocone (fⱼ : Xⱼ → Y) is [f₀, …],
 * sending element i of part j to fⱼ(i); unique because the injections cover the union.
 *
 * @since 0.1.0
 */

/** A coproduct with the offset of each part. @since 0.1.0 @category model */
export interface Coproduct extends Colimit<FinSetObject, FinFunction> {
  readonly offsets: ReadonlyArray<number>
}

/**
 * The coproduct of a finite family of sets. Labels are kept when every part has labels and they
 * do not clash; otherwise part j's labels get a `j.` prefix.
 *
 * @example
 * import { finSet, coproducts } from "catcluster/category/finset"
 * const s = coproducts([finSet(2), finSet(3)])
 * s.nadir.size       // 5
 * s.legs[1]!.map     // Int32Array [2, 3, 4]
 *
 * @since 0.1.0
 * @category colimits
 */
export const coproducts = (objects: ReadonlyArray<FinSetObject>): Coproduct => {
  const offsets: number[] = []
  let size = 0
  for (const x of objects) {
    offsets.push(size)
    size += x.size
  }
  if (size > MAX_SET_SIZE) throw new TooLargeError(objects.map((x) => x.size).join("+"), size, MAX_SET_SIZE)
  let nadir: FinSetObject = { _tag: "FinSetObject", size }
  if (objects.every((x) => x.labels !== undefined)) {
    const all = objects.flatMap((x) => x.labels as ReadonlyArray<string>)
    const clash = new Set(all).size !== all.length
    nadir = {
      _tag: "FinSetObject",
      size,
      labels: clash ? objects.flatMap((x, j) => (x.labels as ReadonlyArray<string>).map((l) => `${j}.${l}`)) : all,
    }
  }
  const legs = objects.map((x, j) => {
    const map = new Int32Array(x.size)
    const offset = offsets[j] as number
    for (let i = 0; i < map.length; i++) map[i] = offset + i
    return finFunctionUnchecked(x, nadir, map)
  })
  const diagram: FinDiagram = { objects, arrows: [] }
  const name = objects.length === 0 ? "initial" : `coproduct of ${objects.length}`
  const mediate = (cocone: Cocone<FinSetObject, FinFunction>): FinFunction => {
    assertCocone(name, diagram, cocone)
    const out = new Int32Array(size)
    for (let j = 0; j < objects.length; j++) out.set((cocone.legs[j] as FinFunction).map, offsets[j] as number)
    return finFunctionUnchecked(nadir, cocone.nadir, out)
  }
  return { nadir, legs, diagram, mediate, offsets }
}

/**
 * The binary coproduct A + B with injections ι₁, ι₂; `mediate` of (f, g) is [f, g].
 *
 * @since 0.1.0
 * @category colimits
 */
export const coproduct = (a: FinSetObject, b: FinSetObject): Coproduct => coproducts([a, b])

/**
 * The initial object 0 = ∅, the empty coproduct: `mediate` is the unique (empty) `0 → Y`.
 *
 * @since 0.1.0
 * @category colimits
 */
export const initial = (): Coproduct => coproducts([])
