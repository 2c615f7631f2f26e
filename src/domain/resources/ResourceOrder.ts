/**
 * The preorder of resource vectors as a thin category: objects are resource vectors, and there
 * is exactly one arrow `r → s` when `r ≤ s` (pointwise, absent = 0) and none otherwise.
 * Identities are reflexivity, composition is transitivity. "A pod fits in a node's free
 * resources" is the existence of an arrow `podRequests → free`.
 *
 * @since 0.1.0
 */
import * as E from "fp-ts/lib/Either.js"
import type { Either } from "fp-ts/lib/Either.js"
import { equal, NotComposableError } from "../../category/Category.ts"
import type { Category } from "../../category/Category.ts"
import { equalResources, exceeding, lessOrEqual, showAmount, showResources } from "./ResourceVector.ts"
import type { ResourceVector } from "./ResourceVector.ts"

/**
 * The unique arrow `from → to` of the preorder (a proof that `from ≤ to`).
 *
 * @since 0.1.0
 * @category model
 */
export interface ResourceArrow {
  readonly from: ResourceVector
  readonly to: ResourceVector
}

/**
 * Why there is no arrow `from → to`: the resources where `from` exceeds `to`.
 *
 * @since 0.1.0
 * @category errors
 */
export interface NotLessOrEqual {
  readonly _tag: "NotLessOrEqual"
  readonly exceeding: ReadonlyArray<{ readonly name: string; readonly amount: bigint; readonly bound: bigint }>
  readonly message: string
}

/**
 * The arrow `from → to` if `from ≤ to`, else why not.
 *
 * @example
 * import { resourceArrow, resources } from "catcluster/domain/resources"
 * resourceArrow(resources({ cpu: 500 }), resources({ cpu: 1000 }))  // right
 * resourceArrow(resources({ cpu: 1500 }), resources({ cpu: 1000 })) // left: cpu 1500m > 1
 *
 * @since 0.1.0
 * @category constructors
 */
export const resourceArrow = (from: ResourceVector, to: ResourceVector): Either<NotLessOrEqual, ResourceArrow> => {
  if (lessOrEqual(from, to)) return E.right({ from, to })
  const over = exceeding(from, to)
  return E.left({
    _tag: "NotLessOrEqual",
    exceeding: over,
    message: over.map((o) => `${o.name} ${showAmount(o.name, o.amount)} > ${showAmount(o.name, o.bound)}`).join(", ") || "a negative amount on the right",
  })
}

/**
 * The thin category of resource vectors ordered by ≤. `compose` checks that the arrows meet
 * (`cod f = dom g`, as vectors with absent = 0) and throws {@link NotComposableError} if not;
 * any two parallel arrows are equal (thinness).
 *
 * @since 0.1.0
 * @category instances
 */
export const ResourceOrder: Category<ResourceVector, ResourceArrow> = {
  name: "Res≤",
  dom: (f) => f.from,
  cod: (f) => f.to,
  id: (x) => ({ from: x, to: x }),
  compose: (g, f) => {
    if (!equalResources(f.to, g.from)) {
      throw new NotComposableError(showArrow(f), showArrow(g), showResources(f.to), showResources(g.from))
    }
    return { from: f.from, to: g.to }
  },
  equalObjects: equalResources,
  // a preorder has at most one arrow between two objects
  equalArrows: () => equal,
  showObject: showResources,
  showArrow: (f) => showArrow(f),
}

function showArrow(f: ResourceArrow): string {
  return `(${showResources(f.from)}) ≤ (${showResources(f.to)})`
}
