import type { ArrowEquality } from "../category/Category.ts"
import type { PointwiseDifference } from "../category/type/equality.ts"
import type { NaturalTransformation } from "../functors/NaturalTransformation.ts"
import type { Carrier } from "./Carrier.ts"
import { finiteCategoryCarriers } from "./category.ts"
import { requireFinite } from "./functor.ts"
import { law } from "./Law.ts"
import { bind, suite, type Suite } from "./Suite.ts"
import type { LawVerdict, SuiteVerdict } from "./Verdict.ts"

/**
 * Naturality of η : F ⇒ G: for every arrow f : x → y of the source, the square
 *
 * ```
 *   F x ──η_x──▶ G x
 *    │            │
 *   F f          G f
 *    ▼            ▼
 *   F y ──η_y──▶ G y
 * ```
 *
 * commutes: `G f ∘ η_x = η_y ∘ F f`. A failure names the first failing square — the objects,
 * the arrow, and both paths with their values (on Type: at the input where they differ).
 *
 * @since 0.1.0
 */

/**
 * A naturality square that does not commute.
 *
 * @since 0.1.0
 * @category model
 */
export interface NaturalitySquare {
  readonly _tag: "NaturalitySquare"
  readonly transformation: string
  readonly x: string
  readonly y: string
  readonly arrow: string
  /** `G f ∘ η_x`, shown. */
  readonly viaTarget: string
  /** `η_y ∘ F f`, shown. */
  readonly viaSource: string
  /** The values of both paths: at the distinguishing input on Type, the arrows themselves otherwise. */
  readonly values: { readonly input?: string; readonly viaTarget: string; readonly viaSource: string }
  /** The target category's own witness (e.g. a `PointwiseDifference`). */
  readonly difference: unknown
}

/**
 * Options of {@link naturalityLaws}. `law` renames the law, so that a suite checking two
 * transformations (e.g. unit and counit) keeps both: suites check each law name once.
 *
 * @since 0.1.0
 * @category model
 */
export interface NaturalityOptions {
  readonly law?: string
  /** The suite's subject in verdicts and test titles (default: `η : F ⇒ G` from the names). */
  readonly name?: string
}

interface Side<A2> {
  readonly arrow: A2
  readonly square: { readonly x: string; readonly y: string; readonly arrow: string }
}

const isPointwise = (w: unknown): w is PointwiseDifference =>
  typeof w === "object" && w !== null && (w as { _tag?: unknown })._tag === "PointwiseDifference"

/**
 * The naturality law of η on the given arrows of its source (default: every arrow, for a
 * finite source category; a `CarriersRequiredError` for an infinite one).
 *
 * @example
 * import { headTransformation } from "catcluster/functors"
 * import { naturalityLaws, runSuite, typeCarriers } from "catcluster/laws"
 * import { booleanType, integerType } from "catcluster/category"
 * runSuite(naturalityLaws(headTransformation, typeCarriers([integerType, booleanType]).arrows)) // holds
 *
 * @since 0.1.0
 * @category suites
 */
export const naturalityLaws = <O1, A1, O2, A2>(
  eta: NaturalTransformation<O1, A1, O2, A2>,
  arrows?: Carrier<A1>,
  options: NaturalityOptions = {},
): Suite => {
  const { from: F, to: G } = eta
  const C = F.source
  const D = F.target
  const on = arrows ?? finiteCategoryCarriers(requireFinite(C, `the naturality of ${eta.name}`)).arrows
  const squares = (lhs: Side<A2>, rhs: Side<A2>): ArrowEquality => {
    const result = D.equalArrows(lhs.arrow, rhs.arrow)
    if (result.equal) return result
    const viaTarget = D.showArrow(lhs.arrow)
    const viaSource = D.showArrow(rhs.arrow)
    const w = result.witness
    const values = isPointwise(w)
      ? { input: w.shown.input, viaTarget: w.shown.left, viaSource: w.shown.right }
      : { viaTarget, viaSource }
    const witness: NaturalitySquare = {
      _tag: "NaturalitySquare",
      transformation: eta.name,
      ...lhs.square,
      viaTarget,
      viaSource,
      values,
      difference: w,
    }
    const at = values.input === undefined ? "" : ` at ${values.input}`
    return {
      equal: false,
      witness,
      message: `square of ${lhs.square.arrow} : ${lhs.square.x} → ${lhs.square.y} does not commute${at}: G f ∘ η_x gives ${values.viaTarget}, η_y ∘ F f gives ${values.viaSource}`,
    }
  }
  return suite("naturality", options.name ?? `${eta.name} : ${F.name} ⇒ ${G.name}`, [
    bind(
 law(options.law ?? "naturality.square", "G f ∘ η_x = η_y ∘ F f", (f: A1) => {
        const x = C.dom(f)
        const y = C.cod(f)
        const square = { x: C.showObject(x), y: C.showObject(y), arrow: C.showArrow(f) }
        return {
          lhs: { arrow: D.compose(G.onArrows(f), eta.component(x)), square },
          rhs: { arrow: D.compose(eta.component(y), F.onArrows(f)), square },
        }
      }),
      on,
      squares,
    ),
  ])
}

/**
 * The first failing naturality square of a verdict, if any.
 *
 * @since 0.1.0
 * @category destructors
 */
export const failingSquare = (verdict: SuiteVerdict | LawVerdict): NaturalitySquare | undefined => {
  const laws = "laws" in verdict ? verdict.laws : [verdict]
  for (const l of laws) {
    if (l._tag !== "Fails") continue
    const w = l.counterexample.witness
    if (typeof w === "object" && w !== null && (w as { _tag?: unknown })._tag === "NaturalitySquare") return w as NaturalitySquare
  }
  return undefined
}
