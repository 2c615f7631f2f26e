/**
 * catcluster in someone else's project: `npm pack`, the tarball unpacked into a consumer
 * project's node_modules, then what a user does with it. Every export path package.json
 * declares type-checks with `skipLibCheck: false` (TypeScript's default) under moduleResolution
 * nodenext and bundler; a plain `node` ESM script imports each of them and runs README code; a
 * CommonJS script `require`s the package (Node ≥ 20.19 / 22.12, the declared engines); the bin
 * runs the compiled CLI. Offline: the consumer sits under the repo (`.package-test/`,
 * git-ignored), so the package's own dependencies resolve from the repo's node_modules.
 */
import { execFile } from "node:child_process"
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"
import { promisify } from "node:util"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const run = promisify(execFile)
const root = join(import.meta.dirname, "..", "..")
const node = process.execPath
const tsc = join(root, "node_modules", "typescript", "bin", "tsc")

let consumer = ""
let installed = ""
let exportPaths: ReadonlyArray<string> = []

/** Every file under `dir`, as paths relative to it with "/" separators. */
const filesUnder = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"))

/**
 * The import specifiers package.json's `exports` allows, read from the installed package: a
 * pattern (`"./*": "./dist/*\/index.d.ts"`) stands for every file its `types` target matches
 * whose `default` target exists as well.
 */
const specifiersOf = (pkgDir: string): ReadonlyArray<string> => {
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { name: string; exports: Record<string, string | { types: string; default: string }> }
  const files = new Set(filesUnder(pkgDir).map((f) => `./${f}`))
  return Object.entries(pkg.exports).flatMap(([key, target]) => {
    const name = key === "." ? pkg.name : `${pkg.name}/${key.slice(2)}`
    if (typeof target === "string") return files.has(target) ? [name] : []
    if (!key.includes("*")) return files.has(target.types) && files.has(target.default) ? [name] : []
    const [before, after] = target.types.split("*") as [string, string]
    return [...files]
      .filter((f) => f.startsWith(before) && f.endsWith(after) && f.length > before.length + after.length)
      .map((f) => f.slice(before.length, f.length - after.length))
      .filter((star) => files.has(target.default.replace("*", star)))
      .sort()
      .map((star) => name.replace("*", star))
  })
}

beforeAll(async () => {
  // dist/ as the sources are now (built by `npm ci`'s prepare; rebuilt here when stale), then
  // packed as `npm pack` ships it, without running prepare a second time
  await run(node, [join(root, "scripts", "ensure-built.mjs")], { cwd: root })
  mkdirSync(join(root, ".package-test"), { recursive: true })
  consumer = mkdtempSync(join(root, ".package-test", "consumer-"))
  const packed = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", consumer], { cwd: root, maxBuffer: 64 * 2 ** 20 })
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }]
  installed = join(consumer, "node_modules", "catcluster")
  mkdirSync(installed, { recursive: true })
  await run("tar", ["-xzf", join(consumer, filename), "-C", installed, "--strip-components=1"])
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }))
  exportPaths = specifiersOf(installed)
}, 240_000)

afterAll(() => {
  if (consumer !== "") rmSync(consumer, { recursive: true, force: true })
})

describe("the packed package", () => {
  it("ships the compiled CLI and library, and needs no TypeScript runner", () => {
    const pkg = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> }
    expect(Object.keys(pkg.dependencies)).not.toContain("tsx")
    expect(Object.keys(pkg.devDependencies)).toContain("tsx")
    const files = new Set(filesUnder(installed))
    for (const f of ["bin/catcluster.mjs", "dist/cli/main.js", "dist/index.d.ts", "dist/laws/vitest.d.ts", "dist/model/default-cluster.yaml"]) expect([f, files.has(f)]).toEqual([f, true])
    expect(exportPaths).toEqual(expect.arrayContaining(["catcluster", "catcluster/category", "catcluster/laws", "catcluster/laws/vitest", "catcluster/scheduler", "catcluster/category/fincat", "catcluster/package.json"]))
  })

  it("type-checks every export path and the README's code with skipLibCheck: false, under nodenext and bundler", async () => {
    const modules = exportPaths.filter((p) => !p.endsWith(".json"))
    writeFileSync(
      join(consumer, "imports.ts"),
      [...modules.map((p, i) => `import * as m${i} from "${p}"`), `export const modules = [${modules.map((_, i) => `m${i}`).join(", ")}]`, ""].join("\n"),
    )
    writeFileSync(
      join(consumer, "readme.ts"),
      `import { arrow, compose, path } from "catcluster/category"
import { buildFinCat, presentation } from "catcluster/category/fincat"
import { assertLaws, categoryLaws, runSuite } from "catcluster/laws"

const containerize = arrow("containerize", "P", "C")
const wrap = arrow("wrap", "C", "Pod")
const schedule = arrow("schedule", "Pod", "P")
export const podOnMachine = compose(wrap, containerize)
export const roundTrip = path(containerize, wrap, schedule)
// @ts-expect-error Ω lands in Pod, Ψ starts at P
compose(containerize, wrap)

const built = buildFinCat(presentation({
  objects: ["A"],
  arrows: [{ name: "x", dom: "A", cod: "A" }],
  equations: [{ lhs: ["x", "x", "x", "x", "x"], rhs: ["x"] }],
}))
if (built._tag === "Finite") assertLaws(runSuite(categoryLaws(built.category)))
`,
    )
    const check = async (resolution: "nodenext" | "bundler") => {
      const config = `tsconfig.${resolution}.json`
      const compilerOptions = { target: "ES2022", module: resolution === "nodenext" ? "nodenext" : "esnext", moduleResolution: resolution, strict: true, skipLibCheck: false, noEmit: true, types: ["node"] }
      writeFileSync(join(consumer, config), JSON.stringify({ compilerOptions, files: ["imports.ts", "readme.ts"] }))
      const r = await run(node, [tsc, "-p", config], { cwd: consumer, maxBuffer: 64 * 2 ** 20 }).then(
        () => "",
        (e: { stdout?: string; message: string }) => e.stdout || e.message,
      )
      return { resolution, errors: r.split("\n").filter((l) => l.trim() !== "").slice(0, 20) }
    }
    // the two checks in parallel: most of the time goes into reading the dependencies' .d.ts
    expect(await Promise.all([check("nodenext"), check("bundler")])).toEqual([
      { resolution: "nodenext", errors: [] },
      { resolution: "bundler", errors: [] },
    ])
    expect(modules.length).toBeGreaterThan(20)
  }, 240_000)

  it("runs under plain node as ESM: every export path imports, the README's arrows compose", async () => {
    writeFileSync(
      join(consumer, "check.mjs"),
      `import { createRequire } from "node:module"
import { arrow, compose } from "catcluster/category"
import { canonical, parseQuantity } from "catcluster/domain/quantity"
const specifiers = JSON.parse(process.argv[2])
const empty = []
for (const s of specifiers) if (Object.keys(await import(s)).length === 0) empty.push(s)
const composite = compose(arrow("wrap", "C", "Pod"), arrow("containerize", "P", "C"))
const q = parseQuantity("1024Mi")
const { version } = createRequire(import.meta.url)("catcluster/package.json")
console.log(JSON.stringify({ imported: specifiers.length, empty, composite, quantity: q._tag === "Right" ? canonical(q.right) : q.left, version }))
`,
    )
    // laws/vitest calls vitest's describe/it, which need vitest's runner: type-checked above only
    const specifiers = exportPaths.filter((p) => !p.endsWith(".json") && p !== "catcluster/laws/vitest")
    const r = await run(node, ["check.mjs", JSON.stringify(specifiers)], { cwd: consumer })
    const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version
    expect(JSON.parse(r.stdout)).toEqual({
      imported: specifiers.length,
      empty: [],
      composite: { _tag: "Arrow", dom: "P", cod: "Pod", path: ["containerize", "wrap"] },
      quantity: "1Gi",
      version,
    })
  }, 120_000)

  it("can be required from CommonJS (require(esm), on every Node the engines range allows)", async () => {
    writeFileSync(
      join(consumer, "check.cjs"),
      `const catcluster = require("catcluster")
const { canonical, parseQuantity } = require("catcluster/domain/quantity")
const q = parseQuantity("1500m")
console.log(JSON.stringify({ arrow: typeof catcluster.arrow, quantity: canonical(q.right) }))
`,
    )
    const r = await run(node, ["check.cjs"], { cwd: consumer })
    expect(JSON.parse(r.stdout)).toEqual({ arrow: "function", quantity: "1500m" })
  }, 60_000)

  it("the bin runs the compiled CLI: version from package.json, a command, a usage error", async () => {
    const bin = join(installed, "bin", "catcluster.mjs")
    const version = (JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as { version: string }).version
    expect((await run(node, [bin, "--version"], { cwd: consumer })).stdout.trim()).toBe(version)
    expect(JSON.parse((await run(node, [bin, "quantity", "1.5Gi", "--json"], { cwd: consumer })).stdout)).toEqual({ input: "1.5Gi", value: "1610612736", canonical: "1536Mi" })
    expect((await run(node, [bin, "--help"], { cwd: consumer })).stdout).toContain("quantity [options] <quantities...>")
    const typo = await run(node, [bin, "schedul"], { cwd: consumer }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    )
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain("(Did you mean schedule?)")
  }, 60_000)

  it("the bin without dist/ says how to build it (exit 2), and runs no TypeScript", async () => {
    const bare = join(consumer, "bare")
    cpSync(join(installed, "bin"), join(bare, "bin"), { recursive: true })
    const r = await run(node, [join(bare, "bin", "catcluster.mjs"), "--version"], { cwd: consumer }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("dist/cli/main.js is missing: build it with `npm run build`")
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  })
})
