import { checkDecoded } from "./check/checkModel.ts"
import { printReport } from "./check/CheckReport.ts"
import { paragraph, pre, table } from "../report/Html.ts"
import { failures, holds } from "../laws/Verdict.ts"
import type { Step } from "./Step.ts"
import type { Context } from "./steps.ts"
import { userCluster } from "./userCluster.ts"

/**
 * The main job's law step: the same checks `catcluster check` runs in a user's CI (resources,
 * Φ/Ψ fit, σ capacity, footprint laws, the S1.4 residual per VMI), on the model at hand.
 *
 * @since 0.1.0
 * @category steps
 */
export const lawsStep: Step<Context> = {
  name: "laws",
  run: (ctx) => {
    const uc = userCluster(ctx)
    const report = checkDecoded(ctx.model, uc.manifests, uc.model)
    const laws = report.suites.flatMap((s) => s.verdict.laws.map((l) => ({ suite: s.verdict.suite, l })))
    const failed = report.suites.flatMap((s) => failures(s.verdict).map((f) => `${s.verdict.suite}: ${f.law} — ${f.counterexample.input}: ${f.counterexample.message}`))
    const counted = (l: (typeof laws)[number]["l"]) =>
      l._tag === "NotApplicable" ? "–" : l.coverage.mode === "exhaustive" ? `${l.coverage.cases} (exhaustive)` : `${l.coverage.runs} runs, seed ${l.coverage.seed}`
    const summary = `${laws.filter((x) => x.l._tag === "Holds").length} laws hold, ${failed.length} fail, ${laws.filter((x) => x.l._tag === "NotApplicable").length} not applicable over ${report.suites.length} suites`
    return {
      summary,
      sections: [
        {
          id: "laws",
          title: "Laws on the model",
          blocks: [
            paragraph("The checks `catcluster check` runs in a user's CI, on this model: every case is enumerated (finite carriers), so a law that holds has been checked on every object of the model."),
            table(
              ["suite", "law", "statement", "verdict", "cases"],
              laws.map(({ suite, l }) => [suite, l.law, l.statement, l._tag === "Holds" ? "holds" : l._tag === "Fails" ? "FAILS" : "not applicable", counted(l)]),
            ),
            pre(printReport(report)),
          ],
        },
      ],
      json: { suites: report.suites.map((s) => ({ suite: s.verdict.suite, subject: s.verdict.subject, holds: holds(s.verdict), notes: s.notes })), notModelled: report.notModelled.length },
      failures: failed,
    }
  },
}
