import type { Command } from "commander"

/**
 * Each subcommand's module, loaded on demand: `catcluster quantity 1Gi` need not load the
 * scheduler, the charts and the model checker. `--help` and unknown commands load them all.
 *
 * @since 0.1.0
 * @category cli
 */
export const commandLoaders: ReadonlyArray<readonly [string, () => Promise<(program: Command) => void>]> = [
  ["run", async () => (await import("./run.ts")).register],
  ["check", async () => (await import("./check.ts")).register],
  ["schedule", async () => (await import("./schedule.ts")).register],
  ["drain", async () => (await import("./drain.ts")).register],
  ["resilience", async () => (await import("./resilience.ts")).register],
  ["capacity", async () => (await import("./capacity.ts")).register],
  ["quota", async () => (await import("./quota.ts")).register],
  ["simulate", async () => (await import("./simulate.ts")).register],
  ["hpa", async () => (await import("./hpa.ts")).register],
  ["verify", async () => (await import("./verify.ts")).register],
  ["ledger", async () => (await import("./ledger.ts")).register],
  ["diagram", async () => (await import("./diagram.ts")).register],
  ["quantity", async () => (await import("./quantity.ts")).register],
]

/**
 * The registrations needed for these arguments: just the named subcommand when the first
 * argument names one, otherwise every subcommand (for help, usage errors and suggestions).
 *
 * @since 0.1.0
 * @category cli
 */
export const loadCommands = async (args: ReadonlyArray<string>): Promise<ReadonlyArray<(program: Command) => void>> => {
  const named = commandLoaders.find(([name]) => name === args[0])
  return named !== undefined ? [await named[1]()] : Promise.all(commandLoaders.map(([, load]) => load()))
}
