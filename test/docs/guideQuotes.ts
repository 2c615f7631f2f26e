/**
 * Output the guide quotes from the examples: a ```text block whose nearest preceding command
 * (within a few lines) runs `npx tsx examples/NN-….ts`. test/examples/examples.test.ts checks
 * every quoted line against the example's real output (each example runs once, for both its
 * own `//>` lines and the guide's quotes); test/docs/guide.test.ts checks that quotes are found.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"

/** Output quoted from an example: a ```text block and the example named just before it. */
export interface Quote {
  readonly example: string
  /** 1-based line of the block's opening fence in the guide. */
  readonly line: number
  readonly lines: ReadonlyArray<string>
}

/** Every ```text block whose nearest preceding command (within a few lines) runs an example. */
export const exampleQuotes = (text: string): ReadonlyArray<Quote> => {
  const lines = text.split("\n")
  const out: Quote[] = []
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(\s*)```text$/.exec(lines[i]!)
    if (fence === null) continue
    const indent = fence[1]!.length
    const body: string[] = []
    let j = i + 1
    for (; j < lines.length && lines[j]!.trim() !== "```"; j++) body.push(lines[j]!.slice(indent))
    const before = lines.slice(Math.max(0, i - 4), i).join("\n")
    const commands = [...before.matchAll(/npx tsx (examples\/\d\d-[A-Za-z0-9-]+\.ts|src\/cli\/main\.ts)/g)]
    const last = commands.at(-1)?.[1]
    if (last !== undefined && last.startsWith("examples/")) out.push({ example: last, line: i + 1, lines: body.filter((l) => l.trim() !== "") })
    i = j
  }
  return out
}

/** The guide's text. */
export const guideText = (): string => readFileSync(join(import.meta.dirname, "..", "..", "docs", "guide.md"), "utf8")
