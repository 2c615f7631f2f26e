import { match } from "ts-pattern"

/**
 * What can be wrong with a presentation (objects, generating arrows, path equations), as a
 * tagged union so callers can match on it; {@link PresentationError} adds where it happened.
 *
 * @since 0.1.0
 */

/**
 * One problem in a presentation.
 *
 * @since 0.1.0
 * @category errors
 */
export type PresentationProblem =
  | { readonly _tag: "EmptyName" }
  | { readonly _tag: "DuplicateObject"; readonly name: string }
  | { readonly _tag: "DuplicateArrow"; readonly name: string }
  | { readonly _tag: "UnknownObject"; readonly name: string }
  | { readonly _tag: "UnknownArrow"; readonly name: string }
  | {
      /** Two neighbours of a path do not meet: `cod(first) ≠ dom(second)`. */
      readonly _tag: "IllTypedPath"
      readonly first: string
      readonly second: string
      readonly codomainOfFirst: string
      readonly domainOfSecond: string
    }
  | {
      /** The two sides of an equation do not have the same domain and codomain. */
      readonly _tag: "NotParallel"
      readonly lhs: string
      readonly rhs: string
    }
  | {
      /** An empty path (an identity) whose object cannot be inferred. */
      readonly _tag: "EmptyPathNeedsObject"
    }
  | {
      /** An empty side of an equation equated with a path that is not a loop. */
      readonly _tag: "IdentityNotLoop"
      readonly other: string
    }
  | { readonly _tag: "TooManyArrows"; readonly count: number; readonly limit: number }

/**
 * A person-readable sentence for a problem.
 *
 * @since 0.1.0
 * @category destructors
 */
export const describeProblem = (problem: PresentationProblem): string =>
  match(problem)
    .with({ _tag: "EmptyName" }, () => "a name must be a non-empty string")
    .with({ _tag: "DuplicateObject" }, (p) => `object '${p.name}' is declared twice`)
    .with({ _tag: "DuplicateArrow" }, (p) => `arrow '${p.name}' is declared twice`)
    .with({ _tag: "UnknownObject" }, (p) => `unknown object '${p.name}'`)
    .with({ _tag: "UnknownArrow" }, (p) => `unknown arrow '${p.name}'`)
    .with(
      { _tag: "IllTypedPath" },
      (p) =>
        `ill-typed path: '${p.first}' ends in ${p.codomainOfFirst} but the next arrow '${p.second}' starts at ${p.domainOfSecond}`,
    )
    .with({ _tag: "NotParallel" }, (p) => `the two sides are not parallel: ${p.lhs} vs ${p.rhs}`)
    .with({ _tag: "EmptyPathNeedsObject" }, () => "an empty path (identity) needs its object")
    .with(
      { _tag: "IdentityNotLoop" },
      (p) => `an identity can only equal a loop, but the other side is ${p.other}`,
    )
    .with(
      { _tag: "TooManyArrows" },
      (p) => `${p.count} generating arrows, more than the ${p.limit} this encoding supports`,
    )
    .exhaustive()

/**
 * A presentation that cannot be used, with the JSON path of the culprit
 * (e.g. `equations[2].lhs[1]`) and the problem.
 *
 * @since 0.1.0
 * @category errors
 */
export class PresentationError extends Error {
  readonly _tag = "PresentationError" as const
  constructor(
    /** Where: a JSON path into the presentation input, e.g. `arrows[3].cod`. */
    readonly path: string,
    readonly problem: PresentationProblem,
  ) {
    super(`${path}: ${describeProblem(problem)}`)
    this.name = "PresentationError"
  }
}
