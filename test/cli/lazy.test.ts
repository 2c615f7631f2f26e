import { Command } from "commander"
import { describe, expect, it } from "vitest"
import { commands } from "../../src/cli/commands/index.ts"
import { commandLoaders, loadCommands } from "../../src/cli/commands/lazy.ts"

const names = (registers: ReadonlyArray<(p: Command) => void>) => {
  const program = new Command()
  for (const r of registers) r(program)
  return program.commands.map((c) => c.name())
}

describe("lazy command loading", () => {
  it("knows the same commands, in the same order, as the eager list", async () => {
    expect(names(await loadCommands([]))).toEqual(names(commands))
    expect(commandLoaders.map(([n]) => n)).toEqual(names(commands))
  })
  it("loads only the named command, and all of them for anything else", async () => {
    expect(names(await loadCommands(["quantity", "1Gi"]))).toEqual(["quantity"])
    expect(names(await loadCommands(["--help"]))).toHaveLength(commands.length)
    expect(names(await loadCommands(["frobnicate"]))).toHaveLength(commands.length)
  })
})
