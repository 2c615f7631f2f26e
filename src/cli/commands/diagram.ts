/**
 * `catcluster diagram FILE [--format mermaid|dot|svg] [--check]`: draw a presentation (objects,
 * arrows, path equations) read from YAML or JSON. `--check` also builds its finite category and
 * reports, on stderr, its size or why it is not finite. Bad input exits 2 with the file and the
 * JSON path of the culprit.
 */
import type { Command } from "commander"
import * as E from "fp-ts/lib/Either.js"
import { buildFinCat, decodePresentation } from "../../category/fincat/index.ts"
import { presentationGraph, toDot, toMermaid, toSvg } from "../../category/render/index.ts"
import type { ReadLimits } from "../../domain/manifest/regularFile.ts"
import { showYamlValueError, yamlValue } from "../../domain/manifest/yamlValue.ts"
import { maxFileSizeOf, readUserFile, withMaxFileSize } from "../input.ts"
import { UserError } from "../UserError.ts"

const formats = ["mermaid", "dot", "svg"] as const
type Format = (typeof formats)[number]
const isFormat = (s: string): s is Format => (formats as ReadonlyArray<string>).includes(s)

const readDocument = (file: string, limits: ReadLimits): unknown => {
  // a regular file within the limit: a FIFO or a device would block or never end
  // YAML is a superset of JSON, so one parser reads both; a key given twice is named
  const value = yamlValue(readUserFile(file, limits))
  if (E.isLeft(value)) throw new UserError(showYamlValueError(file, value.left))
  return value.right
}

/** Registers `catcluster diagram` on the program. @since 0.1.0 @category cli */
export const register = (program: Command): void => {
  const command = program
    .command("diagram")
    .description("draw a category presentation (YAML/JSON: objects, arrows, equations) as Mermaid, DOT or SVG")
    .argument("<file>", "presentation file (.yaml, .yml or .json)")
    .option("-f, --format <format>", `output format: ${formats.join(", ")}`, "mermaid")
    .option("--check", "also build the finite category and report its size (stderr)")
  withMaxFileSize(command)
    .action(async (file: string, options: { readonly format: string; readonly check?: boolean; readonly maxFileSize?: string }) => {
      if (!isFormat(options.format)) {
        throw new UserError(`--format: '${options.format}' is not one of ${formats.join(", ")}`)
      }
      const decoded = decodePresentation(readDocument(file, maxFileSizeOf(options.maxFileSize)))
      if (E.isLeft(decoded)) throw new UserError(`${file}: ${decoded.left.message}`)
      const p = decoded.right
      const graph = presentationGraph(p)
      const text =
        options.format === "mermaid" ? toMermaid(graph) : options.format === "dot" ? toDot(graph) : `${await toSvg(graph)}\n`
      process.stdout.write(text)
      if (options.check === true) {
        const built = buildFinCat(p)
        if (built._tag === "Finite") {
          const C = built.category
          process.stderr.write(`${p.name}: finite, ${C.arrowCount} arrows, ${C.table.length} composable pairs\n`)
        } else if (built._tag === "CompletionIncomplete") {
          // Not an answer about the category: the user must raise the budget or change the presentation.
          throw new UserError(`${file}: ${built.message}`, 2)
        } else {
          process.stderr.write(`${p.name}: ${built.message}\n`)
        }
      }
    })
}
