/**
 * Properties of the replica calculator over random snapshots (ready, Pending and metric-less
 * pods): it never moves against the direction the ready pods' utilization points to, and the
 * result does not depend on the order of pods. The direction checker is shown catching a
 * calculator that reads a missing metric as 0 usage.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  defaultReadinessTiming,
  defaultTolerances,
  resourceReplicas,
  type Calculation,
  type PodMetric,
  type PodSnapshot,
} from "../../../src/dynamics/autoscaling/index.ts"
import { runConfig } from "../../../src/laws/RunConfig.ts"

const NOW = 10_000_000
type Kind = "ready" | "pending" | "missing"
interface Case {
  readonly pods: ReadonlyArray<PodSnapshot>
  readonly metrics: ReadonlyMap<string, PodMetric>
  readonly target: number
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    pods: fc.array(fc.record({ kind: fc.constantFrom<Kind>("ready", "ready", "pending", "missing"), request: fc.integer({ min: 100, max: 2000 }), load: fc.double({ min: 0, max: 4, noNaN: true }) }), { minLength: 1, maxLength: 12 }),
    target: fc.integer({ min: 10, max: 150 }),
  })
  .filter((c) => c.pods.some((p) => p.kind === "ready"))
  .map(({ pods, target }) => {
    const metrics = new Map<string, PodMetric>()
    const snapshots = pods.map((p, i): PodSnapshot => {
      const name = `p${i}`
      const containers = [{ name: "app", requests: { cpu: p.request } }]
      if (p.kind === "pending") return { name, phase: "Pending", deleting: false, containers }
      if (p.kind === "ready") metrics.set(name, { value: Math.round(p.load * p.request), timestamp: NOW, window: 15_000 })
      return { name, phase: "Running", deleting: false, startTime: 0, ready: { status: "True", lastTransitionTime: 1000 }, containers }
    })
    return { pods: snapshots, metrics, target }
  })

type Calculator = (current: number, c: Case) => Calculation
const real: Calculator = (current, c) =>
  resourceReplicas({ currentReplicas: current, pods: c.pods, metrics: c.metrics, tolerances: defaultTolerances, now: NOW, timing: defaultReadinessTiming, resource: "cpu", targetUtilization: c.target })

/** The ready pods' utilization ratio, as the first pass of the calculator sees it. */
const readyRatio = (c: Case): number => {
  let usage = 0
  let request = 0
  for (const p of c.pods) {
    const m = c.metrics.get(p.name)
    if (m === undefined) continue
    usage += m.value
    request += p.containers[0]!.requests["cpu"]!
  }
  return Math.floor((100 * usage) / request) / c.target
}

/** Runs the direction property on a calculator; the failure (with its counterexample) or undefined. */
const checkDirection = (calculator: Calculator) =>
  fc.check(
    fc.property(caseArb, (c) => {
      const current = c.pods.length
      const r = calculator(current, c)
      if (r._tag !== "Proposal") return true
      const ratio = readyRatio(c)
      if (ratio > 1 + defaultTolerances.scaleUp) return r.replicas >= current
      if (ratio < 1 - defaultTolerances.scaleDown) return r.replicas <= current
      return true
    }),
    runConfig(300),
  )

describe("replica calculator properties", () => {
  it("never proposes against the ready pods' direction", () => {
    const result = checkDirection(real)
    expect(result.failed, String(result.counterexample)).toBe(false)
  })

  it("the checker catches a calculator that reads a missing metric as 0 usage", () => {
    const zeroForMissing: Calculator = (current, c) => {
      const metrics = new Map(c.metrics)
      for (const p of c.pods) if (p.phase === "Running" && !metrics.has(p.name)) metrics.set(p.name, { value: 0, timestamp: NOW, window: 15_000 })
      return real(current, { ...c, metrics })
    }
    const result = checkDirection(zeroForMissing)
    expect(result.failed).toBe(true)
    const [c] = result.counterexample as [Case]
    // the counterexample: ready pods above target, some pod without a metric, and a scale-down
    expect(readyRatio(c)).toBeGreaterThan(1.1)
    expect(c.pods.some((p) => p.phase === "Running" && !c.metrics.has(p.name))).toBe(true)
    expect((zeroForMissing(c.pods.length, c) as { replicas: number }).replicas).toBeLessThan(c.pods.length)
  })

  it("does not depend on the order of the pods", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 20 }), (c, current) => {
        const reversed = { ...c, pods: [...c.pods].reverse() }
        expect(real(current, reversed)).toEqual(real(current, c))
      }),
      runConfig(200),
    )
  })
})
