import * as E from "fp-ts/lib/Either.js"
import type { ClaimCheck, ClaimResult } from "../../claims/Claim.ts"
import { admit, showRejection, type QuotaRequest, type QuotaState } from "./Admission.ts"
import { quotaReadings } from "./Coequalizer.ts"
import { adjust, overLimit, triggerDisagreement } from "./DynamicQuota.ts"

/**
 * Claims S9.1, S9.3 and S9.5 (quota and admission), computed. (S9.2 preemption belongs to the
 * scheduler, S9.4's temporal invariants to the model checker; the property tests of
 * `Invariants.ts` check them on this admission.)
 *
 * @since 0.1.0
 */

/** Evidence is JSON: bigints become decimal strings. */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === "bigint" ? String(v) : v)))

const quota: QuotaState = { hard: { "requests.cpu": 4000n, "requests.memory": 8192n }, used: { "requests.cpu": 1000n, "requests.memory": 2048n } }
const request = (name: string, cpu: bigint, mem: bigint, priority: number): QuotaRequest => ({ name, kind: "Pod", requests: { "requests.cpu": cpu, "requests.memory": mem }, priority })

/**
 * S9.1: the seed's admit against Kubernetes' quota admission on a grid of requests. The first
 * conjunct is exactly Kubernetes' check; the priority conjunct rejects requests Kubernetes
 * admits (e.g. a BestEffort-priority pod that fits), so the rule as stated fails.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkAdmissionRule = (threshold = 0): ClaimResult => {
  const kubernetes = admit()
  const seed = admit({ evictionThreshold: threshold })
  const disagreements: Array<{ request: QuotaRequest; kubernetes: string; seed: string }> = []
  let cases = 0
  let arithmeticMismatches = 0
  for (const cpu of [0n, 500n, 3000n, 3001n, 5000n])
    for (const mem of [0n, 6144n, 6145n])
      for (const priority of [-1, 0, 1, 1000]) {
        cases++
        const r = request(`pod-${cpu}-${mem}-p${priority}`, cpu, mem, priority)
        const k = kubernetes(quota, r)
        const s = seed(quota, r)
        const arithmetic = 1000n + cpu <= 4000n && 2048n + mem <= 8192n
        if (E.isRight(k) !== arithmetic) arithmeticMismatches++
        if (E.isRight(k) !== E.isRight(s))
          disagreements.push({ request: r, kubernetes: E.isRight(k) ? "admitted" : showRejection(k.left), seed: E.isRight(s) ? "admitted" : showRejection(s.left) })
      }
  const first = disagreements[0]
  return {
    verdict: disagreements.length === 0 && arithmeticMismatches === 0 ? "holds" : "fails",
    summary: `used + requested ≤ hard is Kubernetes' quota check (${cases - arithmeticMismatches}/${cases} cases agree); the priority conjunct is not: ${disagreements.length} requests Kubernetes admits are refused, e.g. ${first === undefined ? "none" : `${first.request.name}: ${first.seed}`}.`,
    evidence: plain({ quota, threshold, cases, arithmeticMismatches, disagreements }),
  }
}

/**
 * S9.3: the two triggers disagree (cpu in (0.8, 0.9], or memory > 0.9 with cpu ≤ 0.9), and the
 * part-II scale-down to 80 % at cpu > 0.9 leaves used > hard — the state S9.4's invariant forbids.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkDynamicQuota = (): ClaimResult => {
  const steps = 20
  const disagreements = triggerDisagreement(steps)
  const gridPoints = (steps + 1) ** 2
  const busy: QuotaState = { hard: { "requests.cpu": 10_000n }, used: { "requests.cpu": 9_500n } }
  const after = adjust({ cpu: 0.95, memory: 0.5 })(busy)
  const broken = overLimit(after)
  return {
    verdict: disagreements.length > 0 || broken.length > 0 ? "inconsistent" : "modelled",
    summary: `Part I scales at cpu > 0.8 ∨ memory > 0.9, part II at cpu > 0.9: they disagree on ${disagreements.length} of ${gridPoints} grid points (e.g. cpu ${disagreements[0]?.cpu}, memory ${disagreements[0]?.memory}); scaling hard to 80 % at cpu 0.95 leaves used ${broken[0]?.used} > hard ${broken[0]?.hard}, breaking □(used ≤ hard).`,
    evidence: plain({
      disagreementCount: disagreements.length,
      gridPoints,
      firstDisagreements: disagreements.slice(0, 5),
      scaleDown: { before: busy, after, overLimit: broken },
      kubernetes: "a ResourceQuota lowered below usage is accepted; existing pods stay, new ones are refused until usage falls",
    }),
  }
}

/**
 * S9.5: not a coequalizer — that identifies the Pod total with the VMI total. ResourceQuota's
 * usage is the fold over the coproduct Pods ⊔ VMIs (copairing, then Σ). A refusal is 403, not 429.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkQuotaCoequalizer = (): ClaimResult => {
  const r = quotaReadings([500, 250, 1000], [1100, 2000], 2000)
  const isCoproductFold = r.copairingUniversal && r.foldedTotal === r.podTotal + r.vmiTotal
  const rejection = E.isLeft(admit()(quota, request("big", 5000n, 0n, 0))) ? (admit()(quota, request("big", 5000n, 0n, 0)) as E.Left<{ status: number }>).left.status : undefined
  return {
    verdict: r.totalsIdentified && isCoproductFold ? "fails" : "holds",
    summary: `The coequalizer of Σ Pods = ${r.podTotal} and Σ VMIs = ${r.vmiTotal} merges the two totals (${r.coequalizerClasses} classes of ${r.podTotal + r.vmiTotal + 1}), so a decision "≤ 2000" that tells them apart does not factor through it (${r.decisionFactors}); usage is the coproduct fold [r_Pod, r_VMI] then Σ = ${r.foldedTotal}. Kubernetes refuses with ${rejection} Forbidden, not 429.`,
    evidence: { ...r, rejectionStatus: rejection, vmiNote: "a VMI is counted through its virt-launcher pod, whose memory request includes KubeVirt's overhead" },
  }
}

/**
 * The checks of S9.1, S9.3, S9.5.
 *
 * @since 0.1.0
 * @category claims
 */
export const claims: ReadonlyArray<ClaimCheck> = [
  { id: "S9.1", statement: "admit(req) ⇔ used + requested ≤ hardLimit ∧ priority(req) > evictionThreshold.", source: "src/domain/quota/claims.ts#checkAdmissionRule (admit)", check: () => checkAdmissionRule() },
  { id: "S9.3", statement: "Dynamic quota: adjust by delta; scale when cpu > 0.8 or memory > 0.9 (part II: cpu > 0.9 → 80 %).", source: "src/domain/quota/claims.ts#checkDynamicQuota (adjust, triggerDisagreement)", check: checkDynamicQuota },
  { id: "S9.5", statement: "ResourceQuota is a coequalizer of summed Pod and VMI requests; a rejected request returns 429.", source: "src/domain/quota/claims.ts#checkQuotaCoequalizer (quotaReadings, admit)", check: checkQuotaCoequalizer },
]
