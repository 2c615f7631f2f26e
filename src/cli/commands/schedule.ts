import type { Command } from "commander"
import { UserError } from "../UserError.ts"

/** `catcluster schedule`: not built yet (placeholder until its issue lands). */
export const register = (program: Command): void => {
  program
    .command("schedule")
    .description("(not available yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'schedule' is not available yet in this version")
    })
}
