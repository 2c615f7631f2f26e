/**
 * `cli-startup`: how long a user waits for the CLI, run as the package ships it (`bin/` over
 * `dist/`, compiled here into a temporary directory, as `npm pack` builds it): `--version`,
 * `--help`, `quantity 1Gi --json` and `schedule` on the corpus (../shared/corpus: the k8s and
 * kubevirt examples on the scheduler tests' five nodes; that row is skipped, saying so, when the
 * corpus is absent). Each command runs several times; the row gives the median wall-clock
 * milliseconds. Goal: `--version`, `--help` and `quantity` under 300 ms.
 */
import { execFileSync, spawnSync } from "node:child_process"
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs"
import os from "node:os"
import { join } from "node:path"
import type { BenchResult, Benchmark } from "./Benchmark.ts"

const root = join(import.meta.dirname, "..")
// where the tests find it, beside the clone; CATCLUSTER_CORPUS names another place
const corpus = process.env.CATCLUSTER_CORPUS ?? join(root, "..", "shared", "corpus")
// redefines default/vmi-fedora of vmi-fedora.yaml, which schedule refuses (exit 2) in one input
const DUPLICATE = "vmi-fedora-isolated.yaml"

const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN
}

export const cliStartup: Benchmark = {
  name: "cli-startup",
  description: "catcluster --version, --help, quantity 1Gi --json and schedule on the corpus, from the built package: median ms",
  run: ({ quick, progress }): BenchResult => {
    const dir = mkdtempSync(join(os.tmpdir(), "catcluster-startup-"))
    try {
      progress("compiling the CLI (tsc -p tsconfig.build.json)")
      execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(root, "tsconfig.build.json"), "--outDir", join(dir, "dist")], { stdio: "inherit" })
      cpSync(join(root, "src", "model"), join(dir, "dist", "model"), { recursive: true })
      cpSync(join(root, "bin"), join(dir, "bin"), { recursive: true })
      cpSync(join(root, "package.json"), join(dir, "package.json"))
      symlinkSync(join(root, "node_modules"), join(dir, "node_modules"))
      const bin = join(dir, "bin", "catcluster.mjs")
      const runs = quick ? 3 : 9
      const time = (label: string, args: ReadonlyArray<string>): number => {
        const ms: number[] = []
        for (let i = 0; i < runs; i++) {
          progress(`${label}: run ${i + 1} of ${runs}`)
          const started = performance.now()
          const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
          ms.push(performance.now() - started)
          if (r.status !== 0) throw new Error(`cli-startup: catcluster ${args.join(" ")} exited ${r.status}: ${r.stderr.slice(-2000)}`)
        }
        return Math.round(median(ms))
      }
      const version = time("--version", ["--version"])
      const help = time("--help", ["--help"])
      const quantity = time("quantity 1Gi --json", ["quantity", "1Gi", "--json"])
      let schedule: number | string = `skipped: ${corpus} is absent`
      if (existsSync(corpus)) {
        const kubevirt = join(corpus, "kubevirt")
        const workloads = [join(corpus, "k8s"), ...readdirSync(kubevirt).filter((f) => f.endsWith(".yaml") && f !== DUPLICATE).map((f) => join(kubevirt, f))]
        schedule = time("schedule (corpus)", ["schedule", "--nodes", join(root, "test", "scheduler", "fixtures", "nodes.yaml"), "--workloads", ...workloads])
      } else {
        progress(`schedule (corpus): skipped, ${corpus} is absent`)
      }
      return {
        name: "cli-startup",
        unit: "ms (--version)",
        value: version,
        helpMs: help,
        quantityMs: quantity,
        scheduleCorpusMs: schedule,
        runs,
        goalMs: 300,
        loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
}
