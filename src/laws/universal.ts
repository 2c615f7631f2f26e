import type { ArrowEquality, Category, FiniteCategory } from "../category/Category.ts"
import type { Cocone, Colimit, Cone, Diagram, Limit } from "../category/Universal.ts"
import type { Exponential } from "../category/finset/exponential.ts"
import type * as fc from "fast-check"
import { exhaustive, sampled, type Carrier } from "./Carrier.ts"
import { law } from "./Law.ts"
import { bind, notApplicable, suite, type LawCheck, type Suite } from "./Suite.ts"

/**
 * The universal property of a limit or colimit as laws, checked against competing (co)cones:
 *
 * - `limit.legEndpoints`: leg j goes apex → D j;
 * - `limit.commutes`: the legs form a cone, d ∘ leg_i = leg_j for every diagram arrow d : i → j;
 * - `limit.mediatorEndpoints`: mediate(c) goes c.apex → apex;
 * - `limit.factorization`: leg_j ∘ mediate(c) = c.leg_j for every j;
 * - `limit.uniqueness`: every u′ : c.apex → apex with leg_j ∘ u′ = c.leg_j for all j equals
 *   mediate(c) — over the whole hom-set in a finite category, over sampled alternatives otherwise.
 *
 * Colimits get the dual laws (`colimit.*`), exponentials the β law and uniqueness of currying.
 * In a {@link FiniteCategory} the competing cones are ALL cones from the given apexes
 * ({@link allCones}), so a law that holds is proved for those apexes.
 *
 * @since 0.1.0
 */

/** The check, or the law declared not applicable when the diagram has none of what it ranges over. */
const whenAny = (items: ReadonlyArray<unknown>, name: string, statement: string, reason: string, check: () => LawCheck): LawCheck =>
  items.length === 0 ? notApplicable(name, statement, reason) : check()

/** Where competing cones and candidate mediators come from. @since 0.1.0 @category model */
export interface ConeCarriers<O, A> {
  readonly cones: Carrier<Cone<O, A>>
  /** A cone and a candidate u′ : cone.apex → limit apex. */
  readonly alternatives: Carrier<readonly [Cone<O, A>, A]>
}

/** Where competing cocones and candidate mediators come from. @since 0.1.0 @category model */
export interface CoconeCarriers<O, A> {
  readonly cocones: Carrier<Cocone<O, A>>
  /** A cocone and a candidate u′ : colimit nadir → cocone.nadir. */
  readonly alternatives: Carrier<readonly [Cocone<O, A>, A]>
}

/**
 * Every cone over `diagram` with apex `apex`, in a finite category: all families of legs from
 * the hom-sets, kept when they commute with every diagram arrow (pruned as soon as a diagram
 * arrow between chosen legs fails).
 *
 * @since 0.1.0
 * @category carriers
 */
export function* allCones<O, A>(C: FiniteCategory<O, A>, diagram: Diagram<O, A>, apex: O): Iterable<Cone<O, A>> {
  const n = diagram.objects.length
  const homs = diagram.objects.map((x) => C.hom(apex, x))
  const legs = new Array<A>(n)
  // arrows to check once both ends are chosen, grouped by the larger index
  const ready = diagram.objects.map((_, j) => diagram.arrows.filter((d) => Math.max(d.from, d.to) === j))
  function* choose(j: number): Iterable<Cone<O, A>> {
    if (j === n) {
      yield { apex, legs: [...legs] }
      return
    }
    for (const leg of homs[j] as ReadonlyArray<A>) {
      legs[j] = leg
      const ok = (ready[j] ?? []).every((d) => C.equalArrows(C.compose(d.arrow, legs[d.from] as A), legs[d.to] as A).equal)
      if (ok) yield* choose(j + 1)
    }
  }
  yield* choose(0)
}

/**
 * Every cocone under `diagram` with nadir `nadir`, in a finite category.
 *
 * @since 0.1.0
 * @category carriers
 */
export function* allCocones<O, A>(C: FiniteCategory<O, A>, diagram: Diagram<O, A>, nadir: O): Iterable<Cocone<O, A>> {
  const n = diagram.objects.length
  const homs = diagram.objects.map((x) => C.hom(x, nadir))
  const legs = new Array<A>(n)
  const ready = diagram.objects.map((_, j) => diagram.arrows.filter((d) => Math.max(d.from, d.to) === j))
  function* choose(j: number): Iterable<Cocone<O, A>> {
    if (j === n) {
      yield { nadir, legs: [...legs] }
      return
    }
    for (const leg of homs[j] as ReadonlyArray<A>) {
      legs[j] = leg
      const ok = (ready[j] ?? []).every((d) => C.equalArrows(C.compose(legs[d.to] as A, d.arrow), legs[d.from] as A).equal)
      if (ok) yield* choose(j + 1)
    }
  }
  yield* choose(0)
}

const showCone =
  <O, A>(C: Category<O, A>) =>
  (c: Cone<O, A>): string =>
    `cone from ${C.showObject(c.apex)}: [${c.legs.map(C.showArrow).join("; ")}]`

const showCocone =
  <O, A>(C: Category<O, A>) =>
  (c: Cocone<O, A>): string =>
    `cocone to ${C.showObject(c.nadir)}: [${c.legs.map(C.showArrow).join("; ")}]`

/**
 * All cones from each of `apexes`, and for each cone every arrow of hom(apex, limit apex) as a
 * candidate mediator.
 *
 * @since 0.1.0
 * @category carriers
 */
export const finiteConeCarriers = <O, A>(
  C: FiniteCategory<O, A>,
  limit: Limit<O, A>,
  apexes: ReadonlyArray<O>,
): ConeCarriers<O, A> => {
  const show = showCone(C)
  const cones = function* (): Iterable<Cone<O, A>> {
    for (const x of apexes) yield* allCones(C, limit.diagram, x)
  }
  return {
    cones: exhaustive(cones, show),
    alternatives: exhaustive(
      function* () {
        for (const c of cones()) for (const u of C.hom(c.apex, limit.apex)) yield [c, u] as const
      },
      ([c, u]) => `${show(c)}, u′ = ${C.showArrow(u)}`,
    ),
  }
}

/**
 * All cocones to each of `nadirs`, and for each every arrow of hom(colimit nadir, nadir).
 *
 * @since 0.1.0
 * @category carriers
 */
export const finiteCoconeCarriers = <O, A>(
  C: FiniteCategory<O, A>,
  colimit: Colimit<O, A>,
  nadirs: ReadonlyArray<O>,
): CoconeCarriers<O, A> => {
  const show = showCocone(C)
  const cocones = function* (): Iterable<Cocone<O, A>> {
    for (const x of nadirs) yield* allCocones(C, colimit.diagram, x)
  }
  return {
    cocones: exhaustive(cocones, show),
    alternatives: exhaustive(
      function* () {
        for (const c of cocones()) for (const u of C.hom(colimit.nadir, c.nadir)) yield [c, u] as const
      },
      ([c, u]) => `${show(c)}, u′ = ${C.showArrow(u)}`,
    ),
  }
}

/**
 * Sampled carriers for a limit whose hom-sets are too big to list: from arbitrary arrows
 * u : X → apex, the cone `legs ∘ u` and the candidate u itself. Uniqueness then asks that
 * mediate(legs ∘ u) = u — the arrow is recovered from the cone it induces — and factorization
 * is checked on those cones. Cones that do not factor through the limit are not generated this
 * way: pass `cones` (e.g. from arbitrary legs) to compete with those too.
 *
 * @since 0.1.0
 * @category carriers
 */
export const sampledConeCarriers = <O, A>(
  C: Category<O, A>,
  limit: Limit<O, A>,
  into: fc.Arbitrary<A>,
  cones?: fc.Arbitrary<Cone<O, A>>,
): ConeCarriers<O, A> => {
  const show = showCone(C)
  const induced = (u: A): Cone<O, A> => ({ apex: C.dom(u), legs: limit.legs.map((leg) => C.compose(leg, u)) })
  return {
    cones: sampled(cones ?? into.map(induced), show),
    alternatives: sampled(
      into.map((u) => [induced(u), u] as const),
      ([c, u]) => `${show(c)}, u′ = ${C.showArrow(u)}`,
    ),
  }
}

/**
 * Sampled carriers for a colimit: from arbitrary arrows u : nadir → Y, the cocone `u ∘ legs`
 * and the candidate u itself (the dual of {@link sampledConeCarriers}).
 *
 * @since 0.1.0
 * @category carriers
 */
export const sampledCoconeCarriers = <O, A>(
  C: Category<O, A>,
  colimit: Colimit<O, A>,
  outOf: fc.Arbitrary<A>,
  cocones?: fc.Arbitrary<Cocone<O, A>>,
): CoconeCarriers<O, A> => {
  const show = showCocone(C)
  const induced = (u: A): Cocone<O, A> => ({ nadir: C.cod(u), legs: colimit.legs.map((leg) => C.compose(u, leg)) })
  return {
    cocones: sampled(cocones ?? outOf.map(induced), show),
    alternatives: sampled(
      outOf.map((u) => [induced(u), u] as const),
      ([c, u]) => `${show(c)}, u′ = ${C.showArrow(u)}`,
    ),
  }
}

/** Both endpoints of an arrow, compared with the category's object equality. */
const endpointsEqual =
  <O, A>(C: Category<O, A>) =>
  (lhs: readonly [O, O], rhs: readonly [O, O]): ArrowEquality =>
    C.equalObjects(lhs[0], rhs[0]) && C.equalObjects(lhs[1], rhs[1])
      ? { equal: true }
      : {
          equal: false,
          witness: { lhs, rhs },
          message: `goes ${C.showObject(lhs[0])} → ${C.showObject(lhs[1])}, should go ${C.showObject(rhs[0])} → ${C.showObject(rhs[1])}`,
        }

/** Families of arrows compared leg by leg; the witness is the first differing leg. */
const legsEqual =
  <O, A>(C: Category<O, A>) =>
  (lhs: ReadonlyArray<A>, rhs: ReadonlyArray<A>): ArrowEquality => {
    if (lhs.length !== rhs.length) return { equal: false, witness: { legs: [lhs.length, rhs.length] }, message: `${lhs.length} legs vs ${rhs.length}` }
    for (let j = 0; j < lhs.length; j++) {
      const r = C.equalArrows(lhs[j] as A, rhs[j] as A)
      if (!r.equal) return { equal: false, witness: { leg: j, witness: r.witness }, message: `leg ${j}: ${r.message}` }
    }
    return { equal: true }
  }

/**
 * A value or the message of the error computing it threw: a `mediate` that throws on a valid
 * (co)cone is a failure of the law with that (co)cone as counterexample, not a crash of the suite.
 */
type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string }

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value })

const attempt = <T>(f: () => T): Outcome<T> => {
  try {
    return ok(f())
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) }
  }
}

const lifted =
  <T>(eq: (lhs: T, rhs: T) => ArrowEquality) =>
  (lhs: Outcome<T>, rhs: Outcome<T>): ArrowEquality => {
    if (!lhs.ok) return { equal: false, witness: { threw: lhs.error }, message: `mediate threw: ${lhs.error}` }
    if (!rhs.ok) return { equal: false, witness: { threw: rhs.error }, message: `mediate threw: ${rhs.error}` }
    return eq(lhs.value, rhs.value)
  }

const memo = <K extends object, V>(f: (k: K) => V): ((k: K) => V) => {
  const cache = new WeakMap<K, V>()
  return (k) => {
    const hit = cache.get(k)
    if (hit !== undefined) return hit
    const v = f(k)
    cache.set(k, v)
    return v
  }
}

const parallel = <O, A>(C: Category<O, A>, f: A, g: A): boolean =>
  C.equalObjects(C.dom(f), C.dom(g)) && C.equalObjects(C.cod(f), C.cod(g))

/**
 * The universal property of `limit` in `C`, on all cones from `apexes` (finite category) or on
 * the given carriers.
 *
 * @example
 * import { finSet, finSetCategory, product } from "catcluster/category/finset"
 * import { limitLaws, runSuite, assertLaws } from "catcluster/laws"
 * const A = finSet(2), B = finSet(2), p = product(A, B)
 * const C = finSetCategory([finSet(0), finSet(1), finSet(2), p.apex])
 * assertLaws(runSuite(limitLaws(C, p, [finSet(0), finSet(1), finSet(2)])))
 *
 * @since 0.1.0
 * @category suites
 */
export function limitLaws<O, A>(C: FiniteCategory<O, A>, limit: Limit<O, A>, apexes: ReadonlyArray<O>, name?: string): Suite
export function limitLaws<O, A>(C: Category<O, A>, limit: Limit<O, A>, carriers: ConeCarriers<O, A>, name?: string): Suite
export function limitLaws<O, A>(
  C: Category<O, A>,
  limit: Limit<O, A>,
  on: ReadonlyArray<O> | ConeCarriers<O, A>,
  name = "limit",
): Suite {
  const carriers = Array.isArray(on)
    ? finiteConeCarriers(C as FiniteCategory<O, A>, limit, on as ReadonlyArray<O>)
    : (on as ConeCarriers<O, A>)
  const D = limit.diagram
  const mediate = memo((c: Cone<O, A>) => attempt(() => limit.mediate(c)))
  const legIndices = exhaustive(() => D.objects.map((_, j) => j), (j) => `leg ${j}`)
  const arrowIndices = exhaustive(
    () => D.arrows.map((_, k) => k),
    (k) => `diagram arrow ${k} (${D.arrows[k]?.from} → ${D.arrows[k]?.to}): ${C.showArrow(D.arrows[k]!.arrow)}`,
  )
  const factorsThrough = (c: Cone<O, A>, u: A): boolean =>
    C.equalObjects(C.dom(u), c.apex) &&
    C.equalObjects(C.cod(u), limit.apex) &&
    limit.legs.every((leg, j) => C.equalArrows(C.compose(leg, u), c.legs[j] as A).equal)
  return suite(name, `${name} of ${D.objects.map(C.showObject).join(", ")} in ${C.name}`, [
    whenAny(D.objects, "limit.legEndpoints", "leg_j : apex → D j", "the diagram has no object, so the limit has no leg", () =>
      bind(
        law("limit.legEndpoints", "leg_j : apex → D j", (j: number) => ({
          lhs: [C.dom(limit.legs[j] as A), C.cod(limit.legs[j] as A)] as const,
          rhs: [limit.apex, D.objects[j] as O] as const,
        })),
        legIndices,
        endpointsEqual(C),
      )),
    whenAny(D.arrows, "limit.commutes", "d ∘ leg_i = leg_j for every diagram arrow d : i → j", "the diagram has no arrow, so every family of legs commutes", () =>
      bind(
        law("limit.commutes", "d ∘ leg_i = leg_j for every diagram arrow d : i → j", (k: number) => {
          const d = D.arrows[k]!
          const legFrom = limit.legs[d.from] as A
          const legTo = limit.legs[d.to] as A
          // a leg with the wrong endpoints is reported by limit.legEndpoints, not composed here
          if (!C.equalObjects(C.cod(legFrom), C.dom(d.arrow)) || !parallel(C, C.compose(d.arrow, legFrom), legTo)) return undefined
          return { lhs: C.compose(d.arrow, legFrom), rhs: legTo }
        }),
        arrowIndices,
        C.equalArrows,
      )),
    bind(
      law("limit.mediatorEndpoints", "mediate(c) : c.apex → apex", (c: Cone<O, A>) => {
        const u = mediate(c)
        return {
          lhs: u.ok ? ok([C.dom(u.value), C.cod(u.value)] as const) : u,
          rhs: ok([c.apex, limit.apex] as const),
        }
      }),
      carriers.cones,
      lifted(endpointsEqual(C)),
    ),
    bind(
      law("limit.factorization", "leg_j ∘ mediate(c) = c.leg_j for every j", (c: Cone<O, A>) => {
        const u = mediate(c)
        // a mediator with the wrong codomain is reported by limit.mediatorEndpoints
        if (u.ok && !C.equalObjects(C.cod(u.value), limit.apex)) return undefined
        return { lhs: u.ok ? attempt(() => limit.legs.map((leg) => C.compose(leg, u.value))) : u, rhs: ok(c.legs) }
      }),
      carriers.cones,
      lifted(legsEqual(C)),
    ),
    bind(
      law(
        "limit.uniqueness",
        "leg_j ∘ u′ = c.leg_j for every j ⇒ u′ = mediate(c)",
        ([c, u]: readonly [Cone<O, A>, A]) => (factorsThrough(c, u) ? { lhs: ok(u), rhs: mediate(c) } : undefined),
      ),
      carriers.alternatives,
      lifted((lhs: A, rhs: A): ArrowEquality => {
        const r = C.equalArrows(lhs, rhs)
        return r.equal
          ? r
          : { equal: false, witness: { other: lhs, mediator: rhs, difference: r.witness }, message: `two mediators: u′ = ${C.showArrow(lhs)} and mediate = ${C.showArrow(rhs)} (${r.message})` }
      }),
    ),
  ])
}

/**
 * The universal property of `colimit` in `C` (the dual laws), on all cocones to `nadirs`
 * (finite category) or on the given carriers.
 *
 * @since 0.1.0
 * @category suites
 */
export function colimitLaws<O, A>(C: FiniteCategory<O, A>, colimit: Colimit<O, A>, nadirs: ReadonlyArray<O>, name?: string): Suite
export function colimitLaws<O, A>(C: Category<O, A>, colimit: Colimit<O, A>, carriers: CoconeCarriers<O, A>, name?: string): Suite
export function colimitLaws<O, A>(
  C: Category<O, A>,
  colimit: Colimit<O, A>,
  on: ReadonlyArray<O> | CoconeCarriers<O, A>,
  name = "colimit",
): Suite {
  const carriers = Array.isArray(on)
    ? finiteCoconeCarriers(C as FiniteCategory<O, A>, colimit, on as ReadonlyArray<O>)
    : (on as CoconeCarriers<O, A>)
  const D = colimit.diagram
  const mediate = memo((c: Cocone<O, A>) => attempt(() => colimit.mediate(c)))
  const legIndices = exhaustive(() => D.objects.map((_, j) => j), (j) => `leg ${j}`)
  const arrowIndices = exhaustive(
    () => D.arrows.map((_, k) => k),
    (k) => `diagram arrow ${k} (${D.arrows[k]?.from} → ${D.arrows[k]?.to}): ${C.showArrow(D.arrows[k]!.arrow)}`,
  )
  const factorsThrough = (c: Cocone<O, A>, u: A): boolean =>
    C.equalObjects(C.dom(u), colimit.nadir) &&
    C.equalObjects(C.cod(u), c.nadir) &&
    colimit.legs.every((leg, j) => C.equalArrows(C.compose(u, leg), c.legs[j] as A).equal)
  return suite(name, `${name} of ${D.objects.map(C.showObject).join(", ")} in ${C.name}`, [
    whenAny(D.objects, "colimit.legEndpoints", "leg_j : D j → nadir", "the diagram has no object, so the colimit has no leg", () =>
      bind(
        law("colimit.legEndpoints", "leg_j : D j → nadir", (j: number) => ({
          lhs: [C.dom(colimit.legs[j] as A), C.cod(colimit.legs[j] as A)] as const,
          rhs: [D.objects[j] as O, colimit.nadir] as const,
        })),
        legIndices,
        endpointsEqual(C),
      )),
    whenAny(D.arrows, "colimit.commutes", "leg_j ∘ d = leg_i for every diagram arrow d : i → j", "the diagram has no arrow, so every family of legs commutes", () =>
      bind(
        law("colimit.commutes", "leg_j ∘ d = leg_i for every diagram arrow d : i → j", (k: number) => {
          const d = D.arrows[k]!
          const legFrom = colimit.legs[d.from] as A
          const legTo = colimit.legs[d.to] as A
          if (!C.equalObjects(C.cod(d.arrow), C.dom(legTo)) || !parallel(C, C.compose(legTo, d.arrow), legFrom)) return undefined
          return { lhs: C.compose(legTo, d.arrow), rhs: legFrom }
        }),
        arrowIndices,
        C.equalArrows,
      )),
    bind(
      law("colimit.mediatorEndpoints", "mediate(c) : nadir → c.nadir", (c: Cocone<O, A>) => {
        const u = mediate(c)
        return {
          lhs: u.ok ? ok([C.dom(u.value), C.cod(u.value)] as const) : u,
          rhs: ok([colimit.nadir, c.nadir] as const),
        }
      }),
      carriers.cocones,
      lifted(endpointsEqual(C)),
    ),
    bind(
      law("colimit.factorization", "mediate(c) ∘ leg_j = c.leg_j for every j", (c: Cocone<O, A>) => {
        const u = mediate(c)
        if (u.ok && !C.equalObjects(C.dom(u.value), colimit.nadir)) return undefined
        return { lhs: u.ok ? attempt(() => colimit.legs.map((leg) => C.compose(u.value, leg))) : u, rhs: ok(c.legs) }
      }),
      carriers.cocones,
      lifted(legsEqual(C)),
    ),
    bind(
      law(
        "colimit.uniqueness",
        "u′ ∘ leg_j = c.leg_j for every j ⇒ u′ = mediate(c)",
        ([c, u]: readonly [Cocone<O, A>, A]) => (factorsThrough(c, u) ? { lhs: ok(u), rhs: mediate(c) } : undefined),
      ),
      carriers.alternatives,
      lifted((lhs: A, rhs: A): ArrowEquality => {
        const r = C.equalArrows(lhs, rhs)
        return r.equal
          ? r
          : { equal: false, witness: { other: lhs, mediator: rhs, difference: r.witness }, message: `two mediators: u′ = ${C.showArrow(lhs)} and mediate = ${C.showArrow(rhs)} (${r.message})` }
      }),
    ),
  ])
}

/** Where the arrows to curry come from. @since 0.1.0 @category model */
export interface ExponentialCarriers<O, A> {
  /** An object X and an arrow h : X × A → B. */
  readonly uncurried: Carrier<readonly [O, A]>
  /** X, h : X × A → B and a candidate u′ : X → Bᴬ. */
  readonly alternatives: Carrier<readonly [O, A, A]>
}

/**
 * Every h : X × A → B and every candidate u′ : X → Bᴬ for each X of `xs`.
 *
 * @since 0.1.0
 * @category carriers
 */
export const finiteExponentialCarriers = <O, A>(
  C: FiniteCategory<O, A>,
  E: Exponential<O, A>,
  xs: ReadonlyArray<O>,
): ExponentialCarriers<O, A> => {
  const uncurried = function* (): Iterable<readonly [O, A]> {
    for (const x of xs) for (const h of C.hom(E.productWith(x), E.base)) yield [x, h] as const
  }
  return {
    uncurried: exhaustive(uncurried, ([x, h]) => `X = ${C.showObject(x)}, h = ${C.showArrow(h)}`),
    alternatives: exhaustive(
      function* () {
        for (const [x, h] of uncurried()) for (const u of C.hom(x, E.object)) yield [x, h, u] as const
      },
      ([x, h, u]) => `X = ${C.showObject(x)}, h = ${C.showArrow(h)}, u′ = ${C.showArrow(u)}`,
    ),
  }
}

/**
 * The universal property of an exponential Bᴬ: for every h : X × A → B, the curried
 * λh : X → Bᴬ satisfies ev ∘ (λh × 1_A) = h (β), and it is the only such arrow (uniqueness) —
 * which together say FinSet(X × A, B) ≅ FinSet(X, Bᴬ). `name` names the suite's subject in
 * verdicts and test titles (default: `Bᴬ in C`).
 *
 * @since 0.1.0
 * @category suites
 */
export function exponentialLaws<O, A>(C: FiniteCategory<O, A>, E: Exponential<O, A>, xs: ReadonlyArray<O>, name?: string): Suite
export function exponentialLaws<O, A>(C: Category<O, A>, E: Exponential<O, A>, carriers: ExponentialCarriers<O, A>, name?: string): Suite
export function exponentialLaws<O, A>(
  C: Category<O, A>,
  E: Exponential<O, A>,
  on: ReadonlyArray<O> | ExponentialCarriers<O, A>,
  name = `${C.showObject(E.base)}^${C.showObject(E.exponent)} in ${C.name}`,
): Suite {
  const carriers = Array.isArray(on)
    ? finiteExponentialCarriers(C as FiniteCategory<O, A>, E, on as ReadonlyArray<O>)
    : (on as ExponentialCarriers<O, A>)
  const uncurryVia = (u: A): A => C.compose(E.evaluation, E.timesExponent(u))
  return suite("exponential", name, [
    bind(
      law("exponential.curryEndpoints", "λh : X → Bᴬ", ([x, h]: readonly [O, A]) => ({
        lhs: [C.dom(E.curry(h, x)), C.cod(E.curry(h, x))] as const,
        rhs: [x, E.object] as const,
      })),
      carriers.uncurried,
      endpointsEqual(C),
    ),
    bind(
      law("exponential.beta", "ev ∘ (λh × 1_A) = h", ([x, h]: readonly [O, A]) => ({ lhs: uncurryVia(E.curry(h, x)), rhs: h })),
      carriers.uncurried,
      C.equalArrows,
    ),
    bind(
      law("exponential.uniqueness", "ev ∘ (u′ × 1_A) = h ⇒ u′ = λh", ([x, h, u]: readonly [O, A, A]) =>
        C.equalArrows(uncurryVia(u), h).equal ? { lhs: u, rhs: E.curry(h, x) } : undefined,
      ),
      carriers.alternatives,
      C.equalArrows,
    ),
  ])
}
