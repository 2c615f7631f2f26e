import type { Command } from "commander"
import { UserError } from "../UserError.ts"

/** `catcluster run`: not built yet (placeholder until its issue lands). */
export const register = (program: Command): void => {
  program
    .command("run")
    .description("(not available yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'run' is not available yet in this version")
    })
}
