// Before `npm start` and `npm run cli`: build dist/ when it is missing or older than any source
// (src/, package.json, the tsconfigs), as make would, so a clone never runs stale code. A full
// build takes tens of seconds; this check takes a few milliseconds when nothing changed.
import { spawnSync } from "node:child_process"
import { readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const mtime = (path) => {
  try {
    return statSync(path).mtimeMs
  } catch {
    return undefined
  }
}
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name)
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }, statSync(dir).mtimeMs)

const stamp = mtime(join(root, "dist", ".built"))
const sources = Math.max(newest(join(root, "src")), ...["package.json", "tsconfig.json", "tsconfig.build.json"].map((f) => mtime(join(root, f)) ?? 0))
if (stamp === undefined || stamp < sources) {
  process.stderr.write(`catcluster: ${stamp === undefined ? "no build in dist/" : "the sources changed since the last build"}: building (npm run build)\n`)
  const built = spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], { cwd: root, stdio: "inherit" })
  if (built.status !== 0) process.exit(built.status ?? 1)
}
