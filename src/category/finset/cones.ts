import type { Cocone, Cone, Diagram } from "../Universal.ts"
import { NotAConeError, type ConeProblem } from "./errors.ts"
import { elementLabel, type FinFunction, type FinSetObject } from "./FinSet.ts"

/**
 * Deciding whether a family of functions is a cone (or cocone) over a diagram of finite sets,
 * with the failing leg, diagram arrow and element when it is not. Every `mediate` of FinSet
 * runs this first, so a wrong input is an error that says where, never a wrong answer.
 *
 * @since 0.1.0
 */

/** A diagram in FinSet. @since 0.1.0 @category model */
export type FinDiagram = Diagram<FinSetObject, FinFunction>

/**
 * The first reason `cone` is not a cone over `diagram`, or `undefined` when it is one:
 * one leg `apex → D j` per object and `d ∘ leg_i = leg_j` for every diagram arrow d : i → j.
 *
 * @since 0.1.0
 * @category checking
 */
export const coneProblem = (diagram: FinDiagram, cone: Cone<FinSetObject, FinFunction>): ConeProblem | undefined => {
  const objects = diagram.objects
  if (cone.legs.length !== objects.length) return { kind: "legCount", expected: objects.length, actual: cone.legs.length }
  for (let j = 0; j < objects.length; j++) {
    const leg = cone.legs[j] as FinFunction
    if (leg.dom.size !== cone.apex.size) return { kind: "legApex", leg: j, expected: cone.apex.size, actual: leg.dom.size }
    const size = (objects[j] as FinSetObject).size
    if (leg.cod.size !== size) return { kind: "legObject", leg: j, expected: size, actual: leg.cod.size }
  }
  for (let k = 0; k < diagram.arrows.length; k++) {
    const { from, to, arrow } = diagram.arrows[k]!
    const legFrom = (cone.legs[from] as FinFunction).map
    const legTo = (cone.legs[to] as FinFunction).map
    const d = arrow.map
    for (let x = 0; x < legFrom.length; x++) {
      const left = d[legFrom[x] as number] as number
      const right = legTo[x] as number
      if (left !== right) return { kind: "notCommuting", arrow: k, from, to, element: x, left, right }
    }
  }
  return undefined
}

/**
 * The first reason `cocone` is not a cocone over `diagram`, or `undefined`: one leg
 * `D j → nadir` per object and `leg_j ∘ d = leg_i` for every diagram arrow d : i → j.
 *
 * @since 0.1.0
 * @category checking
 */
export const coconeProblem = (
  diagram: FinDiagram,
  cocone: Cocone<FinSetObject, FinFunction>,
): ConeProblem | undefined => {
  const objects = diagram.objects
  if (cocone.legs.length !== objects.length) return { kind: "legCount", expected: objects.length, actual: cocone.legs.length }
  for (let j = 0; j < objects.length; j++) {
    const leg = cocone.legs[j] as FinFunction
    if (leg.cod.size !== cocone.nadir.size) return { kind: "legApex", leg: j, expected: cocone.nadir.size, actual: leg.cod.size }
    const size = (objects[j] as FinSetObject).size
    if (leg.dom.size !== size) return { kind: "legObject", leg: j, expected: size, actual: leg.dom.size }
  }
  for (let k = 0; k < diagram.arrows.length; k++) {
    const { from, to, arrow } = diagram.arrows[k]!
    const legFrom = (cocone.legs[from] as FinFunction).map
    const legTo = (cocone.legs[to] as FinFunction).map
    const d = arrow.map
    for (let x = 0; x < d.length; x++) {
      const left = legTo[d[x] as number] as number
      const right = legFrom[x] as number
      if (left !== right) return { kind: "notCommuting", arrow: k, from, to, element: x, left, right }
    }
  }
  return undefined
}

/**
 * Throws {@link NotAConeError} unless `cone` is a cone over `diagram`.
 *
 * @since 0.1.0
 * @category checking
 */
export const assertCone = (construction: string, diagram: FinDiagram, cone: Cone<FinSetObject, FinFunction>): void => {
  const problem = coneProblem(diagram, cone)
  if (problem === undefined) return
  if (problem.kind !== "notCommuting") throw new NotAConeError("cone", construction, problem)
  // the element is one of the apex, the two values are elements of the arrow's target
  const target = diagram.objects[problem.to] as FinSetObject
  throw new NotAConeError("cone", construction, problem, {
    element: elementLabel(cone.apex, problem.element),
    left: elementLabel(target, problem.left),
    right: elementLabel(target, problem.right),
  })
}

/**
 * Throws {@link NotAConeError} unless `cocone` is a cocone over `diagram`.
 *
 * @since 0.1.0
 * @category checking
 */
export const assertCocone = (
  construction: string,
  diagram: FinDiagram,
  cocone: Cocone<FinSetObject, FinFunction>,
): void => {
  const problem = coconeProblem(diagram, cocone)
  if (problem === undefined) return
  if (problem.kind !== "notCommuting") throw new NotAConeError("cocone", construction, problem)
  // the element is one of the arrow's source, the two values are elements of the nadir
  const source = diagram.objects[problem.from] as FinSetObject
  throw new NotAConeError("cocone", construction, problem, {
    element: elementLabel(source, problem.element),
    left: elementLabel(cocone.nadir, problem.left),
    right: elementLabel(cocone.nadir, problem.right),
  })
}
