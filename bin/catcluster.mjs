#!/usr/bin/env node
// The compiled CLI (dist/), and only that: the package ships it built, and a clone builds it in
// `npm ci` (the `prepare` script) or with `npm run build`.
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import os from "node:os"
import { fileURLToPath } from "node:url"
import v8 from "node:v8"

const compiled = new URL("../dist/cli/main.js", import.meta.url)
if (!existsSync(compiled)) {
  process.stderr.write(`catcluster: ${fileURLToPath(compiled)} is missing: build it with \`npm run build\` (\`npm ci\` builds it in a clone)\n`)
  process.exit(2)
}

// A cluster of a million pods needs more heap than Node's default (about 4 GiB): a command that
// reads clusters runs in a child with half the machine's memory, at most 8 GiB, unless the user
// chose a size (NODE_OPTIONS=--max-old-space-size=…) or the default is already as large. The
// others (help, version, quantity, …) skip the second Node start.
const { commandNamed } = await import(new URL("../dist/cli/commands/lazy.js", import.meta.url).href)
const HEAP_MIB = Math.min(8192, Math.floor((os.totalmem() / 2 ** 20) * 0.5))
const chosen = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].some((a) => a.startsWith("--max-old-space-size"))
const args = process.argv.slice(2)
if (commandNamed(args.slice(0, 1))?.readsClusters === true && !chosen && v8.getHeapStatistics().heap_size_limit / 2 ** 20 < HEAP_MIB * 0.9) {
  const child = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${HEAP_MIB}`, fileURLToPath(compiled), ...args], { stdio: "inherit" })
  if (child.error !== undefined) {
    process.stderr.write(`catcluster: cannot start node: ${child.error.message}\n`)
    process.exit(2)
  }
  if (child.signal !== null) process.kill(process.pid, child.signal)
  process.exit(child.status ?? 1)
}

await import(compiled.href)
