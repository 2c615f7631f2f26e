import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { writeAtomically } from "../../src/app/atomicOut.ts"

const fresh = () => mkdtempSync(join(tmpdir(), "catcluster-atomic-"))
const write = (dir: string, files: Record<string, string>) => {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return Object.keys(files).map((name) => join(dir, name))
}
const keepPaths = (files: ReadonlyArray<string>, toFinal: (p: string) => string) => files.map(toFinal)

describe("writeAtomically", () => {
  it("replaces the earlier run's outputs all together, keeps other files, and leaves nothing beside out/", async () => {
    const parent = fresh()
    const out = join(parent, "out")
    mkdirSync(out)
    write(out, { "report.html": "old", "report.json": "old", "claims.md": "old", "report-390.png": "shot", "notes.txt": "mine" })
    mkdirSync(join(out, "sub"))
    const files = await writeAtomically(out, async (dir) => write(dir, { "report.html": "new", "report.json": "new" }), keepPaths)
    expect(files).toEqual([join(out, "report.html"), join(out, "report.json")])
    expect(readdirSync(out).sort()).toEqual(["notes.txt", "report-390.png", "report.html", "report.json", "sub"])
    expect(readFileSync(join(out, "report.html"), "utf8")).toBe("new")
    expect(readFileSync(join(out, "notes.txt"), "utf8")).toBe("mine")
    expect(readdirSync(parent)).toEqual(["out"])
  })

  it("leaves out/ untouched and removes its staging directory when the run throws", async () => {
    const parent = fresh()
    const out = join(parent, "out")
    mkdirSync(out)
    write(out, { "report.html": "old", "claims.md": "old" })
    await expect(
      writeAtomically(out, async (dir) => {
        write(dir, { "report.html": "half" })
        throw new Error("step failed")
      }, keepPaths),
    ).rejects.toThrow("step failed")
    expect(readFileSync(join(out, "report.html"), "utf8")).toBe("old")
    expect(readFileSync(join(out, "claims.md"), "utf8")).toBe("old")
    expect(readdirSync(parent)).toEqual(["out"])
  })

  it("creates out/ (and its parents) with a directory's usual mode when it does not exist", async () => {
    const out = join(fresh(), "a", "b", "out")
    await writeAtomically(out, async (dir) => write(dir, { "report.html": "x" }), keepPaths)
    expect(existsSync(join(out, "report.html"))).toBe(true)
    expect(statSync(out).mode & 0o777).toBe(0o755)
  })
})
