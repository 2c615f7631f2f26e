/**
 * Liveness under weak fairness, checked against an independent reference on random graphs: the
 * reference searches the product of the graph with "which fair actions have been satisfied"
 * masks (no SCCs), so the two algorithms share nothing but the semantics.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runConfig } from "../../src/laws/RunConfig.ts"
import { check } from "../../src/verification/Check.ts"
import { alwaysEventually, eventually, leadsTo, type Formula } from "../../src/verification/Formula.ts"
import type { Fairness } from "../../src/verification/Liveness.ts"
import type { Trace } from "../../src/verification/Trace.ts"
import { proposition, type TransitionSystem } from "../../src/verification/TransitionSystem.ts"

interface Graph {
  readonly n: number
  readonly labels: number
  readonly edges: ReadonlyArray<readonly [number, number, number]>
  readonly fair: ReadonlyArray<number>
  readonly p: number // bitmask over nodes
  readonly q: number
}

const graphsUpTo = (maxNodes: number, maxLabels: number): fc.Arbitrary<Graph> => fc
  .record({ n: fc.integer({ min: 1, max: maxNodes }), labels: fc.integer({ min: 1, max: maxLabels }) })
  .chain(({ n, labels }) =>
    fc.record({
      n: fc.constant(n),
      labels: fc.constant(labels),
      edges: fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.nat(labels - 1)), {
        maxLength: 3 * n,
        selector: ([a, b, l]) => `${a},${b},${l}`,
      }),
      fair: fc.subarray(Array.from({ length: labels }, (_, i) => i)),
      p: fc.nat(2 ** n - 1),
      q: fc.nat(2 ** n - 1),
    }),
  )
const graphArbitrary = graphsUpTo(6, 3)

const systemOf = (g: Graph): TransitionSystem => ({
  name: "random graph",
  width: 1,
  actions: Array.from({ length: g.labels }, (_, i) => `a${i}`),
  fairActions: g.fair,
  maxSuccessors: Math.max(1, g.edges.length),
  initial: [[0]],
  successors: (w, at, out, labels) => {
    let k = 0
    for (const [from, to, label] of g.edges) {
      if (from !== w[at]) continue
      out[k] = to
      labels[k++] = label
    }
    return k
  },
  describe: (w, at) => ({ node: w[at]! }),
})

const has = (mask: number, v: number): boolean => (mask & (1 << v)) !== 0

/** Is there a fair behaviour from `start` that never visits q? (reference, no SCCs) */
const fairEscape = (g: Graph, start: number, fairness: Fairness): boolean => {
  const notQ = (v: number) => !has(g.q, v)
  if (!notQ(start)) return false
  const out = (v: number) => g.edges.filter(([a]) => a === v)
  const full = g.fair.reduce((m, a) => m | (1 << a), 0)
  const disabledAt = (v: number) => g.fair.reduce((m, a) => (out(v).some(([, , l]) => l === a) ? m : m | (1 << a)), 0)
  // nodes reachable from start through ¬q
  const reach = new Set([start])
  const stack = [start]
  while (stack.length > 0) for (const [, b] of out(stack.pop()!)) if (notQ(b) && !reach.has(b)) (reach.add(b), stack.push(b))
  for (const u of reach) {
    if (fairness === "none" || disabledAt(u) === full) return true // stutter forever at u
    // search (node, satisfied-mask) for a return to u with every fair action satisfied
    const seen = new Set<string>()
    const queue: Array<readonly [number, number]> = out(u)
      .filter(([, b]) => notQ(b))
      .map(([, b, l]) => [b, disabledAt(u) | (g.fair.includes(l) ? 1 << l : 0) | disabledAt(b)] as const)
    while (queue.length > 0) {
      const [v, m] = queue.shift()!
      if (v === u && m === full) return true
      const key = `${v}/${m}`
      if (seen.has(key)) continue
      seen.add(key)
      for (const [, b, l] of out(v)) if (notQ(b)) queue.push([b, m | (g.fair.includes(l) ? 1 << l : 0) | disabledAt(b)])
    }
  }
  return false
}

const reachable = (g: Graph): ReadonlyArray<number> => {
  const seen = new Set([0])
  const stack = [0]
  while (stack.length > 0) {
    const v = stack.pop()!
    for (const [a, b] of g.edges) if (a === v && !seen.has(b)) (seen.add(b), stack.push(b))
  }
  return [...seen]
}

/** The trace is a real lasso of the graph that avoids q from some p-state on, and is fair. */
const assertLasso = (g: Graph, trace: Trace, startMask: number, fairness: Fairness): void => {
  const nodes = [...trace.prefix, ...trace.cycle].map((s) => s.state["node"] as number)
  const actions = [...trace.prefix, ...trace.cycle].map((s) => s.action)
  expect(nodes[0]).toBe(0)
  for (let k = 1; k < nodes.length; k++) {
    if (actions[k] === "(stutter)") expect(nodes[k]).toBe(nodes[k - 1])
    else expect(g.edges.some(([a, b, l]) => a === nodes[k - 1] && b === nodes[k] && `a${l}` === actions[k])).toBe(true)
  }
  const entry = nodes[trace.prefix.length - 1]!
  expect(nodes.at(-1)).toBe(entry)
  const firstBad = nodes.findIndex((v, i) => has(startMask, v) && nodes.slice(i).every((w) => !has(g.q, w)))
  expect(firstBad).toBeGreaterThanOrEqual(0)
  expect(firstBad).toBeLessThan(trace.prefix.length)
  if (fairness === "none") return
  const cycleNodes = trace.cycle.map((s) => s.state["node"] as number)
  const cycleActions = trace.cycle.map((s) => s.action)
  for (const a of g.fair) {
    const taken = cycleActions.includes(`a${a}`)
    const disabledSomewhere = cycleNodes.some((v) => !g.edges.some(([x, , l]) => x === v && l === a))
    expect(taken || disabledSomewhere, `fair action a${a} neither taken nor disabled on the cycle`).toBe(true)
  }
}

describe("liveness under weak fairness vs an independent reference", () => {
  const cases: ReadonlyArray<readonly [string, (g: Graph, s: TransitionSystem) => Formula, (g: Graph) => number]> = [
    ["p ⇝ q", (g) => leadsTo(proposition("p", (w, at) => has(g.p, w[at]!)), proposition("q", (w, at) => has(g.q, w[at]!))), (g) => g.p],
    ["◇q", (g) => eventually(proposition("q", (w, at) => has(g.q, w[at]!))), () => 1],
    ["□◇q", (g) => alwaysEventually(proposition("q", (w, at) => has(g.q, w[at]!))), (g) => 2 ** g.n - 1],
  ]
  for (const fairness of ["weak", "none"] as const) {
    for (const [name, formulaOf, startsOf] of cases) {
      it(`${name} (${fairness} fairness): same answer, and a valid fair lasso when violated`, () => {
        const { seed, numRuns } = runConfig(150)
        fc.assert(
          fc.property(graphArbitrary, (g) => {
            const system = systemOf(g)
            const result = check(system, formulaOf(g, system), { fairness })
            const starts = startsOf(g)
            const expected = reachable(g).some((v) => has(starts, v) && fairEscape(g, v, fairness))
            expect(result.status).toBe(expected ? "violated" : "holds")
            if (expected) assertLasso(g, result.trace!, starts, fairness)
          }),
          { seed, numRuns },
        )
      })
    }
  }

  it("larger graphs (up to 24 states, 4 actions): p ⇝ q agrees with the reference", () => {
    const { seed, numRuns } = runConfig(40)
    fc.assert(
      fc.property(graphsUpTo(24, 4), (g) => {
        const result = check(systemOf(g), cases[0]![1](g, systemOf(g)))
        const expected = reachable(g).some((v) => has(g.p, v) && fairEscape(g, v, "weak"))
        expect(result.status).toBe(expected ? "violated" : "holds")
        if (expected) assertLasso(g, result.trace!, g.p, "weak")
      }),
      { seed, numRuns },
    )
  })

  it("weak fairness matters: a fair action enabled forever must be taken", () => {
    // 0 --work(fair)--> 1 (goal); 0 --idle(unfair)--> 0
    const g: Graph = { n: 2, labels: 2, edges: [[0, 1, 0], [0, 0, 1]], fair: [0], p: 1, q: 2 }
    const system = systemOf(g)
    const q = proposition("at 1", (w, at) => w[at] === 1)
    expect(check(system, eventually(q), { fairness: "weak" }).status).toBe("holds")
    const unfair = check(system, eventually(q), { fairness: "none" })
    expect(unfair.status).toBe("violated")
    expect(unfair.trace!.prefix.map((s) => s.state["node"])).toEqual([0])
  })

  it("the checker catches a broken instance: a fair action that is only intermittently enabled", () => {
    // 0 --go(fair)--> 2 (goal), 0 --toggle--> 1, 1 --toggle--> 0: go is disabled at 1 infinitely often
    const g: Graph = { n: 3, labels: 2, edges: [[0, 2, 0], [0, 1, 1], [1, 0, 1]], fair: [0, 1], p: 1, q: 4 }
    const result = check(systemOf(g), eventually(proposition("at 2", (w, at) => w[at] === 2)))
    expect(result.status).toBe("violated")
    expect(result.trace!.cycle.map((s) => [s.action, s.state["node"]])).toEqual([
      ["a1", 1],
      ["a1", 0],
    ])
  })
})
