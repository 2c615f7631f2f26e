import type { Command } from "commander"
import { UserError } from "../UserError.ts"

/** `catcluster hpa`: not built yet (placeholder until its issue lands). */
export const register = (program: Command): void => {
  program
    .command("hpa")
    .description("(not available yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'hpa' is not available yet in this version")
    })
}
