import * as fc from "fast-check"
import type { ArrowEquality, Category, FiniteCategory } from "../category/Category.ts"
import { allFunctions, anyFnArbitrary, composableArbitrary, showFn, type AnyFn, type AnyTypeObject } from "../category/Type.ts"
import type { Functor } from "../functors/Functor.ts"
import { exhaustive, sampled, type Carrier } from "./Carrier.ts"
import { finiteCategoryCarriers, type CategoryCarriers } from "./category.ts"
import { law } from "./Law.ts"
import { bind, suite, type Suite } from "./Suite.ts"

/**
 * The functor laws — identities to identities, composites to composites, endpoints to
 * endpoints — for any {@link Functor}: exhaustive when the source is a finite category or a
 * list of finite described types, sampled otherwise.
 *
 * @since 0.1.0
 */

/** The source category's objects, arrows and composable pairs. @since 0.1.0 @category model */
export interface FunctorCarriers<O, A> extends CategoryCarriers<A> {
  readonly objects: Carrier<O>
}

/**
 * Every object, arrow, composable pair and triple of a finite category.
 *
 * @since 0.1.0
 * @category carriers
 */
export const finiteFunctorCarriers = <O, A>(C: FiniteCategory<O, A>): FunctorCarriers<O, A> => ({
  objects: exhaustive(() => C.objects(), C.showObject),
  ...finiteCategoryCarriers(C),
})

/** Options of {@link typeCarriers}. @since 0.1.0 @category model */
export interface TypeCarrierOptions {
  /** Enumerate every function when the types are finite and there are at most this many arrows. Default 2000. */
  readonly exhaustiveUpTo?: number
}

const showFns = (fs: ReadonlyArray<AnyFn>) => `[${fs.map(showFn).join(", ")}]`

/**
 * Carriers of arrows of **Type** through the given described types. When every type
 * enumerates and the functions between them are few, *every* function is listed (the laws are
 * then proved on those types); otherwise random functions (`fc.func`) are sampled.
 *
 * @example
 * import { booleanType, integerType, optionType } from "catcluster/category"
 * import { typeCarriers } from "catcluster/laws"
 * typeCarriers([booleanType, optionType(booleanType)]).arrows._tag // "Exhaustive": 48 functions
 * typeCarriers([integerType, booleanType]).arrows._tag // "Sampled"
 *
 * @since 0.1.0
 * @category carriers
 */
export const typeCarriers = (
  types: ReadonlyArray<AnyTypeObject>,
  options: TypeCarrierOptions = {},
): FunctorCarriers<AnyTypeObject, AnyFn> => {
  // Objects of Type are identified by name: a type listed twice is one object.
  const objects = types.filter((t, i) => types.findIndex((u) => u.name === t.name) === i)
  const objectCarrier = exhaustive(() => objects, (x: AnyTypeObject) => x.name)
  const cap = options.exhaustiveUpTo ?? 2000
  const homs = objects.map((x) => objects.map((y) => allFunctions(x, y, cap)))
  const total = homs.flat().reduce<number | undefined>((n, h) => (n === undefined || h === undefined ? undefined : n + h.length), 0)
  if (total !== undefined && total <= cap) {
    const all = homs.flat().flatMap((h) => h ?? [])
    const from = (x: AnyTypeObject) => homs[objects.findIndex((o) => o.name === x.name)]?.flatMap((h) => h ?? []) ?? []
    return {
      objects: objectCarrier,
      arrows: exhaustive(() => all, showFn),
      pairs: exhaustive(function* () {
        for (const f of all) for (const g of from(f.cod)) yield [f, g] as const
      }, showFns),
      triples: exhaustive(function* () {
        for (const f of all) for (const g of from(f.cod)) for (const h of from(g.cod)) yield [f, g, h] as const
      }, showFns),
    }
  }
  return {
    objects: objectCarrier,
    arrows: sampled(anyFnArbitrary(objects), showFn),
    pairs: sampled(composableArbitrary(objects, 2) as fc.Arbitrary<readonly [AnyFn, AnyFn]>, showFns),
    triples: sampled(composableArbitrary(objects, 3) as fc.Arbitrary<readonly [AnyFn, AnyFn, AnyFn]>, showFns),
  }
}

const objectEquality =
  <O, A>(C: Category<O, A>) =>
  (x: O, y: O): ArrowEquality =>
    C.equalObjects(x, y) ? { equal: true } : { equal: false, witness: [x, y], message: `${C.showObject(x)} ≠ ${C.showObject(y)}` }

/**
 * The category, if it is finite (lists its objects and hom-sets).
 *
 * @since 0.1.0
 * @category refinements
 */
export const asFinite = <O, A>(C: Category<O, A>): FiniteCategory<O, A> | undefined => {
  const candidate = C as Partial<FiniteCategory<O, A>>
  return typeof candidate.objects === "function" && typeof candidate.hom === "function" ? (C as FiniteCategory<O, A>) : undefined
}

/**
 * Carriers were left out for a category that cannot list its arrows.
 *
 * @since 0.1.0
 * @category errors
 */
export class CarriersRequiredError extends Error {
  readonly _tag = "CarriersRequired" as const
  constructor(
    readonly category: string,
    readonly purpose: string,
  ) {
    // Type (where every fp-ts functor lives) is the usual case: say what to pass there.
    const hint = category === "Type" ? ", e.g. typeCarriers([booleanType, …]) for the types to check on" : ""
    super(`${purpose}: ${category} is not a finite category (no objects()/hom()), so pass carriers for its arrows${hint}`)
    this.name = "CarriersRequiredError"
  }
}

/**
 * `C` as a finite category, or a {@link CarriersRequiredError} naming what needed it.
 *
 * @since 0.1.0
 * @category refinements
 */
export const requireFinite = <O, A>(C: Category<O, A>, purpose: string): FiniteCategory<O, A> => {
  const finite = asFinite(C)
  if (finite === undefined) throw new CarriersRequiredError(C.name, purpose)
  return finite
}

/**
 * The functor laws of `F` on the given carriers of its source (default: exhaustive, for a
 * finite source category; a {@link CarriersRequiredError} for an infinite one, such as the
 * Type of an fp-ts functor: pass {@link typeCarriers}). `name` names the suite's subject in
 * verdicts and test titles (default: the functor's name), so that two functors both called
 * "Option" can be told apart.
 *
 * @example
 * import { booleanType, optionType } from "catcluster/category"
 * import { optionEndofunctor } from "catcluster/functors"
 * import { functorLaws, runSuite, typeCarriers } from "catcluster/laws"
 * runSuite(functorLaws(optionEndofunctor, typeCarriers([booleanType, optionType(booleanType)])))
 * runSuite(functorLaws(optionEndofunctor, typeCarriers([booleanType]), "fp-ts Option")).subject // "fp-ts Option"
 *
 * @since 0.1.0
 * @category suites
 */
export const functorLaws = <O1, A1, O2, A2>(F: Functor<O1, A1, O2, A2>, carriers?: FunctorCarriers<O1, A1>, name: string = F.name): Suite => {
  const { source: C, target: D } = F
  const on = carriers ?? finiteFunctorCarriers(requireFinite(C, `the functor laws of ${F.name}`))
  const composable = (f: A1, g: A1) => C.equalObjects(C.cod(f), C.dom(g))
  return suite("functor", name, [
    bind(
      law("functor.identity", "F(id x) = id(F x)", (x: O1) => ({ lhs: F.onArrows(C.id(x)), rhs: D.id(F.onObjects(x)) })),
      on.objects,
      D.equalArrows,
    ),
    bind(
      law("functor.composition", "F(g ∘ f) = F g ∘ F f", ([f, g]: readonly [A1, A1]) =>
        composable(f, g) ? { lhs: F.onArrows(C.compose(g, f)), rhs: D.compose(F.onArrows(g), F.onArrows(f)) } : undefined,
      ),
      on.pairs,
      D.equalArrows,
    ),
    bind(
      law("functor.domain", "F(dom f) = dom(F f)", (f: A1) => ({ lhs: F.onObjects(C.dom(f)), rhs: D.dom(F.onArrows(f)) })),
      on.arrows,
      objectEquality(D),
    ),
    bind(
      law("functor.codomain", "F(cod f) = cod(F f)", (f: A1) => ({ lhs: F.onObjects(C.cod(f)), rhs: D.cod(F.onArrows(f)) })),
      on.arrows,
      objectEquality(D),
    ),
  ])
}

/**
 * Faithfulness as a law: for parallel arrows f, g, `F f = F g` implies `f = g`. Inputs whose
 * images differ do not apply. Use it on carriers where {@link isFaithful} (finite categories)
 * is not available, e.g. sampled pairs in Type. `name` names the suite's subject (default: the
 * functor's name).
 *
 * @since 0.1.0
 * @category suites
 */
export const faithfulnessLaw = <O1, A1, O2, A2>(
  F: Functor<O1, A1, O2, A2>,
  parallelPairs: Carrier<readonly [A1, A1]>,
  name: string = F.name,
): Suite =>
  suite("faithful", name, [
    bind(
      law("functor.faithful", "F f = F g ⇒ f = g", ([f, g]: readonly [A1, A1]) =>
        F.target.equalArrows(F.onArrows(f), F.onArrows(g)).equal ? { lhs: f, rhs: g } : undefined,
      ),
      parallelPairs,
      F.source.equalArrows,
    ),
  ])
