/**
 * Typed errors of FinSet: each names where the input is wrong (the index of a value, the leg or
 * diagram arrow of a cone) and what is wrong with it, so a caller can show or match on it.
 *
 * @since 0.1.0
 */

/**
 * A function table that is not a total function `dom → cod`: a value out of range or not an
 * integer (at `index`), or a table of the wrong length.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidFunctionError extends Error {
  readonly _tag = "InvalidFunction" as const
  constructor(
    /** Where the table came from, e.g. a JSON path or the name of the function. */
    readonly path: string,
    readonly problem:
      | { readonly kind: "wrongLength"; readonly expected: number; readonly actual: number }
      | { readonly kind: "outOfRange"; readonly index: number; readonly value: number; readonly codomainSize: number }
      | { readonly kind: "unknownLabel"; readonly label: string; readonly side: "domain" | "codomain" }
      | { readonly kind: "missing"; readonly index: number; readonly label: string },
  ) {
    super(
      `${path}: ${
        problem.kind === "wrongLength"
          ? `function table has length ${problem.actual}, the domain has ${problem.expected} elements`
          : problem.kind === "outOfRange"
            ? `value ${problem.value} at index ${problem.index} is not an element of a set of size ${problem.codomainSize}`
            : problem.kind === "unknownLabel"
              ? `label "${problem.label}" is not an element of the ${problem.side}`
              : `no image given for element ${problem.index} ("${problem.label}")`
      }`,
    )
    this.name = "InvalidFunctionError"
  }
}

/**
 * A finite set that cannot exist: negative or non-integer size, labels of the wrong number or
 * repeated labels.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidSetError extends Error {
  readonly _tag = "InvalidSet" as const
  constructor(
    readonly path: string,
    readonly problem:
      | { readonly kind: "badSize"; readonly size: number }
      | { readonly kind: "labelCount"; readonly size: number; readonly labels: number }
      | { readonly kind: "duplicateLabel"; readonly label: string; readonly first: number; readonly second: number },
  ) {
    super(
      `${path}: ${
        problem.kind === "badSize"
          ? `size ${problem.size} is not a non-negative integer`
          : problem.kind === "labelCount"
            ? `${problem.labels} labels for a set of ${problem.size} elements`
            : `label "${problem.label}" names both element ${problem.first} and element ${problem.second}`
      }`,
    )
    this.name = "InvalidSetError"
  }
}

/**
 * A construction whose result would exceed a size bound (a product, an exponential Bᴬ, a hom-set
 * enumeration). The bound protects memory and time; raise it explicitly if you mean it.
 *
 * @since 0.1.0
 * @category errors
 */
export class TooLargeError extends Error {
  readonly _tag = "TooLarge" as const
  constructor(
    /** What was being built, e.g. `hom(3, 4)` or `4^3`. */
    readonly what: string,
    /** The size it would have (may be `Infinity` when it overflows a double). */
    readonly size: number,
    readonly bound: number,
  ) {
    super(`${what} would have ${size} elements, more than the bound ${bound}`)
    this.name = "TooLargeError"
  }
}

/**
 * Why a family of arrows is not a cone (or cocone) over a diagram.
 *
 * @since 0.1.0
 * @category model
 */
export type ConeProblem =
  | { readonly kind: "legCount"; readonly expected: number; readonly actual: number }
  /** Leg `leg` does not start (cone) / end (cocone) at the apex (nadir). */
  | { readonly kind: "legApex"; readonly leg: number; readonly expected: number; readonly actual: number }
  /** Leg `leg` does not end (cone) / start (cocone) at the diagram object `leg`. */
  | { readonly kind: "legObject"; readonly leg: number; readonly expected: number; readonly actual: number }
  /**
   * The triangle of diagram arrow `arrow : from → to` does not commute at element `element`
   * (of the apex for a cone, of the diagram object `from` for a cocone): the two paths give
   * `left` and `right`.
   */
  | {
      readonly kind: "notCommuting"
      readonly arrow: number
      readonly from: number
      readonly to: number
      readonly element: number
      readonly left: number
      readonly right: number
    }

/**
 * The (co)cone given to `mediate` is not a (co)cone over the limit's diagram; `problem` names the
 * leg or diagram arrow and the element where it fails.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotAConeError extends Error {
  readonly _tag = "NotACone" as const
  constructor(
    readonly shape: "cone" | "cocone",
    /** The construction whose `mediate` was called, e.g. `pullback`. */
    readonly construction: string,
    readonly problem: ConeProblem,
    /** The failing element and the two values by their labels, when the sets have labels. */
    readonly shown?: { readonly element: string; readonly left: string; readonly right: string },
  ) {
    const p = problem
    super(
      `${construction}: not a ${shape} over the diagram: ${
        p.kind === "legCount"
          ? `${p.actual} legs, the diagram has ${p.expected} objects`
          : p.kind === "legApex"
            ? `leg ${p.leg} ${shape === "cone" ? "starts at" : "ends at"} a set of size ${p.actual}, the ${shape === "cone" ? "apex" : "nadir"} has size ${p.expected}`
            : p.kind === "legObject"
              ? `leg ${p.leg} ${shape === "cone" ? "ends at" : "starts at"} a set of size ${p.actual}, diagram object ${p.leg} has size ${p.expected}`
              : `diagram arrow ${p.arrow} (${p.from} → ${p.to}) does not commute with the legs at element ${shown?.element ?? p.element}: ${shown?.left ?? p.left} ≠ ${shown?.right ?? p.right}`
      }`,
    )
    this.name = "NotAConeError"
  }
}

/**
 * Every error FinSet raises.
 *
 * @since 0.1.0
 * @category errors
 */
export type FinSetError = InvalidFunctionError | InvalidSetError | TooLargeError | NotAConeError
