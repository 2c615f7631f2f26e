/**
 * `catcluster simulate [--workload container|vm] [--predictor] [--seed N] [--duration S] [--json] [--csv FILE] [--svg FILE]`
 *
 * The HPA closed loop (Kubernetes v1.35 HPA every 15 s, replicas Ready after a sampled start-up
 * latency): prints overshoot, settling and reaction time, wasted replica-seconds, SLO-violation
 * seconds and where V = (ready − reference)² did not decrease; `--json` prints the run (parameters,
 * measures, per-second series); `--csv` writes the series, `--svg` a chart. The seed is always
 * reported.
 */
import { writeFileSync } from "node:fs"
import type { Command } from "commander"
import { autoscalingChart, seriesCsv, seriesRows, simulateAutoscaling } from "../../dynamics/simulation/index.ts"
import { DEFAULT_SEED } from "../../laws/RunConfig.ts"
import { makeProgress } from "../Progress.ts"
import { UserError } from "../UserError.ts"

interface Options {
  readonly workload: string
  readonly predictor?: boolean
  readonly seed: string
  readonly duration: string
  readonly json?: boolean
  readonly csv?: string
  readonly svg?: string
}

const write = (file: string, text: string): void => {
  try {
    writeFileSync(file, text)
  } catch (error) {
    throw new UserError(`cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** Registers `catcluster simulate` on the program. @since 0.1.0 @category cli */
export const register = (program: Command): void => {
  program
    .command("simulate")
    .description("simulate the HPA closed loop for containers or VMs, optionally with a Smith predictor")
    .option("--workload <kind>", "container or vm", "vm")
    .option("--predictor", "use the Smith predictor (S12.3) instead of the HPA's replica calculator")
    .option("--seed <n>", "seed of the load noise and start-up latencies", String(DEFAULT_SEED))
    .option("--duration <seconds>", "simulated seconds", "1800")
    .option("--json", "print the run as JSON (parameters, measures, series)")
    .option("--csv <file>", "write the per-second series as CSV")
    .option("--svg <file>", "write a chart of replicas, desired, load and V")
    .action(async (options: Options) => {
      if (options.workload !== "container" && options.workload !== "vm") throw new UserError(`--workload: expected container or vm, got '${options.workload}'`)
      const seed = Number(options.seed)
      if (!/^-?\d+$/.test(options.seed) || !Number.isSafeInteger(seed)) throw new UserError(`--seed: expected an integer, got '${options.seed}'`)
      const duration = Number(options.duration)
      if (!/^\d+$/.test(options.duration) || duration < 60 || duration > 7 * 86400) throw new UserError(`--duration: expected whole seconds in [60, 604800], got '${options.duration}'`)
      const long = duration >= 3600
      const progress = makeProgress({ quiet: !long })
      progress.start(`simulating ${duration} s`, duration)
      const run = simulateAutoscaling({
        workload: options.workload,
        predictor: options.predictor === true,
        seed,
        durationSeconds: duration,
        onProgress: (done) => progress.update(done),
      })
      progress.stop(`${duration} simulated seconds`)
      if (options.csv !== undefined) write(options.csv, seriesCsv(run.series))
      if (options.svg !== undefined) write(options.svg, await autoscalingChart(run.series, `HPA closed loop: ${run.workload}${run.predictor ? " + Smith predictor" : ""}, seed ${seed}`))
      const p = run.performance
      if (options.json === true) {
        const { series: _, ...rest } = run
        process.stdout.write(JSON.stringify({ ...rest, series: seriesRows(run.series) }) + "\n")
        return
      }
      const lines = [
        `workload ${run.workload}${run.predictor ? ` with Smith predictor (τ = ${run.deadTimeSeconds} s, K_p = ${run.gain.toPrecision(3)} replicas/m)` : " (HPA)"}, seed ${seed}, ${duration} s`,
        `start-up: ${run.startup.family} ${JSON.stringify(run.startup.parameters)}`,
        `step at ${p.stepAt} s to ${p.stepReference} replicas: reaction ${p.reactionSeconds === null ? "never" : `${p.reactionSeconds} s`}, settling ${p.settlingSeconds === null ? "never" : `${p.settlingSeconds} s`}, overshoot ${p.overshootReplicas} (${p.overshootPercent.toFixed(1)} %)`,
        `wasted replica-seconds ${p.wastedReplicaSeconds}, SLO-violation seconds ${p.sloViolationSeconds}`,
        `V > 0 for ${p.lyapunov.positiveSeconds} s: decreasing ${p.lyapunov.decreasingSeconds} s, flat ${p.lyapunov.flatSeconds} s, rising ${p.lyapunov.increasingSeconds} s with a constant reference`,
      ]
      process.stdout.write(lines.join("\n") + "\n")
    })
}
