import { writeFileSync } from "node:fs"
import { join } from "node:path"
import type { Progress } from "../cli/Progress.ts"
import { toJson } from "../ledger/Ledger.ts"
import { renderReport, type Section } from "../report/Html.ts"
import { writeAtomically } from "./atomicOut.ts"
import type { ModelFile } from "./model.ts"
import type { Step, StepResult } from "./Step.ts"
import { steps, type Context, type SchedulerProfiles } from "./steps.ts"

/**
 * The main job: decode → cluster category → laws and diagrams → schedule → autoscaling and
 * migration → model checking → claims ledger, written to `out/`.
 *
 * @since 0.1.0
 */

/** Options of the main job: output directory, seed, progress display and which steps to run. @since 0.1.0 @category model */
export interface PipelineOptions {
  readonly outDir: string
  readonly seed: number
  readonly progress: Progress
  /** Which steps to run (default: all). */
  readonly only?: ReadonlyArray<string>
  /** The scheduler's profiles (default: kube-scheduler's default profile). */
  readonly scheduler?: SchedulerProfiles
}

/** What the main job produced: each step's result and time, the failures and the files written. @since 0.1.0 @category model */
export interface PipelineResult {
  readonly results: ReadonlyArray<{ readonly step: string; readonly seconds: number } & StepResult>
  readonly failures: ReadonlyArray<string>
  /** The steps' warnings (what the input lacks), in step order. */
  readonly warnings: ReadonlyArray<string>
  readonly files: ReadonlyArray<string>
  readonly seconds: number
}

/**
 * Runs every step (or the `only` ones) on the given model files and writes `report.html`,
 * `report.json` and `claims.md` (written by the ledger step) into `outDir`, all at once: an
 * earlier run's outputs are replaced together, never mixed with this run's (see
 * {@link writeAtomically}).
 *
 * @since 0.1.0
 * @category running
 */
export const runPipeline = (model: ReadonlyArray<ModelFile>, options: PipelineOptions): Promise<PipelineResult> =>
  writeAtomically(
    options.outDir,
    (dir) => runInto(model, options, dir),
    (r, toFinal) => ({ ...r, files: r.files.map(toFinal) }),
  )

const runInto = async (model: ReadonlyArray<ModelFile>, options: PipelineOptions, outDir: string): Promise<PipelineResult> => {
  const started = performance.now()
  const ctx: Context = { model, seed: options.seed, outDir, state: {}, ...(options.scheduler === undefined ? {} : { scheduler: options.scheduler }) }
  const selected: ReadonlyArray<Step<Context>> =
    options.only === undefined ? steps : steps.filter((s) => options.only!.includes(s.name))
  const results: Array<{ step: string; seconds: number } & StepResult> = []
  for (const step of selected) {
    const t0 = performance.now()
    const result = await step.run(ctx, options.progress)
    results.push({ step: step.name, seconds: (performance.now() - t0) / 1000, ...result })
  }
  const sections: Section[] = results.flatMap((r) => r.sections)
  const html = renderReport(
    "catcluster report",
    `Hybrid container + VM cluster, checked from category theory to dynamic control. Seed ${options.seed}. Model: ${model.map((m) => m.file).join(", ")}.`,
    sections,
  )
  const htmlFile = join(outDir, "report.html")
  const jsonFile = join(outDir, "report.json")
  writeFileSync(htmlFile, html)
  const failures = results.flatMap((r) => r.failures.map((f) => `${r.step}: ${f}`))
  const warnings = results.flatMap((r) => r.warnings ?? [])
  writeFileSync(
    jsonFile,
    toJson(
      {
        seed: options.seed,
        model: model.map((m) => m.file),
        steps: Object.fromEntries(results.map((r) => [r.step, { summary: r.summary, seconds: r.seconds, failures: r.failures, result: r.json }])),
        failures,
        warnings,
      },
      2,
    ),
  )
  return {
    results,
    failures,
    warnings,
    files: [htmlFile, jsonFile, ...(ctx.state.claimsFile === undefined ? [] : [ctx.state.claimsFile])],
    seconds: (performance.now() - started) / 1000,
  }
}
