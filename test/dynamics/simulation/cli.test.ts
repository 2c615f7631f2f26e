/**
 * `catcluster simulate`: files written, seed reported, JSON series, exit 2 on bad flags.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const cli = (...args: string[]) => {
  const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), ...args], { encoding: "utf8", cwd: root, timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe("catcluster simulate", () => {
  it("writes CSV and SVG, prints the seed and measures; exits 2 on a bad workload", () => {
    const dir = mkdtempSync(join(tmpdir(), "catcluster-sim-"))
    const r = cli("simulate", "--workload", "container", "--seed", "5", "--duration", "600", "--csv", join(dir, "s.csv"), "--svg", join(dir, "s.svg"))
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("seed 5, 600 s")
    expect(readFileSync(join(dir, "s.csv"), "utf8").split("\n")[0]).toBe("t,load,reference,ready,pods,desired,lyapunov")
    expect(readFileSync(join(dir, "s.svg"), "utf8")).toMatch(/^<svg/)
    const j = cli("simulate", "--seed", "5", "--duration", "600", "--json", "--workload", "vm")
    const doc = JSON.parse(j.stdout) as { seed: number; series: unknown[]; performance: { stepReference: number } }
    expect(doc.seed).toBe(5)
    expect(doc.series.length).toBe(600)
    expect(doc.performance.stepReference).toBe(20)
    const bad = cli("simulate", "--workload", "pod")
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("--workload: expected container or vm")
  })
})
