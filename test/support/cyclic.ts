import { different, equal, type FiniteCategory } from "../../src/category/Category.ts"

/**
 * ℤ/n under addition seen as a one-object category: the smallest finite category whose laws are
 * not trivial. `compose` may be replaced by a broken one to prove a checker catches it.
 */
export const cyclic = (n: number, compose: (g: number, f: number) => number = (g, f) => (g + f) % n): FiniteCategory<"*", number> => ({
  name: `Z/${n}`,
  dom: () => "*",
  cod: () => "*",
  id: () => 0,
  compose,
  equalObjects: () => true,
  equalArrows: (f, g) => (f === g ? equal : different(`${f} ≠ ${g}`, [f, g])),
  showObject: (x) => x,
  showArrow: (f) => `+${f}`,
  objects: () => ["*"],
  hom: () => Array.from({ length: n }, (_, i) => i),
})
