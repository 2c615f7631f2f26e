/**
 * `catcluster check` end to end, as a user's CI runs it: exit 0 when every law holds, 1 with
 * the counterexample printed, 2 for bad input or usage (message on stderr, no stack trace),
 * and the `--json` contract.
 */
import { spawn } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const fixture = (name: string): string => join(import.meta.dirname, "fixtures", name)

/** Runs the CLI without blocking, so the cases run side by side (each start costs seconds). */
const check = (...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(tsx, [join(root, "src", "cli", "main.ts"), "check", ...args], { timeout: 60_000 })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")))
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

describe.concurrent("catcluster check", () => {
  it("exits 0 on a clean model", async () => {
    const r = await check("--nodes", fixture("nodes.yaml"), "--workloads", fixture("clean.yaml"))
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("✓ schedule.respectsCapacity")
    expect(r.stdout).toContain("ConfigMap shop/settings")
    expect(r.stdout).toContain("all 8 applicable laws hold")
  })

  it("exits 1 on an overcommitted node, a too-big VMI and a failing path equation, with the counterexamples (--json)", async () => {
    const r = await check("--nodes", fixture("nodes.yaml"), "--workloads", fixture("overcommitted.yaml"), fixture("vmi-too-big.yaml"), "--presentation", fixture("square.yaml"), "--json")
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout) as {
      suites: Array<{ suite: string; subject: string; laws: Array<{ law: string; verdict: string; checked: number; counterexample: { input: string; message: string } | null }> }>
      exitCode: number
    }
    expect(out.exitCode).toBe(1)
    const laws = Object.fromEntries(out.suites.flatMap((s) => s.laws.map((l) => [l.law, l])))
    expect(laws["schedule.respectsCapacity"]).toMatchObject({ verdict: "fails", checked: 1 })
    expect(laws["schedule.respectsCapacity"]!.counterexample!.message).toContain("node plain-1 overcommitted by batch/a, batch/b, batch/c: cpu 4500m > 4 (over by 500m)")
    expect(laws["virtualize.fitsKvmNode"]!.counterexample!.message).toMatch(/lab\/huge .*closest KVM node kvm-1: memory \d+Mi > 30Gi \(short by \d+Mi\)/)
    expect(laws["containerize.fitsNode"]).toMatchObject({ verdict: "holds", checked: 3 })
    expect(laws["equation.other"]).toMatchObject({ verdict: "fails", counterexample: { message: "the normal forms differ: h∘f ≠ k2∘g" } })
    expect(out.suites.map((s) => s.suite)).toEqual(["manifests", "resources", "fit", "schedule", "footprint", "presentation"])
  })

  it("exits 2 on a malformed file, naming the file and the path, without a stack trace", async () => {
    // a directory: every .yaml in it is read, and every problem of every file reported
    const r = await check("--nodes", fixture("nodes.yaml"), "--workloads", join(import.meta.dirname, "fixtures"))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("malformed.yaml:9:")
    expect(r.stderr).toMatch(/square\.yaml.*every manifest names its kind/)
    expect(r.stderr).toContain("spec.containers[0].resources.requests.cpu")
    expect(r.stderr).not.toMatch(/\n\s+at /)
    const missing = await check("--workloads", fixture("no-such-file.yaml"))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain("cannot read")
  })

  it("checks the embedded default model when no file is given", async () => {
    const r = await check("--json")
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { suites: Array<{ suite: string }>; exitCode: number }
    expect(out.suites.map((s) => s.suite)).toEqual(["manifests", "resources", "fit", "schedule", "footprint"])
  })

  // The work bound decides on any unloaded machine (~0.5 s); the deadline is the backstop.
  it("exits 2 naming the bound when a presentation's completion runs out of budget (B3+)", async () => {
    const braid = join(mkdtempSync(join(tmpdir(), "catcluster-check-")), "braid.yaml")
    writeFileSync(braid, 'name: braid\nobjects: ["*"]\narrows:\n  - { name: a, dom: "*", cod: "*" }\n  - { name: b, dom: "*", cod: "*" }\nequations:\n  - { lhs: [a, b, a], rhs: [b, a, b] }\n')
    const r = await check("--presentation", braid)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^catcluster: braid \(.*braid\.yaml\): Knuth–Bendix completion of braid did not finish: stopped on the (work bound|deadline)/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(r.stdout).toContain("category.completion")
  })
})
