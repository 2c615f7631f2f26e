/**
 * A production install of a clone (`npm ci --omit=dev`) has no TypeScript: the build script then
 * lets the install finish (npm's `prepare` runs it with `--prepare`: exit 0, saying what is missing) and refuses a later build
 * (exit 2) with the same message, instead of a resolver stack trace. The script runs from a copy
 * in a directory where no `typescript` package resolves.
 */
import { spawnSync } from "node:child_process"
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const script = join(import.meta.dirname, "..", "..", "scripts", "build.mjs")

const copy = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "catcluster-omit-dev-"))
  mkdirSync(join(dir, "scripts"))
  mkdirSync(join(dir, "dist"))
  writeFileSync(join(dir, "dist", "kept.js"), "// an earlier build\n")
  copyFileSync(script, join(dir, "scripts", "build.mjs"))
  return dir
}
const run = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(dir, "scripts", "build.mjs"), ...args], { cwd: dir, env: { ...process.env, NODE_PATH: "" }, encoding: "utf8" })

describe("the build without TypeScript", () => {
  it("as npm's prepare: exit 0 with a message, so the production install completes", () => {
    const dir = copy()
    const r = run(dir, "--prepare")
    expect(r.status).toBe(0)
    expect(r.stderr).toBe("catcluster: TypeScript is not installed (dev dependencies left out?), so dist/ cannot be built now; run `npm ci` with the dev dependencies before using the CLI\n")
  })

  it("as a build (npm run build, npm start): exit 2 with the message, no stack trace, an earlier dist/ left in place", () => {
    const dir = copy()
    const r = run(dir)
    expect(r.status).toBe(2)
    expect(r.stderr).toBe("catcluster: TypeScript is not installed (dev dependencies left out?), so dist/ cannot be built; run `npm ci` with the dev dependencies\n")
    expect(existsSync(join(dir, "dist", "kept.js"))).toBe(true)
  })
})
