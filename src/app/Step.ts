import type { Progress } from "../cli/Progress.ts"
import type { Section } from "../report/Html.ts"

/**
 * One step of the main job. Steps run in order; each reads what earlier steps left in the
 * context and contributes a terminal summary line, report sections and JSON.
 *
 * @since 0.1.0
 */

/** What a step contributes: a summary line, report sections, JSON and failures. @since 0.1.0 @category model */
export interface StepResult {
  /** One line for the terminal summary. */
  readonly summary: string
  readonly sections: ReadonlyArray<Section>
  /** This step's part of `out/report.json`. */
  readonly json: unknown
  /** Laws or invariants that were expected to hold and did not (exit code 1). */
  readonly failures: ReadonlyArray<string>
  /** What the input lacks or holds unmodelled, said on stderr as warnings (the run goes on). */
  readonly warnings?: ReadonlyArray<string>
}

/** One named step of the main job and how to run it on the shared context. @since 0.1.0 @category model */
export interface Step<Ctx> {
  readonly name: string
  readonly run: (ctx: Ctx, progress: Progress) => Promise<StepResult> | StepResult
}
