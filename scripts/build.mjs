// `npm run build`: dist/ from src/ alone (emptied first, so a deleted source leaves no module
// behind), the embedded model files copied beside the code that reads them, and a stamp that
// scripts/ensure-built.mjs compares with the sources. `--prepare` (npm's prepare): a missing
// compiler is said and the install goes on.
import { spawnSync } from "node:child_process"
import { cpSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const dist = new URL("../dist/", import.meta.url)
let tsc
try {
  tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")
} catch {
  // a production install of a clone (npm ci --omit=dev) has no compiler: the install itself
  // succeeds (prepare says what is missing), running the CLI then asks for the full install
  const prepare = process.argv.includes("--prepare")
  process.stderr.write(
    `catcluster: TypeScript is not installed (dev dependencies left out?), so dist/ cannot be built${prepare ? " now" : ""}; run \`npm ci\` with the dev dependencies${prepare ? " before using the CLI" : ""}\n`,
  )
  process.exit(prepare ? 0 : 2)
}
rmSync(dist, { recursive: true, force: true })
const built = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" })
if (built.status !== 0) process.exit(built.status ?? 1)
cpSync(new URL("../src/model", import.meta.url), new URL("model", dist), { recursive: true })
writeFileSync(new URL(".built", dist), `${new Date().toISOString()}\n`)
