import { describe, expect, it } from "vitest"
import { different, equal, type Category } from "../../../src/category/Category.ts"
import { assertLaws, categoryLaws, exhaustive, failures, runSuite } from "../../../src/laws/index.ts"
import {
  boundedRunCarriers,
  checkStateMap,
  containerStates,
  freeCategory,
  isTerminating,
  migrationPhases,
  podPhases,
  presentedFreeCategory,
  printableStatus,
  productCategory,
  productLaws,
  runsUpTo,
  seedPodMachine,
  seedVmMachine,
  shortestRun,
  transitionGraph,
  UnknownStateError,
  vmiPhases,
  type Run,
} from "../../../src/domain/state/index.ts"

describe("real and seed machines", () => {
  it("have the terminal states of the real systems", () => {
    expect(podPhases.terminal).toEqual(["Succeeded", "Failed"])
    expect(vmiPhases.terminal).toEqual(["Succeeded", "Failed", "Unknown"]) // Unknown: declared, never set
    expect(migrationPhases.terminal).toEqual(["Succeeded", "Failed"])
    expect(containerStates.terminal).toEqual([]) // Terminated → Waiting is a restart
    expect(seedPodMachine.terminal).toEqual(["Terminating"])
  })

  it("Terminating is a deletion timestamp, not a phase", () => {
    expect(podPhases.states).not.toContain("Terminating")
    expect(isTerminating({ metadata: { deletionTimestamp: "2026-11-27T00:00:00Z" } })).toBe(true)
    expect(isTerminating({ metadata: {} })).toBe(false)
  })

  it("a transition naming an unknown state is a typed error with its path", () => {
    const build = () => transitionGraph("bad", ["A", "B"], [["A", "C" as "B", "go"]], ["A"], "test")
    expect(build).toThrow(UnknownStateError)
    expect(build).toThrow('bad: transitions[0].to: unknown state "C"')
  })

  it("shortest runs follow real transitions", () => {
    expect(shortestRun(vmiPhases, "Pending", "Running")?.map((t) => t.to)).toEqual(["Scheduling", "Scheduled", "Running"])
    expect(shortestRun(vmiPhases, "Succeeded", "Running")).toBeUndefined()
  })
})

describe("free categories on the machines", () => {
  for (const g of [podPhases, containerStates, vmiPhases, migrationPhases, seedPodMachine, seedVmMachine]) {
    it(`${g.name}: category laws hold on every run of ≤ 2 transitions`, () => {
      const verdict = assertLaws(runSuite(categoryLaws(freeCategory(g), boundedRunCarriers(g, 2))))
      const assoc = verdict.laws.find((l) => l.law === "category.associativity")
      expect(assoc?._tag).toBe("Holds")
    })
  }

  it("a composition that forgets the second run's steps is caught", () => {
    const T = freeCategory(seedVmMachine)
    const broken: typeof T = {
      ...T,
      compose: (h, f) => ({ dom: f.dom, cod: h.cod, steps: f.steps }),
    }
    const verdict = runSuite(categoryLaws(broken, boundedRunCarriers(seedVmMachine, 1)))
    const left = failures(verdict).find((f) => f.law === "category.rightIdentity")
    expect(left?.counterexample.input).toBe("Stopped → Starting") // f ∘ id drops f's step
  })

  it("counts runs: the seed VM machine has a cycle, so runs grow without bound", () => {
    expect(runsUpTo(seedVmMachine, 4).length).toBeGreaterThan(runsUpTo(seedVmMachine, 3).length)
    expect(runsUpTo(seedPodMachine, 5).length).toBe(runsUpTo(seedPodMachine, 3).length) // acyclic: longest run has 3 steps
  })
})

describe("state maps (η)", () => {
  it("the identity is a homomorphism", () => {
    const id = Object.fromEntries(podPhases.states.map((s) => [s, s])) as Record<string, string>
    const r = checkStateMap(podPhases, podPhases, id)
    expect(r.homomorphism).toBe(true)
  })

  it("names transitions with no image: unmapped endpoints and unreachable targets", () => {
    const r = checkStateMap(podPhases, vmiPhases, { Pending: "Succeeded", Running: "Running" })
    expect(r.functor).toBe(false)
    const unreachable = r.images.find((i) => i._tag === "Unreachable")
    expect(unreachable?.transition).toMatchObject({ from: "Pending", to: "Running" })
    expect(r.noImage).toContain("Pending → Running (containers started)")
    expect(r.noImage).toContain("Running → Failed (a container failed and will not restart)")
  })
})

describe("product category", () => {
  const P = productCategory(freeCategory(seedPodMachine), freeCategory(seedVmMachine))
  const runs = runsUpTo(seedPodMachine, 1).flatMap((f) => runsUpTo(seedVmMachine, 1).map((g) => [f, g] as const))
  const pairs = runs.flatMap((h) => runs.filter(([f, g]) => f.dom === h[0].cod && g.dom === h[1].cod).map((k) => [h, k] as const))

  it("projections and pairing satisfy their laws", () => {
    assertLaws(runSuite(productLaws(P, { arrows: exhaustive(() => runs), pairs: exhaustive(() => pairs), components: exhaustive(() => runs) })))
  })

  it("a pairing that drops the second component is caught", () => {
    const broken = { ...P, pair: (f: Run<never>, _g: Run<never>) => [f, { dom: "Stopped", cod: "Stopped", steps: [] }] as const }
    const verdict = runSuite(
      productLaws(broken as unknown as typeof P, { arrows: exhaustive(() => runs), pairs: exhaustive(() => pairs), components: exhaustive(() => runs) }),
    )
    const second = failures(verdict).find((f) => f.law === "product.pairing.second")
    expect(second?.counterexample.message).toBe("id_Stopped ≠ id_Starting")
  })

  it("equality of pairs names the differing component", () => {
    const C: Category<"*", number> = {
      name: "N",
      dom: () => "*",
      cod: () => "*",
      id: () => 0,
      compose: (g, f) => g + f,
      equalObjects: () => true,
      equalArrows: (f, g) => (f === g ? equal : different(`${f} ≠ ${g}`)),
      showObject: () => "*",
      showArrow: String,
    }
    const Q = productCategory(C, C)
    expect(Q.category.equalArrows([1, 2], [1, 3])).toMatchObject({ equal: false, message: "second component: 2 ≠ 3" })
  })
})

describe("VM printableStatus is derived", () => {
  const base = { deleting: false, volumes: "ready", crashLooping: false } as const
  const vmi = { phase: "Running", paused: false, migrating: false, stopRequested: false, unschedulable: false, imagePull: "ok" } as const
  it("by precedence", () => {
    expect(printableStatus({ ...base, vmi: undefined })).toBe("Stopped")
    expect(printableStatus({ ...base, vmi })).toBe("Running")
    expect(printableStatus({ ...base, vmi: { ...vmi, paused: true } })).toBe("Paused")
    expect(printableStatus({ ...base, vmi: { ...vmi, migrating: true, paused: true } })).toBe("Migrating")
    expect(printableStatus({ ...base, deleting: true, vmi })).toBe("Terminating")
    expect(printableStatus({ ...base, vmi: { ...vmi, phase: "Scheduling", unschedulable: true } })).toBe("ErrorUnschedulable")
    expect(printableStatus({ ...base, vmi: { ...vmi, phase: "Pending" } })).toBe("Starting")
    expect(printableStatus({ ...base, volumes: "provisioning", vmi: undefined })).toBe("Provisioning")
  })
})

describe("agreement with the category layer's presented free categories", () => {
  it("finite machines: hom-set counts equal the number of runs; cyclic ones are infinite with a cycle", () => {
    for (const g of [vmiPhases, migrationPhases, seedPodMachine]) {
      const F = presentedFreeCategory(g)
      expect(F.size).toBe("finite")
      const runs = runsUpTo(g, g.states.length) // acyclic: no run is longer than the number of states
      for (const x of g.states)
        for (const y of g.states) {
          const mine = runs.filter((r) => r.dom === x && r.cod === y).length
          expect(F.finite?.homCount(F.objectId(x), F.objectId(y)), `${g.name}: ${x} → ${y}`).toBe(mine)
        }
    }
    const vm = presentedFreeCategory(seedVmMachine)
    expect(vm.size).toBe("infinite")
    expect(vm.cycle?.length).toBe(2)
    expect(presentedFreeCategory(containerStates).size).toBe("infinite") // restart: Terminated → Waiting
    expect(presentedFreeCategory(podPhases).cycle).toEqual(["Running→Unknown", "Unknown→Running"]) // node lost and back
  })
})

describe("parallel transitions (review: the presented free category refused them as 'arrow declared twice')", () => {
  it("two transitions A → B are two arrows: hom(A, B) has 2 elements, hom(A, C) 2 × 1 + 1, as the runs count", () => {
    const g = transitionGraph("par", ["A", "B", "C"], [["A", "B", "retry"], ["A", "B", "start"], ["B", "C", "done"], ["A", "C", "skip"], ["A", "C", "skip"]], ["A"], "test")
    const F = presentedFreeCategory(g)
    expect(F.size).toBe("finite")
    // by hand: A→B via retry or start; A→C via (retry|start);done, or either of the two skip edges
    expect(F.finite?.homCount(F.objectId("A"), F.objectId("B"))).toBe(2)
    expect(F.finite?.homCount(F.objectId("A"), F.objectId("C"))).toBe(4)
    expect(F.presentation.generators).toEqual(["A→B [retry]", "A→B [start]", "B→C", "A→C [skip] #3", "A→C [skip] #4"])
    const runs = runsUpTo(g, 3)
    expect(runs.filter((r) => r.dom === "A" && r.cod === "C")).toHaveLength(4)
  })
})
