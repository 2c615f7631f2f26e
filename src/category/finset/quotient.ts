import type { Classes } from "./UnionFind.ts"
import type { FinSetObject } from "./FinSet.ts"

/**
 * Labels of a quotient set: a class is labelled by the distinct labels of its members joined by
 * "~" (so gluing "gpu" of one set to "gpu" of another gives "gpu", and gluing "a" to "b" gives
 * "a~b"). Only when every part is labelled and the union is small: labels are for people.
 *
 * @since 0.1.0
 */

const LABEL_LIMIT = 10_000

/**
 * The quotient set of a union of `parts` (concatenated in order) by `classes`.
 *
 * @example
 * import { UnionFind, labelledSet, quotientSet } from "catcluster/category/finset"
 * const uf = new UnionFind(4)
 * uf.union(1, 2) // glue "b" (element 1) to "c" (element 2 of the union)
 * quotientSet([labelledSet(["a", "b"]), labelledSet(["c", "d"])], uf.classes()).labels // ["a", "b~c", "d"]
 *
 * @since 0.1.0
 * @category constructors
 */
export const quotientSet = (parts: ReadonlyArray<FinSetObject>, classes: Classes): FinSetObject => {
  const total = classes.classOf.length
  if (total > LABEL_LIMIT || !parts.every((x) => x.labels !== undefined)) return { _tag: "FinSetObject", size: classes.count }
  const members: Array<Array<string>> = Array.from({ length: classes.count }, () => [])
  let offset = 0
  for (const part of parts) {
    for (let i = 0; i < part.size; i++) {
      const bucket = members[classes.classOf[offset + i] as number] as Array<string>
      const label = part.labels![i] as string
      if (!bucket.includes(label)) bucket.push(label)
    }
    offset += part.size
  }
  const labels = members.map((m) => m.join("~"))
  // two classes can end up with one label (e.g. "x" glued in one class and "x" alone in another);
  // number them so labels stay a valid set presentation
  const seen = new Map<string, number>()
  const unique = labels.map((l) => {
    const k = seen.get(l) ?? 0
    seen.set(l, k + 1)
    return k === 0 ? l : `${l}#${k}`
  })
  return { _tag: "FinSetObject", size: classes.count, labels: unique }
}
