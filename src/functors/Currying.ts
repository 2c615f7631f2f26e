import { fn, functionType, pairType, Type, type AnyFn, type AnyTypeObject, type TypeObject } from "../category/Type.ts"
import type { Adjunction } from "./Adjunction.ts"
import type { Endofunctor } from "./Functor.ts"

/**
 * The currying adjunction on Type: `(−) × B ⊣ (−)^B`, i.e. `Type(A × B, C) ≅ Type(A, C^B)`
 * (SPEC S1.7, "cartesian closed"). Its unit pairs, its counit evaluates:
 *
 * - `η_A : A → (B → A × B)`,   `a ↦ (b ↦ [a, b])`
 * - `ε_C : (B → C) × B → C`,   `[h, b] ↦ h(b)`
 *
 * `B` must enumerate, because values of `C^B` are functions compared on every `b`.
 *
 * @since 0.1.0
 */

/**
 * `(−) × B`: `A ↦ A × B`, `f ↦ f × id_B`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const productFunctor = <B>(b: TypeObject<B>): Endofunctor<AnyTypeObject, AnyFn> => ({
  name: `(−) × ${b.name}`,
  source: Type,
  target: Type,
  onObjects: (a) => pairType(a, b),
  onArrows: (f) => fn(`${f.name} × id`, pairType(f.dom, b), pairType(f.cod, b), ([x, y]: readonly [unknown, B]) => [f.run(x), y] as const),
})

/**
 * `(−)^B`: `C ↦ (B → C)`, `g ↦ (h ↦ g ∘ h)`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const exponentialFunctor = <B>(b: TypeObject<B>): Endofunctor<AnyTypeObject, AnyFn> => ({
  name: `(−)^${b.name}`,
  source: Type,
  target: Type,
  onObjects: (c) => functionType(b, c),
  onArrows: (g) =>
    fn(`${g.name}^${b.name}`, functionType(b, g.dom), functionType(b, g.cod), (h: (x: B) => unknown) => (x: B) => g.run(h(x))),
})

/**
 * The currying adjunction `(−) × B ⊣ (−)^B` on Type.
 *
 * @example
 * import { booleanType, literalType } from "catcluster/category"
 * import { curryingAdjunction } from "catcluster/functors"
 * import { adjunctionLaws, exhaustive, holds, runSuite } from "catcluster/laws"
 * const adj = curryingAdjunction(booleanType)
 * adj.name                                             // "(−) × boolean ⊣ (−)^boolean"
 * adj.counit(booleanType).run([(b: boolean) => !b, true]) // false: ε evaluates
 * const types = exhaustive(() => [booleanType, literalType("a", "b")], (t) => t.name)
 * holds(runSuite(adjunctionLaws(adj, { objectsC: types, objectsD: types }))) // true: both triangle identities
 *
 * @since 0.1.0
 * @category instances
 */
export const curryingAdjunction = <B>(b: TypeObject<B>): Adjunction<AnyTypeObject, AnyFn, AnyTypeObject, AnyFn> => ({
  name: `(−) × ${b.name} ⊣ (−)^${b.name}`,
  left: productFunctor(b),
  right: exponentialFunctor(b),
  unit: (a) => fn(`pair_${a.name}`, a, functionType(b, pairType(a, b)), (x: unknown) => (y: B) => [x, y] as const),
  counit: (c) => fn(`eval_${c.name}`, pairType(functionType(b, c), b), c, ([h, y]: readonly [(x: B) => unknown, B]) => h(y)),
})
