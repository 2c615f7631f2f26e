import type { Command } from "commander"
import { defaultModelText, defaultModelUrl } from "../../app/model.ts"
import { runPipeline } from "../../app/pipeline.ts"
import { steps } from "../../app/steps.ts"
import { DEFAULT_SEED } from "../../laws/RunConfig.ts"
import { loadSchedulerConfig } from "../cluster.ts"
import { makeProgress } from "../Progress.ts"
import { decodedManifests, inputWarnings, maxFileSizeOf, printWarnings, readSourceFiles, rejectDuplicateObjects, withSourceOptions } from "../input.ts"
import { UserError } from "../UserError.ts"
import { existsSync, mkdirSync, statSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { relative } from "node:path"

const parseSeed = (s: string): number => {
  const n = Number(s)
  if (!Number.isSafeInteger(n)) throw new UserError(`--seed must be an integer, got "${s}"`)
  return n
}

/** The step names of `--only`, each known; a typo is a usage error listing the valid names. */
const parseOnly = (text: string): ReadonlyArray<string> => {
  const names = text.split(",").map((s) => s.trim()).filter((s) => s !== "")
  const valid = steps.map((s) => s.name).join(", ")
  if (names.length === 0) throw new UserError(`--only: no step named; the steps are ${valid}`)
  const unknown = names.filter((name) => !steps.some((s) => s.name === name))
  if (unknown.length > 0) throw new UserError(`--only: unknown step${unknown.length === 1 ? "" : "s"} ${unknown.map((u) => `'${u}'`).join(", ")}; the steps are ${valid}`)
  return names
}

/** `catcluster run`: the main job, on the embedded default model or the user's files. @since 0.1.0 @category cli */
export const register = (program: Command): void => {
  withSourceOptions(program.command("run").description("run the whole story (decode, laws, schedule, dynamics, model checking, ledger) and write out/"))
    .option("--out <dir>", "output directory", "out")
    .option("--seed <n>", "seed for every random process", parseSeed, DEFAULT_SEED)
    .option("--config <file>", "a KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1) for every placement (schedule, drain, N−1, capacity) instead of the default profile")
    .option("--only <steps>", `comma-separated steps to run, in run order: ${steps.map((s) => s.name).join(", ")}; out/ then holds only this run's outputs`)
    .option("--json", "print the summary as JSON")
    .option("-q, --quiet", "no progress output")
    .action(async (opts: { nodes?: string[]; workloads?: string[]; stdin?: boolean; maxFileSize?: string; out: string; seed: number; config?: string; only?: string; json?: boolean; quiet?: boolean }) => {
      const only = opts.only === undefined ? undefined : parseOnly(opts.only)
      // a bad configuration is a user's mistake: before any work, exit 2 naming it
      const scheduler = opts.config === undefined ? undefined : { ...loadSchedulerConfig(opts.config, maxFileSizeOf(opts.maxFileSize)), file: opts.config }
      // an output path that cannot become a directory is a user's mistake, found before any work
      if (existsSync(opts.out) && !statSync(opts.out).isDirectory()) throw new UserError(`--out ${opts.out}: exists and is not a directory`)
      const given = readSourceFiles(opts)
      // an object given twice is bad input; the user's objects that catcluster does not model
      // are named once, by kind
      const decoded = decodedManifests(given)
      rejectDuplicateObjects(decoded)
      printWarnings(inputWarnings(decoded))
      try {
        mkdirSync(opts.out, { recursive: true })
      } catch (error) {
        throw new UserError(`--out ${opts.out}: cannot create the directory (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
      }
      const model = given.length === 0 ? [{ file: relative(process.cwd(), fileURLToPath(defaultModelUrl)), text: defaultModelText() }] : given
      const progress = makeProgress({ quiet: opts.quiet === true || opts.json === true })
      const result = await runPipeline(model, {
        outDir: opts.out,
        seed: opts.seed,
        progress,
        ...(scheduler === undefined ? {} : { scheduler }),
        ...(only === undefined ? {} : { only }),
      })
      printWarnings(result.warnings)
      if (opts.json === true) {
        console.log(JSON.stringify({ seconds: result.seconds, files: result.files, failures: result.failures, warnings: result.warnings, steps: result.results.map((r) => ({ step: r.step, summary: r.summary, seconds: r.seconds })) }))
      } else {
        console.log(`catcluster run — seed ${opts.seed}`)
        for (const r of result.results) console.log(`  ${r.step.padEnd(12)} ${r.summary}  (${r.seconds.toFixed(2)} s)`)
        console.log(`wrote ${result.files.join(", ")} in ${result.seconds.toFixed(1)} s`)
        for (const f of result.failures) console.log(`FAIL ${f}`)
      }
      process.exitCode = result.failures.length > 0 ? 1 : 0
    })
}
