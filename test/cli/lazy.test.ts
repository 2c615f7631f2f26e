import { Command, Help } from "commander"
import { describe, expect, it } from "vitest"
import { commands } from "../../src/cli/commands/index.ts"
import { commandNamed, commandTable, loadCommands, registerSummaries } from "../../src/cli/commands/lazy.ts"

const programOf = (registers: ReadonlyArray<(p: Command) => void>): Command => {
  const program = new Command().name("catcluster").description("d").version("9.9.9")
  for (const r of registers) r(program)
  return program
}
const names = (registers: ReadonlyArray<(p: Command) => void>) => programOf(registers).commands.map((c) => c.name())

describe("lazy command loading", () => {
  it("the table knows the same commands, in the same order, as the modules", () => {
    expect(commandTable.map((e) => e.name)).toEqual(names(commands))
  })
  it("each table entry's usage and description are what its module registers", async () => {
    const help = new Help()
    for (const entry of commandTable) {
      const registered = programOf([await entry.load()]).commands
      expect(registered.map((c) => c.name())).toEqual([entry.name])
      const command = registered[0]!
      expect({ name: entry.name, description: entry.description }).toEqual({ name: entry.name, description: command.description() })
      expect(help.subcommandTerm(command)).toBe(`${entry.name} ${entry.usage}`)
    }
  })
  it("the top-level help from the table alone is the help of every module registered", async () => {
    const width = { writeOut: () => undefined, getOutHelpWidth: () => 100 }
    const eager = programOf(commands).configureOutput(width)
    const summaries = programOf([registerSummaries]).configureOutput(width)
    expect(summaries.helpInformation()).toBe(eager.helpInformation())
    expect(summaries.helpInformation()).toContain("quantity [options] <quantities...>")
  })
  it("a command reads clusters exactly when it takes --nodes (the bin gives those a bigger heap)", async () => {
    for (const entry of commandTable) {
      const command = programOf([await entry.load()]).commands[0]!
      expect([entry.name, entry.readsClusters]).toEqual([entry.name, command.options.some((o) => o.long === "--nodes")])
    }
  })
  it("loads only the named command (also after help), and no module for anything else", async () => {
    expect(names(await loadCommands(["quantity", "1Gi"]))).toEqual(["quantity"])
    expect(names(await loadCommands(["help", "diagram"]))).toEqual(["diagram"])
    expect(await loadCommands(["--help"])).toEqual([registerSummaries])
    expect(await loadCommands(["frobnicate"])).toEqual([registerSummaries])
    expect(await loadCommands([])).toEqual([registerSummaries])
    expect(commandNamed(["schedule", "--json"])?.readsClusters).toBe(true)
    expect(commandNamed(["--version"])).toBeUndefined()
  })
})
