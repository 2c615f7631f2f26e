/**
 * Counterexample traces, decoded for a person: each step is the action taken and the state
 * reached. A safety violation is a finite path; a liveness violation is a *lasso*: a finite
 * prefix to a loop entry, then a cycle that returns to it and repeats forever. A state with no
 * successors loops by stuttering (the action `(stutter)`).
 *
 * @since 0.1.0
 */
import type { TransitionSystem } from "./TransitionSystem.ts"

/**
 * One step of a trace.
 *
 * @since 0.1.0
 * @category model
 */
export interface TraceStep {
  /** The action that led here (`(init)` for the first state). */
  readonly action: string
  readonly state: Readonly<Record<string, string | number | boolean>>
}

/**
 * A counterexample: `prefix` from an initial state; for a lasso, `cycle` follows the last prefix
 * state and ends back at it.
 *
 * @since 0.1.0
 * @category model
 */
export interface Trace {
  readonly prefix: ReadonlyArray<TraceStep>
  readonly cycle: ReadonlyArray<TraceStep>
}

/** Label shown for the first state of a trace. @since 0.1.0 @category constants */
export const INIT = "(init)"
/** Label shown for a stutter step (staying in a quiet state forever). @since 0.1.0 @category constants */
export const STUTTER = "(stutter)"

/**
 * Decodes a path of state indices with the action labels of each step.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decodeSteps = (
  system: TransitionSystem,
  states: Int32Array,
  indices: ReadonlyArray<number>,
  actions: ReadonlyArray<string>,
): ReadonlyArray<TraceStep> =>
  indices.map((index, k) => ({ action: actions[k] ?? INIT, state: system.describe(states, index * system.width) }))

/**
 * Shows a trace as numbered lines: `3. migrate.0 → vm0=Migrating vm1=Stopped`, with the cycle
 * marked.
 *
 * @example
 * import { always, check, quotaSystem, showTrace } from "catcluster/verification"
 * const racy = quotaSystem({ requests: [2, 2], hard: 3, soft: 3, admission: "check-then-act" })
 * showTrace(check(racy, always(racy.usedWithinHard)).trace!)
 * //   0. (init)             pod0(cpu 2)=Absent pod1(cpu 2)=Absent status.used=0
 * //   1. admit pod0         pod0(cpu 2)=Admitted pod1(cpu 2)=Absent status.used=0
 * //   2. admit pod1         pod0(cpu 2)=Admitted pod1(cpu 2)=Admitted status.used=0
 *
 * @since 0.1.0
 * @category formatting
 */
export const showTrace = (trace: Trace): string => {
  const line = (step: TraceStep, k: number): string =>
    `${String(k).padStart(3)}. ${step.action.padEnd(18)} ${Object.entries(step.state)
      .map(([key, v]) => `${key}=${String(v)}`)
      .join(" ")}`
  const lines = trace.prefix.map(line)
  if (trace.cycle.length > 0) {
    lines.push("     -- cycle (repeats forever) --")
    trace.cycle.forEach((s, k) => lines.push(line(s, trace.prefix.length + k)))
  }
  return lines.join("\n")
}
