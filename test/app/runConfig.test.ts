/**
 * `run --config`: a KubeSchedulerConfiguration reaches every placement of the main job (the
 * schedule section and the operator questions), the report names it, and a bad one is a user's
 * mistake (exit 2, file named) before any work; so are an `--out` that cannot be a directory and
 * an unknown `--only` step.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import type { ModelFile } from "../../src/app/model.ts"
import { runPipeline } from "../../src/app/pipeline.ts"
import { makeProgress } from "../../src/cli/Progress.ts"
import { defaultProfile, modelFromFiles, parseSchedulerConfig, scheduleBatch } from "../../src/scheduler/index.ts"

const root = join(import.meta.dirname, "..", "..")
const fixtures = join(import.meta.dirname, "..", "fixtures", "second-cluster")
const second: ReadonlyArray<ModelFile> = readdirSync(fixtures)
  .filter((f) => f.endsWith(".yaml"))
  .sort()
  .map((f) => ({ file: `second-cluster/${f}`, text: readFileSync(join(fixtures, f), "utf8") }))

// bin packing instead of spreading: NodeResourcesFit scores MostAllocated
const BIN_PACKING = `apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: default-scheduler
  pluginConfig:
  - name: NodeResourcesFit
    args:
      scoringStrategy:
        type: MostAllocated
        resources: [{name: cpu, weight: 1}, {name: memory, weight: 1}]
`

interface Placed {
  readonly pod: string
  readonly node: string | null
}

const run = async (scheduler?: ReturnType<typeof parseSchedulerConfig> & { file: string }) => {
  const outDir = mkdtempSync(join(tmpdir(), "catcluster-run-config-"))
  await runPipeline(second, {
    outDir,
    seed: 20261127,
    progress: makeProgress({ quiet: true }),
    only: ["schedule", "operations"],
    ...(scheduler === undefined ? {} : { scheduler }),
  })
  const report = JSON.parse(readFileSync(join(outDir, "report.json"), "utf8")) as { steps: Record<string, { summary: string; result: { placements: ReadonlyArray<Placed> } }> }
  return { report, html: readFileSync(join(outDir, "report.html"), "utf8") }
}

let plain: Awaited<ReturnType<typeof run>>
let packed: Awaited<ReturnType<typeof run>>

beforeAll(async () => {
  plain = await run()
  packed = await run({ ...parseSchedulerConfig(BIN_PACKING, "bin-packing.yaml"), file: "bin-packing.yaml" })
}, 120_000)

describe("run --config", () => {
  it("places with the configuration's profile: the same placements as scheduleBatch with it, and not the default ones", () => {
    const model = modelFromFiles(second.map((f) => ({ file: f.file, text: f.text })))
    const config = parseSchedulerConfig(BIN_PACKING, "bin-packing.yaml")
    const expected = (profile: typeof config.profile) =>
      scheduleBatch(model.cluster, model.workload.pending, { profile, seed: 20261127 }).map((p) => [p.pod, p.node])
    const got = (r: typeof plain) => r.report.steps.schedule!.result.placements.map((p) => [p.pod, p.node])
    expect(got(packed)).toEqual(expected(config.profile))
    expect(got(plain)).toEqual(expected(defaultProfile))
    expect(got(packed)).not.toEqual(got(plain))
    expect(packed.report.steps.schedule!.summary).toContain("hot path ≡ readable σ: yes")
  })

  it("the report names the configuration and its profile instead of the default one", () => {
    expect(packed.html).toContain("by the profiles of bin-packing.yaml")
    expect(plain.html).toContain("by kube-scheduler v1.35's default profile")
    expect(plain.html).not.toContain("bin-packing.yaml")
  })

  it("a bad configuration exits 2 naming the file, before any work", () => {
    const dir = mkdtempSync(join(tmpdir(), "catcluster-run-config-"))
    const bad = join(dir, "sched.yaml")
    // a plugin catcluster does not implement, enabled: refused as kube-scheduler refuses an unregistered one
    writeFileSync(bad, `${BIN_PACKING}  plugins:\n    score:\n      enabled: [{name: NodeResourcesFitt}]\n`)
    const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "src", "cli", "main.ts"), "run", "--config", bad, "--out", join(dir, "out")], { cwd: root, encoding: "utf8" })
    expect(r.status, r.stderr).toBe(2)
    expect(r.stderr).toContain("sched.yaml")
    expect(r.stderr).toContain("NodeResourcesFitt")
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(readdirSync(dir)).toEqual(["sched.yaml"])
  })

  it("an --out path that cannot be a directory, or an unknown --only step, exits 2 naming it, before any work", () => {
    const dir = mkdtempSync(join(tmpdir(), "catcluster-run-out-"))
    const file = join(dir, "report")
    writeFileSync(file, "")
    for (const [args, message] of [
      [["--out", file], `--out ${file}: exists and is not a directory`],
      [["--out", join(file, "sub")], `--out ${join(file, "sub")}: cannot create the directory (ENOTDIR)`],
      [["--only", "schedule,bogus", "--out", join(dir, "out")], "--only: unknown step 'bogus'; the steps are decode, category, laws, schedule, operations, markov, autoscaling, migration, verify, decisions, ledger"],
    ] as const) {
      const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "src", "cli", "main.ts"), "run", ...args, "-q"], { cwd: root, encoding: "utf8" })
      expect(r.status, r.stderr).toBe(2)
      expect(r.stderr).toBe(`catcluster: ${message}\n`)
    }
    expect(readdirSync(dir)).toEqual(["report"])
  })
})
