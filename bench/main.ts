/**
 * `npm run bench [-- --json] [--quick] [--only NAME,...]`
 *
 * Runs the benchmarks side by side in one process, so ratios between implementations are
 * measured under the same machine load. Prints a table, or one JSON object per line.
 */
import { parseArgs } from "node:util"
import type { BenchResult } from "./Benchmark.ts"
import { benchmarks } from "./index.ts"

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    list: { type: "boolean", default: false },
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

const results: BenchResult[] = []
for (const b of selected) {
  const result = await b.run({ quick: values.quick === true, progress: progress(b.name) })
  if (tty) process.stderr.write("\r\x1b[2K")
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
