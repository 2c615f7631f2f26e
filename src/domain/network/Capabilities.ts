/**
 * The seed's seven-dimension network capability table (S6.2) as data, beside its own mapping
 * functions of δ (δ = 0 container, δ = 1 VM). {@link tableMismatches} evaluates each function at
 * both δ and compares with the table's values.
 *
 * @since 0.1.0
 */

/** What a table cell states. @since 0.1.0 @category model */
export type Cell =
  | { readonly _tag: "Value"; readonly value: number }
  | { readonly _tag: "AtLeast"; readonly value: number }
  | { readonly _tag: "Range"; readonly min: number; readonly max: number }
  | { readonly _tag: "Text"; readonly text: string }

/** One row: the values and the mapping function (undefined when it is not a function of δ). @since 0.1.0 @category model */
export interface CapabilityRow {
  readonly dimension: string
  readonly metric: string
  readonly container: Cell
  readonly vm: Cell
  readonly formula: string
  /** The row as a function of δ (0 = container, 1 = VM), or undefined when it is not one. */
  readonly map: ((delta: 0 | 1) => number) | undefined
  /** How a text cell reads as a number, when the function is to be checked on it. */
  readonly reading?: { readonly container: number; readonly vm: number; readonly why: string }
}

const value = (v: number): Cell => ({ _tag: "Value", value: v })

/** The baseline throughput f_perf scales (the container's 9.5 Gbps). @since 0.1.0 @category constants */
export const BASELINE_GBPS = 9.5

/**
 * The table (seed part I §3.1).
 *
 * @since 0.1.0
 * @category capabilities
 */
export const capabilityTable: ReadonlyArray<CapabilityRow> = [
  { dimension: "isolation", metric: "network namespace isolation", container: value(1), vm: value(2), formula: "f_iso = 1 + δ", map: (d) => 1 + d },
  { dimension: "performance", metric: "throughput (Gbps)", container: value(9.5), vm: value(7.0), formula: "f_perf = baseline·(1 − 0.3δ)", map: (d) => BASELINE_GBPS * (1 - 0.3 * d) },
  { dimension: "latency", metric: "end-to-end latency (µs)", container: value(50), vm: value(200), formula: "f_lat = 50 + 150δ", map: (d) => 50 + 150 * d },
  { dimension: "density", metric: "endpoints per node", container: { _tag: "AtLeast", value: 1000 }, vm: { _tag: "Range", min: 100, max: 200 }, formula: "f_dense = 1000/(1 + 4δ)", map: (d) => 1000 / (1 + 4 * d) },
  { dimension: "compatibility", metric: "CNI plugins supported", container: { _tag: "AtLeast", value: 30 }, vm: { _tag: "AtLeast", value: 15 }, formula: "f_compat = count(CNI)", map: undefined },
  {
    dimension: "interop",
    metric: "cross-namespace communication",
    container: { _tag: "Text", text: "native" },
    vm: { _tag: "Text", text: "needs Multus" },
    formula: "f_interop = 1 − 0.5(1 − δ)",
    map: (d) => 1 - 0.5 * (1 - d),
    reading: { container: 1, vm: 0.5, why: "native support scores full (1), needing an add-on scores less (0.5)" },
  },
  { dimension: "security", metric: "network attack surface", container: value(2), vm: value(1), formula: "f_sec = 1/(1 + δ)", map: (d) => 1 / (1 + d) },
]

const fits = (cell: Cell, x: number, reading: number | undefined): boolean | undefined => {
  const eps = 1e-9
  switch (cell._tag) {
    case "Value":
      return Math.abs(cell.value - x) <= eps
    case "AtLeast":
      return x >= cell.value - eps
    case "Range":
      return x >= cell.min - eps && x <= cell.max + eps
    case "Text":
      return reading === undefined ? undefined : Math.abs(reading - x) <= eps
  }
}

/** The check of one cell. @since 0.1.0 @category model */
export interface CellCheck {
  readonly dimension: string
  readonly side: "container" | "vm"
  readonly stated: Cell
  readonly computed: number | undefined
  /** undefined: no function of δ, nothing to check. */
  readonly matches: boolean | undefined
}

/**
 * Every cell against its row's function.
 *
 * @since 0.1.0
 * @category capabilities
 */
export const checkCapabilityTable = (table: ReadonlyArray<CapabilityRow> = capabilityTable): ReadonlyArray<CellCheck> =>
  table.flatMap((row) =>
    (["container", "vm"] as const).map((side) => {
      const computed = row.map?.(side === "container" ? 0 : 1)
      return {
        dimension: row.dimension,
        side,
        stated: row[side],
        computed,
        matches: computed === undefined ? undefined : fits(row[side], computed, row.reading?.[side]),
      }
    }),
  )

/**
 * The cells whose function gives another value than the table.
 *
 * @example
 * import { tableMismatches } from "catcluster/domain/network"
 * tableMismatches()[0]
 * // { dimension: "performance", side: "vm", stated: { _tag: "Value", value: 7 }, computed: 6.65 (≈), matches: false }
 * tableMismatches().length // 5 for the seed's table
 *
 * @since 0.1.0
 * @category capabilities
 */
export const tableMismatches = (table: ReadonlyArray<CapabilityRow> = capabilityTable): ReadonlyArray<CellCheck> => checkCapabilityTable(table).filter((c) => c.matches === false)
