import * as fc from "fast-check"
import { InvalidFunctionError } from "./errors.ts"
import { finFunctionUnchecked, type FinFunction, type FinSetObject } from "./FinSet.ts"

/**
 * fast-check arbitraries of finite sets and functions, for sampled law checks and property tests.
 * Shrinking moves function values towards 0 and domains towards the empty set.
 *
 * @since 0.1.0
 */

/**
 * Every function `dom → cod`; throws {@link InvalidFunctionError} when there is none (`cod` empty, `dom` not).
 *
 * @example
 * import * as fc from "fast-check"
 * import { finSet, arbitraryFunction } from "catcluster/category/finset"
 * fc.sample(arbitraryFunction(finSet(3), finSet(2)), 1)[0]!.map.length // 3
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const arbitraryFunction = (dom: FinSetObject, cod: FinSetObject): fc.Arbitrary<FinFunction> => {
  // there is no function from a non-empty set into ∅: say so instead of generating nothing forever
  if (cod.size === 0 && dom.size > 0) {
    throw new InvalidFunctionError("arbitraryFunction", { kind: "outOfRange", index: 0, value: 0, codomainSize: 0 })
  }
  return fc
    .array(fc.integer({ min: 0, max: Math.max(0, cod.size - 1) }), { minLength: dom.size, maxLength: dom.size })
    .map((values) => finFunctionUnchecked(dom, cod, Int32Array.from(values)))
}

/**
 * A function from a set of random size (0 … `maxDomain`) into `cod`.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const arbitraryFunctionInto = (cod: FinSetObject, maxDomain = 8): fc.Arbitrary<FinFunction> =>
  fc
    .integer({ min: 0, max: cod.size === 0 ? 0 : maxDomain })
    .chain((n) => arbitraryFunction({ _tag: "FinSetObject", size: n }, cod))

/**
 * A function out of `dom` into a set of random size (1 … `maxCodomain`).
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const arbitraryFunctionOutOf = (dom: FinSetObject, maxCodomain = 8): fc.Arbitrary<FinFunction> =>
  fc.integer({ min: 1, max: maxCodomain }).chain((m) => arbitraryFunction(dom, { _tag: "FinSetObject", size: m }))
