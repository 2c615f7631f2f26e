import type { Command } from "commander"
import { UserError } from "../UserError.ts"

/** `catcluster ledger`: not built yet (placeholder until its issue lands). */
export const register = (program: Command): void => {
  program
    .command("ledger")
    .description("(not available yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'ledger' is not available yet in this version")
    })
}
