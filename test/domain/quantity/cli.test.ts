import { execFileSync } from "node:child_process"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const run = (args: ReadonlyArray<string>): { stdout: string; stderr: string; status: number } => {
  try {
    const stdout = execFileSync(tsx, [join(root, "src", "cli", "main.ts"), "quantity", ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 60_000,
    })
    return { stdout, stderr: "", status: 0 }
  } catch (error) {
    const e = error as { stdout: string; stderr: string; status: number }
    return { stdout: e.stdout, stderr: e.stderr, status: e.status }
  }
}

describe("catcluster quantity", () => {
  it("prints one JSON object per input and exits 0 when all are valid", () => {
    const r = run(["1.5Gi", "0.1", "-1.5", "100n", "--json"])
    expect(r.status).toBe(0)
    expect(r.stdout.trim().split("\n").map((l) => JSON.parse(l) as unknown)).toEqual([
      { input: "1.5Gi", value: "1610612736", canonical: "1536Mi" },
      { input: "0.1", value: "0.1", canonical: "100m" },
      { input: "-1.5", value: "-1.5", canonical: "-1500m" },
      { input: "100n", value: "0.0000001", canonical: "100n" },
    ])
  }, 60_000)

  it("reports invalid inputs, exits 2, no stack trace", () => {
    const r = run(["1K", "2Gi", "--json"])
    expect(r.status).toBe(2)
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, string>)
    expect(lines[0]?.["input"]).toBe("1K")
    expect(lines[0]?.["error"]).toContain("position 1")
    expect(lines[1]).toEqual({ input: "2Gi", value: "2147483648", canonical: "2Gi" })
    expect(r.stderr).toContain("1 of 2 inputs are not valid quantities")
    expect(r.stderr).not.toContain("    at ")
  }, 60_000)

  it("prints a table without --json", () => {
    const r = run(["1000M"])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/input\s+value\s+canonical/)
    expect(r.stdout).toMatch(/"1000M"\s+1000000000\s+1G/)
  }, 60_000)
})
