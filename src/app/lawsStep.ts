import { checkDecoded } from "./check/checkModel.ts"
import { printReport } from "./check/CheckReport.ts"
import { paragraph, pre, table } from "../report/Html.ts"
import { checkedCases, countsText, countVerdicts, failures, nothingFails, unchecked } from "../laws/Verdict.ts"
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
    const failed = report.suites.flatMap((s) => [
      ...failures(s.verdict).map((f) => `${s.verdict.suite}: ${f.law} — ${f.counterexample.input}: ${f.counterexample.message}`),
      ...unchecked(s.verdict).map((u) => `${s.verdict.suite}: ${u.law} — checked nothing: ${u.reason}`),
    ])
    const counted = (l: (typeof laws)[number]["l"]) =>
      l._tag === "NotApplicable" ? "–" : l.coverage.mode === "exhaustive" ? `${l.coverage.cases} (exhaustive)` : `${checkedCases(l.coverage)} runs, seed ${l.coverage.seed}`
    const verdictText = { Holds: "holds", Fails: "FAILS", Unchecked: "UNCHECKED", NotApplicable: "not applicable" } as const
    const summary = `laws: ${countsText(countVerdicts(laws.map((x) => x.l)))} over ${report.suites.length} suites`
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
              laws.map(({ suite, l }) => [suite, l.law, l.statement, verdictText[l._tag], counted(l)]),
            ),
            pre(printReport(report)),
          ],
        },
      ],
      json: { suites: report.suites.map((s) => ({ suite: s.verdict.suite, subject: s.verdict.subject, holds: nothingFails(s.verdict), notes: s.notes })), notModelled: report.notModelled.length },
      failures: failed,
    }
  },
}
