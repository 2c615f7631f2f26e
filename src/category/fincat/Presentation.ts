import * as E from "fp-ts/lib/Either.js"
import { PresentationError } from "./PresentationError.ts"

/**
 * A presentation of a category: objects, generating arrows and path equations.
 *
 * Paths are written in *diagram order*, first arrow first: `["f", "g"]` is `g ∘ f`. An empty
 * path is an identity; in an equation its object is taken from the other side, which must then
 * be a loop (`["x","y"] = []` says `y ∘ x = id`).
 *
 * Validation turns names into dense integer ids and rejects, with the JSON path of the culprit:
 * duplicate or unknown names, ill-typed paths (neighbours that do not meet) and equations whose
 * sides are not parallel.
 *
 * @since 0.1.0
 */

/** A generating arrow `name : dom → cod`. @since 0.1.0 @category model */
export interface GeneratorInput {
  readonly name: string
  readonly dom: string
  readonly cod: string
}

/** A path equation `lhs = rhs`, both in diagram order. @since 0.1.0 @category model */
export interface EquationInput {
  readonly lhs: ReadonlyArray<string>
  readonly rhs: ReadonlyArray<string>
  /** An optional name for messages ("square", "x⁵ = x"). */
  readonly name?: string
}

/** What a user writes (or a YAML/JSON file holds). @since 0.1.0 @category model */
export interface PresentationInput {
  readonly name?: string
  readonly objects: ReadonlyArray<string>
  readonly arrows: ReadonlyArray<GeneratorInput>
  readonly equations?: ReadonlyArray<EquationInput>
}

/** A validated equation: generator ids, with its endpoints. @since 0.1.0 @category model */
export interface Equation {
  readonly index: number
  readonly name: string | undefined
  readonly lhs: ReadonlyArray<number>
  readonly rhs: ReadonlyArray<number>
  readonly dom: number
  readonly cod: number
}

/**
 * A validated presentation: objects and generators have dense ids (their position in the input).
 *
 * @since 0.1.0
 * @category model
 */
export interface Presentation {
  readonly name: string
  readonly objects: ReadonlyArray<string>
  readonly generators: ReadonlyArray<string>
  /** `generatorDom[a]`: the domain (object id) of generator `a`. */
  readonly generatorDom: Int32Array
  readonly generatorCod: Int32Array
  readonly equations: ReadonlyArray<Equation>
  readonly objectIndex: ReadonlyMap<string, number>
  readonly generatorIndex: ReadonlyMap<string, number>
}

/** A typed path: generator ids in diagram order with its endpoints. @since 0.1.0 @category model */
export interface TypedPath {
  readonly dom: number
  readonly cod: number
  readonly word: ReadonlyArray<number>
}

/**
 * The most generators a presentation may have: words are encoded one UTF-16 code unit per
 * generator (below the surrogate range) so that rewriting runs on native strings.
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_GENERATORS = 0xd800 - 0x100

/**
 * Types a path of generator names (diagram order). An empty path needs `at`, its object.
 * `where` is the JSON path used in errors.
 *
 * @since 0.1.0
 * @category constructors
 */
export const typePath = (
  p: Presentation,
  names: ReadonlyArray<string>,
  at?: string,
  where = "path",
): E.Either<PresentationError, TypedPath> => {
  const word: number[] = []
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string
    const a = p.generatorIndex.get(name)
    if (a === undefined) return E.left(new PresentationError(`${where}[${i}]`, { _tag: "UnknownArrow", name }))
    const prev = word[word.length - 1]
    if (prev !== undefined && p.generatorCod[prev] !== p.generatorDom[a]) {
      return E.left(
        new PresentationError(`${where}[${i}]`, {
          _tag: "IllTypedPath",
          first: p.generators[prev] as string,
          second: name,
          codomainOfFirst: p.objects[p.generatorCod[prev] as number] as string,
          domainOfSecond: p.objects[p.generatorDom[a] as number] as string,
        }),
      )
    }
    word.push(a)
  }
  const first = word[0]
  const last = word[word.length - 1]
  if (first === undefined || last === undefined) {
    if (at === undefined) return E.left(new PresentationError(where, { _tag: "EmptyPathNeedsObject" }))
    const x = p.objectIndex.get(at)
    if (x === undefined) return E.left(new PresentationError(where, { _tag: "UnknownObject", name: at }))
    return E.right({ dom: x, cod: x, word })
  }
  return E.right({ dom: p.generatorDom[first] as number, cod: p.generatorCod[last] as number, word })
}

/**
 * Shows a typed path in composition order with powers: `g∘x^3 : A → B`; `id_A` when empty.
 *
 * @since 0.1.0
 * @category destructors
 */
export const showPath = (p: Presentation, path: TypedPath, withType = true): string => {
  const body = showWord(p, path.word, path.dom)
  return withType ? `${body} : ${p.objects[path.dom]} → ${p.objects[path.cod]}` : body
}

/**
 * A word (diagram order) in composition order, runs of one generator as powers: `[x,x,f]` → `f∘x^2`.
 *
 * @since 0.1.0
 * @category destructors
 */
export const showWord = (p: Presentation, word: ReadonlyArray<number>, at: number): string => {
  if (word.length === 0) return `id_${p.objects[at]}`
  const parts: string[] = []
  let i = 0
  while (i < word.length) {
    let j = i
    while (j + 1 < word.length && word[j + 1] === word[i]) j++
    const name = p.generators[word[i] as number] as string
    parts.push(j > i ? `${name}^${j - i + 1}` : name)
    i = j + 1
  }
  return parts.reverse().join("∘")
}

const objectName = (p: Presentation, x: number): string => p.objects[x] as string

/**
 * Validates a presentation: a typed error naming the JSON path and the problem, or the
 * presentation with dense ids.
 *
 * @since 0.1.0
 * @category constructors
 */
export const parsePresentation = (input: PresentationInput): E.Either<PresentationError, Presentation> => {
  const objectIndex = new Map<string, number>()
  for (let i = 0; i < input.objects.length; i++) {
    const name = input.objects[i] as string
    if (name.length === 0) return E.left(new PresentationError(`objects[${i}]`, { _tag: "EmptyName" }))
    if (objectIndex.has(name)) return E.left(new PresentationError(`objects[${i}]`, { _tag: "DuplicateObject", name }))
    objectIndex.set(name, i)
  }
  const n = input.arrows.length
  if (n > MAX_GENERATORS) {
    return E.left(new PresentationError("arrows", { _tag: "TooManyArrows", count: n, limit: MAX_GENERATORS }))
  }
  const generatorIndex = new Map<string, number>()
  const generatorDom = new Int32Array(n)
  const generatorCod = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const g = input.arrows[i] as GeneratorInput
    if (g.name.length === 0) return E.left(new PresentationError(`arrows[${i}].name`, { _tag: "EmptyName" }))
    if (generatorIndex.has(g.name)) {
      return E.left(new PresentationError(`arrows[${i}].name`, { _tag: "DuplicateArrow", name: g.name }))
    }
    const d = objectIndex.get(g.dom)
    if (d === undefined) return E.left(new PresentationError(`arrows[${i}].dom`, { _tag: "UnknownObject", name: g.dom }))
    const c = objectIndex.get(g.cod)
    if (c === undefined) return E.left(new PresentationError(`arrows[${i}].cod`, { _tag: "UnknownObject", name: g.cod }))
    generatorIndex.set(g.name, i)
    generatorDom[i] = d
    generatorCod[i] = c
  }
  const partial: Presentation = {
    name: input.name ?? "FinCat",
    objects: [...input.objects],
    generators: input.arrows.map((g) => g.name),
    generatorDom,
    generatorCod,
    equations: [],
    objectIndex,
    generatorIndex,
  }
  const equations: Equation[] = []
  const list = input.equations ?? []
  for (let i = 0; i < list.length; i++) {
    const eq = list[i] as EquationInput
    const where = `equations[${i}]${eq.name === undefined ? "" : ` (${eq.name})`}`
    const lhsNames = eq.lhs
    const rhsNames = eq.rhs
    // An empty side borrows its object from the other side; both empty says nothing, so skip it.
    if (lhsNames.length === 0 && rhsNames.length === 0) continue
    const anchor = lhsNames.length === 0 ? rhsNames : lhsNames
    const anchorTyped = typePath(partial, anchor, undefined, `${where}.${lhsNames.length === 0 ? "rhs" : "lhs"}`)
    if (E.isLeft(anchorTyped)) return anchorTyped
    const at = objectName(partial, anchorTyped.right.dom)
    const lhs = typePath(partial, lhsNames, at, `${where}.lhs`)
    if (E.isLeft(lhs)) return lhs
    const rhs = typePath(partial, rhsNames, at, `${where}.rhs`)
    if (E.isLeft(rhs)) return rhs
    const l = lhs.right
    const r = rhs.right
    if (l.dom !== r.dom || l.cod !== r.cod) {
      const empty = l.word.length === 0 || r.word.length === 0
      const other = l.word.length === 0 ? r : l
      return E.left(
        new PresentationError(
          where,
          empty
            ? { _tag: "IdentityNotLoop", other: showPath(partial, other) }
            : { _tag: "NotParallel", lhs: showPath(partial, l), rhs: showPath(partial, r) },
        ),
      )
    }
    equations.push({ index: i, name: eq.name, lhs: l.word, rhs: r.word, dom: l.dom, cod: l.cod })
  }
  return E.right({ ...partial, equations })
}

/**
 * Validates a presentation, throwing {@link PresentationError} (with the JSON path) when it is
 * not usable. Use {@link parsePresentation} for an `Either`.
 *
 * @example
 * import { presentation } from "catcluster/category/fincat"
 * const loops = presentation({
 *   objects: ["A"],
 *   arrows: [{ name: "x", dom: "A", cod: "A" }],
 *   equations: [{ lhs: ["x", "x", "x", "x", "x"], rhs: ["x"] }], // x⁵ = x
 * })
 *
 * @since 0.1.0
 * @category constructors
 */
export const presentation = (input: PresentationInput): Presentation => {
  const result = parsePresentation(input)
  if (E.isLeft(result)) throw result.left
  return result.right
}

/**
 * A presentation written in code, with names checked by the compiler: an arrow whose `dom` or
 * `cod` is not a declared object, or an equation naming an undeclared arrow, does not compile.
 * (That neighbours of a path meet is checked at run time, with the JSON path in the error.)
 *
 * @example
 * import { definePresentation } from "catcluster/category/fincat"
 * const square = definePresentation({
 *   objects: ["A", "B", "C", "D"],
 *   arrows: [
 *     { name: "f", dom: "A", cod: "B" }, { name: "g", dom: "A", cod: "C" },
 *     { name: "h", dom: "B", cod: "D" }, { name: "k", dom: "C", cod: "D" },
 *   ],
 *   equations: [{ lhs: ["f", "h"], rhs: ["g", "k"] }],
 * })
 *
 * @since 0.1.0
 * @category constructors
 */
export const definePresentation = <const Obj extends string, const Gen extends string>(input: {
  readonly name?: string
  readonly objects: ReadonlyArray<Obj>
  readonly arrows: ReadonlyArray<{ readonly name: Gen; readonly dom: NoInfer<Obj>; readonly cod: NoInfer<Obj> }>
  readonly equations?: ReadonlyArray<{
    readonly lhs: ReadonlyArray<NoInfer<Gen>>
    readonly rhs: ReadonlyArray<NoInfer<Gen>>
    readonly name?: string
  }>
}): Presentation => presentation(input)
