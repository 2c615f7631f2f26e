/**
 * The cost of the batch queue's creation order (`runQueue`, `src/scheduler/batch.ts`): a batch of
 * StatefulSets under OrderedReady, where every ordinal but the first waits for the one below it
 * (`createdAfter`), against the same pods with no waits (Parallel), both scheduled by
 * `scheduleBatch` on the hot path. The pods come as `sets` StatefulSets of `ordinals` replicas each,
 * listed set after set and in three priority tiers (so created ordinals keep entering the queue
 * ahead of lower-priority pods), on 500 nodes that take them all (so every ordinal is created).
 * `podsPerSecond` is the ordered batch's throughput (best of three rounds, each also running the
 * Parallel batch, so both see the same load); `parallelPodsPerSecond` the same pods without
 * waits; `queueOnlyPodsPerSecond` the queue alone (each attempt answered at once, no scheduling),
 * which is what the ordering itself costs.
 */
import type { Benchmark } from "./Benchmark.ts"
import { timed } from "./Benchmark.ts"
import { batchOrder, runQueue, scheduleBatch } from "../src/scheduler/batch.ts"
import { snapshot } from "../src/scheduler/model/ClusterSnapshot.ts"
import { pod, type SchedulingPod } from "../src/scheduler/model/SchedulingPod.ts"
import type { Placement } from "../src/scheduler/Placement.ts"
import { syntheticNodes } from "../src/scheduler/workload/generate.ts"

const SEED = 20261127

/** `sets` × `ordinals` pods `bench/s<k>-<i>`; with `ordered`, each waits for the ordinal below it. */
const statefulSets = (sets: number, ordinals: number, ordered: boolean): ReadonlyArray<SchedulingPod> => {
  const out: SchedulingPod[] = []
  for (let s = 0; s < sets; s++) {
    const labels = { app: `s${s}` }
    const controller = { apiVersion: "apps/v1", kind: "StatefulSet", name: `s${s}` }
    for (let i = 0; i < ordinals; i++) {
      out.push(
        pod(`bench/s${s}-${i}`, { cpu: 100 + 50 * (s % 4), memory: 2 ** 27 }, {
          priority: 10 * (s % 3),
          labels: { ...labels, "apps.kubernetes.io/pod-index": String(i) },
          controller,
          ...(ordered && i > 0 ? { createdAfter: [`bench/s${s}-${i - 1}`] } : {}),
        }),
      )
    }
  }
  return out
}

/** 40 StatefulSets of 500 ordinals (20,000 pods; 10 × 200 with --quick) on 500 nodes. */
export const queueOrdered: Benchmark = {
  name: "queue-ordered",
  description: "scheduleBatch on StatefulSets under OrderedReady (each ordinal created once the one below is placed) vs the same pods under Parallel, 500 nodes; and the queue alone",
  run: (options) => {
    const sets = options.quick ? 10 : 40
    const ordinals = options.quick ? 200 : 500
    const nodes = syntheticNodes(500, SEED)
    const ordered = statefulSets(sets, ordinals, true)
    const parallel = statefulSets(sets, ordinals, false)
    const n = ordered.length
    // the two in turn, three rounds, best of each (the first rounds warm the JIT; the machine is shared)
    let o: ReturnType<typeof timed<ReadonlyArray<Placement>>> | undefined
    let p: ReturnType<typeof timed<ReadonlyArray<Placement>>> | undefined
    for (let round = 1; round <= 3; round++) {
      options.progress(`round ${round}/3: ${n} pods on ${nodes.length} nodes, Parallel then OrderedReady`)
      const a = timed(() => scheduleBatch(snapshot(nodes), parallel))
      if (p === undefined || a.seconds < p.seconds) p = a
      const b = timed(() => scheduleBatch(snapshot(nodes), ordered))
      if (o === undefined || b.seconds < o.seconds) o = b
    }
    if (o === undefined || p === undefined) throw new Error("queue-ordered: no round ran")
    const unplaced = o.result.filter((x) => x.node === null).length + p.result.filter((x) => x.node === null).length
    if (unplaced > 0) throw new Error(`queue-ordered: ${unplaced} pods not placed; the benchmark needs room for all`)
    options.progress("the queue alone")
    const order = batchOrder(ordered)
    const placed = (i: number) => ({ pod: (ordered[i] as SchedulingPod).key, node: "n", reasons: [], message: "", victims: [] })
    const q = timed(() => runQueue(ordered, order, placed))
    return {
      name: "queue-ordered",
      unit: "pods/s",
      value: Math.round(n / o.seconds),
      podsPerSecond: Math.round(n / o.seconds),
      parallelPodsPerSecond: Math.round(n / p.seconds),
      orderedOverParallel: Number((o.seconds / p.seconds).toFixed(3)),
      queueOnlyPodsPerSecond: Math.round(n / q.seconds),
      pods: n,
      nodes: nodes.length,
    }
  },
}
