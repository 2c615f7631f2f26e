/**
 * `catcluster verify [--scenario NAME|all] [--json] [--max-states N]`: model-check the seed's
 * verification scenarios (S15.1–S15.4, S9.4, S13.2) and print each answer with its trace.
 *
 * Every check states the answer it is expected to give. Some are expected to find a violation:
 * a seed claim that is wrong as stated (a VM whose request fits no node stays Pending forever)
 * or a deliberately broken control variant (IPs released before reuse). Those print `violated`
 * and are not errors. The exit code is 1 when an answer differs from its expectation (a property
 * that should hold is violated, or a bug the checker should catch is not), 0 otherwise; an
 * `unknown` answer (the state bound was hit) is reported but not an error. Bad flags exit 2.
 */
import type { Command } from "commander"
import { outcomeEvidence } from "../../verification/claims.ts"
import { terminalProgress } from "../../verification/Progress.ts"
import { runScenario, scenarios, type ScenarioOutcome } from "../../verification/scenarios/index.ts"
import { showTrace } from "../../verification/Trace.ts"
import { UserError } from "../UserError.ts"

interface VerifyOptions {
  readonly scenario: string
  readonly json?: boolean
  readonly maxStates?: string
}

const parseMaxStates = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined
  const n = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) throw new UserError(`--max-states: expected a positive integer, got '${text}'`)
  return n
}

const mark = (o: ScenarioOutcome): string => (o.result.status === "unknown" ? "?" : o.asExpected ? "✓" : "✗")

/** Registers `catcluster verify` on the program. @since 0.1.0 @category cli */
export const register = (program: Command): void => {
  program
    .command("verify")
    .description("model-check the seed's verification claims (S15.1–S15.4, S9.4, S13.2): verdicts with traces")
    .option("--scenario <name>", `a scenario name or 'all' (${scenarios.map((s) => s.name).join(", ")})`, "all")
    .option("--json", "one JSON document with every check, its answer and trace")
    .option("--max-states <n>", "stop a search after this many states (answer: unknown)")
    .action((options: VerifyOptions) => {
      const maxStates = parseMaxStates(options.maxStates)
      const selected = options.scenario === "all" ? scenarios : scenarios.filter((s) => s.name === options.scenario)
      if (selected.length === 0) {
        throw new UserError(`--scenario: unknown scenario '${options.scenario}' (known: all, ${scenarios.map((s) => s.name).join(", ")})`)
      }
      const results = selected.map((s) => ({
        scenario: s,
        outcomes: runScenario(s, {
          ...(maxStates === undefined ? {} : { maxStates }),
          ...(process.stderr.isTTY === true ? { progress: terminalProgress(s.name) } : {}),
        }),
      }))
      const all = results.flatMap((r) => r.outcomes)
      const mismatches = all.filter((o) => o.result.status !== "unknown" && !o.asExpected)
      if (options.json === true) {
        const doc = {
          asExpected: mismatches.length === 0,
          undecided: all.filter((o) => o.result.status === "unknown").length,
          scenarios: results.map((r) => ({
            name: r.scenario.name,
            claims: r.scenario.claims,
            title: r.scenario.title,
            checks: r.outcomes.map((o) => ({ ...outcomeEvidence(o), asExpected: o.asExpected, seconds: o.result.stats.seconds })),
          })),
        }
        process.stdout.write(JSON.stringify(doc, null, 2) + "\n")
      } else {
        const lines: string[] = []
        for (const r of results) {
          lines.push(`${r.scenario.name} [${r.scenario.claims.join(", ")}] ${r.scenario.title}`)
          for (const o of r.outcomes) {
            const role = o.role === "control" ? " (control)" : ""
            lines.push(`  ${mark(o)} ${o.check}${role}: ${o.result.status} (expected ${o.expected}) ${o.result.formula}`)
            lines.push(`      ${o.result.system}: ${o.result.stats.states} states, ${o.result.stats.transitions} transitions; ${o.because}`)
            if (o.result.trace !== undefined) lines.push(...showTrace(o.result.trace).split("\n").map((l) => `    ${l}`))
          }
        }
        const unknown = all.filter((o) => o.result.status === "unknown").length
        const undecided = unknown === 0 ? "" : `; ${unknown} undecided within --max-states`
        lines.push(
          mismatches.length === 0
            ? `${all.length} checks, every decided answer as expected${undecided}`
            : `${mismatches.length} of ${all.length} checks gave an unexpected answer: ${mismatches.map((o) => `${o.scenario}/${o.check}`).join(", ")}${undecided}`,
        )
        process.stdout.write(lines.join("\n") + "\n")
      }
      if (mismatches.length > 0) process.exitCode = 1
    })
}
