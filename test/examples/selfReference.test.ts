/**
 * The package imports itself as a user would (`import { arrow } from "catcluster/category"`),
 * and in development those imports reach the sources, never a stale `dist/`:
 *
 * - tsconfig.json `paths` (TypeScript, and tsx, which reads them) and the vitest aliases map
 *   exactly the subpaths package.json `exports` lists, each to the source of what it ships;
 * - vitest and tsx (from the repository root, as the examples are run) resolve them to `src/`;
 * - examples, README and guide import only `catcluster/…` entry points, never `../src/…`.
 */
import { execFile } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"
import ts from "typescript"
import { afterAll, describe, expect, it } from "vitest"
import config from "../../vitest.config.ts"

const root = join(import.meta.dirname, "..", "..")
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { readonly exports: Record<string, string | { readonly default: string }> }
const tsconfig = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile)
const paths = (tsconfig.config as { compilerOptions: { paths: Record<string, ReadonlyArray<string>> } }).compilerOptions.paths

/** An `exports` key as an import specifier: "." → "catcluster", "./x" → "catcluster/x". */
const specifier = (key: string) => (key === "." ? "catcluster" : `catcluster/${key.slice(2)}`)

/** The source a shipped file is compiled from: ./dist/x/index.js → ./src/x/index.ts. */
const sourceOf = (target: string) => target.replace(/^\.\/dist\//, "./src/").replace(/\.js$/, ".ts")

const target = (entry: string | { readonly default: string }) => (typeof entry === "string" ? entry : entry.default)

/** What a vitest alias makes of a specifier (the first alias that matches, as Vite does). */
const viaAlias = (spec: string): string | undefined => {
  const aliases = (config.resolve?.alias ?? []) as ReadonlyArray<{ readonly find: RegExp; readonly replacement: string }>
  const hit = aliases.find((a) => a.find.test(spec))
  return hit === undefined ? undefined : spec.replace(hit.find, hit.replacement)
}

const entrySubpaths = ["category", "category/fincat", "domain/manifest", "laws", "scheduler", "verification"]

describe("package self-reference in development", () => {
  it("tsconfig paths map exactly the subpaths package.json exports, each to its source", () => {
    const expected = Object.fromEntries(Object.entries(pkg.exports).map(([key, entry]) => [specifier(key), [sourceOf(target(entry))]]))
    expect(Object.keys(expected)).toContain("catcluster/*")
    expect(paths).toEqual(expected)
  })

  it("vitest aliases agree with tsconfig paths", () => {
    const viaPaths = (spec: string): string | undefined => {
      const exact = paths[spec]?.[0]
      if (exact !== undefined) return exact
      const star = paths["catcluster/*"]![0]!
      return spec.startsWith("catcluster/") ? star.replace("*", spec.slice("catcluster/".length)) : undefined
    }
    const specs = ["catcluster", "catcluster/laws/vitest", "catcluster/package.json", ...entrySubpaths.map((s) => `catcluster/${s}`)]
    const disagree = specs.flatMap((s) => {
      const alias = viaAlias(s)
      const mapped = viaPaths(s)
      const same = alias !== undefined && mapped !== undefined && relative(root, alias) === relative(root, join(root, mapped))
      return same ? [] : [`${s}: alias ${alias ?? "(none)"}, paths ${mapped ?? "(none)"}`]
    })
    expect(disagree).toEqual([])
    // Something that is not the package is left alone.
    expect(viaAlias("catclusterx/laws")).toBeUndefined()
  })

  it("vitest resolves the package's entry points to the sources", async () => {
    expect(await import("catcluster/category")).toBe(await import("../../src/category/index.ts"))
    expect(await import("catcluster/laws/vitest")).toBe(await import("../../src/laws/vitest.ts"))
    expect(await import("catcluster/domain/claims")).toBe(await import("../../src/domain/claims/index.ts"))
    expect(await import("catcluster")).toBe(await import("../../src/index.ts"))
  })

  describe("tsx, from the repository root", () => {
    const dir = mkdtempSync(join(root, ".tmp-selfref-"))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    it("resolves the package's entry points to the sources", async () => {
      const probe = join(dir, "probe.ts")
      const specs = ["catcluster", "catcluster/laws/vitest", ...entrySubpaths.map((s) => `catcluster/${s}`)]
      writeFileSync(probe, `console.log(JSON.stringify(${JSON.stringify(specs)}.map((s) => import.meta.resolve(s))))\n`)
      const stdout = await new Promise<string>((resolve, reject) =>
        execFile(join(root, "node_modules", ".bin", "tsx"), [probe], { cwd: root, encoding: "utf8", timeout: 60_000 }, (error, out) =>
          error ? reject(error) : resolve(out),
        ),
      )
      const resolved = (JSON.parse(stdout) as ReadonlyArray<string>).map((u) => relative(root, new URL(u).pathname))
      expect(resolved).toEqual(["src/index.ts", "src/laws/vitest.ts", ...entrySubpaths.map((s) => `src/${s}/index.ts`)])
    })
  })

  it("examples, README and guide import the package by its name, only through entry points it exports", () => {
    const examples = readdirSync(join(root, "examples"))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => ({ file: `examples/${f}`, text: readFileSync(join(root, "examples", f), "utf8") }))
    const docs = ["README.md", "docs/guide.md"].map((file) => ({ file, text: readFileSync(join(root, file), "utf8") }))
    const bad = [...examples, ...docs].flatMap(({ file, text }) =>
      [...text.matchAll(/from "([^"]+)"/g)]
        .map((m) => m[1]!)
        .filter((s) => s.startsWith(".") || s.includes("/src/") || (s.startsWith("catcluster/") && !isExported(s)))
        .map((s) => `${file}: ${s}`),
    )
    expect(bad).toEqual([])
    expect(examples.length).toBeGreaterThan(10)
  })
})

/** A `catcluster/…` subpath the package exports: listed, or a folder with an index.ts under `./*`. */
const isExported = (spec: string): boolean => {
  const sub = spec.slice("catcluster/".length)
  if (`./${sub}` in pkg.exports) return true
  try {
    readFileSync(join(root, "src", sub, "index.ts"))
    return !sub.startsWith("cli/") // the CLI's modules are not a library entry point
  } catch {
    return false
  }
}
