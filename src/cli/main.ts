#!/usr/bin/env node
/**
 * The `catcluster` command line. One module per subcommand in `./commands/`; each exports
 * `register(program)`. Exit codes: 0 = every verdict as expected, 1 = a law or invariant
 * fails, 2 = bad input or usage. A user's mistake never prints a stack trace.
 */
import { readFileSync } from "node:fs"
import { Command, CommanderError } from "commander"
import { UserError } from "./UserError.ts"
import { loadCommands } from "./commands/lazy.ts"

// the package's own version, from the package.json beside src/ and dist/ (both are two levels down)
const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { readonly version: string }

const program = new Command()
program
  .name("catcluster")
  .description("Typed, law-checked modelling of hybrid container + VM clusters (Kubernetes + KubeVirt)")
  .version(version)
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
