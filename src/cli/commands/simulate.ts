import type { Command } from "commander"
import { UserError } from "../UserError.ts"

/** `catcluster simulate`: not built yet (placeholder until its issue lands). */
export const register = (program: Command): void => {
  program
    .command("simulate")
    .description("(not available yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'simulate' is not available yet in this version")
    })
}
