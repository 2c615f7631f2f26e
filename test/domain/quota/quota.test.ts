/**
 * Quota (S9.1, S9.3, S9.5): admission with typed 403 rejections, the invariants over random
 * sequences (a buggy admission and a too-small soft limit caught with shrunk counterexamples),
 * dynamic quota, and the coequalizer vs coproduct reading.
 */
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import type { ClaimResult } from "../../../src/claims/Claim.ts"
import {
  adjust,
  adjustUsage,
  admit,
  admitBeforeAdding,
  checkQuotaInvariants,
  overLimit,
  quotaClaims,
  quotaReadings,
  release,
  shouldScale,
  showRejection,
  triggerDisagreement,
  type QuotaRequest,
  type QuotaState,
} from "../../../src/domain/quota/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

const run = (id: string): ClaimResult => quotaClaims.find((c) => c.id === id)!.check() as ClaimResult
const quota: QuotaState = { hard: { "requests.cpu": 2000n, pods: 2n }, used: { "requests.cpu": 1500n, pods: 1n } }
const pod = (name: string, cpu: bigint | undefined, priority = 0): QuotaRequest => ({ name, kind: "Pod", requests: cpu === undefined ? {} : { "requests.cpu": cpu }, priority })

describe("admission", () => {
  it("admits when used + requested ≤ hard, counting the pod", () => {
    const r = admit()(quota, pod("a", 500n))
    expect(E.isRight(r) && r.right.used).toEqual({ "requests.cpu": 2000n, pods: 2n })
  })

  it("refuses over quota with Kubernetes' 403 message", () => {
    const r = admit()(quota, pod("b", 501n))
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: "ExceededQuota", resource: "requests.cpu", requested: 501n, used: 1500n, hard: 2000n, status: 403 })
    expect(E.isLeft(r) && showRejection(r.left)).toBe("403 Forbidden: b: exceeded quota: requests.cpu, requested: 501, used: 1500, limited: 2000")
  })

  it("refuses a pod that leaves a constrained resource unspecified", () => {
    const r = admit()(quota, pod("c", undefined))
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: "MissingRequest", resource: "requests.cpu" })
  })

  it("refuses the third pod on the pods count", () => {
    const full = { ...quota, used: { "requests.cpu": 0n, pods: 2n } }
    expect(E.isLeft(admit()(full, pod("d", 1n)))).toBe(true)
  })

  it("the seed's priority conjunct refuses priority ≤ threshold", () => {
    const r = admit({ evictionThreshold: 100 })(quota, pod("e", 1n, 100))
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: "PriorityTooLow", priority: 100, threshold: 100 })
  })

  it("release gives the usage back", () => {
    const after = admit()(quota, pod("a", 500n))
    expect(E.isRight(after) && release(after.right, pod("a", 500n)).used).toEqual(quota.used)
  })
})

describe("invariants over random sequences", () => {
  const hard = { "requests.cpu": 1000n, "requests.memory": 4096n }
  it("□(used ≤ hard) and □(requested ≤ soft) hold for Kubernetes' admission when soft = hard", () => {
    const v = checkQuotaInvariants(admit(), hard, hard, runConfig(150))
    expect(v).toEqual({ _tag: "Holds", runs: runConfig(150).numRuns, seed: runConfig(150).seed })
  })

  it("catch an admission that checks usage before adding: shrunk to one oversized request", () => {
    const v = checkQuotaInvariants(admitBeforeAdding, hard, hard, runConfig(150))
    expect(v._tag).toBe("Fails")
    if (v._tag !== "Fails") return
    expect(v.violation.invariant).toBe("used ≤ hard")
    expect(v.violation.value).toBeGreaterThan(v.violation.bound)
    expect(v.counterexample.length).toBe(1)
    const [only] = v.counterexample
    expect(only?._tag === "Create" && only.request.requests["requests.cpu"]).toBe(1001n)
  })

  it("show the soft invariant needs the admission to consult it: soft < hard breaks it", () => {
    const v = checkQuotaInvariants(admit(), hard, { "requests.cpu": 500n }, runConfig(150))
    expect(v._tag === "Fails" && v.violation).toMatchObject({ invariant: "requested ≤ soft", resource: "requests.cpu", value: 501n, bound: 500n })
  })
})

describe("dynamic quota", () => {
  it("adjusts usage by a delta", () => {
    expect(adjustUsage("requests.cpu", -500n)(quota).used["requests.cpu"]).toBe(1000n)
  })
  it("scales hard limits to 80 % above 90 % cpu and can leave used > hard", () => {
    const busy: QuotaState = { hard: { "requests.cpu": 1000n }, used: { "requests.cpu": 950n } }
    const after = adjust({ cpu: 0.95, memory: 0 })(busy)
    expect(after.hard["requests.cpu"]).toBe(800n)
    expect(overLimit(after)).toEqual([{ resource: "requests.cpu", used: 950n, hard: 800n }])
    expect(adjust({ cpu: 0.9, memory: 1 })(busy)).toBe(busy)
  })
  it("the two triggers disagree at cpu 0.85 and at memory 0.95", () => {
    expect(shouldScale({ cpu: 0.85, memory: 0 })).toBe(true)
    const d = triggerDisagreement(20)
    expect(d).toContainEqual({ cpu: 0.85, memory: 0 })
    expect(d).toContainEqual({ cpu: 0, memory: 0.95 })
    expect(d).not.toContainEqual({ cpu: 0.95, memory: 0 })
  })
})

describe("coequalizer vs coproduct", () => {
  it("the coequalizer of two different totals merges them", () => {
    const r = quotaReadings([1, 2], [5])
    expect(r).toMatchObject({ podTotal: 3, vmiTotal: 5, totalsIdentified: true, coequalizerClasses: 8, coproductSize: 3, foldedTotal: 8, copairingUniversal: true })
  })
  it("a limit decision factors through the coequalizer only when it treats both totals alike", () => {
    expect(quotaReadings([1, 2], [5], 4).decisionFactors).toBe(false)
    expect(quotaReadings([1, 2], [5], 5).decisionFactors).toBe(true)
    expect(quotaReadings([1, 2], [5]).decisionFactors).toBeUndefined()
  })

  it("equal totals leave every class apart", () => {
    expect(quotaReadings([2, 2], [4]).coequalizerClasses).toBe(9)
  })
})

describe("claims S9.1, S9.3, S9.5", () => {
  it("cover their IDs", () => {
    expect(quotaClaims.map((c) => c.id)).toEqual(["S9.1", "S9.3", "S9.5"])
  })
  it("S9.1 fails: the priority conjunct refuses what Kubernetes admits; the arithmetic agrees", () => {
    const r = run("S9.1")
    expect(r.verdict).toBe("fails")
    expect(r.evidence).toMatchObject({ arithmeticMismatches: 0, cases: 60 })
    expect((r.evidence as { disagreements: unknown[] }).disagreements.length).toBe(12)
  })
  it("S9.3 inconsistent: triggers disagree and the scale-down breaks used ≤ hard", () => {
    const r = run("S9.3")
    expect(r.verdict).toBe("inconsistent")
    expect(r.evidence).toMatchObject({ scaleDown: { after: { hard: { "requests.cpu": "8000" }, used: { "requests.cpu": "9500" } } } })
  })
  it("S9.5 fails: not a coequalizer, and 403 not 429", () => {
    const r = run("S9.5")
    expect(r.verdict).toBe("fails")
    expect(r.evidence).toMatchObject({ totalsIdentified: true, decisionFactors: false, rejectionStatus: 403, foldedTotal: 4850 })
  })
})
