import type { Category, FiniteCategory } from "../category/Category.ts"
import { exhaustive, type Carrier } from "./Carrier.ts"
import { law } from "./Law.ts"
import { bind, suite, type Suite } from "./Suite.ts"

/**
 * The category laws — identity on both sides, associativity, and that composites keep the outer
 * endpoints — for any {@link Category}: exhaustive on a {@link FiniteCategory}, sampled otherwise.
 *
 * @since 0.1.0
 */

/** Where the arrows, composable pairs and composable triples come from. @since 0.1.0 @category model */
export interface CategoryCarriers<A> {
  readonly arrows: Carrier<A>
  /** `[f, g]` with `cod f = dom g` (g after f). */
  readonly pairs: Carrier<readonly [A, A]>
  /** `[f, g, h]` with `cod f = dom g`, `cod g = dom h`. */
  readonly triples: Carrier<readonly [A, A, A]>
}

/**
 * Every arrow, every composable pair and every composable triple of a finite category.
 *
 * @since 0.1.0
 * @category carriers
 */
export const finiteCategoryCarriers = <O, A>(C: FiniteCategory<O, A>): CategoryCarriers<A> => {
  const objects = C.objects()
  const arrows = function* (): Iterable<A> {
    for (const x of objects) for (const y of objects) yield* C.hom(x, y)
  }
  const from = function* (x: O): Iterable<A> {
    for (const y of objects) yield* C.hom(x, y)
  }
  const showArrows = (fs: ReadonlyArray<A>) => `[${fs.map(C.showArrow).join(", ")}]`
  return {
    arrows: exhaustive(arrows, C.showArrow),
    pairs: exhaustive(function* () {
      for (const f of arrows()) for (const g of from(C.cod(f))) yield [f, g] as const
    }, showArrows),
    triples: exhaustive(function* () {
      for (const f of arrows())
        for (const g of from(C.cod(f))) for (const h of from(C.cod(g))) yield [f, g, h] as const
    }, showArrows),
  }
}

/**
 * The category laws of `C` on the given carriers (default: exhaustive, for a finite category).
 * `name` names the suite's subject in verdicts and test titles (default: the category's name).
 *
 * @example
 * import { categoryLaws, runSuite, assertLaws } from "catcluster/laws"
 * // assertLaws(runSuite(categoryLaws(myFiniteCategory)))
 *
 * @since 0.1.0
 * @category suites
 */
export function categoryLaws<O, A>(C: FiniteCategory<O, A>, carriers?: undefined, name?: string): Suite
export function categoryLaws<O, A>(C: Category<O, A>, carriers: CategoryCarriers<A>, name?: string): Suite
export function categoryLaws<O, A>(C: Category<O, A>, carriers?: CategoryCarriers<A>, name: string = C.name): Suite {
  const on = carriers ?? finiteCategoryCarriers(C as FiniteCategory<O, A>)
  const composable = (f: A, g: A) => C.equalObjects(C.cod(f), C.dom(g))
  const arrowsEqual = C.equalArrows
  const objectsEqual = (x: O, y: O) =>
    C.equalObjects(x, y)
      ? ({ equal: true } as const)
      : ({ equal: false, witness: [x, y], message: `${C.showObject(x)} ≠ ${C.showObject(y)}` } as const)
  return suite("category", name, [
    bind(
      law("category.leftIdentity", "id(cod f) ∘ f = f", (f: A) => ({ lhs: C.compose(C.id(C.cod(f)), f), rhs: f })),
      on.arrows,
      arrowsEqual,
    ),
    bind(
      law("category.rightIdentity", "f ∘ id(dom f) = f", (f: A) => ({ lhs: C.compose(f, C.id(C.dom(f))), rhs: f })),
      on.arrows,
      arrowsEqual,
    ),
    bind(
      law("category.compositeDomain", "dom(g ∘ f) = dom f", ([f, g]: readonly [A, A]) =>
        composable(f, g) ? { lhs: C.dom(C.compose(g, f)), rhs: C.dom(f) } : undefined,
      ),
      on.pairs,
      objectsEqual,
    ),
    bind(
      law("category.compositeCodomain", "cod(g ∘ f) = cod g", ([f, g]: readonly [A, A]) =>
        composable(f, g) ? { lhs: C.cod(C.compose(g, f)), rhs: C.cod(g) } : undefined,
      ),
      on.pairs,
      objectsEqual,
    ),
    bind(
      law("category.associativity", "h ∘ (g ∘ f) = (h ∘ g) ∘ f", ([f, g, h]: readonly [A, A, A]) =>
        composable(f, g) && composable(g, h)
          ? { lhs: C.compose(h, C.compose(g, f)), rhs: C.compose(C.compose(h, g), f) }
          : undefined,
      ),
      on.triples,
      arrowsEqual,
    ),
  ])
}
