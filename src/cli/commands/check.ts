import type { Command } from "commander"
import { UserError } from "../UserError.ts"

/** `catcluster check`: not built yet (placeholder until its issue lands). */
export const register = (program: Command): void => {
  program
    .command("check")
    .description("(not available yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'check' is not available yet in this version")
    })
}
