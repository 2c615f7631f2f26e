/**
 * Invariants of a batch, as property tests over random clusters and workloads (both engines):
 * no node is overcommitted on any resource, pod count or (with catcluster's NumaFit on) NUMA
 * cell; every pod is bound or pending with a reason; the same seed gives the same placements.
 * Each checker is also shown catching a broken instance.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runConfig } from "../../src/laws/RunConfig.ts"
import {
  hotScheduler,
  numaCellsOf,
  type Placement,
  podRequests,
  readableScheduler,
  type Scheduler,
  type SchedulingNode,
  type SchedulingPod,
  pod,
  vmAwareProfile,
  withoutStatusResources,
} from "../../src/scheduler/index.ts"
import { clusterArb } from "./arbitraries.ts"

/** The first overcommitted (node, resource) after a batch, or undefined. */
const overcommit = (nodes: ReadonlyArray<SchedulingNode>, pods: ReadonlyArray<SchedulingPod>, s: Scheduler): string | undefined => {
  const byKey = new Map(pods.map((p) => [p.key, p]))
  for (const { node, pods: keys } of s.bindings()) {
    const n = nodes.find((x) => x.name === node) as SchedulingNode
    if (keys.length > (n.allocatable["pods"] ?? 0)) return `${node}: pods ${keys.length}`
    const used: Record<string, number> = {}
    let numaCpus = 0
    for (const k of keys) {
      const p = byKey.get(k) as SchedulingPod
      for (const [r, v] of Object.entries(podRequests(p))) used[r] = (used[r] ?? 0) + v
      numaCpus += p.numa?.vcpus ?? 0
    }
    for (const [r, v] of Object.entries(used)) if (v > 0 && v > (n.allocatable[r] ?? 0)) return `${node}: ${r} ${v} > ${n.allocatable[r] ?? 0}`
    const cells = numaCellsOf(n).reduce((sum, c) => sum + c.cpus, 0)
    if (numaCpus > cells) return `${node}: NUMA cpus ${numaCpus} > ${cells}`
  }
  return undefined
}

const pendingWithoutReason = (placements: ReadonlyArray<Placement>): Placement | undefined =>
  placements.find((p) => p.node === null && p.reasons.length === 0)

const engines = [
  ["readable σ", readableScheduler],
  ["hot path", hotScheduler],
] as const

describe("batch invariants", () => {
  for (const [name, make] of engines) {
    it(`${name}: no overcommit, every pod bound or pending with a reason, same seed same placements`, () => {
      const { seed, numRuns } = runConfig(150)
      fc.assert(
        fc.property(clusterArb, ({ nodes, pods: generated, seed: tieSeed }) => {
          // pods to schedule have no status yet (the generator's resize status is for bound pods):
          // the filter's spec requests are then what they hold once bound
          const pods = generated.map(withoutStatusResources)
          const s = make({ nodes, bound: [] }, { seed: tieSeed, profile: vmAwareProfile })
          const placements = pods.map((p) => s.schedule(p))
          expect(overcommit(nodes, pods, s)).toBeUndefined()
          expect(pendingWithoutReason(placements)).toBeUndefined()
          const again = make({ nodes, bound: [] }, { seed: tieSeed, profile: vmAwareProfile })
          expect(pods.map((p) => again.schedule(p))).toEqual(placements)
        }),
        { seed, numRuns },
      )
    })
  }

  it("the overcommit checker catches a scheduler that ignores requests", () => {
    const nodes: SchedulingNode[] = [{ name: "n", allocatable: { cpu: 1000, pods: 10 }, labels: {}, taints: [], unschedulable: false }]
    const pods: SchedulingPod[] = [1, 2].map((i) => ({ ...readablePod(`d/p${i}`), containers: [{ name: "c", requests: { cpu: 600 } }] }))
    // a broken σ: binds everything to the first node
    const bound: string[] = []
    const broken: Scheduler = {
      seed: 0,
      schedule: (p) => (bound.push(p.key), { pod: p.key, node: "n", reasons: [], message: "", victims: [] }),
      bindings: () => [{ node: "n", pods: bound }],
    }
    pods.forEach((p) => broken.schedule(p))
    expect(overcommit(nodes, pods, broken)).toBe("n: cpu 1200 > 1000")
    expect(pendingWithoutReason([{ pod: "d/x", node: null, reasons: [], message: "", victims: [] }])).toEqual({ pod: "d/x", node: null, reasons: [], message: "", victims: [] })
  })
})

/** A pod with no containers at all (every request key absent). */
const readablePod = (key: string): SchedulingPod => pod(key, {}, { containers: [] })
