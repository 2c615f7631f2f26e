import { different, equal, type Category, type FiniteCategory } from "../Category.ts"

/**
 * The thin category of a preorder: one object per element, exactly one arrow x → y when x ≤ y
 * and none otherwise (for resource orders: r → s iff r ≤ s). Identities need reflexivity and
 * composition needs transitivity, so a relation that is not a preorder is not a category:
 * {@link thinCategory} decides both on the listed elements up front, and every composition
 * checks that its composite exists, so a broken order is reported with its witness (the element
 * or the triple x ≤ y ≤ z with x ≰ z), never turned into a wrong category.
 *
 * @since 0.1.0
 */

/** The unique arrow dom → cod of a thin category (dom ≤ cod). @since 0.1.0 @category model */
export interface ThinArrow<T> {
  readonly _tag: "ThinArrow"
  readonly dom: T
  readonly cod: T
}

/**
 * A relation that is not a preorder, or an arrow that does not exist, with the witness.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotAPreorderError extends Error {
  readonly _tag = "NotAPreorder" as const
  constructor(
    readonly category: string,
    readonly problem:
      | { readonly kind: "notReflexive"; readonly index: number; readonly element: string }
      | {
          readonly kind: "notTransitive"
          readonly indices: readonly [number, number, number]
          readonly elements: readonly [string, string, string]
        }
      | { readonly kind: "noArrow"; readonly from: string; readonly to: string }
      | { readonly kind: "unknownElement"; readonly element: string },
  ) {
    const p = problem
    super(
      `${category}: ${
        p.kind === "notReflexive"
          ? `not reflexive: ${p.element} ≰ ${p.element} (element ${p.index})`
          : p.kind === "notTransitive"
            ? `not transitive: ${p.elements[0]} ≤ ${p.elements[1]} ≤ ${p.elements[2]} but ${p.elements[0]} ≰ ${p.elements[2]} (elements ${p.indices.join(", ")})`
            : p.kind === "noArrow"
              ? `no arrow ${p.from} → ${p.to}: ${p.from} ≰ ${p.to}`
              : `${p.element} is not an element of the order`
      }`,
    )
    this.name = "NotAPreorderError"
  }
}

/** Options of the thin-category constructors. @since 0.1.0 @category model */
export interface ThinOptions<T> {
  readonly name?: string
  /** An element as text, for objects and error messages. */
  readonly show?: (x: T) => string
  /** Identifies equal elements (default: the element itself, compared with SameValueZero). */
  readonly key?: (x: T) => unknown
}

/** A thin category with the arrow constructor `arrow(x, y)` (throws when x ≰ y). @since 0.1.0 @category model */
export interface ThinCategory<T> extends Category<T, ThinArrow<T>> {
  /** The unique arrow x → y; throws `NotAPreorderError` when x ≰ y. */
  readonly arrow: (x: T, y: T) => ThinArrow<T>
}

/** A finite thin category. @since 0.1.0 @category model */
export interface FiniteThinCategory<T> extends FiniteCategory<T, ThinArrow<T>> {
  /** The unique arrow x → y; throws `NotAPreorderError` when x ≰ y. */
  readonly arrow: (x: T, y: T) => ThinArrow<T>
}

const thinOver = <T>(
  name: string,
  leq: (x: T, y: T) => boolean,
  show: (x: T) => string,
  key: (x: T) => unknown,
): ThinCategory<T> => {
  const arrow = (x: T, y: T): ThinArrow<T> => {
    if (!leq(x, y)) throw new NotAPreorderError(name, { kind: "noArrow", from: show(x), to: show(y) })
    return { _tag: "ThinArrow", dom: x, cod: y }
  }
  return {
    name,
    dom: (f) => f.dom,
    cod: (f) => f.cod,
    id: (x) => arrow(x, x),
    // the composite x → z exists only if x ≤ z: checked, so an intransitive order is caught here
    compose: (g, f) => arrow(f.dom, g.cod),
    equalObjects: (x, y) => Object.is(key(x), key(y)) || key(x) === key(y),
    equalArrows: (f, g) =>
      Object.is(key(f.dom), key(g.dom)) && Object.is(key(f.cod), key(g.cod))
        ? equal
        : different(`not parallel: ${show(f.dom)} → ${show(f.cod)} vs ${show(g.dom)} → ${show(g.cod)}`, [f, g]),
    showObject: show,
    showArrow: (f) => `${show(f.dom)} ≤ ${show(f.cod)}`,
    arrow,
  }
}

/**
 * The thin category of a preorder given by a decision procedure `leq`, over all values of T
 * (not enumerable). Nothing is checked up front — the order may be infinite — but every identity
 * and composite is checked to exist, so an order that is not reflexive or transitive fails at the
 * first composition that needs the missing arrow.
 *
 * @since 0.1.0
 * @category constructions
 */
export const thinCategoryOf = <T>(leq: (x: T, y: T) => boolean, options: ThinOptions<T> = {}): ThinCategory<T> =>
  thinOver(options.name ?? "Thin", leq, options.show ?? String, options.key ?? ((x) => x))

/**
 * The thin category of the preorder `leq` on a list of elements, as a {@link FiniteCategory}.
 * The relation is decided once into an n × n table, and reflexivity and transitivity are checked
 * on it (O(n³)); a failure throws {@link NotAPreorderError} with the element or triple.
 *
 * @example
 * import { thinCategory } from "catcluster/category/constructions"
 * const cpus = thinCategory([1, 2, 4], (a, b) => a <= b, { name: "cores" })
 * cpus.hom(1, 4).length // 1
 * cpus.hom(4, 1).length // 0
 *
 * @example
 * import { thinCategory } from "catcluster/category/constructions"
 * // throws NotAPreorderError: not transitive: 0 ≤ 1 ≤ 2 but 0 ≰ 2
 * // thinCategory([0, 1, 2], (a, b) => b - a <= 1 && b >= a)
 *
 * @since 0.1.0
 * @category constructions
 */
export const thinCategory = <T>(
  elements: ReadonlyArray<T>,
  leq: (x: T, y: T) => boolean,
  options: ThinOptions<T> = {},
): FiniteThinCategory<T> => {
  const name = options.name ?? "Thin"
  const show = options.show ?? String
  const key = options.key ?? ((x: T) => x)
  const n = elements.length
  const index = new Map<unknown, number>()
  elements.forEach((x, i) => index.set(key(x), i))
  const table = new Uint8Array(n * n)
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) table[i * n + j] = leq(elements[i] as T, elements[j] as T) ? 1 : 0
  for (let i = 0; i < n; i++) {
    if (table[i * n + i] === 0) throw new NotAPreorderError(name, { kind: "notReflexive", index: i, element: show(elements[i] as T) })
  }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (table[i * n + j] === 0) continue
      for (let k = 0; k < n; k++) {
        if (table[j * n + k] === 1 && table[i * n + k] === 0) {
          throw new NotAPreorderError(name, {
            kind: "notTransitive",
            indices: [i, j, k],
            elements: [show(elements[i] as T), show(elements[j] as T), show(elements[k] as T)],
          })
        }
      }
    }
  const position = (x: T): number => {
    const i = index.get(key(x))
    if (i === undefined) throw new NotAPreorderError(name, { kind: "unknownElement", element: show(x) })
    return i
  }
  const decided = (x: T, y: T): boolean => table[position(x) * n + position(y)] === 1
  const base = thinOver(name, decided, show, key)
  return {
    ...base,
    objects: () => elements,
    hom: (x, y) => (decided(x, y) ? [{ _tag: "ThinArrow", dom: x, cod: y }] : []),
  }
}
