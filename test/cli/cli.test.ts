/**
 * The command line as a user meets it: exit codes, messages, and never a stack trace for a
 * user's mistake.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const cli = (...args: string[]) => {
  const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), ...args], { encoding: "utf8", cwd: root, timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/)

describe("catcluster CLI", () => {
  it("lists its subcommands in --help and exits 0", () => {
    const r = cli("--help")
    expect(r.code).toBe(0)
    for (const c of ["run", "check", "schedule", "simulate", "hpa", "verify", "ledger", "diagram", "quantity"]) expect(r.stdout).toContain(c)
  })
  it("exits 2 on an unknown command, without a stack trace", () => {
    const r = cli("frobnicate")
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("unknown command 'frobnicate'")
    noStack(r.stderr)
  })
  it("exits 2 naming the file when a model file is missing", () => {
    const r = cli("run", "--nodes", "/nonexistent/nodes.yaml", "--quiet", "--out", join(root, "out", "cli-test"))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("cannot read /nonexistent/nodes.yaml: ENOENT")
    noStack(r.stderr)
  })
  it("exits 2 naming file, line and JSON path when a manifest is malformed", () => {
    const dir = mkdtempSync(join(tmpdir(), "catcluster-cli-"))
    const file = join(dir, "bad.yaml")
    writeFileSync(file, "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      resources: {requests: {cpu: 1K}}\n")
    const r = cli("run", "--workloads", file, "--quiet", "--out", join(dir, "out"))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${file}:7`)
    expect(r.stderr).toContain("spec.containers[0].resources.requests.cpu")
    noStack(r.stderr)
  })
  it("exits 2 on a bad --seed and on unknown claim IDs", () => {
    expect(cli("run", "--seed", "abc").code).toBe(2)
    const r = cli("ledger", "--id", "S99.9")
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("unknown claim ID(s): S99.9")
    noStack(r.stderr)
  })
  it("prints ledger entries as JSON with computed verdicts", () => {
    const r = cli("ledger", "--json", "--id", "S14.3")
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { claims: Array<{ id: string; verdict: string; source: string }> }
    expect(out.claims).toEqual([expect.objectContaining({ id: "S14.3", verdict: "fails", source: "src/decisions/Pareto.ts paretoFrontier" })])
  })
})
