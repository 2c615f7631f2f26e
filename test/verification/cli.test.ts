import { spawnSync } from "node:child_process"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const verify = (...args: string[]) => {
  const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), "verify", ...args], { encoding: "utf8", cwd: root, timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe("catcluster verify", () => {
  it("runs every scenario, prints traces, exits 0 when every answer is as expected", () => {
    const r = verify()
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("ip-pool [S15.1]")
    expect(r.stdout).toContain("release-before-reuse-bug/no-shared-ip (control): violated (expected violated)")
    expect(r.stdout).toContain("-- cycle (repeats forever) --")
    expect(r.stdout).toMatch(/20 checks, every decided answer as expected/)
  })

  it("--max-states N never reports more than N states explored", () => {
    for (const n of [1, 5]) {
      const r = verify("--max-states", String(n))
      expect(r.code).toBe(0)
      const counts = [...r.stdout.matchAll(/: (\d+) states, /g)].map((m) => Number(m[1]))
      expect(counts.length).toBe(20)
      expect(Math.max(...counts)).toBeLessThanOrEqual(n)
    }
  })

  it("--json gives one document with every check; a tiny --max-states leaves checks undecided", () => {
    const r = verify("--scenario", "pending-vm", "--json", "--max-states", "3")
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout) as { asExpected: boolean; undecided: number; scenarios: Array<{ name: string; checks: Array<{ status: string }> }> }
    expect(doc.scenarios.map((s) => s.name)).toEqual(["pending-vm"])
    expect(doc.scenarios[0]!.checks.map((c) => c.status)).toEqual(["unknown", "unknown", "unknown"])
    expect(doc.undecided).toBe(3)
  })

  it("exits 2 on an unknown scenario or a bad --max-states, without a stack trace", () => {
    const a = verify("--scenario", "nope")
    expect(a.code).toBe(2)
    expect(a.stderr).toContain("unknown scenario 'nope'")
    const b = verify("--max-states", "0")
    expect(b.code).toBe(2)
    expect(b.stderr).toContain("--max-states: expected a positive integer, got '0'")
    expect(b.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  })
})
