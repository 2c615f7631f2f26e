/**
 * Every code block of README.md and docs/guide.md runs as written.
 *
 * - ```ts blocks are written to files under a temporary folder of the repository (so that they
 *   import `catcluster/…` and fp-ts exactly as a user's project does), type-checked with the
 *   project's compiler options, and imported: a block that throws fails. Blocks that register
 *   vitest tests (`describeLaws`, `test`) are imported while this file's tests are collected, so
 *   their tests run here, under the block's name. A line written `// code  // compile error …`
 *   must not compile once uncommented.
 * - ```sh blocks must consist of `npx catcluster …` commands on inputs that exist; each runs
 *   (the CLI from the sources) and must exit 0.
 * - A block that cannot run says so right above its fence: `<!-- not run: reason -->`; they are
 *   counted and listed in a test name, and an annotation above no block fails.
 */
import { execFile } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"
import ts from "typescript"
import { afterAll, describe, expect, it } from "vitest"
import { cliArguments, codeBlocks, compileErrorLines, isShell, isTypeScript, strayAnnotations, type CodeBlock } from "./codeBlocks.ts"

const root = join(import.meta.dirname, "..", "..")
const documents = ["README.md", "docs/guide.md"].map((doc) => ({ doc, text: readFileSync(join(root, doc), "utf8") }))
const blocks = documents.flatMap(({ doc, text }) => codeBlocks(doc, text))
const runnable = (b: CodeBlock) => (isTypeScript(b) || isShell(b)) && b.notRun === undefined
const name = (b: CodeBlock) => `${b.doc}:${b.line}`

// Written while the tests are collected (vitest blocks are imported then), removed at the end.
const dir = mkdtempSync(join(root, ".tmp-docs-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const fileOf = (b: CodeBlock, suffix = "") => join(dir, `${b.doc.replace(/[^A-Za-z0-9]+/g, "-")}-${b.line}${suffix}.ts`)
const tsBlocks = blocks.filter((b) => isTypeScript(b) && runnable(b))
for (const b of tsBlocks) writeFileSync(fileOf(b), `${b.body}\n`)

/** Each `// … // compile error` line of a block, uncommented in a copy of the block. */
const mustNotCompile = tsBlocks.flatMap((b) =>
  compileErrorLines(b.body).map(({ index, code }) => {
    const lines = b.body.split("\n")
    lines[index] = code
    const file = fileOf(b, `-error-${index + 1}`)
    writeFileSync(file, `${lines.join("\n")}\n`)
    return { block: b, file, index, code: code.trim() }
  }),
)

const registersTests = (b: CodeBlock) => /from "(vitest|catcluster\/laws\/vitest)"/.test(b.body)

const tsx = join(root, "node_modules", ".bin", "tsx")
type Run = { readonly code: number; readonly stdout: string; readonly stderr: string }
const runs = new Map<string, Promise<Run>>()
/** The CLI from the sources, as `npx catcluster ARGS` runs it in a clone; a command quoted twice runs once. */
const cli = (args: ReadonlyArray<string>): Promise<Run> => {
  const key = args.join(" ")
  if (!runs.has(key)) runs.set(key, spawnCli(args))
  return runs.get(key)!
}
const spawnCli = (args: ReadonlyArray<string>): Promise<Run> =>
  new Promise((resolve) =>
    execFile(tsx, [join(root, "src", "cli", "main.ts"), ...args], { cwd: root, encoding: "utf8", timeout: 120_000, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr }),
    ),
  )

const notRun = blocks.filter((b) => (isTypeScript(b) || isShell(b)) && b.notRun !== undefined)

describe("code blocks of README.md and docs/guide.md", () => {
  it(`are run or say why not: ${tsBlocks.length} TypeScript and ${blocks.filter((b) => isShell(b) && runnable(b)).length} shell blocks run, ${notRun.length} not run (${notRun.map((b) => `${name(b)}: ${b.notRun}`).join("; ")})`, () => {
    for (const { doc } of documents) expect(tsBlocks.filter((b) => b.doc === doc).length, `${doc} has TypeScript blocks`).toBeGreaterThan(0)
    expect(notRun.filter((b) => b.notRun === "").map(name), "a `not run` annotation gives its reason").toEqual([])
    expect(documents.flatMap(({ doc, text }) => strayAnnotations(doc, text)), "annotations above no fenced block").toEqual([])
    // A shell block runs only catcluster commands; anything else is annotated.
    const unrunnable = blocks
      .filter((b) => isShell(b) && runnable(b))
      .flatMap((b) => commandLines(b).filter((l) => cliArguments(l) === undefined).map((l) => `${name(b)}: ${l}`))
    expect(unrunnable, "shell lines that are not `npx catcluster …` / `catcluster …`: annotate the block `<!-- not run: reason -->`").toEqual([])
  })

  it("TypeScript blocks type-check as written, and their `// compile error` lines do not", () => {
    const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"))
      },
    })!
    const program = ts.createProgram({ rootNames: [...tsBlocks.map((b) => fileOf(b)), ...mustNotCompile.map((m) => m.file)], options: { ...config.options, noEmit: true } })
    const diagnostics = (file: string) => {
      const sf = program.getSourceFile(file)!
      return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]
    }
    const show = (d: ts.Diagnostic) => {
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0)
      return { line, text: ts.flattenDiagnosticMessageText(d.messageText, " ") }
    }
    const errors = tsBlocks.flatMap((b) => diagnostics(fileOf(b)).map(show).map((d) => `${b.doc}:${b.line + 1 + d.line}: ${d.text}`))
    expect.soft(errors).toEqual([])
    const compiled = mustNotCompile.filter((m) => !diagnostics(m.file).map(show).some((d) => d.line === m.index)).map((m) => `${m.block.doc}:${m.block.line + 1 + m.index}: ${m.code}`)
    expect(compiled, "lines marked `// compile error` that compile").toEqual([])
  }, 120_000)

  for (const b of tsBlocks.filter((x) => !registersTests(x))) {
    it(`${name(b)} runs`, async () => {
      await import(fileOf(b))
    })
  }

  // Blocks that register tests: imported now, so that their tests are this file's.
  for (const b of tsBlocks.filter(registersTests)) {
    describe(`${name(b)}`, async () => {
      // A block that throws while registering its tests fails here, not the whole file.
      const failed = await import(fileOf(b)).then(
        () => undefined,
        (error: unknown) => error,
      )
      if (failed !== undefined) {
        it("registers its tests", () => {
          throw failed
        })
      }
    })
  }

  for (const b of blocks.filter((x) => isShell(x) && runnable(x))) {
    for (const line of commandLines(b)) {
      const args = cliArguments(line)
      if (args === undefined) continue
      it.concurrent(`${name(b)}: ${line.replace(/\s+#.*$/, "")} exits 0`, async () => {
        const run = await cli(args)
        expect(run.code, `${line}\n--- stderr ---\n${run.stderr}\n--- stdout ---\n${run.stdout}`).toBe(0)
        expect(run.stdout.trim(), "it prints something").not.toBe("")
      })
    }
  }
})

/** The command lines of a shell block (comments and blank lines dropped). */
function commandLines(b: CodeBlock): ReadonlyArray<string> {
  return b.body
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"))
}

describe("the block reader", () => {
  const sample = [
    "text",
    "<!-- not run: needs a live cluster -->",
    "```sh",
    "kubectl get pods",
    "```",
    "",
    "  ```ts",
    "  const x: number = 1",
    "  // const y: string = x  // compile error: number is not string",
    "  ```",
    "<!-- not run: stray -->",
    "prose",
  ].join("\n")

  it("reads fences, indented ones too, with the annotation above them", () => {
    const found = codeBlocks("s.md", sample)
    expect(found.map((b) => [b.lang, b.line, b.notRun])).toEqual([
      ["sh", 3, "needs a live cluster"],
      ["ts", 7, undefined],
    ])
    expect(found[1]!.body).toBe("const x: number = 1\n// const y: string = x  // compile error: number is not string")
    expect(strayAnnotations("s.md", sample)).toEqual(["s.md:11"])
  })

  it("finds compile-error lines and CLI commands", () => {
    expect(compileErrorLines("a\n  // f(x)  // compile error: no\n// plain comment")).toEqual([{ index: 1, code: "  f(x)" }])
    expect(cliArguments("npx catcluster check --nodes a.yaml   # exit 1 if …")).toEqual(["check", "--nodes", "a.yaml"])
    expect(cliArguments("catcluster quantity 1Gi")).toEqual(["quantity", "1Gi"])
    expect(cliArguments("kubectl get pods | npx catcluster drain n --stdin")).toBeUndefined()
    expect(cliArguments("npx catclusterx check")).toBeUndefined()
    expect(cliArguments("npx catcluster check > out.json")).toBeUndefined()
  })

  it("writes blocks inside the repository, where they resolve as a user's project does", () => {
    expect(relative(root, dir).startsWith("..")).toBe(false)
  })
})
