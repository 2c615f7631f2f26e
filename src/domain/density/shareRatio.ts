import { colimit, finFunctionUnchecked, finSet, limit, type FinFunction, type FinSetObject } from "../../category/finset/index.ts"

/**
 * Memory sharing between containers, after the seed's M : C → Set (S5.1, S5.2): each container
 * c has a set of libraries M(c); the host's shared pool is ⨆ M(cᵢ) / ~, the library sets glued
 * along the libraries they share; the share ratio is f = |⋂ M(cᵢ)| / |⋃ M(cᵢ)|.
 *
 * Both sizes are computed as FinSet (co)limits of the inclusions of the library sets into the
 * universe of all libraries, so the seed's reading ("occupation is a colimit") is what runs.
 *
 * @since 0.1.0
 */

/** The libraries one container maps (its M(c)). @since 0.1.0 @category model */
export interface LibrarySet {
  readonly container: string
  readonly libraries: ReadonlyArray<string>
}

/** What sharing does to the memory a set of containers occupies. @since 0.1.0 @category model */
export interface Occupation {
  /** Σ |M(cᵢ)|: each container loads its own copy (no sharing). */
  readonly disjoint: number
  /** |⨆ M(cᵢ) / ~|: the colimit of the library sets glued along shared libraries. */
  readonly colimit: number
  /** |⋂ M(cᵢ)|: the limit of the inclusions (libraries every container maps). */
  readonly shared: number
  /** f = shared / colimit (0 for no libraries at all). */
  readonly shareRatio: number
}

const universeOf = (sets: ReadonlyArray<LibrarySet>): Map<string, number> => {
  const index = new Map<string, number>()
  for (const s of sets) for (const l of s.libraries) if (!index.has(l)) index.set(l, index.size)
  return index
}

const inclusions = (sets: ReadonlyArray<LibrarySet>): { universe: FinSetObject; arrows: FinFunction[]; objects: FinSetObject[] } => {
  const index = universeOf(sets)
  const universe = finSet(index.size)
  const objects = sets.map((s) => finSet(new Set(s.libraries).size))
  const arrows = sets.map((s, i) => finFunctionUnchecked(objects[i] as FinSetObject, universe, Int32Array.from(new Set(s.libraries), (l) => index.get(l) as number)))
  return { universe, arrows, objects }
}

/**
 * The occupation of a set of containers: Σ sizes, the colimit size, the intersection (limit) size
 * and the share ratio f, all computed in FinSet.
 *
 * @example
 * import { occupation } from "catcluster/domain/density"
 * occupation([
 *   { container: "a", libraries: ["libc", "libssl", "libz"] },
 *   { container: "b", libraries: ["libc", "libz", "libpq"] },
 * ]) // { disjoint: 6, colimit: 4, shared: 2, shareRatio: 0.5 }
 *
 * @since 0.1.0
 * @category density
 */
export const occupation = (sets: ReadonlyArray<LibrarySet>): Occupation => {
  const disjoint = sets.reduce((s, c) => s + new Set(c.libraries).size, 0)
  if (sets.length === 0) return { disjoint: 0, colimit: 0, shared: 0, shareRatio: 0 }
  const { universe, arrows, objects } = inclusions(sets)
  const k = sets.length
  const diagram = {
    objects: [...objects, universe],
    arrows: arrows.map((arrow, i) => ({ from: i, to: k, arrow })),
  }
  // Every library of the universe is used by some container, so no class of the colimit is a
  // lone universe element: its size is the size of the glued pool.
  const glued = colimit(diagram).nadir.size
  // The limit of the inclusions: tuples (x₁ … x_k, u) with every xᵢ ↦ u, i.e. the intersection.
  const shared = limit(diagram).apex.size
  return { disjoint, colimit: glued, shared, shareRatio: glued === 0 ? 0 : shared / glued }
}

/**
 * f = |⋂ M(cᵢ)| / |⋃ M(cᵢ)| (S5.2), by the FinSet (co)limits of {@link occupation}.
 *
 * @since 0.1.0
 * @category density
 */
export const shareRatio = (sets: ReadonlyArray<LibrarySet>): number => occupation(sets).shareRatio
