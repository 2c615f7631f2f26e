import * as vega from "vega"
import { compile, type TopLevelSpec } from "vega-lite"

/**
 * Charts as standalone SVG strings, rendered by Vega-Lite + Vega in Node without a browser or
 * native canvas (text widths are estimated, which is fine for reports).
 *
 * @since 0.1.0
 */

/**
 * Renders any Vega-Lite spec to an SVG string.
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderVegaLite = async (spec: TopLevelSpec): Promise<string> => {
  const compiled = compile({ ...spec, config: { ...chartConfig, ...spec.config } } as TopLevelSpec).spec
  const view = new vega.View(vega.parse(compiled), { renderer: "none" })
  try {
    return await view.toSVG()
  } finally {
    view.finalize()
  }
}

/**
 * One type scale for every chart: nothing under 12 px at natural size (the report lets a picture
 * shrink until its smallest text is 10 px, then scrolls it), and legend labels never truncated.
 *
 * @since 0.1.0
 * @category constants
 */
export const chartConfig = {
  font: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
  title: { fontSize: 15, fontWeight: 600, anchor: "start", offset: 10, subtitleFontSize: 13 },
  axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 600, labelLimit: 240 },
  legend: { labelFontSize: 12, titleFontSize: 13, labelLimit: 1000, titleLimit: 1000, symbolSize: 120 },
  header: { labelFontSize: 12, titleFontSize: 13 },
  text: { fontSize: 12 },
  view: { stroke: "#d8dde5" },
} as const

type Row = Record<string, string | number | boolean | null>

/**
 * A multi-series line chart: one line per `series` value (in `seriesOrder` when given), `x`
 * against `y`; `points` marks every sample (for short series), `rule` draws a labelled
 * horizontal threshold.
 *
 * @example
 * import { lineChart } from "catcluster/report"
 * // await lineChart("Replicas", rows, { x: "t", y: "value", series: "quantity" })
 *
 * @since 0.1.0
 * @category charts
 */
export const lineChart = (
  title: string,
  rows: ReadonlyArray<Row>,
  fields: {
    readonly x: string
    readonly y: string
    readonly series?: string
    readonly seriesOrder?: ReadonlyArray<string>
    readonly seriesTitle?: string
    readonly xTitle?: string
    readonly yTitle?: string
    readonly points?: boolean
    readonly interpolate?: "step-after" | "linear"
    /** `symlog` spreads a series that spans a few seconds and a few hundred (0 stays at 0). */
    readonly xScale?: "linear" | "symlog"
    /** Where the x axis puts its ticks (default: Vega's choice, which suits linear scales only). */
    readonly xTicks?: ReadonlyArray<number>
    readonly rule?: { readonly y: number; readonly label: string }
  },
): Promise<string> => {
  const line = {
    mark: { type: "line" as const, interpolate: fields.interpolate ?? "step-after", ...(fields.points === true ? { point: true } : {}) },
    encoding: {
      x: { field: fields.x, type: "quantitative" as const, title: fields.xTitle ?? fields.x, ...(fields.xScale === undefined ? {} : { scale: { type: fields.xScale } }), ...(fields.xTicks === undefined ? {} : { axis: { values: [...fields.xTicks] } }) },
      y: { field: fields.y, type: "quantitative" as const, title: fields.yTitle ?? fields.y },
      ...(fields.series === undefined
        ? {}
        : { color: { field: fields.series, type: "nominal" as const, title: fields.seriesTitle ?? fields.series, ...(fields.seriesOrder === undefined ? {} : { sort: [...fields.seriesOrder] }) } }),
    },
  }
  const rule = fields.rule
  return renderVegaLite({
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: 560,
    height: 240,
    data: { values: rows as Row[] },
    ...(rule === undefined
      ? line
      : {
          layer: [
            line,
            { data: { values: [{ y: rule.y }] }, mark: { type: "rule", strokeDash: [4, 4], color: "#555" }, encoding: { y: { field: "y", type: "quantitative" } } },
            {
              data: { values: [{ y: rule.y, label: rule.label }] },
              mark: { type: "text", align: "right", baseline: "bottom", dy: -3, x: "width", color: "#333" },
              encoding: { y: { field: "y", type: "quantitative" }, text: { field: "label", type: "nominal" } },
            },
          ],
        }),
  } as TopLevelSpec)
}

/**
 * A bar chart of `value` per `category`, optionally grouped by colour.
 *
 * @since 0.1.0
 * @category charts
 */
export const barChart = (
  title: string,
  rows: ReadonlyArray<Row>,
  fields: { readonly category: string; readonly value: string; readonly group?: string },
): Promise<string> =>
  renderVegaLite({
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: 420,
    height: 200,
    data: { values: rows as Row[] },
    mark: "bar",
    encoding: {
      x: { field: fields.category, type: "nominal", sort: null },
      y: { field: fields.value, type: "quantitative" },
      ...(fields.group === undefined ? {} : { color: { field: fields.group, type: "nominal" }, xOffset: { field: fields.group } }),
    },
  })

/**
 * A scatter plot with labels, e.g. a Pareto frontier with dominated points marked.
 *
 * @since 0.1.0
 * @category charts
 */
export const scatterChart = (
  title: string,
  rows: ReadonlyArray<Row>,
  fields: { readonly x: string; readonly y: string; readonly label: string; readonly colour: string },
): Promise<string> =>
  renderVegaLite({
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: 420,
    height: 260,
    data: { values: rows as Row[] },
    layer: [
      {
        mark: { type: "point", filled: true, size: 90 },
        encoding: {
          x: { field: fields.x, type: "quantitative", scale: { zero: false, padding: 20 } },
          y: { field: fields.y, type: "quantitative", scale: { zero: false, padding: 20 } },
          color: { field: fields.colour, type: "nominal" },
        },
      },
      {
        mark: { type: "text", dy: -12, fontSize: 12 },
        encoding: {
          x: { field: fields.x, type: "quantitative" },
          y: { field: fields.y, type: "quantitative" },
          text: { field: fields.label, type: "nominal" },
        },
      },
    ],
  })

/**
 * A heat map: `value` at (`x`, `y`), with the number written in each cell (the scheduler's
 * explain table: nodes × plugins).
 *
 * @since 0.1.0
 * @category charts
 */
export const heatMap = (
  title: string,
  rows: ReadonlyArray<Row>,
  fields: { readonly x: string; readonly y: string; readonly value: string },
): Promise<string> =>
  renderVegaLite({
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: { step: 56 },
    height: { step: 22 },
    data: { values: rows as Row[] },
    encoding: {
      x: { field: fields.x, type: "nominal", sort: null },
      y: { field: fields.y, type: "nominal", sort: null },
    },
    layer: [
      { mark: "rect", encoding: { color: { field: fields.value, type: "quantitative", scale: { scheme: "blues" } } } },
      { mark: { type: "text", fontSize: 12 }, encoding: { text: { field: fields.value, type: "nominal" } } },
    ],
  })
