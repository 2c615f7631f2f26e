/**
 * S1.2 on generated clusters: v ≤ p for Φ, c ≪ p for Ψ, σ respects capacity — and each checker
 * shown catching a broken instance.
 */
import * as E from "fp-ts/lib/Either.js"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { clusterArbitrary, machineArbitrary } from "../../../src/domain/arbitraries/index.ts"
import {
  capacityViolations,
  checkFullFaithful,
  compatibilityFunctor,
  containerize,
  firstFit,
  fitsIn,
  footprint,
  ResourceLawError,
  schedule,
  unwrap,
  unwrapVm,
  virtualize,
  wayBelow,
  wrap,
  wrapVm,
  type Cluster,
  type OperationGraph,
  type Placement,
} from "../../../src/domain/cluster/index.ts"
import { resources } from "../../../src/domain/resources/index.ts"
import { runConfig } from "../../../src/laws/index.ts"

const { seed, numRuns } = runConfig(100)
const Gi = 1024n ** 3n

describe("Φ and Ψ carry their resource laws", () => {
  it("every VM and container of a generated cluster satisfies v ≤ p / c ≪ p against the machine it came from", () => {
    fc.assert(
      fc.property(clusterArbitrary(), ({ vms, containers }) => {
        for (const v of vms) expect(fitsIn(v.target, v.source)).toBe(true)
        for (const c of containers) expect(wayBelow(c.target, c.source)).toBe(true)
      }),
      { seed, numRuns },
    )
  })

  it("virtualize exists exactly when v ≤ p (too big → a typed error naming the resource)", () => {
    fc.assert(
      fc.property(machineArbitrary("n"), fc.integer({ min: 1, max: 128 }), fc.integer({ min: 1, max: 512 }), (p, vcpus, gi) => {
        const made = virtualize(p, { name: "vm", vcpus, memory: BigInt(gi) * Gi })
        expect(E.isRight(made)).toBe(fitsIn({ vcpus, memory: BigInt(gi) * Gi }, p))
      }),
      { seed, numRuns },
    )
    const small = { _tag: "P", name: "small", capacity: resources({ cpu: 2000, memory: 4n * Gi }), allocatable: resources({ cpu: 1900, memory: 3n * Gi }), kernel: "k" } as const
    const tooBig = virtualize(small, { name: "vm", vcpus: 2, memory: Gi })
    expect(E.isLeft(tooBig) && tooBig.left).toBeInstanceOf(ResourceLawError)
    expect(E.isLeft(tooBig) && tooBig.left.message).toBe("virtualize: small → vm: v ≤ p fails: cpu 2 > allocatable 1900m")
  })

  it("containerize checks limits against capacity: ≪ is stricter than ≤ on requests", () => {
    const p = { _tag: "P", name: "p", capacity: resources({ cpu: 4000, memory: 8n * Gi }), allocatable: resources({ cpu: 3800, memory: 7n * Gi }), kernel: "k" } as const
    const burst = containerize(p, { name: "c", image: "i", requests: resources({ cpu: 100 }), limits: resources({ cpu: 5000 }) })
    expect(E.isLeft(burst) && burst.left.exceeding).toEqual([{ name: "cpu", amount: 5000n, bound: 4000n, against: "capacity" }])
    const fine = containerize(p, { name: "c", image: "i", requests: resources({ cpu: 100 }), limits: resources({ cpu: 4000 }) })
    expect(E.isRight(fine)).toBe(true)
    // a container claiming another kernel is not ≪ p
    if (E.isRight(fine)) expect(wayBelow({ ...fine.right.target, kernel: "other" }, p)).toBe(false)
  })
})

describe("σ respects capacity", () => {
  it("first-fit σ never overfills a machine (generated clusters)", () => {
    fc.assert(
      fc.property(clusterArbitrary(3, 12, 6), ({ cluster }) => {
        expect(capacityViolations(cluster, firstFit(cluster))).toEqual([])
      }),
      { seed, numRuns },
    )
  })

  it("the checker catches a σ that ignores capacity, with a shrunk counterexample", () => {
    // everything on the first machine
    const greedy = (c: Cluster): Placement => new Map(c.units.map((u) => [u.name, c.machines[0]!.name]))
    const details = fc.check(
      fc.property(clusterArbitrary(3, 12, 6), ({ cluster }) => capacityViolations(cluster, greedy(cluster)).length === 0),
      { seed, numRuns },
    )
    expect(details.failed).toBe(true)
    const [{ cluster }] = details.counterexample!
    const violations = capacityViolations(cluster, greedy(cluster))
    expect(violations[0]?.machine).toBe("node-1")
    expect(violations[0]?.exceeding.length).toBeGreaterThan(0)
  })

  it("σ is partial: a unit that fits nowhere has no image", () => {
    const p = { _tag: "P", name: "p", capacity: resources({ cpu: 1000, memory: Gi }), allocatable: resources({ cpu: 1000, memory: Gi }), kernel: "k" } as const
    const vm = virtualize({ ...p, allocatable: resources({ cpu: 8000, memory: 64n * Gi }) }, { name: "big", vcpus: 4, memory: 32n * Gi })
    if (E.isLeft(vm)) throw vm.left
    const cluster: Cluster = { machines: [p], units: [wrapVm(vm.right.target).target] }
    const placement = firstFit(cluster)
    expect(schedule(cluster, placement, cluster.units[0]!)).toBeUndefined()
  })
})

describe("Ω and Ω′", () => {
  it("have left inverses (faithful): unwrap ∘ wrap = id, unwrapVm ∘ wrapVm = id", () => {
    fc.assert(
      fc.property(clusterArbitrary(), ({ containers, vms }) => {
        for (const c of containers) expect(unwrap(wrap(c.target).target)).toBe(c.target)
        for (const v of vms) expect(unwrapVm(wrapVm(v.target).target)).toBe(v.target)
      }),
      { seed, numRuns },
    )
  })

  it("the footprint of a VMI is its launcher pod's requests (overhead included)", () => {
    const p = { _tag: "P", name: "p", capacity: resources({ cpu: 8000, memory: 32n * Gi }), allocatable: resources({ cpu: 8000, memory: 32n * Gi }), kernel: "k" } as const
    const vm = virtualize(p, { name: "vm", vcpus: 2, memory: 2n * Gi })
    if (E.isLeft(vm)) throw vm.left
    const f = footprint(wrapVm(vm.right.target).target)
    expect(f.get("memory")).toBe(2n * Gi + 280n * 1024n * 1024n)
    expect(f.get("cpu")).toBe(200n)
  })
})

describe("checkFullFaithful on runs (review: faithfulness was checked per hom-set of generators only)", () => {
  type S = "A" | "B" | "C" | "D"
  type T = "X" | "Y" | "Z"
  const source: OperationGraph<S> = {
    name: "diamond",
    objects: ["A", "B", "C", "D"],
    operations: [
      { name: "a", from: "A", to: "B" },
      { name: "b", from: "A", to: "C" },
      { name: "c", from: "B", to: "D" },
      { name: "d", from: "C", to: "D" },
    ],
  }
  const target: OperationGraph<T> = {
    name: "line",
    objects: ["X", "Y", "Z"],
    operations: [
      { name: "s", from: "X", to: "Y" },
      { name: "t", from: "Y", to: "Z" },
    ],
  }
  const onObjects = { A: "X", B: "Y", C: "Y", D: "Z" } as const

  it("two generators in different hom-sets with one image collide once composed: a;c and b;d both map to s;t", () => {
    const r = checkFullFaithful<S, T>({ source, target, onObjects, onOperations: { a: "s", b: "s", c: "t", d: "t" } })
    // by hand: every hom-set of generators has at most one element, so the old per-hom test saw nothing
    expect(r.notFaithful).toEqual([])
    expect(r.pathCollision).toEqual({ left: ["a", "c"], right: ["b", "d"] })
    expect(r.faithful).toBe(false)
  })

  it("with distinct images the diamond is faithful; the seed's compatibility functor stays faithful and not full", () => {
    const collapsed = { ...target, operations: [...target.operations, { name: "s2", from: "X" as const, to: "Y" as const }] }
    const r = checkFullFaithful<S, T>({ source, target: collapsed, onObjects, onOperations: { a: "s", b: "s2", c: "t", d: "t" } })
    expect(r).toMatchObject({ pathCollision: undefined, faithful: true })
    expect(checkFullFaithful(compatibilityFunctor)).toMatchObject({ faithful: true, full: false, pathCollision: undefined })
  })
})
