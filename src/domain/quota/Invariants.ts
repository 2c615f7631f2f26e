import * as fc from "fast-check"
import * as E from "fp-ts/lib/Either.js"
import type { RunConfig } from "../../laws/RunConfig.ts"
import { release, type Amounts, type QuotaRequest, type QuotaState, type Rejection } from "./Admission.ts"

/**
 * The quota invariants □(Σ used ≤ hard) and □(Σ requested ≤ soft) as properties of random
 * create/delete sequences run through an admission function; fast-check shrinks a failing
 * sequence to a minimal one.
 *
 * Kubernetes has no soft limit: the seed's softLimit is a second bound admission never consults,
 * so the second invariant holds only when soft ≥ hard (or the admission also checks it).
 *
 * @since 0.1.0
 */

/** An admission function: the quota after the request, or why not. @since 0.1.0 @category model */
export type Admission = (quota: QuotaState, req: QuotaRequest) => E.Either<Rejection, QuotaState>

/** One step of a sequence. @since 0.1.0 @category model */
export type QuotaEvent = { readonly _tag: "Create"; readonly request: QuotaRequest } | { readonly _tag: "Delete"; readonly index: number }

/** Where an invariant broke. @since 0.1.0 @category model */
export interface InvariantViolation {
  readonly invariant: "used ≤ hard" | "requested ≤ soft"
  readonly step: number
  readonly resource: string
  readonly value: bigint
  readonly bound: bigint
}

const sum = (reqs: ReadonlyArray<QuotaRequest>, resource: string): bigint => reqs.reduce((s, r) => s + (r.requests[resource] ?? 0n), 0n)

/**
 * Runs a sequence from an empty quota with the given hard and soft limits; returns the first
 * violation (checked after every step) or undefined.
 *
 * @since 0.1.0
 * @category invariants
 */
export const runQuotaEvents = (admission: Admission, hard: Amounts, soft: Amounts, events: ReadonlyArray<QuotaEvent>): InvariantViolation | undefined => {
  let quota: QuotaState = { hard, used: {} }
  let live: QuotaRequest[] = []
  for (let step = 0; step < events.length; step++) {
    const ev = events[step] as QuotaEvent
    if (ev._tag === "Create") {
      const r = admission(quota, ev.request)
      if (E.isRight(r)) {
        quota = r.right
        live = [...live, ev.request]
      }
    } else if (live.length > 0) {
      const i = ev.index % live.length
      quota = release(quota, live[i] as QuotaRequest)
      live = live.filter((_, k) => k !== i)
    }
    for (const resource of Object.keys(hard)) {
      const used = quota.used[resource] ?? 0n
      const h = hard[resource] as bigint
      if (used > h) return { invariant: "used ≤ hard", step, resource, value: used, bound: h }
    }
    for (const resource of Object.keys(soft)) {
      const requested = sum(live, resource)
      const s = soft[resource] as bigint
      if (requested > s) return { invariant: "requested ≤ soft", step, resource, value: requested, bound: s }
    }
  }
  return undefined
}

/**
 * Random create/delete sequences over cpu (milli-cores) and memory (MiB units) requests.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const quotaEventsArbitrary: fc.Arbitrary<ReadonlyArray<QuotaEvent>> = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ cpu: fc.integer({ min: 0, max: 1500 }), mem: fc.integer({ min: 0, max: 2048 }), kind: fc.constantFrom("Pod" as const, "VMI" as const), priority: fc.integer({ min: 0, max: 3 }) }).map(
      ({ cpu, mem, kind, priority }, ): QuotaEvent => ({ _tag: "Create", request: { name: `${kind.toLowerCase()}-${cpu}-${mem}`, kind, requests: { "requests.cpu": BigInt(cpu), "requests.memory": BigInt(mem) }, priority } }),
    ) },
    { weight: 1, arbitrary: fc.nat(20).map((index): QuotaEvent => ({ _tag: "Delete", index })) },
  ),
  { maxLength: 30 },
)

/** The outcome of a property run. @since 0.1.0 @category model */
export type InvariantVerdict =
  | { readonly _tag: "Holds"; readonly runs: number; readonly seed: number }
  | { readonly _tag: "Fails"; readonly seed: number; readonly counterexample: ReadonlyArray<QuotaEvent>; readonly violation: InvariantViolation }

/**
 * Checks both invariants on random sequences (seeded), with a shrunk counterexample on failure.
 *
 * @example
 * import { admit, checkQuotaInvariants } from "catcluster/domain/quota"
 * import { runConfig } from "catcluster/laws"
 * checkQuotaInvariants(admit(), { "requests.cpu": 4000n }, { "requests.cpu": 4000n }, runConfig(100))._tag // "Holds"
 *
 * @since 0.1.0
 * @category invariants
 */
export const checkQuotaInvariants = (admission: Admission, hard: Amounts, soft: Amounts, config: RunConfig): InvariantVerdict => {
  const result = fc.check(
    fc.property(quotaEventsArbitrary, (events) => runQuotaEvents(admission, hard, soft, events) === undefined),
    { seed: config.seed, numRuns: config.numRuns },
  )
  if (!result.failed || result.counterexample === null) return { _tag: "Holds", runs: result.numRuns, seed: config.seed }
  const [events] = result.counterexample
  return { _tag: "Fails", seed: config.seed, counterexample: events, violation: runQuotaEvents(admission, hard, soft, events) as InvariantViolation }
}

/**
 * A buggy admission that compares the usage *before* adding the request (used ≤ hard instead of
 * used + requested ≤ hard): one large request overshoots.
 *
 * @since 0.1.0
 * @category invariants
 */
export const admitBeforeAdding: Admission = (quota, req) => {
  const used: Record<string, bigint> = { ...quota.used }
  for (const resource of Object.keys(quota.hard)) {
    const now = quota.used[resource] ?? 0n
    if (now > (quota.hard[resource] as bigint)) return E.left({ _tag: "ExceededQuota", request: req.name, resource, requested: req.requests[resource] ?? 0n, used: now, hard: quota.hard[resource] as bigint, status: 403 })
    used[resource] = now + (req.requests[resource] ?? 0n)
  }
  return E.right({ hard: quota.hard, used })
}
