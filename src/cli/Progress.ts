import cliProgress from "cli-progress"

/**
 * Progress for long work on a terminal: a redrawn bar on a TTY (cli-progress), plain lines
 * otherwise (CI logs), nothing when quiet. Always on stderr, so `--json` output stays clean.
 *
 * @since 0.1.0
 */

/** Progress display for long steps: a bar on a terminal, one line per step otherwise. @since 0.1.0 @category model */
export interface Progress {
  /** Starts a step with a known amount of work (or 0 for unknown). */
  readonly start: (label: string, total: number) => void
  readonly update: (done: number, detail?: string) => void
  readonly stop: (summary: string) => void
}

/**
 * A progress display on `stream` (stderr by default): a bar on a terminal, a line per step otherwise, nothing when `quiet`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeProgress = (options: { readonly quiet?: boolean; readonly stream?: NodeJS.WriteStream } = {}): Progress => {
  const stream = options.stream ?? process.stderr
  if (options.quiet === true) return { start: () => {}, update: () => {}, stop: () => {} }
  if (stream.isTTY !== true) {
    let label = ""
    return {
      start: (l) => {
        label = l
        stream.write(`… ${l}\n`)
      },
      update: () => {},
      stop: (summary) => {
        stream.write(`✓ ${label}: ${summary}\n`)
      },
    }
  }
  let bar: cliProgress.SingleBar | undefined
  let label = ""
  return {
    start: (l, total) => {
      label = l
      bar = new cliProgress.SingleBar(
        { stream, format: `{label} [{bar}] {value}/{total} {detail}`, hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
      bar.start(Math.max(total, 1), 0, { label: l, detail: "" })
    },
    update: (done, detail = "") => bar?.update(done, { label, detail }),
    stop: (summary) => {
      bar?.stop()
      bar = undefined
      stream.write(`✓ ${label}: ${summary}\n`)
    },
  }
}
