// `npm run build`: dist/ from src/ alone (emptied first, so a deleted source leaves no module
// behind), the embedded model files copied beside the code that reads them, and a stamp that
// scripts/ensure-built.mjs compares with the sources.
import { spawnSync } from "node:child_process"
import { cpSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const dist = new URL("../dist/", import.meta.url)
rmSync(dist, { recursive: true, force: true })
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")
const built = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" })
if (built.status !== 0) process.exit(built.status ?? 1)
cpSync(new URL("../src/model", import.meta.url), new URL("model", dist), { recursive: true })
writeFileSync(new URL(".built", dist), `${new Date().toISOString()}\n`)
