#!/usr/bin/env node
/**
 * The `catcluster` command line. One module per subcommand in `./commands/`; each exports
 * `register(program)`. Exit codes: 0 = every verdict as expected, 1 = a law or invariant
 * fails, 2 = bad input or usage. A user's mistake never prints a stack trace.
 */
import { Command, CommanderError } from "commander"
import { UserError } from "./UserError.ts"
import { loadCommands } from "./commands/lazy.ts"

const program = new Command()
program
  .name("catcluster")
  .description("Typed, law-checked modelling of hybrid container + VM clusters (Kubernetes + KubeVirt)")
  .version("0.1.0")
  .exitOverride()
  .showHelpAfterError()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) })

for (const register of await loadCommands(process.argv.slice(2))) register(program)

const main = async (): Promise<void> => {
  try {
    await program.parseAsync(process.argv)
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0; usage errors exit 2 (commander has already printed the message)
      process.exitCode = error.exitCode === 0 ? 0 : 2
      return
    }
    if (error instanceof UserError) {
      process.stderr.write(`catcluster: ${error.message}\n`)
      process.exitCode = error.exitCode
      return
    }
    throw error
  }
}

await main()
