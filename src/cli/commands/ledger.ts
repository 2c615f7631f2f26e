import { writeFileSync } from "node:fs"
import type { Command } from "commander"
import { buildLedger, ledgerJson, ledgerMarkdown, tally } from "../../ledger/Ledger.ts"
import { allClaims } from "../../ledger/registry.ts"
import { makeProgress } from "../Progress.ts"
import { UserError } from "../UserError.ts"

/** `catcluster ledger`: runs every claim check and prints the ledger. @since 0.1.0 @category cli */
export const register = (program: Command): void => {
  program
    .command("ledger")
    .description("check every claim of the analysis (SPEC S1.1 … S15.7) and print its computed verdict")
    .option("--json", 'print {"claims":[{"id","verdict","evidence","source",…}]}')
    .option("--markdown <file>", "also write the ledger as Markdown")
    .option("--id <ids>", "only these claim IDs (comma-separated)")
    .action(async (opts: { json?: boolean; markdown?: string; id?: string }) => {
      const ids = opts.id?.split(",").map((s) => s.trim())
      const checks = ids === undefined ? allClaims : allClaims.filter((c) => ids.includes(c.id))
      const unknown = ids?.filter((id) => !allClaims.some((c) => c.id === id)) ?? []
      if (unknown.length > 0) throw new UserError(`unknown claim ID(s): ${unknown.join(", ")} (IDs look like S1.4)`)
      const progress = makeProgress({ quiet: opts.json === true })
      progress.start("claims", checks.length)
      const ledger = await buildLedger(checks, (done, _t, id) => progress.update(done, id))
      const t = tally(ledger)
      progress.stop(Object.entries(t).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(", "))
      if (opts.markdown !== undefined) writeFileSync(opts.markdown, ledgerMarkdown(ledger))
      if (opts.json === true) console.log(ledgerJson(ledger))
      else {
        for (const c of ledger.claims) console.log(`${c.id.padEnd(6)} ${c.verdict.padEnd(16)} ${c.summary}`)
        if (ids === undefined && ledger.missing.length > 0) console.log(`without a check: ${ledger.missing.join(", ")}`)
      }
      for (const e of ledger.errors) console.error(`claim check ${e.id} (${e.source}) threw: ${e.message}`)
      process.exitCode = ledger.errors.length > 0 ? 1 : 0
    })
}
