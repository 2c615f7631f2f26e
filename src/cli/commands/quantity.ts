/**
 * `catcluster quantity STR... [--json]`: read Kubernetes quantities the way the API server
 * does and show their exact value and canonical form. Exit code 2 when any input is invalid.
 * Negative values need `--` first (`catcluster quantity -- -1.5`) or are accepted as is.
 */
import type { Command } from "commander"
// the files themselves, not the folder's index: that also exports the fast-check generators
import { canonical } from "../../domain/quantity/canonical.ts"
import { toDecimalString } from "../../domain/quantity/decimal.ts"
import { parseQuantity } from "../../domain/quantity/parse.ts"
import { UserError } from "../UserError.ts"

/** One line of output: the value and canonical form, or why the input is not a quantity. */
type Row =
  | { readonly input: string; readonly value: string; readonly canonical: string }
  | { readonly input: string; readonly error: string }

const rowOf = (input: string): Row => {
  const parsed = parseQuantity(input)
  if (parsed._tag === "Left") return { input, error: `${parsed.left.problem} at position ${parsed.left.position}` }
  return { input, value: toDecimalString(parsed.right), canonical: canonical(parsed.right) }
}

const table = (rows: ReadonlyArray<Row>): string => {
  const cells = rows.map((r) =>
    "error" in r ? [JSON.stringify(r.input), "error", r.error] : [JSON.stringify(r.input), r.value, r.canonical],
  )
  const header = ["input", "value", "canonical"]
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)))
  const line = (c: ReadonlyArray<string>): string =>
    c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i] ?? 0))).join("  ")
  return [line(header), ...cells.map(line)].join("\n")
}

/** Registers `catcluster quantity` on the program. @since 0.1.0 @category cli */
export const register = (program: Command): void => {
  program
    .command("quantity")
    .description("parse Kubernetes quantities (e.g. 1.5Gi, 250m, 1e3): exact value and canonical form")
    .argument("<quantities...>", "quantities as written in a manifest")
    .option("--json", "one JSON object per input")
    // "-1.5" looks like an option to commander; let it through as an input
    .allowUnknownOption()
    .action((inputs: ReadonlyArray<string>, options: { readonly json?: boolean }) => {
      const rows = inputs.map(rowOf)
      if (options.json === true) process.stdout.write(rows.map((r) => JSON.stringify(r)).join("\n") + "\n")
      else process.stdout.write(table(rows) + "\n")
      const bad = rows.filter((r) => "error" in r).length
      if (bad > 0) throw new UserError(`${bad} of ${rows.length} inputs are not valid quantities`)
    })
}
