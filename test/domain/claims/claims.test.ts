/**
 * One test per claim of S1–S3: the computed verdict and the evidence it rests on. A change in
 * a model that flips a verdict fails here.
 */
import { describe, expect, it } from "vitest"
import type { ClaimResult } from "../../../src/claims/Claim.ts"
import { claims } from "../../../src/domain/claims/index.ts"
import { checkS1_1, checkS1_3, checkS1_4, checkS1_7, squareSides } from "../../../src/domain/claims/s1.ts"
import { seedS3_5, stateCountVerdict } from "../../../src/domain/claims/s3.ts"
import { arrow } from "../../../src/category/Arrow.ts"
import { curryingIso } from "../../../src/category/finset/index.ts"
import { exampleContainers, exampleVms } from "../../../src/domain/cluster/index.ts"

const run = (id: string): ClaimResult => {
  const c = claims.find((x) => x.id === id)
  if (c === undefined) throw new Error(`no claim ${id}`)
  return c.check() as ClaimResult
}
const evidence = (id: string) => run(id).evidence as Record<string, any>

describe("claims S1–S3", () => {
  it("cover every ID once, each naming its source function", () => {
    const ids = claims.map((c) => c.id)
    const expected = [
      ...Array.from({ length: 9 }, (_, i) => `S1.${i + 1}`),
      ...Array.from({ length: 6 }, (_, i) => `S2.${i + 1}`),
      ...Array.from({ length: 5 }, (_, i) => `S3.${i + 1}`),
    ]
    expect(ids).toEqual(expected)
    for (const c of claims) expect(c.source).toMatch(/^src\/domain\/claims\/s[123]\.ts#check/)
  })

  it("S1.1 modelled: containers share the host kernel, VMs do not", () => {
    expect(run("S1.1").verdict).toBe("modelled")
    expect(evidence("S1.1")).toMatchObject({ containersShareHostKernel: true, vmsHaveOwnKernel: true, kinds: { P: 3, Pod: 3, VMI: 2 } })
  })

  it("S1.2 holds on generated clusters, σ partial", () => {
    const r = run("S1.2")
    expect(r.verdict).toBe("holds")
    expect(evidence("S1.2")["runs"]).toBeGreaterThan(0)
  })

  it("S1.3 ill-typed: the literal composite is refused, the P → P reading is not id_P", () => {
    expect(run("S1.3").verdict).toBe("ill-typed")
    const e = evidence("S1.3")
    expect(e["literalPod"]).toBe("cannot compose schedule : Pod⊎VMI → P after wrap : C → Pod: Pod ≠ Pod⊎VMI")
    expect(e["notIdentity"]).toContainEqual({ unit: "api", carvedFrom: "node-b", scheduledTo: "node-a" })
  })

  it("S1.4 ill-typed; through the footprint functor the residual is the KubeVirt overhead", () => {
    expect(run("S1.4").verdict).toBe("ill-typed")
    const e = evidence("S1.4")
    expect(e["commutes"]).toBe(0)
    expect(e["example"]["residual"]).toEqual({
      cpu: "-1800",
      memory: String(280 * 1024 * 1024),
      "ephemeral-storage": "50000000",
      "devices.kubevirt.io/kvm": "1",
      "devices.kubevirt.io/tun": "1",
      "devices.kubevirt.io/vhost-net": "1",
    })
  })

  it("S1.5 holds: faithful, not full, live migration a witness", () => {
    expect(run("S1.5").verdict).toBe("holds")
    expect(evidence("S1.5")["functor"]["notFull"].map((o: { operation: string }) => o.operation)).toContain("live-migrate")
  })

  it("S1.6 fails: the empty VMI is not initial, the pool is not terminal for oversized objects", () => {
    expect(run("S1.6").verdict).toBe("fails")
    expect(evidence("S1.6")).toMatchObject({ arrowsUnique: true, podInitial: true, vmiInitial: false, poolTerminal: false, noArrowToPool: ["pool + 1 byte"] })
    expect(evidence("S1.6")["emptyVmi"]["memory"]).toBe(String(268 * 1024 * 1024 + 0)) // 220 + 8 + 8 + 32 Mi, no page tables
  })

  it("S1.7 underdetermined: currying holds in FinSet, Res≤ has no terminal object", () => {
    expect(run("S1.7").verdict).toBe("underdetermined")
    expect(evidence("S1.7")["finSet"].every((r: { holds: boolean }) => r.holds)).toBe(true)
    expect(evidence("S1.7")["resourceOrderHasNoTerminal"]).toBe(true)
  })

  it("S1.8 underdetermined: no reading of the field table gives 0.68", () => {
    expect(run("S1.8").verdict).toBe("underdetermined")
    expect(evidence("S1.8")["componentMean"]).toBeCloseTo(0.432, 12)
    expect(run("S1.8").summary).toContain("(mean 43.2 %, none above 62 %)")
    const readings = evidence("S1.8")["readings"] as Record<string, number>
    expect(readings["PodSpec→VMI strict"]).toBeCloseTo(12 / 39, 10)
    expect(readings["VMI→PodSpec weighted"]).toBeCloseTo(15 / 21, 10)
  })

  it("S1.9 holds: pullback = intersection, pushout = union", () => {
    expect(run("S1.9").verdict).toBe("holds")
    expect(evidence("S1.9")).toMatchObject({ limitSize: 13, colimitSize: 27 })
  })

  it("S2.1, S2.3, S2.4 modelled; S2.2 holds; S2.5 fails; S2.6 holds", () => {
    expect(["S2.1", "S2.2", "S2.3", "S2.4", "S2.5", "S2.6"].map((id) => run(id).verdict)).toEqual([
      "modelled",
      "holds",
      "modelled",
      "modelled",
      "fails",
      "holds",
    ])
    expect(evidence("S2.5")["noCounterpart"]).toHaveLength(21)
    expect(evidence("S2.4")["requests"]["memory"]).toBe(String((2048 + 280) * 1024 * 1024))
  })

  it("S3.1 fails: Terminating is not a phase, Pending → Succeeded | Failed missing", () => {
    expect(run("S3.1").verdict).toBe("fails")
    expect(evidence("S3.1")).toMatchObject({ statesOnlyInSeed: ["Terminating"], statesOnlyInReal: ["Unknown"] })
    expect(evidence("S3.1")["transitionsOnlyInReal"]).toContain("Pending→Succeeded")
  })

  it("S3.2 fails: real status changes leave the seed's graph", () => {
    expect(run("S3.2").verdict).toBe("fails")
    expect(evidence("S3.2")["changes"]).toContainEqual({ scenario: "guest powers itself off (VMI Succeeded)", from: "Running", to: "Stopped", inSeed: false })
    expect(evidence("S3.2")["missingStatuses"]).toHaveLength(11)
  })

  it("S3.3 holds: 30 objects, laws hold", () => {
    expect(run("S3.3").verdict).toBe("holds")
    expect(evidence("S3.3")["objects"]).toBe(30)
  })

  it("S3.4 fails: four transitions have no image; no completion is a homomorphism", () => {
    expect(run("S3.4").verdict).toBe("fails")
    const e = evidence("S3.4")
    expect(e["noImage"]).toEqual([
      "Running → Succeeded (complete)",
      "Running → Failed (fail)",
      "Succeeded → Terminating (delete)",
      "Failed → Terminating (delete)",
    ])
    expect(e["completions"]).toMatchObject({ completions: 36, functors: 36, homomorphisms: 0 })
  })

  it("S3.5 fails: the combined system is a product of 5·8 = 40 states, 1600 pairs, not (5+8)² = 169", () => {
    expect(run("S3.5").verdict).toBe("fails")
    expect(evidence("S3.5")).toMatchObject({ seedArithmetic: 169, productStates: 40, productPairs: 1600, disjointUnionPairs: 169 })
  })

  it("S3.5's verdict follows the machines and the seed's arithmetic (it compared two literals)", () => {
    expect(stateCountVerdict({ container: 3, pod: 5, domain: 8 }).verdict).toBe("fails")
    expect(stateCountVerdict({ container: 3, pod: 13, domain: 1 }).verdict).toBe("holds") // 13·1 states: 169 pairs
    expect(stateCountVerdict({ container: 3, pod: 5, domain: 8 }, { ...seedS3_5, statedPairs: 170 }).verdict).toBe("inconsistent")
    expect(stateCountVerdict({ container: 3, pod: 6, domain: 8 }).summary).toContain("6·8 = 48 states, so 48² = 2304 state pairs")
  })
})

// The verdicts above must come from the models: hand each check a changed model and watch the
// verdict move (review: S1.3, S1.4 and S1.7 used to return a constant verdict).
describe("S1.3, S1.4, S1.7 verdicts follow the model", () => {
  it("S1.3: with a σ that starts at Pod and at VMI the literal composites exist, and the P → P reading decides (fails: units move)", () => {
    const r = checkS1_3({ schedule: arrow("schedule", "Pod", "P"), wrap: arrow("wrap", "C", "Pod"), wrapVm: arrow("wrapVm", "V", "Pod") })
    expect(r.verdict).toBe("fails")
    expect((r.evidence as Record<string, any>)["literalComposes"]).toEqual({ pod: true, vmi: true })
    expect((r.evidence as Record<string, any>)["notIdentity"]).toContainEqual({ unit: "api", carvedFrom: "node-b", scheduledTo: "node-a" })
  })

  it("S1.3: one refused literal composite is enough for ill-typed", () => {
    const r = checkS1_3({ schedule: arrow("schedule", "Pod", "P"), wrap: arrow("wrap", "C", "Pod"), wrapVm: arrow("wrapVm", "V", "VMI") })
    expect(r.verdict).toBe("ill-typed")
    expect((r.evidence as Record<string, any>)["literalComposes"]).toEqual({ pod: true, vmi: false })
  })

  const sameCodomain = { container: arrow("Ω∘Ψ", "P", "Pod"), vm: arrow("Ω′∘Φ", "P", "Pod") }

  it("S1.4: with one codomain and a VM side equal to the container side, the square commutes on every shape: holds", () => {
    const equalSides: typeof squareSides = (vcpus, memory, dedicated) => {
      const s = squareSides(vcpus, memory, dedicated)
      return { container: s.container, vm: s.container }
    }
    const r = checkS1_4(equalSides, sameCodomain)
    expect(r.verdict).toBe("holds")
    expect((r.evidence as Record<string, any>)["commutes"]).toBe(40)
  })

  it("S1.4: with one codomain but the real KubeVirt overhead the square fails (280Mi residual at 2 vCPU / 2Gi)", () => {
    const r = checkS1_4(squareSides, sameCodomain)
    expect(r.verdict).toBe("fails")
    expect((r.evidence as Record<string, any>)["example"]["residual"]["memory"]).toBe(String(280 * 1024 * 1024))
  })

  it("S1.7: a broken uncurry (every h sent to the constant 0) makes the FinSet round trip fail, and the claim with it", () => {
    const broken: typeof curryingIso = (x, e, bound) =>
      curryingIso(x, { ...e, uncurry: (k) => ({ ...e.uncurry(k), map: e.uncurry(k).map.map(() => 0) }) }, bound)
    const r = checkS1_7(broken)
    expect(r.verdict).toBe("fails")
    expect((r.evidence as Record<string, any>)["finSet"].some((f: { holds: boolean }) => !f.holds)).toBe(true)
  })

  it("S1.1: a VM whose guest runs the host's kernel, or a container on another kernel, breaks the model: fails", () => {
    const vm = exampleVms[0]!
    expect(checkS1_1(exampleContainers, [{ ...vm, target: { ...vm.target, guestKernel: vm.source.kernel } }]).verdict).toBe("fails")
    const c = exampleContainers[0]!
    const r = checkS1_1([{ ...c, target: { ...c.target, kernel: "other-kernel" } }], exampleVms)
    expect(r.verdict).toBe("fails")
    expect(r.evidence).toMatchObject({ containersShareHostKernel: false, vmsHaveOwnKernel: true })
  })
})
