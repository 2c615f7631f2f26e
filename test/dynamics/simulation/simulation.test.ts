/**
 * The closed loop: reproducible from its seed, the step's invariants, the Smith proposal by
 * hand, and the measures catching a broken trace.
 */
import { describe, expect, it } from "vitest"
import {
  measure,
  seriesCsv,
  seriesRows,
  simulateAutoscaling,
  smithProposal,
  type Trace,
} from "../../../src/dynamics/simulation/index.ts"

describe("simulateAutoscaling", () => {
  const vm = simulateAutoscaling({ workload: "vm", predictor: false, seed: 42, durationSeconds: 1200 })
  it("is a function of its seed", () => {
    const again = simulateAutoscaling({ workload: "vm", predictor: false, seed: 42, durationSeconds: 1200 })
    expect(Array.from(again.series.ready)).toEqual(Array.from(vm.series.ready))
    const other = simulateAutoscaling({ workload: "vm", predictor: false, seed: 43, durationSeconds: 1200 })
    expect(Array.from(other.series.ready)).not.toEqual(Array.from(vm.series.ready))
  })
  it("keeps ready ≤ pods, pods within [min, max], V = (ready − reference)²", () => {
    const s = vm.series
    for (let t = 0; t < 1200; t++) {
      expect(s.ready[t]!).toBeLessThanOrEqual(s.pods[t]!)
      expect(s.pods[t]!).toBeGreaterThanOrEqual(2)
      expect(s.pods[t]!).toBeLessThanOrEqual(40)
      expect(s.lyapunov[t]).toBe((s.ready[t]! - s.reference[t]!) ** 2)
    }
  })
  it("changes replicas only at 15 s syncs", () => {
    const s = vm.series
    for (let t = 1; t < 1200; t++) if (s.pods[t] !== s.pods[t - 1]) expect(t % 15).toBe(0)
  })
  it("VMs take longer than containers to reach the reference after the step", () => {
    const c = simulateAutoscaling({ workload: "container", predictor: false, seed: 42, durationSeconds: 1200 })
    expect(c.performance.reactionSeconds!).toBeLessThan(vm.performance.reactionSeconds!)
  })
  it("emits CSV with a header and one line per second", () => {
    const csv = seriesCsv(vm.series).trimEnd().split("\n")
    expect(csv[0]).toBe("t,load,reference,ready,pods,desired,lyapunov")
    expect(csv.length).toBe(1201)
    expect(seriesRows(vm.series, 15).length).toBe(80)
  })
})

describe("smithProposal", () => {
  const params = { targetUtilization: 60, requestMilli: 1000, gain: 1 / 600 }
  it("scale(m(t−τ)) + K_p·Δm, rounded up", () => {
    // τ ago 5 ready at 600m: U = 60 → ratio 1 (dead band) → 5; +3000m·(1/600) = 5 → 10
    expect(smithProposal({ observed: 3000, ready: 5, pods: 5 }, 6000, params)).toBe(10)
    // τ ago U = 120 → ⌈2·5⌉... ratio 2 → 10; Δm = −600 → 10 − 1 = 9
    expect(smithProposal({ observed: 6000, ready: 5, pods: 5 }, 5400, params)).toBe(9)
    // the dead band applies to the delayed part only: U = 66 → ratio 1.1 → keeps 7 pods; Δ 100m → ⌈7.17⌉ = 8
    expect(smithProposal({ observed: 3300, ready: 5, pods: 7 }, 3400, params)).toBe(8)
  })
})

describe("measure", () => {
  const trace = (ready: number[], reference: number[]): Trace => {
    const n = ready.length
    const f = (xs: number[]) => Float64Array.from(xs)
    return {
      load: new Float64Array(n),
      reference: f(reference),
      ready: f(ready),
      pods: f(ready),
      desired: f(ready),
      observed: new Float64Array(n),
      lyapunov: f(ready.map((r, i) => (r - reference[i]!) ** 2)),
    }
  }
  it("overshoot, reaction, settling and V increases on a hand-made trace", () => {
    // step at 2 to 10; ready 5,5,5,8,12,11,10,10
    const m = measure(trace([5, 5, 5, 8, 12, 11, 10, 10], [5, 5, 10, 10, 10, 10, 10, 10]), 8, 1000)
    expect(m).toMatchObject({ stepAt: 2, stepReference: 10, overshootReplicas: 2, overshootPercent: 20, reactionSeconds: 2, settlingSeconds: 3 })
    // V: 0,0,25,4,4,1,0,0 → rises only at the step (reference change): no loop-made increase; 3→4: 4 → 4 flat
    expect(m.lyapunov).toMatchObject({ increasingSeconds: 0, flatSeconds: 1, decreasingSeconds: 3 })
  })
  it("measures the dead time against the HPA's desired count", () => {
    // desired rises 5 → 8 at second 1; ready stays 5 until second 4, then 6
    const t = trace([5, 5, 5, 5, 6, 8], [5, 8, 8, 8, 8, 8])
    const withDesired = { ...t, desired: Float64Array.from([5, 8, 8, 8, 8, 8]) }
    expect(measure(withDesired, 6, 1000).lyapunov.againstDesired).toEqual({ increasingSeconds: 1, rises: 1, meanSecondsToFirstDecrease: 3 })
  })
  it("catches a loop that moves away from a constant reference", () => {
    const m = measure(trace([10, 11, 12, 10], [10, 10, 10, 10]), 4, 1000)
    expect(m.lyapunov.increasingSeconds).toBe(2)
    expect(m.lyapunov.increases[0]).toEqual({ from: 0, to: 1, from_V: 0, to_V: 1 })
  })
})
