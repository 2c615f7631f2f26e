/**
 * `catcluster diagram`, run as a user runs it: a real process, files on disk, exit codes.
 * Each run starts a process (~2 s), so only the command's own behaviour is tested here; the
 * codec, renderers and FinCat bounds have their unit tests.
 */
import { spawn } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
interface Run {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}
/** Starts the command; runs go concurrently (each process takes seconds to start). */
const cli = (...args: string[]): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(tsx, [join(root, "src", "cli", "main.ts"), "diagram", ...args], { timeout: 60_000 })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d))
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d))
    child.on("error", reject)
    child.on("close", (status) => resolve({ status, stdout, stderr }))
  })
const dir = mkdtempSync(join(tmpdir(), "catcluster-diagram-"))
const file = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const loops = file(
  "loops.yaml",
  ["name: loops", "objects: [A, B]", "arrows:", "  - { name: x, dom: A, cod: A }", "  - { name: f, dom: A, cod: B }", "equations:", '  - { lhs: [x, x, x], rhs: [x] }', ""].join("\n"),
)

const braid = file(
  "braid.yaml",
  ['name: braid', 'objects: ["*"]', "arrows:", '  - { name: a, dom: "*", cod: "*" }', '  - { name: b, dom: "*", cod: "*" }', "equations:", "  - { lhs: [a, b, a], rhs: [b, a, b] }", ""].join("\n"),
)
const bad = file("bad.yaml", "objects: [A]\narrows:\n  - { name: x, dom: A, cod: Q }\n")
const runs: Record<string, Run> = {}

describe("catcluster diagram", () => {
  beforeAll(async () => {
    const names = ["check", "svg", "bad", "png", "braid"] as const
    const results = await Promise.all([cli(loops, "--check"), cli(loops, "-f", "svg"), cli(bad), cli(loops, "--format", "png"), cli(braid, "--check")])
    names.forEach((n, i) => (runs[n] = results[i]!))
  }, 60_000)

  it("prints Mermaid by default and the category's size with --check", () => {
    const r = runs["check"]!
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('n0 -->|"f"| n1')
    // hom(A,A) = {1, x, x²}, hom(A,B) = {f, x;f, x²;f}, hom(B,B) = {1}
    expect(r.stderr).toBe("loops: finite, 7 arrows, 22 composable pairs\n")
  })

  it("prints SVG through WebAssembly Graphviz", () => {
    const svg = runs["svg"]!
    expect(svg.status).toBe(0)
    expect(svg.stdout).toContain("<svg")
    expect(svg.stdout).toContain(">x^3 = x</text>")
  })

  it("exits 2 with the file and JSON path on bad input, without a stack trace", () => {
    const r = runs["bad"]!
    expect(r.status).toBe(2)
    expect(r.stderr).toBe(`catcluster: ${bad}: arrows[0].cod: unknown object 'Q'\n`)
    const png = runs["png"]!
    expect([png.status, png.stderr]).toEqual([2, "catcluster: --format: 'png' is not one of mermaid, dot, svg\n"])
  })

  it("exits 2 with the reason when --check's completion runs out of budget (B3+), after the picture", () => {
    const r = runs["braid"]!
    expect(r.status).toBe(2)
    expect(r.stdout).toContain("%% a∘b∘a = b∘a∘b")
    expect(r.stderr).toMatch(new RegExp(`^catcluster: ${braid.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: Knuth–Bendix completion of braid did not finish: stopped on the (work bound|deadline) .*processing .* = .*raise the budget`))
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})
