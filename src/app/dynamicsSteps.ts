import { containerHealth, healthStates, seedHealthChain, vmHealth } from "../dynamics/markov/Health.ts"
import { show as showRational, toNumber } from "../dynamics/markov/Rational.ts"
import { stationaryExact } from "../dynamics/markov/Stationary.ts"
import { describeOutcome, migrationDefaults, simulateMigration } from "../dynamics/migration/PreCopy.ts"
import { barChart, lineChart } from "../report/Chart.ts"
import { figure, paragraph, pre, table } from "../report/Html.ts"
import { runScenario, scenarios } from "../verification/scenarios/index.ts"
import { showTrace } from "../verification/Trace.ts"
import type { Step } from "./Step.ts"
import type { Context } from "./steps.ts"

/**
 * Main-job steps for the dynamic half: Markov chains, live migration, model checking.
 *
 * @since 0.1.0
 */

/** S7.4: stationary distributions of the health chain and its runtime variants. @since 0.1.0 @category steps */
export const markovStep: Step<Context> = {
  name: "markov",
  run: async () => {
    const variants = [
      { runtime: "seed", chain: seedHealthChain },
      { runtime: containerHealth.runtime, chain: containerHealth.chain },
      { runtime: vmHealth.runtime, chain: vmHealth.chain },
    ]
    const rows: Array<{ runtime: string; state: string; probability: number }> = []
    const exact: Array<[string, string, string]> = []
    for (const v of variants) {
      const s = stationaryExact(v.chain)
      // The first extreme point is the one on {Healthy, Unhealthy, Starting}; Terminating is its own closed class.
      const pi = s.extremePoints[0]!
      pi.forEach((p, i) => rows.push({ runtime: v.runtime, state: healthStates[i]!, probability: toNumber(p) }))
      exact.push([v.runtime, pi.map(showRational).join(", "), `${s.extremePoints.length} (${s.unique ? "unique" : "not unique"})`])
    }
    const svg = await barChart("S7.4 stationary distribution of backend health", rows, { category: "state", value: "probability", group: "runtime" })
    return {
      summary: `health chain: ${exact.map(([r, pi]) => `${r} π=(${pi})`).join("; ")}`,
      sections: [
        {
          id: "markov",
          title: "Backend health (S7.4)",
          blocks: [
            paragraph("Exact stationary distributions (rational arithmetic) of the seed's health chain and its container/VM variants. Terminating is absorbing and unreachable from the other states, so each chain has two closed classes and two extreme stationary distributions; the one on the live states is drawn."),
            figure(svg, "Stationary probability of each health state, per runtime."),
            table(["chain", "π on the live class (H, U, S, T)", "extreme points"], exact),
          ],
        },
      ],
      json: exact.map(([runtime, pi, points]) => ({ runtime, pi, points })),
      failures: [],
    }
  },
}

/** S13: pre-copy live migration of the model's VM, converging and diverging. @since 0.1.0 @category steps */
export const migrationStep: Step<Context> = {
  name: "migration",
  run: async () => {
    const converging = simulateMigration({ ...migrationDefaults, memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 256 })
    const diverging = simulateMigration({ ...migrationDefaults, memoryMiB: 4096, bandwidthMiBps: 1024, dirtyRateMiBps: 1536 })
    const rows = converging.roundLog.map((r) => ({ round: r.round, value: r.sentMiB, series: "sent (MiB)" }))
      .concat(converging.roundLog.map((r) => ({ round: r.round, value: r.dirtiedMiB, series: "dirtied meanwhile (MiB)" })))
    const svg = await lineChart("S13.1 pre-copy rounds (4096 MiB, 1024 MiB/s, 256 MiB/s dirty)", rows, { x: "round", y: "value", series: "series", yTitle: "MiB" })
    const phases = converging.phases.map((p) => [p.phase, `${p.start.toFixed(2)}–${p.end.toFixed(2)} s`, p.source, p.target, p.vmiPhase, String(p.migrationActive)])
    return {
      summary: `${describeOutcome(converging)}; dirty 1536 MiB/s: ${describeOutcome(diverging)}`,
      sections: [
        {
          id: "migration",
          title: "Live migration (S13)",
          blocks: [
            figure(svg, "Data sent per pre-copy round and memory dirtied meanwhile; stop-and-copy starts once the rest fits the 300 ms downtime limit."),
            table(["phase", "time", "source", "target", "VMI phase", "migration active"], phases),
            paragraph(`Converging: ${describeOutcome(converging)}. Diverging (dirty rate above bandwidth): ${describeOutcome(diverging)}.`),
          ],
        },
      ],
      json: { converging: { ...converging, roundLog: converging.roundLog.length }, diverging: { ...diverging, roundLog: diverging.roundLog.length } },
      failures: [],
    }
  },
}

/** S15, S9.4, S13.2: the model checker's scenarios, with traces for violations. @since 0.1.0 @category steps */
export const verifyStep: Step<Context> = {
  name: "verify",
  run: (_ctx, progress) => {
    progress.start("model checking", scenarios.length)
    const outcomes = scenarios.flatMap((s, i) => {
      progress.update(i, s.name)
      return runScenario(s)
    })
    const states = outcomes.reduce((n, o) => n + o.result.stats.states, 0)
    const unexpected = outcomes.filter((o) => !o.asExpected)
    const summary = `${outcomes.length} checks over ${scenarios.length} scenarios, ${states} states explored; ${outcomes.filter((o) => o.result.status === "violated").length} violations found (${unexpected.length} unexpected)`
    progress.stop(summary)
    const traces = outcomes
      .filter((o) => o.result.trace !== undefined && o.role === "claim")
      .map((o) => `${o.scenario}/${o.check}\n${showTrace(o.result.trace!)}`)
    return {
      summary,
      sections: [
        {
          id: "verification",
          title: "Model checking (S15)",
          blocks: [
            table(
              ["scenario", "check", "role", "expected", "answer", "states"],
              outcomes.map((o) => [o.scenario, o.check, o.role, o.expected, o.result.status, o.result.stats.states]),
            ),
            ...(traces.length > 0 ? [paragraph("Counterexamples to the seed's claims (shortest traces; lassos for liveness):"), pre(traces.join("\n\n"))] : []),
          ],
        },
      ],
      json: outcomes.map((o) => ({ scenario: o.scenario, check: o.check, role: o.role, expected: o.expected, status: o.result.status, states: o.result.stats.states })),
      failures: unexpected.map((o) => `${o.scenario}/${o.check}: expected ${o.expected}, got ${o.result.status}`),
    }
  },
}
