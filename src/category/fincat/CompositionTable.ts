/**
 * The composition of a finite category on typed arrays.
 *
 * Arrows have dense ids `0 … n-1`, sorted by domain, then codomain, so that every hom-set and
 * every "arrows out of x" set is a contiguous id range. The table stores, for each arrow `f`,
 * one row holding `g ∘ f` for every `g` with `dom g = cod f`, in id order:
 *
 *     g ∘ f = table[rowStart[f] + (g - outStart[cod f])]
 *
 * Why not the square `n × n` table: most pairs do not compose (a poset on a few hundred objects
 * has ~10⁴ arrows, so 10⁸ cells, almost all -1). The row layout holds exactly one cell per
 * composable pair, and a row is read sequentially in the associativity check.
 *
 * @since 0.1.0
 */

/**
 * A composition table. Every array is owned by the category; do not mutate it.
 *
 * @since 0.1.0
 * @category model
 */
export interface CompositionTable {
  readonly objectCount: number
  readonly arrowCount: number
  /** `arrowDom[f]`, `arrowCod[f]`: object ids. */
  readonly arrowDom: Int32Array
  readonly arrowCod: Int32Array
  /** `identity[x]`: the id of `id_x`. */
  readonly identity: Int32Array
  /** `outStart[x] … outStart[x+1]-1`: the arrows with domain `x` (length `objectCount + 1`). */
  readonly outStart: Int32Array
  /** `rowStart[f]`: where `f`'s row starts in `table` (length `arrowCount + 1`). */
  readonly rowStart: Int32Array
  /** One cell per composable pair, see the module doc. */
  readonly table: Int32Array
}

/**
 * `g ∘ f` by table lookup, or -1 when `cod f ≠ dom g`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const composeIds = (t: CompositionTable, g: number, f: number): number => {
  const c = t.arrowCod[f] as number
  if (t.arrowDom[g] !== c) return -1
  return t.table[(t.rowStart[f] as number) + g - (t.outStart[c] as number)] as number
}

/** How many composable pairs the table holds. @since 0.1.0 @category destructors */
export const composablePairs = (t: CompositionTable): number => t.table.length
