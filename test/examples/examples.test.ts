/**
 * Runs every literate example in `examples/` and asserts its key output.
 *
 * An example states what it must print with lines of the form `//> text`: each such text must
 * appear in its standard output, in the order given. An example with no `//>` line fails here,
 * so no example goes unchecked. The output `docs/guide.md` quotes from an example (a ```text
 * block after `npx tsx examples/NN-….ts`) must appear in the same run's output, line by line.
 *
 * Each example runs once, through tsx from the repository root (as a reader runs it: tsx reads
 * tsconfig.json's `paths`, so `catcluster/…` is the sources), at most two at a time, with the
 * default seed and depth the guide quotes.
 */
import { execFile } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { availableParallelism } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { exampleQuotes, guideText } from "../docs/guideQuotes.ts"

const root = join(import.meta.dirname, "..", "..")
const dir = join(root, "examples")
const files = readdirSync(dir).filter((f) => /^\d\d-.*\.ts$/.test(f)).sort()
const tsx = join(root, "node_modules", ".bin", "tsx")
const quotes = exampleQuotes(guideText())

/** Runs `task`s at most `limit` at a time (each example is a process of its own). */
const limiter = (limit: number) => {
  let active = 0
  const waiting: Array<() => void> = []
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    active++
    try {
      return await task()
    } finally {
      active--
      waiting.shift()?.()
    }
  }
}
const limit = limiter(Math.max(2, Math.min(4, availableParallelism())))

const run = (file: string): Promise<string> =>
  limit(
    () =>
      new Promise((resolve, reject) =>
        execFile(
          tsx,
          [join(dir, file)],
          // The guide quotes default runs: default seed, normal depth.
          { encoding: "utf8", timeout: 120_000, cwd: root, env: { ...process.env, CATCLUSTER_DEEP: "0", CATCLUSTER_SEED: "" } },
          (error, stdout, stderr) => (error ? reject(new Error(`${file} failed: ${error.message}\n${stderr}`)) : resolve(stdout)),
        ),
      ),
  )

/** The `//>` lines not found in `stdout` in the order given (each searched after the previous). */
const missingInOrder = (expected: ReadonlyArray<string>, stdout: string): ReadonlyArray<string> => {
  let from = 0
  const missing: string[] = []
  for (const line of expected) {
    const at = stdout.indexOf(line, from)
    if (at < 0) missing.push(line)
    else from = at + line.length
  }
  return missing
}

describe("literate examples", () => {
  it("exist, and every example the guide quotes is one of them", () => {
    expect(files.length).toBeGreaterThan(0)
    expect(quotes.map((q) => q.example.slice("examples/".length)).filter((f) => !files.includes(f))).toEqual([])
  })

  it("the order check finds a line out of order", () => {
    expect(missingInOrder(["a", "b"], "a\nb\n")).toEqual([])
    expect(missingInOrder(["b", "a"], "a\nb\n")).toEqual(["a"])
  })

  describe.concurrent("run", () => {
    for (const file of files) {
      it(file, async () => {
        const source = readFileSync(join(dir, file), "utf8")
        const expected = source
          .split("\n")
          .filter((l) => l.trimStart().startsWith("//> "))
          .map((l) => l.trimStart().slice(4).trimEnd())
        expect(expected.length, `${file} states no '//> ' output`).toBeGreaterThan(0)
        const stdout = await run(file)
        expect(missingInOrder(expected, stdout), `${file}: expected output not found (in order)\n--- stdout ---\n${stdout}`).toEqual([])
        const quoted = quotes.filter((q) => q.example === `examples/${file}`)
        const absent = quoted.flatMap((q) => q.lines.filter((l) => !stdout.includes(l)).map((l) => `docs/guide.md:${q.line}: ${l}`))
        expect(absent, `${file}: lines the guide quotes that it does not print\n--- stdout ---\n${stdout}`).toEqual([])
      }, 180_000)
    }
  })
})
