/**
 * The vocabulary of the claims ledger: every claim of the seed (SPEC IDs S1.1 … S15.7) gets a
 * verdict computed by code, with its evidence. This module is a leaf: every layer may use it,
 * it uses none.
 *
 * @since 0.1.0
 */

/**
 * - `holds`: checked and true.
 * - `fails`: checked and false (evidence: a counterexample, a residual, a trace).
 * - `ill-typed`: the claim as written does not type-check (e.g. a composite whose arrows do not meet).
 * - `inconsistent`: the seed's numbers contradict its own formula.
 * - `underdetermined`: the seed does not give the parameters needed; evidence names them.
 * - `modelled`: a model exists and runs; there is no yes/no claim to check.
 *
 * @since 0.1.0
 * @category model
 */
export type Verdict = "holds" | "fails" | "ill-typed" | "inconsistent" | "underdetermined" | "modelled"

/**
 * The computed outcome of checking one claim.
 *
 * @since 0.1.0
 * @category model
 */
export interface ClaimResult {
  readonly verdict: Verdict
  /** One or two sentences a person reads. */
  readonly summary: string
  /** Machine-readable evidence: counterexample, residual, trace, fitted parameters, ... */
  readonly evidence: unknown
}

/**
 * A claim of the seed with the function that checks it. `source` names the module and function
 * (or test) that computes the verdict, so a reader can find and rerun it.
 *
 * @since 0.1.0
 * @category model
 */
export interface ClaimCheck {
  readonly id: string
  readonly statement: string
  readonly source: string
  readonly check: () => ClaimResult | Promise<ClaimResult>
}
