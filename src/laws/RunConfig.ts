/**
 * How many cases a property-based check runs, and from which seed.
 *
 * Deterministic by default: the seed is fixed (`CATCLUSTER_SEED`, default 20261127) so CI
 * reproduces every run; `CATCLUSTER_DEEP=1` multiplies the number of runs by 20 for a deep
 * local run. Every verdict reports the seed it used.
 *
 * @since 0.1.0
 */

/** The seed and number of runs of property checks. @since 0.1.0 @category model */
export interface RunConfig {
  readonly seed: number
  readonly numRuns: number
  readonly deep: boolean
}

/** The seed used when none is given. @since 0.1.0 @category constants */
export const DEFAULT_SEED = 20261127

/**
 * The run configuration from the environment, for a check whose normal run count is `base`.
 *
 * @example
 * import { runConfig } from "catcluster/laws"
 * const { seed, numRuns } = runConfig(200) // 200 runs, 4000 with CATCLUSTER_DEEP=1
 *
 * @since 0.1.0
 * @category constructors
 */
export const runConfig = (base = 100, env: Record<string, string | undefined> = process.env): RunConfig => {
  const deep = env["CATCLUSTER_DEEP"] === "1" || env["CATCLUSTER_DEEP"] === "true"
  const seedText = env["CATCLUSTER_SEED"]
  const parsed = seedText === undefined ? Number.NaN : Number.parseInt(seedText, 10)
  const seed = Number.isSafeInteger(parsed) ? parsed : DEFAULT_SEED
  return { seed, numRuns: deep ? base * 20 : base, deep }
}
