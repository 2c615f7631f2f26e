#!/usr/bin/env node
// The compiled CLI when the package is built (npm pack / install); otherwise the TypeScript
// sources through tsx's loader, so a fresh clone needs no build step.
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import os from "node:os"
import { fileURLToPath } from "node:url"
import v8 from "node:v8"

// A cluster of a million pods needs more heap than Node's default (about 4 GiB): run in a child
// with half the machine's memory, at most 8 GiB, unless the user chose a size
// (NODE_OPTIONS=--max-old-space-size=…) or the default is already as large.
const HEAP_MIB = Math.min(8192, Math.floor((os.totalmem() / 2 ** 20) * 0.5))
const chosen = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].some((a) => a.startsWith("--max-old-space-size"))
if (!chosen && v8.getHeapStatistics().heap_size_limit / 2 ** 20 < HEAP_MIB * 0.9) {
  const child = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${HEAP_MIB}`, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" })
  if (child.error !== undefined) {
    process.stderr.write(`catcluster: cannot start node: ${child.error.message}\n`)
    process.exit(2)
  }
  if (child.signal !== null) process.kill(process.pid, child.signal)
  process.exit(child.status ?? 1)
}

const compiled = new URL("../dist/cli/main.js", import.meta.url)
if (existsSync(compiled)) {
  await import(compiled.href)
} else {
  const { register } = await import("tsx/esm/api")
  register()
  await import("../src/cli/main.ts")
}
