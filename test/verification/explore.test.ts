import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runConfig } from "../../src/laws/RunConfig.ts"
import { seedVmMachine } from "../../src/domain/state/machines.ts"
import { check } from "../../src/verification/Check.ts"
import { explore, ModelError } from "../../src/verification/Explore.ts"
import { always, deadlockFree } from "../../src/verification/Formula.ts"
import { guarded } from "../../src/verification/Guarded.ts"
import { MachineError, product, vmLifecycle, type Machine } from "../../src/verification/Product.ts"
import { proposition, type TransitionSystem } from "../../src/verification/TransitionSystem.ts"

/** A counter 0 … max with +1 and +2 steps: the shortest path to x is ⌈x/2⌉ steps. */
const counter = (max: number) =>
  guarded({
    name: "counter",
    fields: [{ name: "x", values: max + 1 }],
    initial: [[0]],
    commands: [
      { action: "inc", guard: (s) => s.get(0) + 1 <= max, update: (s, t) => t.set(0, s.get(0) + 1) },
      { action: "inc2", guard: (s) => s.get(0) + 2 <= max, update: (s, t) => t.set(0, s.get(0) + 2) },
    ],
  })

describe("explore / products", () => {
  it("the product of n VM lifecycles has 6ⁿ states and n·8·6ⁿ⁻¹ transitions", () => {
    // each VM has 8 local transitions; in the product each fires in 6ⁿ⁻¹ contexts
    for (const n of [1, 2, 3, 4, 5]) {
      const g = explore(product(`${n} VMs`, Array.from({ length: n }, (_, i) => vmLifecycle(`vm${i}`))))
      expect(g.states).toBe(6 ** n)
      expect(g.transitions).toBe(n * 8 * 6 ** (n - 1))
      expect(g.complete).toBe(true)
      expect(g.deadlocks).toBe(0)
    }
  })

  it("uses the domain's seed VM machine (S3.2) as its component", () => {
    const m = vmLifecycle("vm")
    expect(m.states).toEqual(seedVmMachine.states)
    expect(m.transitions).toEqual(seedVmMachine.transitions.map((t) => [t.from, t.label, t.to]))
  })

  it("packs 8 six-state components into one 32-bit word", () => {
    expect(product("8", Array.from({ length: 8 }, (_, i) => vmLifecycle(`vm${i}`))).width).toBe(1)
    expect(product("11", Array.from({ length: 11 }, (_, i) => vmLifecycle(`vm${i}`))).width).toBe(2)
  })

  it("stops incomplete at the state bound", () => {
    const g = explore(product("4", Array.from({ length: 4 }, (_, i) => vmLifecycle(`vm${i}`))), { maxStates: 100 })
    expect(g.complete).toBe(false)
    expect(g.states).toBeLessThan(6 ** 4)
  })

  it("never stores more states than the bound, and is complete only when it stored them all", () => {
    const system = product("3", Array.from({ length: 3 }, (_, i) => vmLifecycle(`vm${i}`)))
    const all = explore(system).states
    const { seed, numRuns } = runConfig(100)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: all + 5 }), (bound) => {
        const g = explore(system, { maxStates: bound })
        expect(g.states).toBeLessThanOrEqual(bound)
        expect(g.complete).toBe(bound >= all)
        if (bound < all) expect(g.states).toBe(bound)
      }),
      { seed, numRuns },
    )
  })

  it("rejects machines that name unknown states, with the path", () => {
    const bad: Machine = { name: "m", states: ["A", "B"], initial: "A", transitions: [["A", "go", "C"]] }
    expect(() => product("p", [bad])).toThrow(MachineError)
    expect(() => product("p", [bad])).toThrow(/machines\[0\]\.transitions\[0\]\[2\]: unknown state 'C'/)
  })

  it("rejects ill-formed systems before exploring", () => {
    const broken: TransitionSystem = { ...counter(3), initial: [[0, 0]] }
    expect(() => explore(broken)).toThrow(ModelError)
    expect(() => explore(broken)).toThrow(/initial\[0\]: expected 1 words, got 2/)
  })
})

describe("safety: □p with the shortest counterexample", () => {
  it("finds the BFS-shortest path to the first violation", () => {
    for (const bad of [1, 4, 7, 10]) {
      const system = counter(12)
      const r = check(system, always(proposition(`x ≠ ${bad}`, (w, at) => system.read(w, at, 0) !== bad)))
      expect(r.status).toBe("violated")
      const trace = r.trace!
      expect(trace.prefix.length - 1).toBe(Math.ceil(bad / 2))
      expect(trace.prefix.at(-1)!.state["x"]).toBe(bad)
      expect(trace.prefix[0]!.action).toBe("(init)")
      // every step is a real +1 / +2 move
      for (let k = 1; k < trace.prefix.length; k++) {
        const step = (trace.prefix[k]!.state["x"] as number) - (trace.prefix[k - 1]!.state["x"] as number)
        expect(step).toBe(trace.prefix[k]!.action === "inc" ? 1 : 2)
      }
    }
  })

  it("reports holds with the full state count when no state violates", () => {
    const system = counter(9)
    const r = check(system, always(proposition("x ≤ 9", (w, at) => system.read(w, at, 0) <= 9)))
    expect(r.status).toBe("holds")
    expect(r.stats.states).toBe(10)
  })

  it("reports unknown, not holds, when the bound stops the search first", () => {
    const system = counter(1000)
    const r = check(system, always(proposition("x ≠ 900", (w, at) => system.read(w, at, 0) !== 900)), { maxStates: 50 })
    expect(r.status).toBe("unknown")
  })
})

describe("deadlock detection", () => {
  it("finds the shortest path to a state with no successors", () => {
    const r = check(counter(5), deadlockFree())
    expect(r.status).toBe("violated")
    expect(r.trace!.prefix.at(-1)!.state["x"]).toBe(5)
    expect(r.trace!.prefix.length - 1).toBe(3)
  })

  it("accepts allowed terminal states", () => {
    const system = counter(5)
    const r = check(system, deadlockFree(proposition("x = 5", (w, at) => system.read(w, at, 0) === 5)))
    expect(r.status).toBe("holds")
  })

  it("the VM lifecycle product never deadlocks", () => {
    expect(check(product("3", [vmLifecycle("a"), vmLifecycle("b"), vmLifecycle("c")]), deadlockFree()).status).toBe("holds")
  })
})
