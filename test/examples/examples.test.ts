/**
 * Runs every literate example in `examples/` and asserts its key output.
 *
 * An example states what it must print with lines of the form `//> text`: each such text must
 * appear in its standard output, in the order given. An example with no `//>` line fails here,
 * so no example goes unchecked.
 */
import { execFileSync } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const dir = join(import.meta.dirname, "..", "..", "examples")
const files = readdirSync(dir).filter((f) => /^\d\d-.*\.ts$/.test(f)).sort()
const tsx = join(import.meta.dirname, "..", "..", "node_modules", ".bin", "tsx")

describe("literate examples", () => {
  it("exist", () => {
    expect(files.length).toBeGreaterThan(0)
  })
  for (const file of files) {
    it(file, () => {
      const source = readFileSync(join(dir, file), "utf8")
      const expected = source
        .split("\n")
        .filter((l) => l.trimStart().startsWith("//> "))
        .map((l) => l.trimStart().slice(4).trimEnd())
      expect(expected.length, `${file} states no '//> ' output`).toBeGreaterThan(0)
      const stdout = execFileSync(tsx, [join(dir, file)], { encoding: "utf8", timeout: 120_000 })
      let from = 0
      for (const line of expected) {
        const at = stdout.indexOf(line, from)
        expect(at, `${file}: expected output not found (in order): ${line}\n--- stdout ---\n${stdout}`).toBeGreaterThanOrEqual(0)
        from = at + line.length
      }
    })
  }
})
