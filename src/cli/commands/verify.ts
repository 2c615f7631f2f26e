import type { Command } from "commander"
import { UserError } from "../UserError.ts"

/** `catcluster verify`: not built yet (placeholder until its issue lands). */
export const register = (program: Command): void => {
  program
    .command("verify")
    .description("(not available yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'verify' is not available yet in this version")
    })
}
