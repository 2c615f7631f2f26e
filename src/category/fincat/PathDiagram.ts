import * as E from "fp-ts/lib/Either.js"
import type { FinCat } from "./FinCat.ts"
import { showPath, typePath, type TypedPath } from "./Presentation.ts"
import { PresentationError } from "./PresentationError.ts"

/**
 * Diagrams in a FinCat: objects, arrows and *named paths*, with commutativity decided
 * symbolically (by normal forms, so exactly — no sampling).
 *
 * A diagram commutes when any two of its named paths with the same endpoints denote the same
 * arrow. A claim that two named paths are equal can also be ill-typed: paths with different
 * endpoints are not even comparable (the seed's square S1.4 is such a case).
 *
 * (Semantic commutativity — in the category of TypeScript functions, on generated inputs — is
 * another module's business.)
 *
 * @since 0.1.0
 */

/** What a user declares. @since 0.1.0 @category model */
export interface DiagramInput {
  readonly name: string
  /** Objects to draw (default: every object a path touches). */
  readonly objects?: ReadonlyArray<string>
  /** Generators to draw (default: every generator a path uses). */
  readonly arrows?: ReadonlyArray<string>
  /** Named paths, generator names in diagram order. */
  readonly paths: Readonly<Record<string, ReadonlyArray<string>>>
}

/** A named, typed path of a diagram. @since 0.1.0 @category model */
export interface NamedPath {
  readonly name: string
  readonly path: TypedPath
  /** The arrow it denotes in the category. */
  readonly arrow: number
}

/** A validated diagram in a FinCat. @since 0.1.0 @category model */
export interface PathDiagram {
  readonly name: string
  readonly category: FinCat
  /** Object ids drawn. */
  readonly objects: ReadonlyArray<number>
  /** Generator ids drawn. */
  readonly arrows: ReadonlyArray<number>
  readonly paths: ReadonlyArray<NamedPath>
}

/** Two parallel named paths that denote different arrows. @since 0.1.0 @category model */
export interface NonCommutingPair {
  readonly dom: string
  readonly cod: string
  readonly left: string
  readonly right: string
  /** Normal forms, in composition order. */
  readonly leftNormalForm: string
  readonly rightNormalForm: string
}

/**
 * Whether a diagram commutes, decided.
 *
 * @since 0.1.0
 * @category model
 */
export type DiagramVerdict =
  | { readonly _tag: "Commutes"; readonly parallelPairs: number }
  | { readonly _tag: "DoesNotCommute"; readonly failures: ReadonlyArray<NonCommutingPair>; readonly parallelPairs: number }

/**
 * Whether two named paths are equal: decided, or ill-typed when they are not parallel.
 *
 * @since 0.1.0
 * @category model
 */
export type PathEquality =
  | { readonly _tag: "Equal"; readonly normalForm: string }
  | { readonly _tag: "Different"; readonly pair: NonCommutingPair }
  | { readonly _tag: "IllTyped"; readonly left: string; readonly right: string; readonly message: string }

/**
 * Validates a diagram against its category: every name known, every path well typed. Throws
 * {@link PresentationError} with the JSON path (`paths.top[1]`, `arrows[0]`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const diagram = (category: FinCat, input: DiagramInput): PathDiagram => {
  const p = category.presentation
  const paths: NamedPath[] = []
  for (const [name, names] of Object.entries(input.paths)) {
    // An empty named path is an identity; its object cannot be guessed, so it is refused.
    const typed = typePath(p, names, undefined, `paths.${name}`)
    if (E.isLeft(typed)) throw typed.left
    paths.push({ name, path: typed.right, arrow: category.arrowOf(names) })
  }
  const objects =
    input.objects?.map((o, i) => {
      const x = p.objectIndex.get(o)
      if (x === undefined) throw new PresentationError(`objects[${i}]`, { _tag: "UnknownObject", name: o })
      return x
    }) ?? [...new Set(paths.flatMap((q) => [q.path.dom, ...q.path.word.map((a) => p.generatorCod[a] as number)]))].sort((a, b) => a - b)
  const arrows =
    input.arrows?.map((a, i) => {
      const g = p.generatorIndex.get(a)
      if (g === undefined) throw new PresentationError(`arrows[${i}]`, { _tag: "UnknownArrow", name: a })
      return g
    }) ?? [...new Set(paths.flatMap((q) => q.path.word))].sort((a, b) => a - b)
  return { name: input.name, category, objects, arrows, paths }
}

const pairOf = (d: PathDiagram, a: NamedPath, b: NamedPath): NonCommutingPair => {
  const p = d.category.presentation
  return {
    dom: p.objects[a.path.dom] as string,
    cod: p.objects[a.path.cod] as string,
    left: a.name,
    right: b.name,
    leftNormalForm: d.category.showArrow(a.arrow),
    rightNormalForm: d.category.showArrow(b.arrow),
  }
}

/**
 * Decides whether the diagram commutes: all parallel named paths denote the same arrow.
 * Lists every parallel pair that differs (against the first path of its hom-set).
 *
 * @example
 * import { diagram, commutes, finCat } from "catcluster/category/fincat"
 * const C = finCat({ objects: ["A", "B", "C", "D"], arrows: [
 *   { name: "f", dom: "A", cod: "B" }, { name: "g", dom: "A", cod: "C" },
 *   { name: "h", dom: "B", cod: "D" }, { name: "k", dom: "C", cod: "D" }],
 *   equations: [{ lhs: ["f", "h"], rhs: ["g", "k"] }] })
 * commutes(diagram(C, { name: "square", paths: { top: ["f", "h"], bottom: ["g", "k"] } }))._tag
 * // "Commutes"
 *
 * @since 0.1.0
 * @category checks
 */
export const commutes = (d: PathDiagram): DiagramVerdict => {
  const failures: NonCommutingPair[] = []
  let parallelPairs = 0
  const firstOf = new Map<string, NamedPath>()
  for (const q of d.paths) {
    const key = `${q.path.dom}→${q.path.cod}`
    const first = firstOf.get(key)
    if (first === undefined) {
      firstOf.set(key, q)
      continue
    }
    parallelPairs++
    if (first.arrow !== q.arrow) failures.push(pairOf(d, first, q))
  }
  return failures.length === 0 ? { _tag: "Commutes", parallelPairs } : { _tag: "DoesNotCommute", failures, parallelPairs }
}

/**
 * Decides the claim "path `left` = path `right`" of a diagram.
 *
 * @since 0.1.0
 * @category checks
 */
export const pathsEqual = (d: PathDiagram, left: string, right: string): PathEquality => {
  const find = (name: string): NamedPath => {
    const q = d.paths.find((x) => x.name === name)
    if (q === undefined) throw new PresentationError(`paths.${name}`, { _tag: "UnknownArrow", name })
    return q
  }
  const a = find(left)
  const b = find(right)
  const p = d.category.presentation
  if (a.path.dom !== b.path.dom || a.path.cod !== b.path.cod) {
    const l = showPath(p, a.path)
    const r = showPath(p, b.path)
    return { _tag: "IllTyped", left: l, right: r, message: `'${left}' is ${l} but '${right}' is ${r}: not parallel, so not comparable` }
  }
  return a.arrow === b.arrow
    ? { _tag: "Equal", normalForm: d.category.showArrow(a.arrow) }
    : { _tag: "Different", pair: pairOf(d, a, b) }
}
