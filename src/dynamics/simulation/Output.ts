/**
 * A run's series as JSON rows, CSV, and an SVG chart (replicas, desired, load, V over time).
 *
 * @since 0.1.0
 */
import { lineChart } from "../../report/Chart.ts"
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
 * The run as an SVG line chart: ready replicas, pods, the HPA's desired, the reference, the load
 * (in cores, to share the axis) and V, sampled every 5 s.
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
  for (const r of seriesRows(trace, 5)) {
    rows.push({ t: r.t, quantity: "ready replicas", value: r.ready })
    rows.push({ t: r.t, quantity: "pods (incl. starting)", value: r.pods })
    rows.push({ t: r.t, quantity: "HPA desired", value: r.desired })
    rows.push({ t: r.t, quantity: "reference", value: r.reference })
    rows.push({ t: r.t, quantity: "load (cores)", value: r.load / 1000 })
    rows.push({ t: r.t, quantity: "V = (ready − reference)²", value: r.lyapunov })
  }
  return lineChart(title, rows, { x: "t", y: "value", series: "quantity", xTitle: "seconds", yTitle: "replicas / cores / V" })
}
