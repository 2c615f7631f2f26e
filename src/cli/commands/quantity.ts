import type { Command } from "commander"
import { UserError } from "../UserError.ts"

/** `catcluster quantity`: not built yet (placeholder until its issue lands). */
export const register = (program: Command): void => {
  program
    .command("quantity")
    .description("(not available yet)")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("'quantity' is not available yet in this version")
    })
}
