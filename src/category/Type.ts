import { NotComposableError, type Category } from "./Category.ts"
import { composeFn, fn, identityFn, showFn, type AnyFn, type Fn } from "./type/Fn.ts"
import { defaultSampling, equalFns, type Sampling } from "./type/equality.ts"
import type { AnyTypeObject } from "./type/TypeObject.ts"

/**
 * **Type**: the category of TypeScript types and functions.
 *
 * Objects are described types ({@link TypeObject}: an arbitrary, an equality, a printer and,
 * for finite carriers, an enumeration); arrows are functions between them ({@link Fn}).
 * Identity and composition are the usual ones; equality of arrows is extensional — decided by
 * enumeration when the domain is finite, sampled with a fixed seed (and a shrunk witness input)
 * otherwise. Objects are identified by their names.
 *
 * @since 0.1.0
 */

export * from "./type/TypeObject.ts"
export * from "./type/Fn.ts"
export * from "./type/constructors.ts"
export * from "./type/equality.ts"
export * from "./type/arbitraries.ts"

/**
 * The category Type with the given sampling for arrows out of infinite types.
 *
 * @since 0.1.0
 * @category constructors
 */
export const typeCategory = (sampling: Sampling = defaultSampling): Category<AnyTypeObject, AnyFn> => ({
  name: "Type",
  dom: (f) => f.dom,
  cod: (f) => f.cod,
  id: (x) => identityFn(x),
  compose: (g, f) => {
    if (f.cod.name !== g.dom.name) {
      // Typed code cannot get here (composeFn's signature forbids it); untyped callers learn which arrows.
      throw new NotComposableError(showFn(f), showFn(g), f.cod.name, g.dom.name)
    }
    return composeFn(g, f)
  },
  equalObjects: (x, y) => x.name === y.name,
  equalArrows: equalFns(sampling),
  showObject: (x) => x.name,
  showArrow: showFn,
})

/**
 * Type with the default sampling (seed 20261127 or `CATCLUSTER_SEED`, 100 inputs per sampled
 * comparison; see {@link defaultSampling}).
 *
 * @example
 * import { Type, booleanType, fn } from "catcluster/category"
 * const not = fn("not", booleanType, booleanType, (b) => !b)
 * Type.equalArrows(Type.compose(not, not), Type.id(booleanType)) // { equal: true }: decided on {false, true}
 *
 * @since 0.1.0
 * @category instances
 */
export const Type: Category<AnyTypeObject, AnyFn> = typeCategory()

/**
 * Renames an arrow (e.g. to show it in a diagram), keeping its function.
 *
 * @since 0.1.0
 * @category combinators
 */
export const renameFn = <A, B>(f: Fn<A, B>, name: string): Fn<A, B> => fn(name, f.dom, f.cod, f.run)
