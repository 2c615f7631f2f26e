/**
 * The fenced code blocks of a Markdown document, with what the line before each says about
 * running it: `<!-- not run: reason -->` right above a fence marks a block that cannot run here.
 */

/** One fenced block. */
export interface CodeBlock {
  readonly doc: string
  /** The fence's info string, e.g. `ts`, `sh`, `text`. */
  readonly lang: string
  /** 1-based line of the opening fence. */
  readonly line: number
  readonly body: string
  /** The reason given by a `<!-- not run: … -->` annotation just above, if any. */
  readonly notRun?: string
}

const annotation = /^<!--\s*not run:(.*?)-->\s*$/

/** Every fenced block of `text` (fences may be indented, as in lists). */
export const codeBlocks = (doc: string, text: string): ReadonlyArray<CodeBlock> => {
  const lines = text.split("\n")
  const out: CodeBlock[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```([A-Za-z0-9_-]*)\s*$/.exec(lines[i]!)
    if (open === null) continue
    const indent = open[1]!.length
    const body: string[] = []
    let j = i + 1
    for (; j < lines.length && lines[j]!.trim() !== "```"; j++) body.push(lines[j]!.slice(indent))
    let k = i - 1
    while (k >= 0 && lines[k]!.trim() === "") k--
    const note = k >= 0 ? annotation.exec(lines[k]!.trim()) : null
    out.push({ doc, lang: open[2]!, line: i + 1, body: body.join("\n"), ...(note === null ? {} : { notRun: note[1]!.trim() }) })
    i = j
  }
  return out
}

/** Annotations `<!-- not run: … -->` that stand above no fenced block (stale ones). */
export const strayAnnotations = (doc: string, text: string): ReadonlyArray<string> => {
  const lines = text.split("\n")
  return lines.flatMap((l, i) => {
    if (!annotation.test(l.trim())) return []
    let k = i + 1
    while (k < lines.length && lines[k]!.trim() === "") k++
    return k < lines.length && /^\s*```[A-Za-z0-9_-]+\s*$/.test(lines[k]!) ? [] : [`${doc}:${i + 1}`]
  })
}

/** Languages whose blocks are run: TypeScript, and shell commands of the catcluster CLI. */
export const isTypeScript = (b: CodeBlock): boolean => b.lang === "ts" || b.lang === "typescript"
export const isShell = (b: CodeBlock): boolean => b.lang === "sh" || b.lang === "bash" || b.lang === "shell"

/** A shell line as the arguments of the CLI: `npx catcluster ARGS  # comment` (or `catcluster ARGS`) → ARGS. */
export const cliArguments = (line: string): ReadonlyArray<string> | undefined => {
  const m = /^(?:npx )?catcluster((?:\s+[^\s#|<>;&'"`$]+)*)\s*(?:#.*)?$/.exec(line.trim())
  return m === null ? undefined : m[1]!.trim().split(/\s+/).filter((a) => a !== "")
}

/** Lines of a TypeScript block written as `// code  // compile error…`: code that must not compile. */
export const compileErrorLines = (body: string): ReadonlyArray<{ readonly index: number; readonly code: string }> =>
  body.split("\n").flatMap((l, index) => {
    const m = /^(\s*)\/\/\s*(\S.*?)\s*\/\/\s*compile error\b/.exec(l)
    return m === null ? [] : [{ index, code: `${m[1]!}${m[2]!}` }]
  })
