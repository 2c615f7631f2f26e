/**
 * Progress of a long search, for a person watching a terminal: states, states per second, BFS
 * depth. On a TTY the line is redrawn in place with `\r`; otherwise one plain line per report.
 * Searches take a {@link ProgressSink}; the default is silent, so tests print nothing.
 *
 * @since 0.1.0
 */

/**
 * A snapshot of a running search.
 *
 * @since 0.1.0
 * @category model
 */
export interface SearchProgress {
  readonly states: number
  readonly transitions: number
  readonly depth: number
  readonly seconds: number
  /** True on the last report of a search. */
  readonly done: boolean
}

/**
 * Receives progress snapshots (about once a second, and once at the end).
 *
 * @since 0.1.0
 * @category model
 */
export type ProgressSink = (progress: SearchProgress) => void

/**
 * The silent sink (the default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const silent: ProgressSink = () => undefined

/**
 * One line of progress text: `1,679,616 states  2,345,678 states/s  depth 40  0.7 s`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatProgress = (p: SearchProgress): string => {
  const rate = p.seconds > 0 ? Math.round(p.states / p.seconds) : 0
  return `${p.states.toLocaleString("en-US")} states  ${rate.toLocaleString("en-US")} states/s  depth ${p.depth}  ${p.seconds.toFixed(1)} s`
}

/**
 * A sink writing to a stream (stderr by default): redrawn with `\r` on a TTY, plain lines
 * otherwise. Searches shorter than a second print nothing.
 *
 * @example
 * import { check, terminalProgress } from "catcluster/verification"
 * // check(system, formula, { progress: terminalProgress("ip-pool") })
 *
 * @since 0.1.0
 * @category constructors
 */
export const terminalProgress = (
  label: string,
  stream: { readonly isTTY?: boolean; write: (text: string) => unknown } = process.stderr,
): ProgressSink => {
  const tty = stream.isTTY === true
  // a search that ends before its first periodic report stays silent
  let shown = false
  return (p) => {
    if (p.done && !shown) return
    shown = !p.done
    const line = `[${label}] ${formatProgress(p)}`
    if (tty) stream.write(p.done ? `\r\x1b[2K${line}\n` : `\r\x1b[2K${line}`)
    else stream.write(`${line}\n`)
  }
}
