/**
 * Union–find (disjoint sets) on typed arrays, with path compression (halving) and union by
 * rank, so a sequence of m operations on n elements costs O(m·α(n)). The colimits of FinSet
 * (coequalizer, pushout, any finite colimit) glue elements with it.
 *
 * @since 0.1.0
 */

/**
 * The classes of a partition, numbered in order of their smallest element.
 *
 * @since 0.1.0
 * @category model
 */
export interface Classes {
  /** The number of classes. */
  readonly count: number
  /** `classOf[i]`: the class of element i, in `[0, count)`. */
  readonly classOf: Int32Array
  /** `representative[c]`: the smallest element of class c. */
  readonly representative: Int32Array
}

/**
 * A mutable partition of {0, …, n−1}.
 *
 * @example
 * import { UnionFind } from "catcluster/category/finset"
 * const uf = new UnionFind(4)
 * uf.union(0, 2); uf.union(2, 3)
 * uf.find(3) === uf.find(0) // true
 * uf.classes().count         // 2: {0,2,3} and {1}
 *
 * @since 0.1.0
 * @category model
 */
export class UnionFind {
  private readonly parent: Int32Array
  private readonly rank: Uint8Array

  constructor(readonly size: number) {
    this.parent = new Int32Array(size)
    for (let i = 0; i < size; i++) this.parent[i] = i
    // ranks stay ≤ log₂ n < 32, a byte is enough
    this.rank = new Uint8Array(size)
  }

  /** The root of `x`'s class, halving the path on the way. */
  find(x: number): number {
    const parent = this.parent
    let i = x
    let p = parent[i] as number
    while (p !== i) {
      const grand = parent[p] as number
      parent[i] = grand
      i = grand
      p = parent[i] as number
    }
    return i
  }

  /** Merges the classes of `a` and `b`; true when they were different. */
  union(a: number, b: number): boolean {
    let ra = this.find(a)
    let rb = this.find(b)
    if (ra === rb) return false
    const rank = this.rank
    const ka = rank[ra] as number
    const kb = rank[rb] as number
    if (ka < kb) {
      const t = ra
      ra = rb
      rb = t
    } else if (ka === kb) {
      rank[ra] = ka + 1
    }
    this.parent[rb] = ra
    return true
  }

  /** Numbers the classes 0, 1, … in order of their smallest element. */
  classes(): Classes {
    const n = this.size
    const classOfRoot = new Int32Array(n).fill(-1)
    const classOf = new Int32Array(n)
    const reps = new Int32Array(n)
    let count = 0
    for (let i = 0; i < n; i++) {
      const r = this.find(i)
      let c = classOfRoot[r] as number
      if (c < 0) {
        c = count++
        classOfRoot[r] = c
        reps[c] = i
      }
      classOf[i] = c
    }
    return { count, classOf, representative: reps.slice(0, count) }
  }
}
