import type { CompositionTable } from "./CompositionTable.ts"

/**
 * The category laws checked exhaustively on a composition table, in tight loops over typed
 * arrays (no allocation, no closures inside the loops), for the law suites and the benchmark.
 *
 * Checked, in this order, stopping at the first failure:
 * 1. typing: every cell `g ∘ f` is an arrow `dom f → cod g`;
 * 2. identities: `id ∘ f = f` and `f ∘ id = f` for every f;
 * 3. associativity: `h ∘ (g ∘ f) = (h ∘ g) ∘ f` for every composable triple.
 *
 * @since 0.1.0
 */

/** Which law a table breaks. @since 0.1.0 @category model */
export type TableLaw = "typing" | "left identity" | "right identity" | "associativity"

/**
 * The outcome of {@link checkTableLaws}: how much was checked, or the first failure with the
 * arrows involved (ids, first applied first) and both sides.
 *
 * @since 0.1.0
 * @category model
 */
export type TableLawResult =
  | {
      readonly _tag: "Holds"
      /** Cells checked for typing (= composable pairs). */
      readonly pairs: number
      readonly identityChecks: number
      /** Composable triples checked for associativity. */
      readonly triples: number
    }
  | {
      readonly _tag: "Fails"
      readonly law: TableLaw
      /** `[f]`, `[f, g]` or `[f, g, h]`: the arrows, first applied first. */
      readonly arrows: ReadonlyArray<number>
      /** What the law says the cell should be (-1 when it is a typing failure). */
      readonly expected: number
      readonly actual: number
    }

const fails = (law: TableLaw, arrows: ReadonlyArray<number>, expected: number, actual: number): TableLawResult => ({
  _tag: "Fails",
  law,
  arrows,
  expected,
  actual,
})

/**
 * Checks typing, identities and associativity of a composition table exhaustively.
 *
 * @example
 * import { checkTableLaws, finCat } from "catcluster/category/fincat"
 * const C = finCat({ objects: ["A"], arrows: [{ name: "x", dom: "A", cod: "A" }],
 *   equations: [{ lhs: ["x", "x", "x"], rhs: ["x"] }] })
 * checkTableLaws(C) // { _tag: "Holds", pairs: 9, identityChecks: 6, triples: 27 }
 *
 * @since 0.1.0
 * @category checks
 */
export const checkTableLaws = (t: CompositionTable): TableLawResult => {
  const n = t.arrowCount
  const dom = t.arrowDom
  const cod = t.arrowCod
  const out = t.outStart
  const row = t.rowStart
  const table = t.table
  const id = t.identity
  // 1. typing
  for (let f = 0; f < n; f++) {
    const c = cod[f] as number
    const d = dom[f] as number
    const first = out[c] as number
    const last = out[c + 1] as number
    const base = (row[f] as number) - first
    for (let g = first; g < last; g++) {
      const h = table[base + g] as number
      if (h < 0 || h >= n || dom[h] !== d || cod[h] !== cod[g]) return fails("typing", [f, g], -1, h)
    }
  }
  // 2. identities
  let identityChecks = 0
  for (let f = 0; f < n; f++) {
    const d = dom[f] as number
    const c = cod[f] as number
    const left = table[(row[f] as number) + (id[c] as number) - (out[c] as number)] as number
    if (left !== f) return fails("left identity", [f, id[c] as number], f, left)
    const idd = id[d] as number
    const right = table[(row[idd] as number) + f - (out[d] as number)] as number
    if (right !== f) return fails("right identity", [idd, f], f, right)
    identityChecks += 2
  }
  // 3. associativity: for f, g (cod f = dom g), h (cod g = dom h)
  let triples = 0
  for (let f = 0; f < n; f++) {
    const b = cod[f] as number
    const gFirst = out[b] as number
    const gLast = out[b + 1] as number
    const fBase = (row[f] as number) - gFirst
    for (let g = gFirst; g < gLast; g++) {
      const gf = table[fBase + g] as number
      const c = cod[g] as number
      const hFirst = out[c] as number
      const hLast = out[c + 1] as number
      const gfBase = (row[gf] as number) - hFirst
      const gBase = (row[g] as number) - hFirst
      for (let h = hFirst; h < hLast; h++) {
        const lhs = table[gfBase + h] as number // h ∘ (g ∘ f)
        const rhs = table[fBase + (table[gBase + h] as number)] as number // (h ∘ g) ∘ f
        if (lhs !== rhs) return fails("associativity", [f, g, h], rhs, lhs)
      }
      triples += hLast - hFirst
    }
  }
  return { _tag: "Holds", pairs: table.length, identityChecks, triples }
}
