import { different, equal, type ArrowEquality, type Category, type FiniteCategory } from "../Category.ts"
import { InvalidFunctionError, InvalidSetError, TooLargeError } from "./errors.ts"

/**
 * FinSet: finite sets and total functions.
 *
 * An object is the set {0, …, n−1}, given by its size n and, optionally, one label per element
 * (labels are for people: two sets of the same size are the same object). An arrow is a total
 * function stored as an `Int32Array` table `map[i] = f(i)` together with its domain and codomain,
 * so composition, equality and the (co)limit constructions run on typed arrays.
 *
 * Equality of arrows is decided exactly: two parallel functions are equal iff their tables
 * agree, and when they do not the first differing element is the witness.
 *
 * @since 0.1.0
 */

/** A finite set {0, …, size−1}, optionally with a label per element. @since 0.1.0 @category model */
export interface FinSetObject {
  readonly _tag: "FinSetObject"
  readonly size: number
  /** One label per element, all different; for showing only. */
  readonly labels?: ReadonlyArray<string>
}

/** A total function `dom → cod` as a table: `map[i]` is the image of element `i`. @since 0.1.0 @category model */
export interface FinFunction {
  readonly _tag: "FinFunction"
  readonly dom: FinSetObject
  readonly cod: FinSetObject
  readonly map: Int32Array
}

/** The largest set FinSet builds (tables are `Int32Array`s). @since 0.1.0 @category constants */
export const MAX_SET_SIZE = 2 ** 31 - 1

/**
 * The set {0, …, size−1}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const finSet = (size: number, path = "finSet"): FinSetObject => {
  if (!Number.isSafeInteger(size) || size < 0 || size > MAX_SET_SIZE) throw new InvalidSetError(path, { kind: "badSize", size })
  return { _tag: "FinSetObject", size }
}

/**
 * The set whose elements are the given labels, in order (element i is `labels[i]`).
 *
 * @example
 * import { labelledSet } from "catcluster/category/finset"
 * const zones = labelledSet(["zone-a", "zone-b"]) // size 2
 *
 * @since 0.1.0
 * @category constructors
 */
export const labelledSet = (labels: ReadonlyArray<string>, path = "labelledSet"): FinSetObject => {
  const seen = new Map<string, number>()
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] as string
    const first = seen.get(l)
    if (first !== undefined) throw new InvalidSetError(`${path}[${i}]`, { kind: "duplicateLabel", label: l, first, second: i })
    seen.set(l, i)
  }
  return { _tag: "FinSetObject", size: labels.length, labels: [...labels] }
}

/**
 * A function table built by a construction that guarantees totality: not validated.
 * Use {@link finFunction} for tables that come from outside.
 *
 * @since 0.1.0
 * @category constructors
 */
export const finFunctionUnchecked = (dom: FinSetObject, cod: FinSetObject, map: Int32Array): FinFunction => ({
  _tag: "FinFunction",
  dom,
  cod,
  map,
})

/**
 * A total function `dom → cod` from its table, validated: the table has one integer value in
 * `[0, cod.size)` per element of `dom`. Throws {@link InvalidFunctionError} naming the index.
 *
 * @example
 * import { finSet, finFunction } from "catcluster/category/finset"
 * finFunction(finSet(2), finSet(3), [2, 0])    // ok
 * // finFunction(finSet(2), finSet(3), [2, 3]) // InvalidFunctionError: value 3 at index 1 ...
 *
 * @since 0.1.0
 * @category constructors
 */
export const finFunction = (
  dom: FinSetObject,
  cod: FinSetObject,
  values: ArrayLike<number>,
  path = "finFunction",
): FinFunction => {
  const n = dom.size
  if (values.length !== n) throw new InvalidFunctionError(path, { kind: "wrongLength", expected: n, actual: values.length })
  const m = cod.size
  const map = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const v = values[i] as number
    // `v >= 0 && v < m` is false for NaN; the integer test rejects 1.5
    if (!(v >= 0 && v < m) || Math.floor(v) !== v) {
      throw new InvalidFunctionError(path, { kind: "outOfRange", index: i, value: v, codomainSize: m })
    }
    map[i] = v
  }
  return finFunctionUnchecked(dom, cod, map)
}

const indexOfLabel = (x: FinSetObject, label: string): number => {
  const i = x.labels?.indexOf(label) ?? -1
  return i
}

/**
 * A function between labelled sets given by its graph: `images[label of x] = label of f(x)`.
 * Every domain element needs an image; unknown labels are errors naming the label.
 *
 * @example
 * import { labelledSet, fromLabels } from "catcluster/category/finset"
 * const pods = labelledSet(["web", "db"]), zones = labelledSet(["a", "b"])
 * const placed = fromLabels(pods, zones, { web: "a", db: "b" })
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromLabels = (
  dom: FinSetObject,
  cod: FinSetObject,
  images: Readonly<Record<string, string>>,
  path = "fromLabels",
): FinFunction => {
  const map = new Int32Array(dom.size)
  const seen = new Uint8Array(dom.size)
  for (const [from, to] of Object.entries(images)) {
    const i = indexOfLabel(dom, from)
    if (i < 0) throw new InvalidFunctionError(`${path}.${from}`, { kind: "unknownLabel", label: from, side: "domain" })
    const j = indexOfLabel(cod, to)
    if (j < 0) throw new InvalidFunctionError(`${path}.${from}`, { kind: "unknownLabel", label: to, side: "codomain" })
    map[i] = j
    seen[i] = 1
  }
  for (let i = 0; i < dom.size; i++) {
    if (seen[i] === 0) throw new InvalidFunctionError(path, { kind: "missing", index: i, label: elementLabel(dom, i) })
  }
  return finFunctionUnchecked(dom, cod, map)
}

/**
 * The label of element `i` (its number when the set has no labels).
 *
 * @since 0.1.0
 * @category destructors
 */
export const elementLabel = (x: FinSetObject, i: number): string => x.labels?.[i] ?? String(i)

/**
 * The identity function on `x`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const identityFunction = (x: FinSetObject): FinFunction => {
  const map = new Int32Array(x.size)
  for (let i = 0; i < map.length; i++) map[i] = i
  return finFunctionUnchecked(x, x, map)
}

/**
 * `g ∘ f` on tables (callers guarantee `f.cod.size = g.dom.size`).
 *
 * @since 0.1.0
 * @category combinators
 */
export const composeFunctions = (g: FinFunction, f: FinFunction): FinFunction => {
  const fm = f.map
  const gm = g.map
  const out = new Int32Array(fm.length)
  for (let i = 0; i < fm.length; i++) out[i] = gm[fm[i] as number] as number
  return finFunctionUnchecked(f.dom, g.cod, out)
}

/**
 * Exact equality of two functions: same domain and codomain sizes and the same table; the
 * witness of a difference is the first element where the tables differ.
 *
 * @since 0.1.0
 * @category equality
 */
export const equalFunctions = (f: FinFunction, g: FinFunction): ArrowEquality => {
  if (f.dom.size !== g.dom.size || f.cod.size !== g.cod.size) {
    return different(`not parallel: ${showFunctionType(f)} vs ${showFunctionType(g)}`, {
      left: [f.dom.size, f.cod.size],
      right: [g.dom.size, g.cod.size],
    })
  }
  const a = f.map
  const b = g.map
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      const left = a[i] as number
      const right = b[i] as number
      return different(
        `differ at ${elementLabel(f.dom, i)}: ${elementLabel(f.cod, left)} ≠ ${elementLabel(g.cod, right)}`,
        { index: i, left, right },
      )
    }
  }
  return equal
}

const SHOWN = 12

/**
 * Shows a set: its labels when small, otherwise its size.
 *
 * @since 0.1.0
 * @category destructors
 */
export const showSet = (x: FinSetObject): string => {
  if (x.labels !== undefined && x.size <= SHOWN) return `{${x.labels.join(", ")}}`
  return `${x.size}`
}

const showFunctionType = (f: FinFunction): string => `${showSet(f.dom)} → ${showSet(f.cod)}`

/**
 * Shows a function as its graph (`a↦x, b↦y`), truncated for large domains.
 *
 * @since 0.1.0
 * @category destructors
 */
export const showFunction = (f: FinFunction): string => {
  const n = Math.min(f.dom.size, SHOWN)
  const parts: string[] = []
  for (let i = 0; i < n; i++) parts.push(`${elementLabel(f.dom, i)}↦${elementLabel(f.cod, f.map[i] as number)}`)
  if (f.dom.size > SHOWN) parts.push(`… (${f.dom.size - SHOWN} more)`)
  return `[${parts.join(", ")}] : ${showFunctionType(f)}`
}

/**
 * The category FinSet (infinitely many objects; not enumerable, see {@link finSetCategory}).
 *
 * @example
 * import { FinSet, finSet, finFunction } from "catcluster/category/finset"
 * const two = finSet(2), three = finSet(3)
 * const f = finFunction(two, three, [2, 0])
 * const g = finFunction(three, two, [1, 1, 0])
 * FinSet.compose(g, f).map // Int32Array [0, 1]
 *
 * @since 0.1.0
 * @category instances
 */
export const FinSet: Category<FinSetObject, FinFunction> = {
  name: "FinSet",
  dom: (f) => f.dom,
  cod: (f) => f.cod,
  id: identityFunction,
  compose: composeFunctions,
  equalObjects: (x, y) => x.size === y.size,
  equalArrows: equalFunctions,
  showObject: showSet,
  showArrow: showFunction,
}

/**
 * The number of functions `dom → cod`, `cod^dom` (may be `Infinity` for huge sets).
 *
 * @since 0.1.0
 * @category destructors
 */
export const homSize = (dom: number, cod: number): number => (dom === 0 ? 1 : cod ** dom)

/**
 * Every function `dom → cod`, in lexicographic order of their tables (last element fastest).
 * Guarded: throws {@link TooLargeError} when there are more than `bound` of them.
 *
 * @since 0.1.0
 * @category destructors
 */
export function* homFunctions(dom: FinSetObject, cod: FinSetObject, bound = 1_000_000): Generator<FinFunction> {
  const count = homSize(dom.size, cod.size)
  if (count > bound) throw new TooLargeError(`hom(${dom.size}, ${cod.size})`, count, bound)
  if (count === 0) return
  const n = dom.size
  const m = cod.size
  const digits = new Int32Array(n)
  for (;;) {
    yield finFunctionUnchecked(dom, cod, digits.slice())
    let i = n - 1
    while (i >= 0 && digits[i] === m - 1) digits[i--] = 0
    if (i < 0) return
    digits[i] = (digits[i] as number) + 1
  }
}

/**
 * Options of {@link finSetCategory}.
 *
 * @since 0.1.0
 * @category model
 */
export interface FinSetCategoryOptions {
  /** The largest hom-set allowed (default 10⁵): enumeration is `cod^dom`, so keep sets tiny. */
  readonly maxHom?: number
  readonly name?: string
}

/**
 * The full subcategory of FinSet on the given objects, as a {@link FiniteCategory} whose
 * hom-sets list every function. Every hom-set is sized up front; one larger than `maxHom`
 * throws {@link TooLargeError} here, before any law check starts.
 *
 * @example
 * import { finSet, finSetCategory } from "catcluster/category/finset"
 * import { categoryLaws, runSuite } from "catcluster/laws"
 * runSuite(categoryLaws(finSetCategory([finSet(0), finSet(1), finSet(2)])))
 *
 * @since 0.1.0
 * @category instances
 */
export const finSetCategory = (
  objects: ReadonlyArray<FinSetObject>,
  options: FinSetCategoryOptions = {},
): FiniteCategory<FinSetObject, FinFunction> => {
  const bound = options.maxHom ?? 100_000
  for (const x of objects) {
    for (const y of objects) {
      const count = homSize(x.size, y.size)
      if (count > bound) throw new TooLargeError(`hom(${x.size}, ${y.size})`, count, bound)
    }
  }
  const list = [...objects]
  return {
    ...FinSet,
    name: options.name ?? `FinSet{${list.map((x) => x.size).join(",")}}`,
    objects: () => list,
    hom: (x, y) => [...homFunctions(x, y, bound)],
  }
}
