/**
 * `catcluster check [--nodes F...] [--workloads F...] [--stdin] [--presentation F...] [--json]`: the law
 * checks a CI job runs on its own cluster manifests and category presentations. Input is read as
 * every subcommand reads it: files, directories (their `.yaml`, `.yml`, `.json` files,
 * recursively, in name order), several per flag, `-` or `--stdin` for standard input; with no file
 * at all the embedded default model is checked (with only presentations, only those). Exit 0 when every law holds, 1 when a
 * law fails (its counterexamples printed), 2 for input that cannot be read or modelled.
 */
import { relative } from "node:path"
import { fileURLToPath } from "node:url"
import type { Command } from "commander"
import { checkModel } from "../../app/check/checkModel.ts"
import { completionLaw } from "../../app/check/presentationSuite.ts"
import { printReport, toJson } from "../../app/check/CheckReport.ts"
import { defaultModelText, defaultModelUrl } from "../../app/model.ts"
import { decodedManifests, maxFileSizeOf, readModelFiles, readSourceFiles, rejectDuplicateObjects, withSourceOptions, type SourceFlags } from "../input.ts"
import { UserError } from "../UserError.ts"

interface Options extends SourceFlags {
  readonly presentation?: ReadonlyArray<string>
  readonly json?: boolean
}

/** Registers `catcluster check` on the program. @since 0.1.0 @category cli */
export const register = (program: Command): void => {
  withSourceOptions(program.command("check").description("check the laws on your own manifests and presentations (for CI): exit 0 all hold, 1 a law fails, 2 bad input"))
    .option("--presentation <files...>", "category presentations (YAML/JSON: objects, arrows, equations, check)")
    .option("--json", "print the report as JSON")
    .action((opts: Options) => {
      const given = readSourceFiles(opts)
      // an object given twice is bad input (a cluster holds one): named before any law runs
      rejectDuplicateObjects(decodedManifests(given))
      const presentations = readModelFiles(opts.presentation ?? [], maxFileSizeOf(opts.maxFileSize))
      const files =
        given.length === 0
          ? presentations.length === 0
            ? [{ file: relative(process.cwd(), fileURLToPath(defaultModelUrl)), text: defaultModelText() }]
            : []
          : given
      // what is not modelled is listed by the report itself (stdout), so stderr stays clean for CI
      const outcome = checkModel(files, { presentations })
      if (opts.json === true) process.stdout.write(JSON.stringify(toJson(outcome)) + "\n")
      if (outcome._tag === "BadInput") {
        throw new UserError(`cannot check: ${outcome.errors.length} problem(s) in the input\n${outcome.errors.map((e) => `  ${e}`).join("\n")}`, 2)
      }
      if (opts.json !== true) process.stdout.write(printReport(outcome.report) + "\n")
      // A presentation whose completion ran out of budget decides nothing: exit 2 with the reason.
      const unfinished = outcome.report.suites.flatMap((s) =>
        s.verdict.laws.flatMap((l) => (l._tag === "NotApplicable" && l.law === completionLaw ? [`${s.verdict.subject}: ${l.reason}`] : [])),
      )
      if (unfinished.length > 0) throw new UserError(unfinished.join("\n"), 2)
      process.exitCode = outcome.report.exitCode
    })
}
