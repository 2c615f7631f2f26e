/**
 * `catcluster run --only`: the step names are in `--help`, a typo is a usage error listing
 * them, and a partial run replaces every earlier output (no old `claims.md` beside a new
 * `report.html`).
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { steps } from "../../src/app/steps.ts"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const cli = (...args: string[]) => {
  const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), ...args], { encoding: "utf8", cwd: root, timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const names = steps.map((s) => s.name)

describe("run --only", () => {
  it("lists every step name in run --help", () => {
    const r = cli("run", "--help")
    expect(r.code).toBe(0)
    const help = r.stdout.replace(/\s+/g, " ")
    expect(help).toContain(`--only <steps> comma-separated steps to run, in run order: ${names.join(", ")}`)
  })

  it("exits 2 on an unknown step, naming it and listing the valid ones, and writes nothing", () => {
    const out = join(mkdtempSync(join(tmpdir(), "catcluster-only-")), "out")
    const r = cli("run", "--only", "decode,schedul", "--quiet", "--out", out)
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe(`catcluster: --only: unknown step 'schedul'; the steps are ${names.join(", ")}`)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(join(out, "report.html"))).toBe(false)
    expect(cli("run", "--only", " , ", "--quiet", "--out", out).code).toBe(2)
  })

  it("replaces an earlier run's outputs all together: a partial run leaves no old claims.md", () => {
    const parent = mkdtempSync(join(tmpdir(), "catcluster-only-"))
    const out = join(parent, "out")
    mkdirSync(out)
    writeFileSync(join(out, "claims.md"), "# stale ledger\n")
    writeFileSync(join(out, "report.html"), "stale")
    writeFileSync(join(out, "report-390.png"), "screenshot")
    const r = cli("run", "--only", "decode", "--quiet", "--json", "--out", out)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).files).toEqual([join(out, "report.html"), join(out, "report.json")])
    expect(readdirSync(out).sort()).toEqual(["report-390.png", "report.html", "report.json"])
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain('<section id="model">')
    expect(readdirSync(parent)).toEqual(["out"])
  })
})
