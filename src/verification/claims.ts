/**
 * Computed verdicts for the seed's verification claims (S15.1–S15.7), S9.4 and the first
 * invariant of S13.2. Each verdict comes from running the checker on the scenario models:
 * the `claim` checks of a scenario (configurations Kubernetes allows) decide it; `control`
 * checks (deliberate bugs, idealisations) are reported as evidence that the checker catches
 * what it should, never as the verdict.
 *
 * @since 0.1.0
 */
import type { ClaimCheck, ClaimResult } from "../claims/Claim.ts"
import { checkGalois, type GaloisReport } from "./Galois.ts"
import { checkCountingExact, countingAbstraction, seedPod, stateSpaceGrowth } from "./Counting.ts"
import { ipPool } from "./scenarios/IpPool.ts"
import { migrationLiveness } from "./scenarios/MigrationLiveness.ts"
import { migrationSource } from "./scenarios/MigrationSource.ts"
import { pendingVm, podFitsNode } from "./scenarios/Placement.ts"
import { quota } from "./scenarios/Quota.ts"
import { runScenario, type Scenario, type ScenarioOutcome } from "./scenarios/Scenario.ts"
import { serviceHealth } from "./scenarios/ServiceHealth.ts"
import { showTrace } from "./Trace.ts"

/**
 * One scenario outcome as evidence: the answer, the search size, and the trace as lines.
 *
 * @since 0.1.0
 * @category evidence
 */
export const outcomeEvidence = (o: ScenarioOutcome) => ({
  check: `${o.scenario}/${o.check}`,
  role: o.role,
  system: o.result.system,
  formula: o.result.formula,
  status: o.result.status,
  expected: o.expected,
  because: o.because,
  states: o.result.stats.states,
  transitions: o.result.stats.transitions,
  ...(o.result.trace === undefined ? {} : { trace: showTrace(o.result.trace).split("\n") }),
})

/**
 * The verdict of scenario-based claims: `fails` when a claim check is violated, `holds` when all
 * hold, `underdetermined` when a search was cut short.
 *
 * @since 0.1.0
 * @category verdicts
 */
export const scenarioVerdict = (scenarios: ReadonlyArray<Scenario>, summaries: { readonly holds: string; readonly fails: string }): ClaimResult => {
  const outcomes = scenarios.flatMap((s) => runScenario(s))
  const decisive = outcomes.filter((o) => o.role === "claim")
  const evidence = outcomes.map(outcomeEvidence)
  if (decisive.some((o) => o.result.status === "unknown")) {
    return { verdict: "underdetermined", summary: "a search hit its state bound before an answer", evidence }
  }
  const violated = decisive.filter((o) => o.result.status === "violated")
  const controls = outcomes
    .filter((o) => o.role === "control")
    .map((o) => `${o.check}: ${o.result.status}${o.result.trace === undefined ? "" : ` in ${o.result.trace.prefix.length - 1} steps`}`)
  const tail = controls.length === 0 ? "" : `; controls: ${controls.join(", ")}`
  return violated.length > 0
    ? { verdict: "fails", summary: `${summaries.fails} (counterexample: ${violated.map((o) => `${o.scenario}/${o.check}`).join(", ")})${tail}`, evidence }
    : { verdict: "holds", summary: `${summaries.holds}${tail}`, evidence }
}

const lawsHold = (r: GaloisReport): boolean =>
  r.adjunction.holds && r.alphaMonotone.holds && r.gammaMonotone.holds && r.extensive.holds && r.reductive.holds

/**
 * S15.5: the counting abstraction is a Galois insertion (α∘γ = id) on powersets, for n pods
 * with 2 and 3 local states, and exact for the product's dynamics.
 *
 * @since 0.1.0
 * @category checks
 */
export const checkAbstraction = (): ClaimResult => {
  const cases = [
    [2, 2],
    [3, 2],
    [2, 3],
  ] as const
  const reports = cases.map(([n, k]) => {
    const ca = countingAbstraction(n, k, seedPod(k === 3).states)
    const report = checkGalois(ca.connection)
    // the seed's pointwise γ (a representative): α∘γ = id pointwise, γ∘α ≠ id
    let pointwiseSection = true
    for (let a = 0; a < ca.abstractStates; a++) if (ca.countOf(ca.representative(a)) !== a) pointwiseSection = false
    return { n, k, concreteStates: ca.concreteStates, abstractStates: ca.abstractStates, report, pointwiseSection }
  })
  const dynamics = [2, 3].flatMap((k) => [2, 4, 6].map((n) => ({ n, k, ...checkCountingExact(seedPod(k === 3), n) })))
  const holds = reports.every((r) => lawsHold(r.report) && r.report.insertion.holds && r.pointwiseSection) && dynamics.every((d) => d.exact)
  return {
    verdict: holds ? "holds" : "fails",
    summary: holds
      ? "the counting abstraction is a Galois connection with α∘γ = id (an insertion) once γ returns the *set* of concrete states; γ∘α ⊋ id (it forgets which pod is where); abstract reachability equals α of concrete reachability"
      : "a Galois law or α∘γ = id fails for the counting abstraction",
    evidence: { galois: reports, dynamics },
  }
}

/**
 * S15.6 from its evidence. The concrete part (2ⁿ and 3ⁿ, explored) fails if an explored count
 * differs. The abstract part is `underdetermined`: the seed's k is the number of resource types
 * and it never defines the abstraction; the counting abstraction of local states (k = 2 or 3
 * states) is this model's reading, and it gives Θ(n^(k−1)), O(n·k) only for two states.
 *
 * @since 0.1.0
 * @category checks
 */
export const stateSpaceVerdict = (concreteOk: boolean, twoSlope: number, threeSlope: number, evidence: unknown): ClaimResult => {
  const linear = (slope: number) => slope <= 1.1 // O(n·k) for fixed k: at most linear growth in n on log–log
  return {
    verdict: concreteOk ? "underdetermined" : "fails",
    summary:
      `Concrete states ${concreteOk ? "are" : "are NOT"} 2ⁿ and 3ⁿ (explored). For the abstract O(n·k) the seed's k is the number of resource types and it defines no abstraction, so it cannot be checked as stated. ` +
      `Reading k as local states instead, the counting abstraction has C(n+k−1, k−1) states: log–log slope ${twoSlope.toFixed(2)} for k = 2 and ${threeSlope.toFixed(2)} for k = 3, ` +
      `so it is ${linear(twoSlope) ? "" : "not "}linear with two states and ${linear(threeSlope) ? "" : "not "}linear with a Migrating state (Θ(n^(k−1))); that reading refutes a different claim, not the seed's.`,
    evidence,
  }
}

/**
 * S15.6: 2ⁿ / 3ⁿ concrete states (explored), and the counting abstraction's size against n·k.
 *
 * @since 0.1.0
 * @category checks
 */
export const checkStateSpace = (): ClaimResult => {
  const two = stateSpaceGrowth(seedPod(false), [1, 2, 4, 6, 8, 10], [16, 32, 64, 128])
  const three = stateSpaceGrowth(seedPod(true), [1, 2, 4, 6, 8], [16, 32, 64, 128])
  const concreteOk = [...two.rows, ...three.rows].every((r) => r.concrete === undefined || r.concrete === r.kToTheN)
  return stateSpaceVerdict(concreteOk, two.slope, three.slope, { twoStates: two, threeStates: three, missing: ["the abstraction α over k resource types"] })
}

/**
 * Every claim this module models, with its check.
 *
 * @since 0.1.0
 * @category claims
 */
export const claims: ReadonlyArray<ClaimCheck> = [
  {
    id: "S15.1",
    statement: "Safety: no Pod and VMI in one namespace share an IP.",
    source: "src/verification/scenarios/IpPool.ts ipPool (via claims.ts scenarioVerdict)",
    check: () =>
      scenarioVerdict([ipPool], {
        holds: "holds when IPAM releases an address only after the sandbox holding it is torn down",
        fails: "an IP is shared",
      }),
  },
  {
    id: "S15.2",
    statement: "Liveness: every Pending VM eventually runs.",
    source: "src/verification/scenarios/Placement.ts pendingVm",
    check: () =>
      scenarioVerdict([pendingVm], {
        holds: "every Pending VM is eventually scheduled",
        fails: "a VM whose request fits no node, or that loses the only room to a VM that never stops, stays Pending forever under weak fairness",
      }),
  },
  {
    id: "S15.3",
    statement: "Fairness: □◇(pod cpu request ≤ node cpu capacity).",
    source: "src/verification/scenarios/Placement.ts podFitsNode",
    check: () =>
      scenarioVerdict([podFitsNode], {
        holds: "pods are bound infinitely often to a node that covers their request",
        fails: "a pod whose request exceeds every node never satisfies it; it holds for pods that fit (bound pods always fit: the filter is an invariant)",
      }),
  },
  {
    id: "S15.4",
    statement: "□(VM Running → ◇ Service Healthy); □¬(migration active ∧ pod terminated).",
    source: "src/verification/scenarios/ServiceHealth.ts serviceHealth, src/verification/scenarios/MigrationSource.ts migrationSource",
    check: () =>
      scenarioVerdict([serviceHealth, migrationSource], {
        holds: "both formulas hold",
        fails: "without a liveness probe a crashed guest leaves the Service unhealthy forever; a direct delete of the source pod terminates it while the migration is still active",
      }),
  },
  {
    id: "S15.5",
    statement: "Abstraction α: concrete → abstract, γ: abstract → concrete with α∘γ = id.",
    source: "src/verification/claims.ts checkAbstraction (Galois.ts checkGalois, Counting.ts)",
    check: checkAbstraction,
  },
  {
    id: "S15.6",
    statement: "State space 2ⁿ for n pods, 3ⁿ with a Migrating state; abstract O(n·k).",
    source: "src/verification/claims.ts checkStateSpace (Counting.ts stateSpaceGrowth)",
    check: checkStateSpace,
  },
  {
    id: "S15.7",
    statement: "Service mesh: □(policy(pod) = policy(vmi)); □(throughput_mesh ≥ 0.9·baseline).",
    source: "src/verification/claims.ts (no model: parameters missing)",
    check: () => {
      // S6.3 gives the only numbers near this claim: VM traffic 7.0 Gbps vs 9.5 Gbps for containers
      const vmOverContainer = 7.0 / 9.5
      return {
        verdict: "underdetermined",
        summary: `the seed gives no policy-assignment model and no mesh overhead; note that S6.3's own numbers put VM throughput at ${vmOverContainer.toFixed(3)} of the container path before any mesh, below 0.9 if the baseline is the container path`,
        evidence: {
          missing: [
            "how policies attach to pods vs VMIs (selectors, labels, the virt-launcher pod carrying the VMI's labels?)",
            "the mesh data path for a VMI (sidecar in virt-launcher, masquerade/bridge binding) and its throughput overhead",
            "what 'baseline' is (the same workload without the mesh, or the container path)",
            "the set of policy changes over time (□ needs a dynamics)",
          ],
          s63VmOverContainer: vmOverContainer,
        },
      }
    },
  },
  {
    id: "S9.4",
    statement: "Invariants: □(Σ used ≤ hardLimit) and □(Σ requested ≤ softLimit).",
    source: "src/verification/scenarios/Quota.ts quota",
    check: () =>
      scenarioVerdict([quota], {
        holds: "both invariants hold",
        fails: "□(Σ used ≤ hard) holds under atomic quota admission, but no admission step looks at a soft limit, so Σ requested passes it",
      }),
  },
  {
    id: "S13.2",
    statement: "Claimed invariant (first of two): □(preconditions → ◇ succeeded).",
    source: "src/verification/scenarios/MigrationLiveness.ts migrationLiveness",
    check: () =>
      scenarioVerdict([migrationLiveness], {
        holds: "every migration whose preconditions hold succeeds",
        fails: "a migration can be cancelled, or time out when the dirty rate reaches the bandwidth, after its preconditions held: it ends Failed",
      }),
  },
]
