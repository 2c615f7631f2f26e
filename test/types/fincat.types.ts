/**
 * Type-level tests for finite presentations. Checked by `npm run typecheck` (tsc):
 * every `@ts-expect-error` below must stay an error, every other line must compile.
 * (Nothing here runs; the presentations are only type-checked.)
 */
import { buildFinCat, definePresentation, type FinCatResult, type TableLawResult } from "../../src/category/fincat/index.ts"

// --- must compile ---
export const square = () =>
  definePresentation({
    objects: ["A", "B", "C", "D"],
    arrows: [
      { name: "f", dom: "A", cod: "B" },
      { name: "g", dom: "A", cod: "C" },
      { name: "h", dom: "B", cod: "D" },
      { name: "k", dom: "C", cod: "D" },
    ],
    equations: [{ lhs: ["f", "h"], rhs: ["g", "k"] }],
  })

export const narrowed = (r: FinCatResult): number => (r._tag === "Finite" ? r.category.arrowCount : 0)
export const infiniteWitness = (r: FinCatResult): ReadonlyArray<string> => (r._tag === "Infinite" ? r.witness.loop : [])

// --- must not compile ---
export const unknownObject = () =>
  definePresentation({
    objects: ["A", "B"],
    // @ts-expect-error cod "C" is not a declared object
    arrows: [{ name: "f", dom: "A", cod: "C" }],
  })

export const unknownDomain = () =>
  definePresentation({
    objects: ["P", "Pod"],
    // @ts-expect-error dom "V" is not a declared object
    arrows: [{ name: "Φ", dom: "V", cod: "Pod" }],
  })

export const unknownGenerator = () =>
  definePresentation({
    objects: ["A"],
    arrows: [{ name: "x", dom: "A", cod: "A" }],
    // @ts-expect-error "y" is not a declared arrow
    equations: [{ lhs: ["x", "y"], rhs: ["x"] }],
  })

export const unknownGeneratorRhs = () =>
  definePresentation({
    objects: ["A"],
    arrows: [{ name: "x", dom: "A", cod: "A" }],
    // @ts-expect-error "z" is not a declared arrow (right side)
    equations: [{ lhs: ["x"], rhs: ["z"] }],
  })

// @ts-expect-error the category exists only on a Finite result: narrow first
export const notNarrowed = (r: FinCatResult): number => r.category.arrowCount

// @ts-expect-error an Infinite result has no category
export const wrongNarrowing = (r: FinCatResult): number => (r._tag === "Infinite" ? r.category.arrowCount : 0)

// @ts-expect-error a failure names its law; a Holds result has none
export const lawOfHolds = (r: TableLawResult): string => (r._tag === "Holds" ? r.law : "")

// @ts-expect-error buildFinCat takes a validated Presentation, not raw input
export const raw = () => buildFinCat({ objects: ["A"], arrows: [] })
