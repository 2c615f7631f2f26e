/**
 * `run-500`: the whole main job (`catcluster run`) on a generated cluster of 500 nodes and
 * 5,000 workload objects (`bench/generateCluster.ts`, seed 20261127; with `--quick` 100 nodes
 * and 1,000 workloads): wall-clock seconds of the pipeline and each step's share. The goal is
 * under 60 s on the project's machine. Progress (each step as it runs) goes to stderr.
 */
import { mkdtempSync } from "node:fs"
import os from "node:os"
import { join } from "node:path"
import { runPipeline } from "../src/app/pipeline.ts"
import type { Progress } from "../src/cli/Progress.ts"
import type { BenchResult, Benchmark } from "./Benchmark.ts"
import { generateCluster } from "./generateCluster.ts"

const SEED = 20261127

export const run500: Benchmark = {
  name: "run-500",
  description: "catcluster run on a generated 500-node, 5,000-workload cluster: seconds, per-step split",
  run: async ({ quick, progress }): Promise<BenchResult> => {
    const shape = quick ? { nodes: 100, workloads: 1000, seed: SEED } : { nodes: 500, workloads: 5000, seed: SEED }
    progress(`generating ${shape.nodes} nodes, ${shape.workloads} workloads (seed ${shape.seed})`)
    const generated = generateCluster(shape)
    let label = ""
    const sink: Progress = {
      start: (l) => {
        label = l
        progress(l)
      },
      update: (_done, detail) => progress(`${label}${detail === undefined ? "" : `: ${detail}`}`),
      stop: (summary) => progress(`${label}: ${summary}`),
    }
    const outDir = mkdtempSync(join(os.tmpdir(), "catcluster-run500-"))
    const cpu = process.cpuUsage()
    const result = await runPipeline(generated.files, { outDir, seed: SEED, progress: sink })
    const used = process.cpuUsage(cpu)
    if (result.failures.length > 0) throw new Error(`run-500: the run reported failures: ${result.failures.slice(0, 5).join("; ")}`)
    const split = Object.fromEntries(result.results.map((r) => [r.step, Math.round(r.seconds * 100) / 100]))
    return {
      name: quick ? "run-100" : "run-500",
      unit: "s",
      value: Math.round(result.seconds * 100) / 100,
      nodes: shape.nodes,
      workloads: shape.workloads,
      objects: Object.values(generated.counts).reduce((a, b) => a + b, 0),
      cpuSeconds: Math.round(((used.user + used.system) / 1e6) * 100) / 100,
      loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
      ...split,
    }
  },
}
