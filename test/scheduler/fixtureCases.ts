/**
 * The manifest fixtures of `test/scheduler/fixtures/<family>/` (format: fixtures/README.md): every
 * case of a family's `expected.json` runs
 *
 * - through the real CLI, spawned once per case (the engines taking turns): `catcluster schedule
 *   --nodes N --pods P [--config C] --explain --json --engine hot|readable`, and
 * - in-process: `modelFromFiles` (nodes and pods files read together) → `parseSchedulerConfig` →
 *   `scheduleBatch`, on both engines,
 *
 * and each run is checked against the case's expected placements. A hot run also checks that the
 * configuration keeps the hot path (`hotPathSupports`), so it never silently measures the readable
 * σ twice, and that the CLI prints exactly what the library returns.
 */
import { spawn } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { describe, expect, type ExpectStatic, it } from "vitest"
import {
  hotPathSupports,
  modelFromFiles,
  type ModelInput,
  type NodeEvaluation,
  parseSchedulerConfig,
  type Placement,
  type ScorePluginName,
  scheduleBatch,
} from "../../src/scheduler/index.ts"

const root = join(import.meta.dirname, "..", "..")
const main = join(root, "src", "cli", "main.ts")
/** The fixture families' folder. */
export const FIXTURES = join(import.meta.dirname, "fixtures")

export type Engine = "hot" | "readable"

/** One pod's expected outcome (fixtures/README.md). */
export interface ExpectedPlacement {
  readonly pod: string
  readonly node?: string | null
  readonly nodeIn?: ReadonlyArray<string>
  readonly distinctFrom?: ReadonlyArray<string>
  readonly zoneDiffersFrom?: string
  readonly message?: string
  /** The placement's own `reasons` (head and histogram, or e.g. `SchedulingGated`). */
  readonly podReasons?: ReadonlyArray<string>
  readonly reasons?: Readonly<Record<string, ReadonlyArray<string>>>
  readonly scores?: Readonly<Record<string, number | null>>
  readonly skipped?: boolean
  readonly plugins?: Readonly<Record<string, Readonly<Record<string, number>>>>
  readonly victims?: ReadonlyArray<string>
}

/** One case: the files `catcluster schedule` reads and what it must print. */
export interface FixtureCase {
  readonly name: string
  readonly description?: string
  readonly upstream?: string
  readonly nodes: string
  readonly pods: string
  readonly config?: string
  readonly placements: ReadonlyArray<ExpectedPlacement>
}

/** A family's expected.json. */
export interface FixtureFamily {
  readonly plugin: string
  readonly about?: string
  readonly cases: ReadonlyArray<FixtureCase>
}

/** How a family runs: `hot` true, or the reason its hot runs are skipped. */
export interface FamilyOptions {
  readonly hot: true | string
  /** Fewest cases the family must hold. */
  readonly atLeast?: number
}

/** A family's expected.json, parsed. */
export const familyOf = (family: string): FixtureFamily => JSON.parse(readFileSync(join(FIXTURES, family, "expected.json"), "utf8")) as FixtureFamily

/** The model and the parsed configuration of a case, as the library reads them. */
export const caseInput = (family: string, c: FixtureCase) => {
  const dir = join(FIXTURES, family)
  const read = (f: string) => ({ file: f, text: readFileSync(join(dir, f), "utf8") })
  const model: ModelInput = modelFromFiles([read(c.nodes), read(c.pods)])
  const config = c.config === undefined ? undefined : parseSchedulerConfig(read(c.config).text, c.config)
  return { model, config }
}

/** The placements of a case, in-process. */
export const inProcess = (family: string, c: FixtureCase, engine: Engine): ReadonlyArray<Placement> => {
  const { model, config } = caseInput(family, c)
  return scheduleBatch(model.cluster, model.workload.pending, {
    ...(config === undefined ? {} : { profile: config.profile, profiles: config.profiles }),
    engine,
    explain: true,
  })
}

/** What the spawned CLI did. */
export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** `catcluster <args>` from source, spawned (`node --import tsx`, as `npx tsx` runs it). */
export const cli = (args: ReadonlyArray<string>, cwd = root): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", main, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d))
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

/** `catcluster schedule … --explain --json --engine E` on a case, from the family's folder. */
export const scheduleCli = async (family: string, c: FixtureCase, engine: Engine): Promise<ReadonlyArray<Placement>> => {
  const dir = join(FIXTURES, family)
  const args = ["schedule", "--nodes", c.nodes, "--pods", c.pods, ...(c.config === undefined ? [] : ["--config", c.config]), "--explain", "--json", "--engine", engine]
  const r = await cli(args, dir)
  if (r.code !== 0) throw new Error(`catcluster ${args.join(" ")} (in ${relative(root, dir)}) exited ${r.code}:\n${r.stderr}`)
  return (JSON.parse(r.stdout) as { placements: ReadonlyArray<Placement> }).placements
}

/**
 * Every expectation of a case against placements. `zoneOf` gives a node's zone label; `check` is
 * the test's own `expect` in concurrent tests.
 */
export const checkPlacements = (
  c: FixtureCase,
  plugin: string,
  placements: ReadonlyArray<Placement>,
  zoneOf: (node: string | null) => string | undefined,
  check: ExpectStatic = expect,
): void => {
  const byPod = new Map(placements.map((p) => [p.pod, p]))
  for (const want of c.placements) {
    const got = byPod.get(want.pod)
    const at = `${c.name}: ${want.pod}`
    check(got, `${at}: not among the placements ${[...byPod.keys()].join(", ")}`).toBeDefined()
    if (got === undefined) continue
    if (want.node !== undefined) check(got.node, `${at}: node`).toBe(want.node)
    if (want.nodeIn !== undefined) check(want.nodeIn, `${at}: node among`).toContain(got.node)
    for (const other of want.distinctFrom ?? []) check(got.node, `${at}: not on ${other}'s node`).not.toBe(byPod.get(other)?.node)
    if (want.zoneDiffersFrom !== undefined) check(zoneOf(got.node), `${at}: not in ${want.zoneDiffersFrom}'s zone`).not.toBe(zoneOf(byPod.get(want.zoneDiffersFrom)?.node ?? null))
    check(got.message, `${at}: message`).toBe(want.message ?? "")
    check(got.victims, `${at}: victims`).toEqual(want.victims ?? [])
    if (want.podReasons !== undefined) check(got.reasons, `${at}: the placement's reasons`).toEqual(want.podReasons)
    const evaluated = got.scores ?? []
    if (want.reasons !== undefined) {
      check(Object.fromEntries(evaluated.filter((e) => !e.feasible).map((e) => [e.node, e.reasons])), `${at}: reasons of the infeasible nodes`).toEqual(want.reasons)
    }
    const scoreOf = (e: NodeEvaluation) => e.plugins[plugin as ScorePluginName] ?? null
    if (want.scores !== undefined) {
      check(Object.fromEntries(evaluated.filter((e) => e.feasible).map((e) => [e.node, scoreOf(e)])), `${at}: ${plugin} scores of the feasible nodes`).toEqual(want.scores)
    }
    if (want.skipped === true) for (const e of evaluated) check(e.plugins[plugin as ScorePluginName], `${at}: ${plugin} skipped on ${e.node}`).toBeUndefined()
    for (const [node, plugins] of Object.entries(want.plugins ?? {})) {
      check(evaluated.find((e) => e.node === node)?.plugins, `${at}: every plugin's score on ${node}`).toEqual(plugins)
    }
  }
}

/** A fixture that cannot fail some way is a fixture mistake: say so before running it. */
const lint = (family: string, c: FixtureCase): ReadonlyArray<string> => {
  const problems: string[] = []
  for (const p of c.placements) {
    if ((p.node === undefined) === (p.nodeIn === undefined)) problems.push(`${p.pod}: give exactly one of node and nodeIn`)
    if (p.node === null && p.message === undefined) problems.push(`${p.pod}: a pending pod needs its message`)
    if ((p.victims ?? []).length > 0 && p.message === undefined) problems.push(`${p.pod}: a preemption needs the first cycle's message`)
  }
  return problems.map((m) => `${family}/${c.name}: ${m}`)
}

/** The files a family's folder holds (recursively), relative to it. */
const filesOf = (dir: string, under = ""): ReadonlyArray<string> =>
  readdirSync(join(dir, under), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesOf(dir, join(under, d.name)) : [join(under, d.name)],
  )

/** At most this many CLI processes per test file at once (the machine is shared). */
const SPAWNS = 3
let running = 0
const waiting: Array<() => void> = []
const limited = async <A>(f: () => Promise<A>): Promise<A> => {
  if (running >= SPAWNS) await new Promise<void>((resolve) => waiting.push(resolve))
  running++
  try {
    return await f()
  } finally {
    running--
    waiting.shift()?.()
  }
}

/**
 * The tests of a family: its hygiene (every file used, enough cases, no expectation that cannot
 * fail), each case in-process on both engines, then each case through the CLI on both engines
 * (concurrently, the engines taking turns). A hot run whose family says why it cannot run yet is a named skip.
 */
export const describeFamily = (family: string, options: FamilyOptions): void => {
  const f = familyOf(family)
  const dir = join(FIXTURES, family)
  const engines = (["readable", "hot"] as const).filter((e) => e === "readable" || options.hot === true)
  const zonesOf = (c: FixtureCase) => {
    const { model } = caseInput(family, c)
    return (n: string | null) => model.nodes.find((x) => x.name === n)?.labels["topology.kubernetes.io/zone"]
  }
  describe(`fixtures/${family} (${f.plugin})`, () => {
    it(`expected.json: at least ${options.atLeast ?? 1} cases, every fixture file used, every expectation able to fail`, () => {
      expect(f.cases.length).toBeGreaterThanOrEqual(options.atLeast ?? 1)
      expect(new Set(f.cases.map((c) => c.name)).size, "case names are unique").toBe(f.cases.length)
      const used = new Set(f.cases.flatMap((c) => [c.nodes, c.pods, ...(c.config === undefined ? [] : [c.config])]).map((p) => join(p)))
      const unused = filesOf(dir).filter((p) => /\.(ya?ml|json)$/.test(p) && p !== "expected.json" && !used.has(p))
      expect(unused, "fixture files no case uses").toEqual([])
      expect(f.cases.flatMap((c) => lint(family, c))).toEqual([])
    })
    if (options.hot !== true) it.skip(`every case, hot engine (in-process and CLI) — SKIPPED: ${options.hot}`, () => {})
    describe("in-process (modelFromFiles → parseSchedulerConfig → scheduleBatch)", () => {
      for (const c of f.cases) {
        for (const engine of engines) {
          it(`${c.name}, ${engine} engine`, () => {
            if (engine === "hot") {
              const { config } = caseInput(family, c)
              if (config !== undefined) expect(hotPathSupports(config.profile), `${c.config} makes the hot engine fall back to the readable σ`).toBe(true)
            }
            checkPlacements(c, f.plugin, inProcess(family, c, engine), zonesOf(c))
          })
        }
      }
    })
    // Each case goes through the CLI once, the engines taking turns: the in-process runs above
    // already cover every case on both engines, and a spawn costs about a CPU-second, so the CLI
    // runs check that the command prints what the library returns (both engines in every family).
    describe.concurrent("CLI (catcluster schedule --explain --json --engine …)", () => {
      f.cases.forEach((c, i) => {
        const engine = engines[i % engines.length]!
        it(`${c.name}, --engine ${engine}`, async ({ expect }) => {
          const placements = await limited(() => scheduleCli(family, c, engine))
          checkPlacements(c, f.plugin, placements, zonesOf(c), expect)
          // the CLI prints what the library returns (one seed, one tie-break)
          expect(placements).toEqual(JSON.parse(JSON.stringify(inProcess(family, c, engine))))
        })
      })
    })
  })
}
