import { containerHealth, healthStates, seedHealthChain, vmHealth } from "../dynamics/markov/Health.ts"
import { show as showRational, toNumber } from "../dynamics/markov/Rational.ts"
import { stationaryExact } from "../dynamics/markov/Stationary.ts"
import { describeOutcome, migrationDefaults, simulateMigration } from "../dynamics/migration/PreCopy.ts"
import { autoscalingChart, simulateAutoscaling } from "../dynamics/simulation/index.ts"
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

/** S12: the HPA closed loop for containers and VMs, with and without the Smith predictor. @since 0.1.0 @category steps */
export const autoscalingStep: Step<Context> = {
  name: "autoscaling",
  run: async (ctx, progress) => {
    const durationSeconds = 1800
    const runs = (["container", "vm"] as const).flatMap((workload) => [false, true].map((predictor) => ({ workload, predictor })))
    progress.start("autoscaling simulations", runs.length * durationSeconds)
    const results = runs.map((r, i) =>
      simulateAutoscaling({ ...r, seed: ctx.seed, durationSeconds, onProgress: (done) => progress.update(i * durationSeconds + done, `${r.workload}${r.predictor ? " + Smith" : ""}`) }),
    )
    const rows = results.map((r) => {
      const p = r.performance
      return [
        `${r.workload}${r.predictor ? " + Smith predictor" : ", HPA"}`,
        p.reactionSeconds ?? "never",
        `${p.overshootReplicas} (${p.overshootPercent.toFixed(0)} %)`,
        p.settlingSeconds ?? "never",
        p.wastedReplicaSeconds,
        p.sloViolationSeconds,
        `${p.lyapunov.decreasingSeconds} / ${p.lyapunov.flatSeconds} / ${p.lyapunov.increasingSeconds}`,
      ]
    })
    const vm = results[2]!
    const vmSmith = results[3]!
    const charts = await Promise.all([autoscalingChart(vm.series, "VM workload, HPA"), autoscalingChart(vmSmith.series, "VM workload, Smith predictor")])
    const summary = `VM reaction ${vm.performance.reactionSeconds ?? "never"} s (HPA) vs ${vmSmith.performance.reactionSeconds ?? "never"} s (Smith); container ${results[0]!.performance.reactionSeconds ?? "never"} s`
    progress.stop(summary)
    return {
      summary,
      sections: [
        {
          id: "autoscaling",
          title: "Autoscaling with dead time (S12)",
          blocks: [
            paragraph(
              `The Kubernetes v1.35 HPA every 15 s on a step load, replicas ready after a sampled start-up latency (seed ${ctx.seed}, ${durationSeconds} s). V = (replicas − desired)² is the seed's Lyapunov candidate (S12.2); the columns count seconds where it falls, stays flat and rises.`,
            ),
            table(["run", "reaction (s)", "overshoot", "settling (s)", "wasted replica-s", "SLO-violation s", "V falls / flat / rises (s)"], rows),
            figure(charts[0]!, "VM workload with the plain HPA: replicas, desired, load and V over time."),
            figure(charts[1]!, "VM workload with the Smith predictor (S12.3)."),
          ],
        },
      ],
      json: results.map((r) => ({ workload: r.workload, predictor: r.predictor, seed: r.seed, performance: r.performance })),
      failures: [],
    }
  },
}
