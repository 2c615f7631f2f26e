/**
 * Preemption (S9.2) and selection, on hand-built clusters whose answers are worked out by hand.
 */
import { describe, expect, it } from "vitest"
import { hotScheduler, node, pod, random, readableScheduler, selectHost, snapshot } from "../../src/scheduler/index.ts"

const Gi = 2 ** 30

for (const [name, make] of [
  ["readable σ", readableScheduler],
  ["hot path", hotScheduler],
] as const) {
  describe(`preemption (${name})`, () => {
    it("evicts the lowest priorities, reprieves what it can, prefers the node with the lowest top victim", () => {
      // a: victims would be prio 5 pods; b: a prio 1 pod and a prio 3 pod.
      const cluster = snapshot(
        [node("a", { cpu: 2000, memory: 8 * Gi, pods: 10 }), node("b", { cpu: 2000, memory: 8 * Gi, pods: 10 })],
        [
          { pod: pod("d/a1", { cpu: 1000 }, { priority: 5 }), node: "a" },
          { pod: pod("d/a2", { cpu: 1000 }, { priority: 5 }), node: "a" },
          { pod: pod("d/b1", { cpu: 500 }, { priority: 1 }), node: "b" },
          { pod: pod("d/b2", { cpu: 1000 }, { priority: 3 }), node: "b" },
          { pod: pod("d/b3", { cpu: 500 }, { priority: 9 }), node: "b" },
        ],
      )
      const s = make(cluster)
      const r = s.schedule(pod("d/urgent", { cpu: 900 }, { priority: 7 }))
      // Node b: remove b1 (prio 1) and b2 (prio 3) → free 2000 − 500 = 1500 ≥ 900, a candidate.
      // Reprieve the most important first: b2 back → free 500 < 900, so b2 is a victim; b1 back →
      // free 1000 ≥ 900, reprieved. Victims on b: [b2], highest victim priority 3.
      // Node a: remove a1, a2 (prio 5) → free 2000. Equal priority: a1 started earlier, so it is
      // more important and reprieved first (free 1000 ≥ 900); a2 back → 0 < 900 → victim.
      // Victims on a: [a2], highest priority 5. Lowest highest-victim priority wins: b.
      expect(r).toMatchObject({ pod: "d/urgent", node: "b", victims: ["d/b2"] })
      expect(s.bindings().find((x) => x.node === "b")?.pods).toEqual(["d/b1", "d/b3", "d/urgent"])
    })

    it("preemptionPolicy: Never leaves the pod pending", () => {
      const cluster = snapshot([node("a", { cpu: 1000, memory: Gi, pods: 10 })], [{ pod: pod("d/x", { cpu: 1000 }, { priority: 1 }), node: "a" }])
      const polite = pod("d/polite", { cpu: 500 }, { priority: 9, neverPreempts: true })
      expect(make(cluster).schedule(polite)).toMatchObject({ node: null, victims: [] })
      expect(make(cluster).schedule({ ...polite, neverPreempts: false })).toMatchObject({ node: "a", victims: ["d/x"] })
    })

    it("no preemption across UnschedulableAndUnresolvable nodes, nor of equal priority", () => {
      const cluster = snapshot([node("a", { cpu: 1000, memory: Gi, pods: 10 })], [{ pod: pod("d/x", { cpu: 1000 }, { priority: 5 }), node: "a" }])
      const s = make(cluster)
      expect(s.schedule(pod("d/big", { cpu: 2000 }, { priority: 9 }))).toMatchObject({ node: null, victims: [] })
      expect(s.schedule(pod("d/same", { cpu: 500 }, { priority: 5 }))).toMatchObject({
        node: null,
        reasons: ["0/1 nodes are available", "1 Insufficient cpu"],
      })
    })
  })
}

describe("selection", () => {
  it("the tie-break is seeded and uniform over the top nodes, one draw only on ties", () => {
    const totals = Float64Array.of(7, 9, 3, 9, 9)
    const counts = [0, 0, 0, 0, 0]
    for (let seed = 0; seed < 3000; seed++) counts[selectHost(totals, 5, random(seed))]! += 1
    expect(counts[0]).toBe(0)
    expect(counts[2]).toBe(0)
    for (const i of [1, 3, 4]) expect(Math.abs(counts[i]! - 1000)).toBeLessThan(120)
    expect(selectHost(totals, 5, random(42))).toBe(selectHost(totals, 5, random(42)))
    // a unique top draws nothing: the PRNG state is untouched
    const rng = random(7)
    expect(selectHost(Float64Array.of(1, 5, 2), 3, rng)).toBe(1)
    expect(rng.state).toBe(random(7).state)
  })
})
