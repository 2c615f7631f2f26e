/**
 * `npm run bench [-- --json] [--quick] [--only NAME,...]`
 *
 * Runs each benchmark in a fresh Node process of its own, one after the other, so a line's
 * numbers do not depend on which lines ran before it (the compiled code, closures and heap one
 * benchmark leaves behind slowed the next by up to a fifth); within a line, the implementations it
 * compares run side by side in that process, so their ratio is measured under the same machine
 * load. Prints a table, or one JSON object per line.
 */
import { spawnSync } from "node:child_process"
import { parseArgs } from "node:util"
import type { BenchResult } from "./Benchmark.ts"
import { benchmarks } from "./index.ts"

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    list: { type: "boolean", default: false },
    // internal: run the one benchmark named by --only here, its result as JSON on stdout
    child: { type: "boolean", default: false },
  },
})

if (values.list) {
  for (const b of benchmarks) console.log(`${b.name.padEnd(28)} ${b.description}`)
  process.exit(0)
}

const only = values.only?.split(",").map((s) => s.trim())
const unknown = only?.filter((n) => !benchmarks.some((b) => b.name === n)) ?? []
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark(s): ${unknown.join(", ")} (see --list)`)
  process.exit(2)
}
const selected = benchmarks.filter((b) => only === undefined || only.includes(b.name))
const tty = process.stderr.isTTY === true
const progress = (name: string) => (message: string) => {
  if (tty) process.stderr.write(`\r\x1b[2K[${name}] ${message}`)
  else process.stderr.write(`[${name}] ${message}\n`)
}

if (values.child) {
  const b = selected[0] as (typeof selected)[number]
  const result = await b.run({ quick: values.quick === true, progress: progress(b.name) })
  if (tty) process.stderr.write("\r\x1b[2K")
  console.log(JSON.stringify(result))
  process.exit(0)
}

const results: BenchResult[] = []
for (const b of selected) {
  // the same Node and loader (tsx's flags are in execArgv), this script, one benchmark
  const args = [...process.execArgv, process.argv[1] as string, "--child", "--only", b.name, ...(values.quick ? ["--quick"] : [])]
  const child = spawnSync(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", maxBuffer: 1 << 26 })
  const line = child.stdout.trim().split("\n").pop() ?? ""
  if (child.status !== 0 || !line.startsWith("{")) {
    console.error(`bench: ${b.name} failed (exit ${child.status ?? child.signal})`)
    process.exit(1)
  }
  const result = JSON.parse(line) as BenchResult
  results.push(result)
  if (values.json) console.log(JSON.stringify(result))
}

if (!values.json) {
  const fmt = (v: unknown) => (typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : String(v))
  for (const r of results) {
    const extras = Object.entries(r)
      .filter(([k]) => !["name", "unit", "value"].includes(k))
      .map(([k, v]) => `${k}=${fmt(v)}`)
      .join("  ")
    console.log(`${r.name.padEnd(28)} ${fmt(r.value).padStart(14)} ${r.unit.padEnd(14)} ${extras}`)
  }
}
