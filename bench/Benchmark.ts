/**
 * The benchmark contract. A benchmark returns one result row; `bench/main.ts` prints all rows as a
 * table, or one JSON object per line with `--json`. Progress goes to stderr so stdout stays clean.
 */

/** One measured result: `name`, `unit`, `value`, plus any extra numbers worth reporting. */
export interface BenchResult {
  readonly name: string
  readonly unit: string
  readonly value: number
  readonly [extra: string]: unknown
}

export interface BenchOptions {
  /** `--quick`: smaller inputs, for a smoke run. */
  readonly quick: boolean
  /** Reports progress (a line on stderr, redrawn on a terminal). */
  readonly progress: (message: string) => void
}

export interface Benchmark {
  readonly name: string
  readonly description: string
  readonly run: (options: BenchOptions) => Promise<BenchResult> | BenchResult
}

/** Wall-clock seconds of `f`, with its result. */
export const timed = <T>(f: () => T): { readonly seconds: number; readonly result: T } => {
  const start = process.hrtime.bigint()
  const result = f()
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result }
}
