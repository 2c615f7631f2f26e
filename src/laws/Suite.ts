import type { Carrier } from "./Carrier.ts"
import { checkLaw, type CheckOptions, type Equality } from "./Check.ts"
import type { Law } from "./Law.ts"
import type { LawVerdict, SuiteVerdict } from "./Verdict.ts"

/**
 * Named rule sets with parents, after Scala's discipline: a suite lists its own law checks and
 * inherits its parents'; running it checks every law reached once, even when two parents share
 * an ancestor (a monad suite reaching the functor laws through two paths checks them once).
 *
 * @since 0.1.0
 */

/** A law bound to its carrier and equality, ready to run. @since 0.1.0 @category model */
export interface LawCheck {
  readonly name: string
  readonly statement: string
  /** Checks the law on its carrier and returns the verdict (with a counterexample on failure). */
  readonly run: (options: CheckOptions) => LawVerdict
}

/** A named set of law checks on one subject, with the suites it extends. @since 0.1.0 @category model */
export interface Suite {
  readonly name: string
  /** What is being checked, e.g. the category's or functor's name. */
  readonly subject: string
  readonly parents: ReadonlyArray<Suite>
  readonly checks: ReadonlyArray<LawCheck>
}

/**
 * Binds a law to the inputs it is checked on and the equality of its sides.
 *
 * @since 0.1.0
 * @category constructors
 */
export const bind = <In, T>(law: Law<In, T>, carrier: Carrier<In>, equals: Equality<T>): LawCheck => ({
  name: law.name,
  statement: law.statement,
  run: (options) => checkLaw(law, carrier, equals, options),
})

/**
 * A law that cannot be checked here, declared so with the reason (it shows up as "not
 * applicable", and `describeLaws` skips it with that reason). The reason must say something:
 * a law that merely checked nothing is `Unchecked`, which fails.
 *
 * @example
 * import { notApplicable } from "catcluster/laws"
 * notApplicable("schedule.respectsCapacity", "σ(p) fits", "no placement is given")
 *
 * @since 0.1.0
 * @category constructors
 */
export const notApplicable = (name: string, statement: string, reason: string): LawCheck => {
  if (reason.trim() === "") throw new TypeError(`notApplicable(${JSON.stringify(name)}): give the reason the law does not apply`)
  return {
    name,
    statement,
    run: () => ({ _tag: "NotApplicable", law: name, statement, reason }),
  }
}

/**
 * A suite from its name, subject, checks and parent suites.
 *
 * @since 0.1.0
 * @category constructors
 */
export const suite = (
  name: string,
  subject: string,
  checks: ReadonlyArray<LawCheck>,
  parents: ReadonlyArray<Suite> = [],
): Suite => ({ name, subject, parents, checks })

/**
 * Every law check a suite reaches, parents first, each law name once.
 *
 * @since 0.1.0
 * @category destructors
 */
export const lawsOf = (root: Suite): ReadonlyArray<LawCheck> => {
  const seen = new Set<string>()
  const out: LawCheck[] = []
  const visit = (s: Suite): void => {
    for (const p of s.parents) visit(p)
    for (const c of s.checks) {
      if (seen.has(c.name)) continue
      seen.add(c.name)
      out.push(c)
    }
  }
  visit(root)
  return out
}

/**
 * Runs a suite: every law reached, once.
 *
 * @example
 * import { runSuite, printVerdict } from "catcluster/laws"
 * // console.log(printVerdict(runSuite(categoryLaws(myCategory))))
 *
 * @since 0.1.0
 * @category checking
 */
export const runSuite = (s: Suite, options: CheckOptions = {}): SuiteVerdict => ({
  suite: s.name,
  subject: s.subject,
  laws: lawsOf(s).map((c) => c.run(options)),
})
