/**
 * A scenario: a small model of one seed claim, the formulas checked on it, and the answer each
 * check is *expected* to give. Some checks are expected to find a violation: a bug variant the
 * checker must catch (release-before-reuse of an IP), or a seed claim that is wrong as stated (a
 * VM whose request fits no node stays Pending forever). `catcluster verify` exits 1 only when an
 * answer differs from its expectation, so a wrong seed claim reports "fails" without being an
 * error, while a correct variant that stops holding (or a bug the checker stops catching) is one.
 *
 * @since 0.1.0
 */
import { check, type CheckOptions, type CheckResult } from "../Check.ts"
import type { Formula } from "../Formula.ts"
import type { Fairness } from "../Liveness.ts"
import type { TransitionSystem } from "../TransitionSystem.ts"

/**
 * One formula on one model variant.
 *
 * @since 0.1.0
 * @category model
 */
export interface ScenarioCheck {
  /** `variant/property`, e.g. `release-before-reuse/no-shared-ip`. */
  readonly name: string
  /** Builds the model and the formula over its propositions. */
  readonly build: () => { readonly system: TransitionSystem; readonly formula: Formula }
  readonly expected: "holds" | "violated"
  /**
   * `claim`: a configuration Kubernetes allows, so its answer decides the seed claim's verdict;
   * `control`: a deliberately broken or idealised variant, showing the checker catches the bug
   * (or that a fix restores the property). Controls never decide a verdict.
   */
  readonly role: "claim" | "control"
  /** Why that answer is expected (the modelling fact behind it). */
  readonly because: string
  readonly fairness?: Fairness
}

/**
 * A scenario for one or more SPEC claims.
 *
 * @since 0.1.0
 * @category model
 */
export interface Scenario {
  readonly name: string
  readonly claims: ReadonlyArray<string>
  readonly title: string
  readonly checks: ReadonlyArray<ScenarioCheck>
}

/**
 * The result of one scenario check, with whether it met its expectation.
 *
 * @since 0.1.0
 * @category model
 */
export interface ScenarioOutcome {
  readonly scenario: string
  readonly check: string
  readonly expected: "holds" | "violated"
  readonly role: "claim" | "control"
  readonly because: string
  readonly result: CheckResult
  /** True when the answer is the expected one (an `unknown` never is). */
  readonly asExpected: boolean
}

/**
 * Runs every check of a scenario.
 *
 * @example
 * import { ipPool, runScenario } from "catcluster/verification"
 * runScenario(ipPool).map((o) => `${o.check}: ${o.result.status}`)
 *
 * @since 0.1.0
 * @category checks
 */
export const runScenario = (scenario: Scenario, options: CheckOptions = {}): ReadonlyArray<ScenarioOutcome> =>
  scenario.checks.map((c) => {
    const { system, formula } = c.build()
    const result = check(system, formula, { ...options, ...(c.fairness === undefined ? {} : { fairness: c.fairness }) })
    return {
      scenario: scenario.name,
      check: c.name,
      expected: c.expected,
      role: c.role,
      because: c.because,
      result,
      asExpected: result.status === c.expected,
    }
  })

/**
 * Finds a check by name (scenarios are small; a missing name is a programming error).
 *
 * @since 0.1.0
 * @category accessors
 */
export const checkNamed = (scenario: Scenario, name: string): ScenarioCheck => {
  const found = scenario.checks.find((c) => c.name === name)
  if (found === undefined) throw new RangeError(`scenario ${scenario.name} has no check '${name}' (has: ${scenario.checks.map((c) => c.name).join(", ")})`)
  return found
}
