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
  const compiled = compile(spec).spec
  const view = new vega.View(vega.parse(compiled), { renderer: "none" })
  try {
    return await view.toSVG()
  } finally {
    view.finalize()
  }
}

type Row = Record<string, string | number | boolean | null>

/**
 * A multi-series line chart: one line per `series` value, `x` against `y`.
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
  fields: { readonly x: string; readonly y: string; readonly series?: string; readonly xTitle?: string; readonly yTitle?: string },
): Promise<string> =>
  renderVegaLite({
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: 560,
    height: 220,
    data: { values: rows as Row[] },
    mark: { type: "line", interpolate: "step-after" },
    encoding: {
      x: { field: fields.x, type: "quantitative", title: fields.xTitle ?? fields.x },
      y: { field: fields.y, type: "quantitative", title: fields.yTitle ?? fields.y },
      ...(fields.series === undefined ? {} : { color: { field: fields.series, type: "nominal" } }),
    },
  })

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
        mark: { type: "text", dy: -10, fontSize: 10 },
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
      { mark: { type: "text", fontSize: 10 }, encoding: { text: { field: fields.value, type: "nominal" } } },
    ],
  })
