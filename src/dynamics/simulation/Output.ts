/**
 * A run's series as JSON rows, CSV, and an SVG chart (replicas, desired, load, V over time).
 *
 * @since 0.1.0
 */
import { renderVegaLite } from "../../report/Chart.ts"
import type { Trace } from "./Step.ts"

/**
 * One second of a run.
 *
 * @since 0.1.0
 * @category model
 */
export interface SeriesRow {
  readonly t: number
  readonly load: number
  readonly reference: number
  readonly ready: number
  readonly pods: number
  readonly desired: number
  readonly lyapunov: number
}

const COLUMNS = ["t", "load", "reference", "ready", "pods", "desired", "lyapunov"] as const

/**
 * The trace as rows, every `every` seconds (1: all).
 *
 * @example
 * import { simulateAutoscaling, seriesRows } from "catcluster/dynamics/simulation"
 * seriesRows(simulateAutoscaling({ workload: "container", predictor: false, seed: 1, durationSeconds: 60 }).series, 15).length // 4
 *
 * @since 0.1.0
 * @category output
 */
export const seriesRows = (trace: Trace, every = 1): ReadonlyArray<SeriesRow> => {
  const rows: SeriesRow[] = []
  for (let t = 0; t < trace.load.length; t += every) {
    rows.push({
      t,
      load: Math.round(trace.load[t]!),
      reference: trace.reference[t]!,
      ready: trace.ready[t]!,
      pods: trace.pods[t]!,
      desired: trace.desired[t]!,
      lyapunov: trace.lyapunov[t]!,
    })
  }
  return rows
}

/**
 * The trace as CSV with a header line (`t,load,reference,ready,pods,desired,lyapunov`).
 *
 * @since 0.1.0
 * @category output
 */
export const seriesCsv = (trace: Trace): string => {
  const lines = [COLUMNS.join(",")]
  for (const r of seriesRows(trace)) lines.push(COLUMNS.map((c) => String(r[c])).join(","))
  return lines.join("\n") + "\n"
}

/**
 * The run as an SVG chart of two panels sharing the time axis: ready replicas, pods, the HPA's
 * desired, the reference and the load (in cores, to share the axis) above; V = (ready −
 * reference)² below (on its own scale, it dwarfs the rest). Sampled every 5 s.
 *
 * @example
 * import { simulateAutoscaling, autoscalingChart } from "catcluster/dynamics/simulation"
 * // const svg = await autoscalingChart(simulateAutoscaling({ workload: "vm", predictor: false, seed: 1 }).series)
 *
 * @since 0.1.0
 * @category output
 */
export const autoscalingChart = (trace: Trace, title = "HPA closed loop"): Promise<string> => {
  const rows: Array<Record<string, string | number>> = []
  const lyapunov: Array<Record<string, number>> = []
  for (const r of seriesRows(trace, 5)) {
    rows.push({ t: r.t, quantity: "ready replicas", value: r.ready })
    rows.push({ t: r.t, quantity: "pods (incl. starting)", value: r.pods })
    rows.push({ t: r.t, quantity: "HPA desired", value: r.desired })
    rows.push({ t: r.t, quantity: "reference", value: r.reference })
    rows.push({ t: r.t, quantity: "load (cores)", value: r.load / 1000 })
    lyapunov.push({ t: r.t, V: r.lyapunov })
  }
  const x = { field: "t", type: "quantitative" as const, title: "seconds" }
  return renderVegaLite({
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    vconcat: [
      {
        width: 560,
        height: 200,
        data: { values: rows },
        mark: { type: "line", interpolate: "step-after" },
        encoding: {
          x,
          y: { field: "value", type: "quantitative", title: "replicas / cores" },
          color: { field: "quantity", type: "nominal" },
        },
      },
      {
        width: 560,
        height: 90,
        data: { values: lyapunov },
        mark: { type: "line", interpolate: "step-after", color: "#b22" },
        encoding: { x, y: { field: "V", type: "quantitative", title: "V = (ready − ref)²" } },
      },
    ],
  })
}
