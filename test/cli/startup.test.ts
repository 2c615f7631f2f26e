/**
 * Start-up: `--version`, `--help` and a typo load no subcommand module (the names, usages and
 * descriptions come from the table in commands/lazy.ts), and a subcommand loads only its own
 * module and what it imports: `quantity` none of fast-check, vega or effect. Seen through a
 * module resolve hook that writes every resolved URL to a file; times are measured in
 * bench/cliStartup.bench.ts, not here.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { describe, expect, it } from "vitest"
import { commandTable } from "../../src/cli/commands/lazy.ts"

const root = join(import.meta.dirname, "..", "..")
const dir = mkdtempSync(join(tmpdir(), "catcluster-startup-"))
const hooks = join(dir, "hooks.mjs")
writeFileSync(
  hooks,
  `import { appendFileSync } from "node:fs"
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context)
  appendFileSync(process.env.CATCLUSTER_MODULE_LOG, resolved.url + "\\n")
  return resolved
}
`,
)
const register = join(dir, "register.mjs")
writeFileSync(register, `import { register } from "node:module"\nregister(${JSON.stringify(pathToFileURL(hooks).href)})\n`)

/** The CLI from its sources (through tsx), with every module it resolves. */
const cli = (...args: string[]) => {
  const log = join(dir, `modules-${args.join("_").replace(/[^\w-]/g, "")}.txt`)
  writeFileSync(log, "")
  const r = spawnSync(process.execPath, ["--import", "tsx", "--import", register, join(root, "src", "cli", "main.ts"), ...args], {
    encoding: "utf8",
    cwd: root,
    timeout: 120_000,
    env: { ...process.env, CATCLUSTER_MODULE_LOG: log },
  })
  const modules = readFileSync(log, "utf8").split("\n").filter((l) => l !== "")
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, modules }
}
const subcommandModules = (modules: ReadonlyArray<string>) => modules.filter((m) => /\/src\/cli\/commands\/(?!lazy\.ts)[^/]+\.ts$/.test(m)).map((m) => m.replace(/^.*\//, ""))
const packagesLoaded = (modules: ReadonlyArray<string>) => [...new Set(modules.flatMap((m) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(m)?.[1] ?? []))].filter((p) => p !== "tsx").sort()

describe("catcluster start-up", () => {
  it("--version prints package.json's version and loads no subcommand", () => {
    const r = cli("--version")
    expect(r.code).toBe(0)
    expect(r.stdout.trim()).toBe((JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version)
    expect(subcommandModules(r.modules)).toEqual([])
    expect(packagesLoaded(r.modules)).toEqual(["commander"])
  })
  it("--help lists every subcommand with its usage, loading none of them", () => {
    const r = cli("--help")
    expect(r.code).toBe(0)
    for (const { name, usage } of commandTable) expect(r.stdout).toContain(`${name} ${usage}`)
    expect(subcommandModules(r.modules)).toEqual([])
    expect(packagesLoaded(r.modules)).toEqual(["commander"])
  })
  it("a typo is a usage error (exit 2) with a suggestion, loading no subcommand", () => {
    const r = cli("schedul")
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("(Did you mean schedule?)")
    expect(subcommandModules(r.modules)).toEqual([])
  })
  it("quantity loads its own module only, and none of fast-check, vega or effect", () => {
    const r = cli("quantity", "1Gi", "--json")
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ input: "1Gi", value: "1073741824", canonical: "1Gi" })
    expect(subcommandModules(r.modules)).toEqual(["quantity.ts"])
    expect(packagesLoaded(r.modules)).toEqual(["commander", "fp-ts"])
  })
  it("help NAME loads that subcommand alone", () => {
    const r = cli("help", "diagram")
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("Usage: catcluster diagram [options] <file>")
    expect(subcommandModules(r.modules)).toEqual(["diagram.ts"])
  })
  it("simulate imports effect's modules, not its index of ~2,000", () => {
    const r = cli("simulate", "--help")
    expect(r.code).toBe(0)
    const effect = r.modules.filter((m) => m.includes("/node_modules/effect/"))
    expect(effect.length).toBeGreaterThan(0)
    expect(effect.filter((m) => /\/effect\/dist\/(esm|cjs)\/index\.js$/.test(m))).toEqual([])
  })
})
