import * as E from "fp-ts/lib/Either.js"
import { composePath, type Category } from "../category/Category.ts"
import type { FinCat } from "../category/fincat/FinCat.ts"
import { showPath } from "../category/fincat/Presentation.ts"
import type { Functor } from "./Functor.ts"

/**
 * Functors out of a presented category, given on generators.
 *
 * A presentation is a universal recipe: a functor F out of it is determined by an object for
 * each object and an arrow for each generator, and such an assignment extends to a functor
 * exactly when (1) every generator's image has the right endpoints and (2) both sides of every
 * path equation have equal images. Both are checked here, against the target's own equality,
 * and every failure is reported: a broken equation names itself and shows both images.
 *
 * The arrow map sends each arrow of the FinCat (an id) to the composite of the images of its
 * normal-form path; it is computed once per arrow.
 *
 * @example
 * import { functorFromPresentation } from "catcluster/functors"
 * // F : C → Z/5 (a cyclic group as a one-object category), x ↦ +1
 * // functorFromPresentation(C, cyclic5, { objects: { A: "*" }, arrows: { x: 1 } })
 *
 * @since 0.1.0
 */

/** Images of objects and generators, by name. @since 0.1.0 @category model */
export interface GeneratorImages<O2, A2> {
  readonly objects: Readonly<Record<string, O2>>
  readonly arrows: Readonly<Record<string, A2>>
}

/**
 * Why an assignment on generators is not a functor.
 *
 * @since 0.1.0
 * @category errors
 */
export type FunctorDefinitionProblem =
  | { readonly _tag: "MissingObject"; readonly object: string }
  | { readonly _tag: "MissingArrow"; readonly arrow: string }
  | {
      readonly _tag: "WrongEndpoints"
      readonly arrow: string
      /** `F(dom) → F(cod)` as the source demands. */
      readonly expected: string
      /** The image's own endpoints in the target. */
      readonly actual: string
    }
  | {
      readonly _tag: "EquationBroken"
      readonly equation: number
      readonly name: string | undefined
      readonly lhs: string
      readonly rhs: string
      readonly lhsImage: string
      readonly rhsImage: string
      /** The target's explanation of the difference. */
      readonly message: string
    }

/**
 * The assignment did not define a functor; `problems` lists every failure.
 *
 * @since 0.1.0
 * @category errors
 */
export class FunctorDefinitionError extends Error {
  readonly _tag = "FunctorDefinitionError" as const
  constructor(
    readonly functor: string,
    readonly problems: ReadonlyArray<FunctorDefinitionProblem>,
  ) {
    super(`${functor} is not a functor: ${problems.map(describe).join("; ")}`)
    this.name = "FunctorDefinitionError"
  }
}

const describe = (p: FunctorDefinitionProblem): string => {
  switch (p._tag) {
    case "MissingObject":
      return `no image for object '${p.object}'`
    case "MissingArrow":
      return `no image for arrow '${p.arrow}'`
    case "WrongEndpoints":
      return `image of '${p.arrow}' should be ${p.expected} but is ${p.actual}`
    case "EquationBroken":
      return `equation ${p.equation}${p.name === undefined ? "" : ` (${p.name})`} ${p.lhs} = ${p.rhs} is broken: ${p.lhsImage} ≠ ${p.rhsImage}`
  }
}

/**
 * Extends an assignment on generators to a functor `source → target`, or lists why it cannot.
 *
 * @example
 * import { finCat } from "catcluster/category/fincat"
 * import { thinCategory } from "catcluster/category/constructions"
 * import { functorFromPresentation } from "catcluster/functors"
 * const C = finCat({ name: "C", objects: ["A", "B"], arrows: [{ name: "f", dom: "A", cod: "B" }] })
 * const two = thinCategory([0, 1], (a, b) => a <= b, { name: "2" })
 * functorFromPresentation(C, two, { objects: { A: 0, B: 1 }, arrows: { f: two.arrow(0, 1) } })
 * // right: the functor "F:C→2"
 * functorFromPresentation(C, two, { objects: { A: 1, B: 0 }, arrows: { f: two.arrow(0, 1) } })
 * // left: "F:C→2 is not a functor: image of 'f' should be 1 → 0 but is 0 → 1"
 *
 * @since 0.1.0
 * @category constructors
 */
export const functorFromPresentation = <O2, A2>(
  source: FinCat,
  target: Category<O2, A2>,
  images: GeneratorImages<O2, A2>,
  name = `F:${source.name}→${target.name}`,
): E.Either<FunctorDefinitionError, Functor<number, number, O2, A2>> => {
  const p = source.presentation
  const problems: FunctorDefinitionProblem[] = []
  const has = (record: Readonly<Record<string, unknown>>, key: string) => Object.prototype.hasOwnProperty.call(record, key)
  for (const o of p.objects) if (!has(images.objects, o)) problems.push({ _tag: "MissingObject", object: o })
  for (const a of p.generators) if (!has(images.arrows, a)) problems.push({ _tag: "MissingArrow", arrow: a })
  if (problems.length > 0) return E.left(new FunctorDefinitionError(name, problems))
  const onObject = (x: number): O2 => images.objects[p.objects[x] as string] as O2
  const onGenerator = (a: number): A2 => images.arrows[p.generators[a] as string] as A2
  for (let a = 0; a < p.generators.length; a++) {
    const image = onGenerator(a)
    const d = onObject(p.generatorDom[a] as number)
    const c = onObject(p.generatorCod[a] as number)
    if (!target.equalObjects(target.dom(image), d) || !target.equalObjects(target.cod(image), c)) {
      problems.push({
        _tag: "WrongEndpoints",
        arrow: p.generators[a] as string,
        expected: `${target.showObject(d)} → ${target.showObject(c)}`,
        actual: `${target.showObject(target.dom(image))} → ${target.showObject(target.cod(image))}`,
      })
    }
  }
  if (problems.length > 0) return E.left(new FunctorDefinitionError(name, problems))
  const along = composePath(target)
  const imageOfWord = (word: ReadonlyArray<number>, at: number): A2 => along(word.map(onGenerator), onObject(at))
  for (const eq of p.equations) {
    const l = imageOfWord(eq.lhs, eq.dom)
    const r = imageOfWord(eq.rhs, eq.dom)
    const same = target.equalArrows(l, r)
    if (!same.equal) {
      problems.push({
        _tag: "EquationBroken",
        equation: eq.index,
        name: eq.name,
        lhs: showPath(p, { dom: eq.dom, cod: eq.cod, word: eq.lhs }, false),
        rhs: showPath(p, { dom: eq.dom, cod: eq.cod, word: eq.rhs }, false),
        lhsImage: target.showArrow(l),
        rhsImage: target.showArrow(r),
        message: same.message,
      })
    }
  }
  if (problems.length > 0) return E.left(new FunctorDefinitionError(name, problems))
  // The arrow map, once per arrow, along normal forms.
  const arrowImages: A2[] = []
  for (let f = 0; f < source.arrowCount; f++) {
    const word = source.pathOf(f).map((g) => p.generatorIndex.get(g) as number)
    arrowImages.push(imageOfWord(word, source.dom(f)))
  }
  return E.right({
    name,
    source,
    target,
    onObjects: onObject,
    onArrows: (f) => arrowImages[f] as A2,
  })
}
