/**
 * Small finite categories for the functor, transformation and law tests, built by hand so that
 * these tests do not depend on FinCat: thin categories of preorders, one-object categories of
 * finite monoids, and free categories on acyclic graphs (arrows are paths).
 */
import { different, equal, type FiniteCategory } from "../../src/category/Category.ts"

/** An arrow x → y of a thin category: exists iff x ≤ y. */
export type ThinArrow<O> = readonly [O, O]

/** The thin category of a preorder on a finite set. */
export const thin = <O extends string>(name: string, objects: ReadonlyArray<O>, leq: (x: O, y: O) => boolean): FiniteCategory<O, ThinArrow<O>> => ({
  name,
  dom: (f) => f[0],
  cod: (f) => f[1],
  id: (x) => [x, x],
  compose: (g, f) => [f[0], g[1]],
  equalObjects: (x, y) => x === y,
  equalArrows: (f, g) => (f[0] === g[0] && f[1] === g[1] ? equal : different(`${f.join("≤")} ≠ ${g.join("≤")}`, [f, g])),
  showObject: (x) => x,
  showArrow: (f) => `${f[0]}≤${f[1]}`,
  objects: () => objects,
  hom: (x, y) => (leq(x, y) ? [[x, y]] : []),
})

/** A finite monoid {0..n-1} as a one-object category. */
export const monoidCategory = (name: string, n: number, op: (g: number, f: number) => number, unit = 0): FiniteCategory<"*", number> => ({
  name,
  dom: () => "*",
  cod: () => "*",
  id: () => unit,
  compose: op,
  equalObjects: () => true,
  equalArrows: (f, g) => (f === g ? equal : different(`${f} ≠ ${g}`, [f, g])),
  showObject: (x) => x,
  showArrow: (f) => `${f}`,
  objects: () => ["*"],
  hom: () => Array.from({ length: n }, (_, i) => i),
})

/** A path in a free category: its endpoints and generator names, first applied first. */
export interface Path {
  readonly dom: string
  readonly cod: string
  readonly steps: ReadonlyArray<string>
}

/** The free category on a finite acyclic graph: arrows are paths of generators. */
export const freeCategory = (
  name: string,
  objects: ReadonlyArray<string>,
  generators: ReadonlyArray<{ readonly name: string; readonly dom: string; readonly cod: string }>,
): FiniteCategory<string, Path> => {
  const paths = (x: string, y: string): ReadonlyArray<Path> => {
    const out: Path[] = []
    const walk = (at: string, steps: ReadonlyArray<string>): void => {
      if (at === y) out.push({ dom: x, cod: y, steps })
      for (const g of generators) if (g.dom === at) walk(g.cod, [...steps, g.name])
    }
    walk(x, [])
    return out
  }
  return {
    name,
    dom: (f) => f.dom,
    cod: (f) => f.cod,
    id: (x) => ({ dom: x, cod: x, steps: [] }),
    compose: (g, f) => ({ dom: f.dom, cod: g.cod, steps: [...f.steps, ...g.steps] }),
    equalObjects: (x, y) => x === y,
    equalArrows: (f, g) =>
      f.dom === g.dom && f.cod === g.cod && f.steps.join(";") === g.steps.join(";")
        ? equal
        : different(`${show(f)} ≠ ${show(g)}`, [f, g]),
    showObject: (x) => x,
    showArrow: (f) => show(f),
    objects: () => objects,
    hom: paths,
  }
}

const show = (f: Path): string => (f.steps.length === 0 ? `id_${f.dom}` : [...f.steps].reverse().join("∘"))
