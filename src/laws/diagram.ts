import type { Fn, TypeObject } from "../category/Type.ts"
import { exhaustive, sampled, type Carrier } from "./Carrier.ts"
import { law } from "./Law.ts"
import { valueEquality } from "./monoid.ts"
import { bind, suite, type Suite } from "./Suite.ts"

/**
 * Diagrams in Type, checked semantically: named paths of functions from one described type to
 * another commute when they agree on every input — on *every* input when the start type
 * enumerates (decided), on seeded fast-check samples otherwise, with a shrunk counterexample.
 * (The symbolic check in finite categories, deciding equality of paths, lives with FinCat.)
 *
 * @since 0.1.0
 */

/** A diagram in Type: named paths, all from `start` to `end`. @since 0.1.0 @category model */
export interface TypeDiagram<A, B> {
  readonly name: string
  readonly start: TypeObject<A>
  readonly end: TypeObject<B>
  readonly paths: ReadonlyArray<{ readonly name: string; readonly arrow: Fn<A, B> }>
}

/**
 * A path of a diagram does not run from the diagram's start to its end (possible only for
 * arrows built from untyped data: the types forbid it).
 *
 * @since 0.1.0
 * @category errors
 */
export class DiagramShapeError extends Error {
  readonly _tag = "DiagramShape" as const
  constructor(
    readonly diagram: string,
    readonly path: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`diagram ${diagram}, path ${path}: expected ${expected} but the path runs ${actual}`)
    this.name = "DiagramShapeError"
  }
}

/**
 * A diagram from named paths (at least two to compare). Throws {@link DiagramShapeError} when
 * a path's described endpoints are not the diagram's.
 *
 * @since 0.1.0
 * @category constructors
 */
export const typeDiagram = <A, B>(
  name: string,
  start: TypeObject<A>,
  end: TypeObject<B>,
  paths: Readonly<Record<string, Fn<A, B>>>,
): TypeDiagram<A, B> => {
  const list = Object.entries(paths).map(([pathName, arrow]) => ({ name: pathName, arrow }))
  for (const p of list) {
    if (p.arrow.dom.name !== start.name || p.arrow.cod.name !== end.name) {
      throw new DiagramShapeError(name, p.name, `${start.name} → ${end.name}`, `${p.arrow.dom.name} → ${p.arrow.cod.name}`)
    }
  }
  return { name, start, end, paths: list }
}

/**
 * One law per path after the first: it equals the first path, pointwise on the start type.
 *
 * @example
 * import { booleanType, fn, pathFn } from "catcluster/category"
 * import { diagramLaws, runSuite, typeDiagram } from "catcluster/laws"
 * const not = fn("not", booleanType, booleanType, (b) => !b)
 * const d = typeDiagram("double negation", booleanType, booleanType, { twice: pathFn(not, not), id: fn("id", booleanType, booleanType, (b) => b) })
 * runSuite(diagramLaws(d)) // holds, exhaustive on {false, true}
 *
 * @since 0.1.0
 * @category suites
 */
export const diagramLaws = <A, B>(d: TypeDiagram<A, B>): Suite => {
  const all = d.start.enumerate
  const inputs: Carrier<A> = all === undefined ? sampled(d.start.arbitrary, d.start.show) : exhaustive(all, d.start.show)
  const [first, ...rest] = d.paths
  if (first === undefined) return suite("diagram", d.name, [])
  return suite(
    "diagram",
    d.name,
    rest.map((p) =>
      bind(
        law(`diagram.${d.name}.${first.name}=${p.name}`, `${first.arrow.name} = ${p.arrow.name}`, (a: A) => ({
          lhs: first.arrow.run(a),
          rhs: p.arrow.run(a),
        })),
        inputs,
        valueEquality(d.end),
      ),
    ),
  )
}
