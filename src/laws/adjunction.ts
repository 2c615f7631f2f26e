import type { Adjunction } from "../functors/Adjunction.ts"
import { composeFunctors, identityFunctor } from "../functors/Functor.ts"
import type { Carrier } from "./Carrier.ts"
import { law } from "./Law.ts"
import { naturalityLaws } from "./naturality.ts"
import { bind, suite, type Suite } from "./Suite.ts"

/**
 * The triangle identities of an adjunction F ⊣ G with unit η and counit ε:
 *
 * - `ε_{F x} ∘ F(η_x) = 1_{F x}` for every object x of 𝒞  (εF ∘ Fη = 1_F)
 * - `G(ε_y) ∘ η_{G y} = 1_{G y}` for every object y of 𝒟  (Gε ∘ ηG = 1_G)
 *
 * and, when arrows are given, the naturality of η : 1_𝒞 ⇒ GF and ε : FG ⇒ 1_𝒟 as parents.
 *
 * @since 0.1.0
 */

/** Where the objects (and optionally arrows) of both categories come from. @since 0.1.0 @category model */
export interface AdjunctionCarriers<OC, AC, OD, AD> {
  readonly objectsC: Carrier<OC>
  readonly objectsD: Carrier<OD>
  readonly arrowsC?: Carrier<AC>
  readonly arrowsD?: Carrier<AD>
}

/**
 * The adjunction laws on the given carriers. `name` names the suite's subject in verdicts and
 * test titles (default: the adjunction's name).
 *
 * @example
 * import { booleanType, literalType } from "catcluster/category"
 * import { curryingAdjunction } from "catcluster/functors"
 * import { adjunctionLaws, exhaustive, runSuite } from "catcluster/laws"
 * const types = exhaustive(() => [booleanType, literalType("a", "b", "c")], (t) => t.name)
 * runSuite(adjunctionLaws(curryingAdjunction(booleanType), { objectsC: types, objectsD: types }))
 *
 * @since 0.1.0
 * @category suites
 */
export const adjunctionLaws = <OC, AC, OD, AD>(
  adj: Adjunction<OC, AC, OD, AD>,
  carriers: AdjunctionCarriers<OC, AC, OD, AD>,
  name: string = adj.name,
): Suite => {
  const { left: F, right: G, unit, counit } = adj
  const C = F.source
  const D = F.target
  const parents: Suite[] = []
  if (carriers.arrowsC !== undefined) {
    parents.push(
      naturalityLaws({ name: "η", from: identityFunctor(C), to: composeFunctors(G, F), component: unit }, carriers.arrowsC, {
        law: "adjunction.unitNatural",
      }),
    )
  }
  if (carriers.arrowsD !== undefined) {
    parents.push(
      naturalityLaws({ name: "ε", from: composeFunctors(F, G), to: identityFunctor(D), component: counit }, carriers.arrowsD, {
        law: "adjunction.counitNatural",
      }),
    )
  }
  return suite(
    "adjunction",
    name,
    [
      bind(
        law("adjunction.leftTriangle", "ε_{F x} ∘ F(η_x) = 1_{F x}", (x: OC) => ({
          lhs: D.compose(counit(F.onObjects(x)), F.onArrows(unit(x))),
          rhs: D.id(F.onObjects(x)),
        })),
        carriers.objectsC,
        D.equalArrows,
      ),
      bind(
        law("adjunction.rightTriangle", "G(ε_y) ∘ η_{G y} = 1_{G y}", (y: OD) => ({
          lhs: C.compose(G.onArrows(counit(y)), unit(G.onObjects(y))),
          rhs: C.id(G.onObjects(y)),
        })),
        carriers.objectsD,
        C.equalArrows,
      ),
    ],
    parents,
  )
}
