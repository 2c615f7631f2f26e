import * as fc from "fast-check"
import { different, equal, type ArrowEquality } from "../Category.ts"
import type { AnyFn } from "./Fn.ts"
import type { AnyTypeObject } from "./TypeObject.ts"

/**
 * Extensional equality of functions: `f = g` iff `f(a) = g(a)` for every `a`.
 *
 * When the domain enumerates, every input is tried and the answer is *decided*. Otherwise
 * fast-check samples inputs with a fixed seed and shrinks an input where the two differ; the
 * answer "equal" then means "equal on every sampled input", and says so in its coverage.
 *
 * @since 0.1.0
 */

/** Seed and number of sampled inputs for functions on infinite domains. @since 0.1.0 @category model */
export interface Sampling {
  readonly seed: number
  readonly numRuns: number
}

/**
 * Sampling from the environment, with the same variables as `runConfig` in `src/laws/RunConfig.ts`
 * (this layer may not import the laws): `CATCLUSTER_SEED` (default 20261127) and
 * `CATCLUSTER_DEEP=1` (20× the inputs).
 *
 * @example
 * import { samplingFromEnvironment } from "catcluster/category"
 * samplingFromEnvironment(100, { CATCLUSTER_DEEP: "1" }) // { seed: 20261127, numRuns: 2000 }
 *
 * @since 0.1.0
 * @category constructors
 */
export const samplingFromEnvironment = (
  base = 100,
  env: Record<string, string | undefined> = process.env,
  deepFactor = 20,
): Sampling => {
  const deep = env["CATCLUSTER_DEEP"] === "1" || env["CATCLUSTER_DEEP"] === "true"
  const parsed = Number.parseInt(env["CATCLUSTER_SEED"] ?? "", 10)
  return { seed: Number.isSafeInteger(parsed) ? parsed : 20261127, numRuns: deep ? base * deepFactor : base }
}

/**
 * The default sampling of arrow equality in Type: the environment's seed, 100 inputs per
 * comparison, *not* raised by `CATCLUSTER_DEEP`. A comparison usually runs inside a sampled law
 * whose own runs deep mode already multiplies by 20; raising both would multiply the work by
 * 400 (minutes per law) for little gain. Build `typeCategory(samplingFromEnvironment())` to
 * raise it too.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultSampling: Sampling = samplingFromEnvironment(100, process.env, 1)

/**
 * Where two functions differ: the input and both outputs, shown and raw.
 *
 * @since 0.1.0
 * @category model
 */
export interface PointwiseDifference {
  readonly _tag: "PointwiseDifference"
  readonly input: unknown
  readonly left: unknown
  readonly right: unknown
  readonly shown: { readonly input: string; readonly left: string; readonly right: string }
  /** How the input was found. */
  readonly search: { readonly mode: "exhaustive"; readonly cases: number } | { readonly mode: "sampled"; readonly seed: number; readonly runs: number }
}

/**
 * Compares two functions from `dom` to `cod` pointwise: exhaustively when `dom` enumerates, by
 * seeded sampling with shrinking otherwise.
 *
 * @example
 * import { booleanType, compareFunctions } from "catcluster/category"
 * compareFunctions(booleanType, booleanType, (b) => !b, (b) => b) // { equal: false, witness: { input: false, ... } }
 *
 * @since 0.1.0
 * @category equality
 */
export const compareFunctions = <A, B>(
  dom: AnyTypeObject,
  cod: AnyTypeObject,
  f: (a: A) => B,
  g: (a: A) => B,
  sampling: Sampling = defaultSampling,
): ArrowEquality => {
  const differ = (input: A, search: PointwiseDifference["search"]): ArrowEquality => {
    const left = f(input)
    const right = g(input)
    const shown = { input: dom.show(input), left: cod.show(left), right: cod.show(right) }
    const witness: PointwiseDifference = { _tag: "PointwiseDifference", input, left, right, shown, search }
    return different(`at ${shown.input}: ${shown.left} ≠ ${shown.right}`, witness)
  }
  const all = dom.enumerate?.()
  if (all !== undefined) {
    for (const a of all) if (!cod.equals(f(a), g(a))) return differ(a, { mode: "exhaustive", cases: all.length })
    return equal
  }
  const details = fc.check(
    fc.property(dom.arbitrary, (a: A) => cod.equals(f(a), g(a))),
    { seed: sampling.seed, numRuns: sampling.numRuns },
  )
  if (details.failed && details.counterexample !== null) {
    return differ(details.counterexample[0], { mode: "sampled", seed: sampling.seed, runs: details.numRuns })
  }
  if (details.failed) {
    return different(
      `comparing the functions threw: ${String(details.errorInstance)}`,
      details.errorInstance,
    )
  }
  return equal
}

/**
 * Equality of two arrows of Type: same endpoints (by name), then extensionally equal.
 *
 * @since 0.1.0
 * @category equality
 */
export const equalFns =
  (sampling: Sampling = defaultSampling) =>
  (f: AnyFn, g: AnyFn): ArrowEquality => {
    if (f.dom.name !== g.dom.name || f.cod.name !== g.cod.name) {
      return different(
        `not parallel: ${f.name} : ${f.dom.name} → ${f.cod.name} vs ${g.name} : ${g.dom.name} → ${g.cod.name}`,
        { left: [f.dom.name, f.cod.name], right: [g.dom.name, g.cod.name] },
      )
    }
    return compareFunctions(f.dom, f.cod, f.run, g.run, sampling)
  }
