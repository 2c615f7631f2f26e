import * as E from "fp-ts/lib/Either.js"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type Mdp, evaluatePolicy, InvalidMdpError, mdp, mdpOrThrow, policyIteration, qValues, showPolicy, valueIteration } from "../../../src/dynamics/mdp/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

/** A random MDP: up to 6 states, 3 actions, random enabled sets (never empty), random rewards and rows. */
const randomMdp: fc.Arbitrary<Mdp> = fc
  .record({
    S: fc.integer({ min: 1, max: 6 }),
    A: fc.integer({ min: 1, max: 3 }),
    discount: fc.double({ min: 0, max: 0.95, noNaN: true }),
  })
  .chain(({ S, A, discount }) =>
    fc
      .array(
        fc.record({
          enabled: fc.array(fc.boolean(), { minLength: A, maxLength: A }),
          reward: fc.array(fc.integer({ min: -10, max: 10 }), { minLength: A, maxLength: A }),
          weights: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: S, maxLength: S }).filter((w) => w.some((x) => x > 0)), { minLength: A, maxLength: A }),
        }),
        { minLength: S, maxLength: S },
      )
      .map((rows) => {
        const states = Array.from({ length: S }, (_, i) => `s${i}`)
        const actions = Array.from({ length: A }, (_, i) => `a${i}`)
        const transitions = Object.fromEntries(
          rows.map((row, s) => [
            states[s]!,
            Object.fromEntries(
              actions
                .map((a, k) => [a, k] as const)
                .filter(([, k]) => row.enabled[k] || k === 0)
                .map(([a, k]) => {
                  const w = row.weights[k]!
                  const total = w.reduce((x, y) => x + y, 0)
                  // Exact fractions in binary: normalise by a power of two when possible, else fix the last entry.
                  const next: Record<string, number> = {}
                  let acc = 0
                  w.forEach((x, t) => {
                    if (x === 0) return
                    next[states[t]!] = x / total
                    acc += x / total
                  })
                  const last = states[w.findLastIndex((x) => x > 0)]!
                  next[last] = next[last]! + (1 - acc)
                  return [a, { reward: row.reward[k]!, next }]
                }),
            ),
          ]),
        )
        return mdpOrThrow({ states, actions, discount, transitions })
      }),
  )

describe("value iteration and policy iteration", () => {
  it("agree: the VI policy is ε-optimal against the PI optimum, and PI's values satisfy Bellman optimality", () => {
    const { seed, numRuns } = runConfig(150)
    fc.assert(
      fc.property(randomMdp, (m) => {
        const epsilon = 1e-6
        const vi = valueIteration(m, { epsilon })
        const pi = policyIteration(m)
        expect(vi.converged).toBe(true)
        const viValue = evaluatePolicy(m, vi.policy)
        for (let s = 0; s < m.states.length; s++) expect(viValue[s]!).toBeGreaterThanOrEqual(pi.values[s]! - epsilon)
        const q = qValues(m, pi.values)
        const A = m.actions.length
        for (let s = 0; s < m.states.length; s++) {
          let best = -Infinity
          for (let a = 0; a < A; a++) best = Math.max(best, q[s * A + a]!)
          expect(Math.abs(best - pi.values[s]!)).toBeLessThan(1e-8 * (1 + Math.abs(best)))
          expect(m.enabled[s * A + pi.policy[s]!]).toBe(1)
        }
      }),
      { seed, numRuns },
    )
  })

  it("look ahead: wait 0 now for 10 forever beats grab 1 now then 0 forever (V = γ·10/(1−γ))", () => {
    const m = mdpOrThrow({
      states: ["start", "rich", "broke"],
      actions: ["grab", "wait"],
      discount: 0.9,
      transitions: {
        start: { grab: { reward: 1, next: { broke: 1 } }, wait: { reward: 0, next: { rich: 1 } } },
        rich: { wait: { reward: 10, next: { rich: 1 } } },
        broke: { wait: { reward: 0, next: { broke: 1 } } },
      },
    })
    for (const result of [policyIteration(m), valueIteration(m, { epsilon: 1e-10 })]) {
      expect(showPolicy(m, result.policy)["start"]).toBe("wait")
      expect(result.values[0]!).toBeCloseTo((0.9 * 10) / (1 - 0.9), 8)
    }
    // A myopic (γ = 0) agent grabs: the discount is what changes the answer.
    const myopic = mdpOrThrow({ ...{ states: ["start", "rich", "broke"], actions: ["grab", "wait"] }, discount: 0, transitions: {
      start: { grab: { reward: 1, next: { broke: 1 } }, wait: { reward: 0, next: { rich: 1 } } },
      rich: { wait: { reward: 10, next: { rich: 1 } } },
      broke: { wait: { reward: 0, next: { broke: 1 } } },
    } })
    expect(showPolicy(myopic, policyIteration(myopic).policy)["start"]).toBe("grab")
  })

  it("value iteration's stopping bound is what makes the policy right: stopped early it picks the wrong action", () => {
    const m = mdpOrThrow({
      states: ["start", "rich", "broke"],
      actions: ["grab", "wait"],
      discount: 0.9,
      transitions: {
        start: { grab: { reward: 1, next: { broke: 1 } }, wait: { reward: 0, next: { rich: 1 } } },
        rich: { wait: { reward: 10, next: { rich: 1 } } },
        broke: { wait: { reward: 0, next: { broke: 1 } } },
      },
    })
    const truncated = valueIteration(m, { epsilon: 1e-10, maxIterations: 0 })
    expect(truncated.converged).toBe(false)
    expect(showPolicy(m, truncated.policy)["start"]).toBe("grab")
  })
})

describe("MDP validation", () => {
  const base = {
    states: ["a", "b"],
    actions: ["go"],
    discount: 0.9,
    transitions: { a: { go: { reward: 0, next: { b: 1 } } }, b: { go: { reward: 1, next: { a: 1 } } } },
  }
  it("accepts a valid spec", () => expect(E.isRight(mdp(base))).toBe(true))
  it("names the JSON path of a row that does not sum to 1", () => {
    const bad = mdp({ ...base, transitions: { ...base.transitions, b: { go: { reward: 1, next: { a: 0.5, b: 0.4 } } } } })
    expect(bad).toEqual(E.left({ _tag: "RowSum", path: "$.transitions.b.go.next", sum: 0.9 }))
  })
  it("rejects γ ∉ [0, 1), unknown names, negative probabilities and states without actions", () => {
    expect(mdp({ ...base, discount: 1 })).toEqual(E.left({ _tag: "Discount", path: "$.discount", value: 1 }))
    expect(mdp({ ...base, transitions: { ...base.transitions, c: {} } })).toMatchObject(E.left({ _tag: "UnknownName", name: "c", kind: "state" }))
    expect(mdp({ ...base, transitions: { a: { go: { reward: 0, next: { b: 1 } } }, b: { stop: { reward: 0, next: { b: 1 } } } } })).toMatchObject(
      E.left({ _tag: "UnknownName", name: "stop", kind: "action" }),
    )
    expect(mdp({ ...base, transitions: { ...base.transitions, a: { go: { reward: 0, next: { a: -0.5, b: 1.5 } } } } })).toMatchObject(
      E.left({ _tag: "BadNumber", path: "$.transitions.a.go.next.a" }),
    )
    expect(mdp({ ...base, transitions: { a: base.transitions.a } })).toMatchObject(E.left({ _tag: "NoAction", state: "b" }))
    expect(() => mdpOrThrow({ ...base, discount: -1 })).toThrow(InvalidMdpError)
  })
})

describe("MDP validation on data from JSON (review: these threw or gave a misleading issue)", () => {
  const ok = { reward: 1, next: { s: 1 } }
  const reject = (spec: unknown) => {
    const r = mdp(spec as Parameters<typeof mdp>[0])
    if (E.isRight(r)) throw new Error("expected a rejection")
    return r.left
  }

  it("a repeated state or action name is named, not reported as a state without actions", () => {
    expect(reject({ states: ["s", "s"], actions: ["x"], discount: 0.5, transitions: { s: { x: ok } } })).toEqual({ _tag: "DuplicateName", path: "$.states[1]", name: "s", kind: "state" })
    expect(reject({ states: ["s"], actions: ["x", "y", "x"], discount: 0.5, transitions: { s: { x: ok } } })).toMatchObject({ _tag: "DuplicateName", path: "$.actions[2]", kind: "action" })
  })

  it("null where an object belongs is a typed issue at its path", () => {
    expect(reject({ states: ["s"], actions: ["x"], discount: 0.5, transitions: { s: { x: { reward: 1, next: null } } } })).toEqual({ _tag: "NotAnObject", path: "$.transitions.s.x.next", value: "null" })
    expect(reject({ states: ["s"], actions: ["x"], discount: 0.5, transitions: { s: { x: null } } })).toMatchObject({ _tag: "NotAnObject", path: "$.transitions.s.x" })
    expect(reject({ states: ["s"], actions: ["x"], discount: 0.5, transitions: { s: 3 } })).toMatchObject({ _tag: "NotAnObject", path: "$.transitions.s" })
    expect(reject({ states: ["s"], actions: ["x"], discount: 0.5, transitions: null })).toMatchObject({ _tag: "NotAnObject", path: "$.transitions" })
  })

  it("a table too large to allocate is refused before allocating (3000 states × 3000 actions = 2.7e10 entries)", () => {
    const names = (p: string) => Array.from({ length: 3000 }, (_, i) => `${p}${i}`)
    expect(reject({ states: names("s"), actions: names("a"), discount: 0.5, transitions: {} })).toEqual({ _tag: "TooLarge", path: "$", entries: 27_000_000_000 })
  })
})
