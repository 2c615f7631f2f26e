import type { Command } from "commander"
import { UserError } from "../UserError.ts"

/** `catcluster diagram`: not built yet (placeholder until its issue lands). */
export const register = (program: Command): void => {
  program
    .command("diagram")
    .description("(not available yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'diagram' is not available yet in this version")
    })
}
