/**
 * Keeps `docs/guide.md` true as the code changes.
 *
 * - Every `examples/NN-*.ts` and every `src/...` path the guide names exists.
 * - Every claim ID of the catalogue (S1.1 … S15.7) has a claim line in the guide.
 * - Every verdict the guide states equals the verdict `buildLedger(allClaims)` computes now, and
 *   a claim line says "not yet registered" exactly when no registered check covers its ID.
 * - Quoted output of `catcluster check` and `catcluster simulate` matches what they print now;
 *   the quoted output of every example is checked where the examples run
 *   (test/examples/examples.test.ts).
 * - `CATCLUSTER_UPDATE_GUIDE=1` rewrites the claim lines from the ledger (like a snapshot update).
 *
 * Claim lines have the form `- **S1.4** — *ill-typed*: evidence …`.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Command } from "commander"
import { beforeAll, describe, expect, it, vi } from "vitest"
import type { Verdict } from "../../src/claims/Claim.ts"
import { printReport } from "../../src/app/check/CheckReport.ts"
import { checkModel } from "../../src/app/check/checkModel.ts"
import { commands } from "../../src/cli/commands/index.ts"
import { defaultModelText } from "../../src/app/model.ts"
import { allClaims, buildLedger, catalog, severity, type Ledger, type LedgerEntry } from "../../src/ledger/index.ts"
import { failures, holds } from "../../src/laws/Verdict.ts"
import { exampleQuotes } from "./guideQuotes.ts"

const root = join(import.meta.dirname, "..", "..")
const guidePath = join(root, "docs", "guide.md")
const guide = readFileSync(guidePath, "utf8")

/** One claim line of the guide. */
interface GuideClaim {
  readonly id: string
  readonly verdict: string
  readonly line: number
  /** The line says its check was not yet registered in `allClaims` when written. */
  readonly unregistered: boolean
}

const claimLine = /^- \*\*(S\d+\.\d+)\*\* — \*([a-z-]+)\*:/
const UPDATE = "CATCLUSTER_UPDATE_GUIDE=1 npx vitest run test/docs/guide.test.ts"

/** Parses every claim line of a guide text. */
const parseClaims = (text: string): ReadonlyArray<GuideClaim> =>
  text.split("\n").flatMap((l, i) => {
    const m = claimLine.exec(l)
    return m === null ? [] : [{ id: m[1]!, verdict: m[2]!, line: i + 1, unregistered: l.includes("not yet registered") }]
  })

/** Where a guide's stated verdicts differ from computed ones (missing IDs count as differing). */
const disagreements = (
  stated: ReadonlyArray<GuideClaim>,
  computed: ReadonlyMap<string, Verdict>,
): ReadonlyArray<{ readonly id: string; readonly line: number; readonly guide: string; readonly ledger: string }> =>
  stated.flatMap((c) => {
    const v = computed.get(c.id) ?? "(no verdict)"
    return v === c.verdict ? [] : [{ id: c.id, line: c.line, guide: c.verdict, ledger: v }]
  })

/** Paths the guide mentions: examples by full file name, sources under src/. */
const examplePaths = (text: string): ReadonlyArray<string> => [...new Set([...text.matchAll(/examples\/\d\d-[A-Za-z0-9-]+\.ts/g)].map((m) => m[0]))]
const sourcePaths = (text: string): ReadonlyArray<string> => [
  ...new Set([...text.matchAll(/\bsrc\/[A-Za-z0-9_./-]*[A-Za-z0-9_]/g)].map((m) => m[0])),
]

const registeredIds = new Set(allClaims.map((c) => c.id))

/** What the CLI prints for `args`, run in this process (no second start-up); progress is off
 * for the short runs quoted. */
const printed = async (args: ReadonlyArray<string>): Promise<string> => {
  const program = new Command().name("catcluster").exitOverride()
  for (const register of commands) register(program)
  const chunks: string[] = []
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"))
    return true
  })
  try {
    await program.parseAsync([...args], { from: "user" })
  } finally {
    spy.mockRestore()
  }
  return chunks.join("")
}

/** The CLI reference table, from the registered commands (what `--help` prints). */
const cliTable = (): string => {
  const program = new Command().name("catcluster")
  for (const register of commands) register(program)
  const cell = (t: string) => t.replace(/\s+/g, " ").replace(/\|/g, "\\|")
  return [
    "| command | what it does | options |",
    "| --- | --- | --- |",
    ...program.commands.map((c) => {
      const options = c.options.map((o) => `\`${o.flags}\``).join(", ")
      return `| \`catcluster ${c.name()} ${c.usage()}\` | ${cell(c.description())} | ${options === "" ? "—" : options} |`
    }),
  ].join("\n")
}
const cliTableInGuide = /^\| command \| what it does \| options \|\n(?:\|.*\n?)*/m

/** A sentence-bounded excerpt of a ledger summary, for one claim line. */
const excerpt = (text: string, max: number): string => {
  const s = text.replace(/\s+/g, " ").trim()
  if (s.length <= max) return s
  let cut = -1
  for (const m of s.matchAll(/[.)] (?=[A-Z(“"])/g)) if (m.index < max) cut = m.index + 1
  return cut > 120 ? s.slice(0, cut) : `${s.slice(0, max).replace(/ \S*$/, "")} …`
}

/** The three lines the guide shows for a claim: verdict and evidence, statement, source. */
const claimBlock = (c: LedgerEntry, isRegistered: boolean): string =>
  [
    `- **${c.id}** — *${c.verdict}*: ${excerpt(c.summary, 380)}` +
      (isRegistered ? "" : " *(check not yet registered in `allClaims`; verdict from running it directly)*") +
      "  ",
    `  Seed: ${excerpt(c.statement, 220)}  `,
    `  Computed by ${c.source.split(";").map((p) => `\`${p.trim()}\``).join("; ")}`,
  ].join("\n")

/** The guide with every claim block, the registration note and the date regenerated. */
const regenerate = (text: string, ledger: Ledger, registeredIds: ReadonlySet<string>, now: Date): string => {
  const byId = new Map(ledger.claims.map((c) => [c.id, c] as const))
  const unregistered = ledger.missing
  const note =
    unregistered.length === 0
      ? "**Registered checks.** Every claim ID S1.1 … S15.7 has a check registered in `allClaims` (`src/ledger/registry.ts`): the ledger reports none missing."
      : `**Registered checks.** Not yet wired at the time of writing: no check in \`allClaims\` (\`src/ledger/registry.ts\`) covers ${unregistered.join(", ")}, so \`catcluster ledger\` reports them as missing. Their lines below are marked and keep the verdict of an earlier run.`
  const stamp = `${now.toISOString().slice(0, 10)} ${now.toISOString().slice(11, 16)} UTC`
  return text
    .replace(/^- \*\*(S\d+\.\d+)\*\* — .*\n {2}(?:Claim|Seed): .*\n {2}Computed by .*$/gm, (block, id: string) => {
      const c = byId.get(id)
      return c === undefined ? block : claimBlock(c, registeredIds.has(id))
    })
    .replace(/^\*\*Registered checks\.\*\*.*$/m, note)
    .replace(cliTableInGuide, (table) => cliTable() + (table.endsWith("\n") ? "\n" : ""))
    .replace(/taken from the ledger on \d{4}-\d\d-\d\d \d\d:\d\d UTC/, `taken from the ledger on ${stamp}`)
}

describe("docs/guide.md", () => {
  const stated = parseClaims(guide)

  it("names only examples that exist", () => {
    const paths = examplePaths(guide)
    expect(paths.length).toBeGreaterThan(5)
    expect(paths.filter((p) => !existsSync(join(root, p)))).toEqual([])
  })

  it("shows only pictures that exist", () => {
    const pictures = [...guide.matchAll(/\]\((pictures\/[A-Za-z0-9_-]+\.svg)\)/g)].map((m) => m[1]!)
    expect(pictures.length).toBeGreaterThan(0)
    expect(pictures.filter((p) => !existsSync(join(root, "docs", p)))).toEqual([])
  })

  it("its cluster.yaml presentation checks as the guide says: laws hold, the S1.4 square and the round trip fail", () => {
    const block = /save as `cluster\.yaml`:\n\n```yaml\n([\s\S]*?)\n```/.exec(guide)
    expect(block, "the guide's cluster.yaml block").not.toBeNull()
    const outcome = checkModel([], { presentations: [{ file: "cluster.yaml", text: block![1]! }] })
    if (outcome._tag !== "Checked") throw new Error(`cluster.yaml does not decode: ${outcome.errors.join("; ")}`)
    expect(outcome.report.exitCode).toBe(1)
    const [suite] = outcome.report.suites
    const failing = failures(suite!.verdict).map((f) => f.law)
    expect(failing).toEqual(["equation.resource-allocation-square", "equation.round-trip-is-identity"])
    expect(suite!.verdict.laws.filter((l) => !failing.includes(l.law)).every(holds)).toBe(true)
    // Every line the guide quotes from this run is in the printed report.
    const quoted = /check --presentation cluster\.yaml` exits 1 and prints\n\n```text\n([\s\S]*?)\n```/.exec(guide)
    expect(quoted, "the guide's quoted check output").not.toBeNull()
    const printed = printReport(outcome.report)
    expect(quoted![1]!.split("\n").filter((l) => !printed.includes(l))).toEqual([])
  })

  // The quoted lines are checked against each example's output by test/examples/examples.test.ts,
  // which runs every example once anyway.
  it("finds the example output it quotes", () => {
    const quotes = exampleQuotes(guide)
    expect(quotes.length).toBeGreaterThan(8)
    expect(quotes.filter((q) => q.lines.length === 0).map((q) => q.line), "empty quotes").toEqual([])
    expect(quotes.filter((q) => !existsSync(join(root, q.example))).map((q) => q.example)).toEqual([])
  })

  it("imports in its code samples only what the package's entry points export", async () => {
    // `catcluster/laws/vitest` is src/laws/vitest.ts; `catcluster/X` is src/X/index.ts.
    const imports = [...guide.matchAll(/import \{([^}]+)\} from "catcluster\/([a-z/]+)"/g)].map((m) => ({
      names: m[1]!.split(",").map((n) => n.trim().replace(/^type /, "")).filter((n) => n !== ""),
      entry: m[2]!,
    }))
    expect(imports.length).toBeGreaterThan(2)
    const missing: string[] = []
    for (const { names, entry } of imports) {
      const file = entry === "laws/vitest" ? "src/laws/vitest.ts" : `src/${entry}/index.ts`
      const module = (await import(join(root, file))) as Record<string, unknown>
      for (const n of names) if (!(n in module)) missing.push(`${n} from catcluster/${entry}`)
    }
    expect(missing).toEqual([])
  })

  it("quotes `catcluster check` on the default model as it prints now", () => {
    const quoted = /checks the embedded default model \(`src\/model\/default-cluster\.yaml`\):\n\n```text\n([\s\S]*?)\n```/.exec(guide)
    expect(quoted, "the guide's quoted default check output").not.toBeNull()
    const outcome = checkModel([{ file: "src/model/default-cluster.yaml", text: defaultModelText() }])
    if (outcome._tag !== "Checked") throw new Error(`the default model does not decode: ${outcome.errors.join("; ")}`)
    const printed = printReport(outcome.report)
    expect(quoted![1]!.split("\n").filter((l) => !printed.includes(l))).toEqual([])
  })

  it("has a CLI reference that lists every command with its usage, description and options", () => {
    expect(cliTableInGuide.exec(guide)?.[0].trimEnd(), `CLI table is stale: run ${UPDATE}`).toEqual(cliTable())
  })

  it("quotes `catcluster simulate` output that it really prints", async () => {
    const quoted = /simulate --workload vm` and then with `--predictor`:\n\n```text\n([\s\S]*?)\n```/.exec(guide)
    expect(quoted, "the guide's quoted simulate output").not.toBeNull()
    const out = (await printed(["simulate", "--workload", "vm"])) + (await printed(["simulate", "--workload", "vm", "--predictor"]))
    expect(out).toContain("workload vm (HPA), seed")
    expect(quoted![1]!.split("\n").filter((l) => !out.includes(l))).toEqual([])
  })

  it("names only source paths that exist", () => {
    const paths = sourcePaths(guide)
    expect(paths.length).toBeGreaterThan(20)
    expect(paths.filter((p) => !existsSync(join(root, p)))).toEqual([])
  })

  it("has exactly one claim line for every catalogue ID, in catalogue order", () => {
    expect(stated.map((c) => c.id)).toEqual(catalog.map((c) => c.id))
  })

  it("states only verdicts of the ledger's vocabulary", () => {
    expect(stated.filter((c) => !(severity as ReadonlyArray<string>).includes(c.verdict))).toEqual([])
  })

  it("marks a claim as unregistered exactly when no check in allClaims covers it", () => {
    const wrong = stated.filter((c) => c.unregistered === registeredIds.has(c.id)).map((c) => c.id)
    expect(wrong, `registration notes are stale: run ${UPDATE}`).toEqual([])
  })

  describe("verdicts", () => {
    let ledger: Ledger
    beforeAll(async () => {
      ledger = await buildLedger(allClaims)
    }, 120_000)

    it("come from a complete ledger whose checks all ran", () => {
      expect(ledger.errors).toEqual([])
      expect(ledger.missing).toEqual([])
    })

    it("equal the verdicts the ledger computes now", () => {
      const computed = new Map(ledger.claims.map((c) => [c.id, c.verdict] as const))
      expect(disagreements(stated, computed), `if the code is right, run ${UPDATE}`).toEqual([])
    })

    // Update mode, like a snapshot update: rewrites the claim lines (never the prose) from the
    // ledger. Review the diff: prose that discusses a verdict may need editing by hand.
    it.runIf(process.env["CATCLUSTER_UPDATE_GUIDE"] === "1")("rewrites the claim lines from the ledger (CATCLUSTER_UPDATE_GUIDE=1)", () => {
      const next = regenerate(guide, ledger, registeredIds, new Date())
      expect(parseClaims(next).map((c) => c.id)).toEqual(catalog.map((c) => c.id))
      writeFileSync(guidePath, next)
    })

    it("regeneration touches only claim lines, the note and the date", () => {
      const next = regenerate(guide, ledger, registeredIds, new Date(Date.UTC(2030, 0, 2, 3, 4)))
      const strip = (t: string) =>
        t
          .split("\n")
          .filter((l) => !claimLine.test(l) && !/^ {2}(Claim|Seed|Computed by)/.test(l) && !l.startsWith("**Registered checks.**"))
          .join("\n")
          .replace(/taken from the ledger on [^;]*;/, "")
          .replace(cliTableInGuide, "")
      expect(strip(next)).toEqual(strip(guide))
      expect(next).toContain("taken from the ledger on 2030-01-02 03:04 UTC")
      expect(disagreements(parseClaims(next), new Map(ledger.claims.map((c) => [c.id, c.verdict] as const)))).toEqual([])
    })

    it("the comparison catches a guide whose verdict is stale", () => {
      // Flip S1.4's stated verdict in a copy of the guide and compare with the guide's own
      // verdicts: the comparison must name S1.4 and nothing else.
      const computed = new Map(stated.map((c) => [c.id, c.verdict as Verdict] as const))
      const real = computed.get("S1.4")!
      const other: Verdict = real === "holds" ? "fails" : "holds"
      const stale = guide.replace(/^- \*\*S1\.4\*\* — \*[a-z-]+\*:/m, `- **S1.4** — *${other}*:`)
      const found = disagreements(parseClaims(stale), computed)
      expect(found.map(({ id, guide: g, ledger: l }) => ({ id, g, l }))).toEqual([{ id: "S1.4", g: other, l: real }])
    })

    it("the comparison catches a claim the ledger no longer covers", () => {
      // Against the guide's own verdicts minus one ID, so only the dropped claim differs.
      const computed = new Map(stated.filter((c) => c.id !== "S15.7").map((c) => [c.id, c.verdict as Verdict] as const))
      expect(disagreements(stated, computed).map((d) => [d.id, d.ledger])).toEqual([["S15.7", "(no verdict)"]])
    })
  })

  it("the parser and path finders see what a broken guide contains", () => {
    const broken = [
      "- **S1.1** — *holds*: fine",
      "- **S1.2** — *maybe*: not a verdict",
      "see `examples/99-nowhere.ts` and `src/nowhere/Thing.ts#f`.",
    ].join("\n")
    const parsed = parseClaims(broken)
    expect(parsed.map((c) => c.id)).toEqual(["S1.1", "S1.2"])
    expect(parsed.filter((c) => !(severity as ReadonlyArray<string>).includes(c.verdict)).map((c) => c.id)).toEqual(["S1.2"])
    expect(examplePaths(broken).filter((p) => !existsSync(join(root, p)))).toEqual(["examples/99-nowhere.ts"])
    expect(sourcePaths(broken).filter((p) => !existsSync(join(root, p)))).toEqual(["src/nowhere/Thing.ts"])
  })
})
