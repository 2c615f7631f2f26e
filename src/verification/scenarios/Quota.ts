/**
 * S9.4 — □(Σ used ≤ hardLimit) and □(Σ requested ≤ softLimit) under ResourceQuota admission.
 *
 * The model: pods with cpu requests in one namespace with a ResourceQuota `hard` limit. A pod is
 * Absent, Admitted (the admission check passed, the quota's `status.used` not yet written) or
 * Running. Σ used is the sum of the requests of the pods that exist (Admitted or Running).
 *
 * - `atomic` admission: check and increment of `status.used` in one step (what the quota
 *   admission plugin gets from optimistic concurrency on the ResourceQuota object: a stale write
 *   fails with a conflict and is retried);
 * - `check-then-act`: the check reads `status.used`, the increment is a separate step; two
 *   admissions interleave on the same stale value (the race optimistic concurrency prevents).
 *
 * Kubernetes has no soft limit: nothing in admission looks at it, so the second invariant fails
 * whenever the hard limit lets requests pass it.
 *
 * @since 0.1.0
 */
import { always } from "../Formula.ts"
import { guarded, type Command, type GuardedSystem } from "../Guarded.ts"
import { proposition, type Proposition } from "../TransitionSystem.ts"
import type { Scenario } from "./Scenario.ts"

/**
 * Parameters of the quota model.
 *
 * @since 0.1.0
 * @category model
 */
export interface QuotaConfig {
  readonly requests: ReadonlyArray<number>
  readonly hard: number
  readonly soft: number
  readonly admission: "atomic" | "check-then-act"
}

/**
 * The quota model with its propositions.
 *
 * @since 0.1.0
 * @category model
 */
export interface QuotaSystem extends GuardedSystem {
  readonly usedWithinHard: Proposition
  readonly requestedWithinSoft: Proposition
}

const [ABSENT, ADMITTED, RUNNING] = [0, 1, 2] as const

/**
 * Builds the quota model.
 *
 * @example
 * import { always, check, quotaSystem, showTrace } from "catcluster/verification"
 * const racy = quotaSystem({ requests: [2, 2], hard: 3, soft: 3, admission: "check-then-act" })
 * const result = check(racy, always(racy.usedWithinHard))
 * result.status              // "violated": both pods admitted against the same status.used = 0
 * showTrace(result.trace!)   // (init) → admit pod0 → admit pod1
 * const atomic = quotaSystem({ requests: [2, 2], hard: 3, soft: 3, admission: "atomic" })
 * check(atomic, always(atomic.usedWithinHard)).status // "holds"
 *
 * @since 0.1.0
 * @category constructors
 */
export const quotaSystem = (config: QuotaConfig): QuotaSystem => {
  const n = config.requests.length
  const total = config.requests.reduce((a, b) => a + b, 0)
  const USED = n // the quota object's status.used field comes after the pods
  const commands: Command[] = []
  config.requests.forEach((request, p) => {
    if (config.admission === "atomic") {
      commands.push({
        action: `create pod${p}`,
        guard: (s) => s.get(p) === ABSENT && s.get(USED) + request <= config.hard,
        update: (s, t) => (t.set(p, RUNNING), t.set(USED, s.get(USED) + request)),
      })
    } else {
      commands.push({
        action: `admit pod${p}`,
        guard: (s) => s.get(p) === ABSENT && s.get(USED) + request <= config.hard,
        update: (_, t) => t.set(p, ADMITTED),
      })
      commands.push({
        action: `record pod${p}`,
        fair: true,
        guard: (s) => s.get(p) === ADMITTED,
        update: (s, t) => (t.set(p, RUNNING), t.set(USED, Math.min(total, s.get(USED) + request))),
      })
    }
    commands.push({
      action: `delete pod${p}`,
      guard: (s) => s.get(p) === RUNNING,
      update: (s, t) => (t.set(p, ABSENT), t.set(USED, s.get(USED) - request)),
    })
  })
  const system = guarded({
    name: `quota(requests [${config.requests.join(",")}], hard ${config.hard}, soft ${config.soft}, ${config.admission})`,
    fields: [
      ...config.requests.map((r, p) => ({ name: `pod${p}(cpu ${r})`, values: 3, names: ["Absent", "Admitted", "Running"] })),
      { name: "status.used", values: total + 1 },
    ],
    initial: [[...config.requests.map(() => ABSENT), 0]],
    commands,
  })
  const existing = (w: Int32Array, at: number): number => {
    let sum = 0
    for (let p = 0; p < n; p++) if (system.read(w, at, p) !== ABSENT) sum += config.requests[p]!
    return sum
  }
  return {
    ...system,
    usedWithinHard: proposition(`Σ used ≤ hard (${config.hard})`, (w, at) => existing(w, at) <= config.hard),
    requestedWithinSoft: proposition(`Σ requested ≤ soft (${config.soft})`, (w, at) => existing(w, at) <= config.soft),
  }
}

const base: QuotaConfig = { requests: [2, 2, 3], hard: 5, soft: 4, admission: "atomic" }

/**
 * The S9.4 scenario.
 *
 * @since 0.1.0
 * @category scenarios
 */
export const quota: Scenario = {
  name: "quota",
  claims: ["S9.4"],
  title: "□(Σ used ≤ hardLimit) and □(Σ requested ≤ softLimit) under quota admission",
  checks: [
    {
      name: "atomic-admission/used-within-hard",
      build: () => {
        const system = quotaSystem(base)
        return { system, formula: always(system.usedWithinHard) }
      },
      expected: "holds",
      role: "claim",
      because: "admission checks and records usage in one step (optimistic concurrency on the quota)",
    },
    {
      name: "check-then-act/used-within-hard",
      build: () => {
        const system = quotaSystem({ ...base, admission: "check-then-act" })
        return { system, formula: always(system.usedWithinHard) }
      },
      expected: "violated",
      role: "control",
      because: "two admissions pass on the same stale status.used before either records its usage",
    },
    {
      name: "atomic-admission/requested-within-soft",
      build: () => {
        const system = quotaSystem(base)
        return { system, formula: always(system.requestedWithinSoft) }
      },
      expected: "violated",
      role: "claim",
      because: "admission enforces only the hard limit; nothing keeps requests under a soft limit below it",
    },
  ],
}
