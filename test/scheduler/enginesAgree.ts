/**
 * The equivalence properties' one step: schedule the same pods on the readable σ and the hot path
 * from the same cluster (the first `prebound` pods bound round-robin) and expect the same
 * placements, victims, reasons, scores and final bindings.
 */
import { expect } from "vitest"
import { hotScheduler, readableScheduler, type ClusterSnapshot, type Profile, type Scheduler, type SchedulingNode, type SchedulingPod } from "../../src/scheduler/index.ts"

export const expectEnginesAgree = (
  input: { readonly nodes: ReadonlyArray<SchedulingNode>; readonly pods: ReadonlyArray<SchedulingPod>; readonly prebound: number; readonly seed: number; readonly objects?: Partial<ClusterSnapshot> },
  profile: Profile,
): void => {
  const { nodes, pods, prebound, seed, objects } = input
  const bound = pods.slice(0, prebound).map((pod, i) => ({ pod, node: nodes[i % nodes.length]!.name }))
  const cluster: ClusterSnapshot = { nodes, bound, ...objects }
  const rest = pods.slice(prebound)
  const readable = readableScheduler(cluster, { profile, seed })
  const hot = hotScheduler(cluster, { profile, seed })
  const run = (s: Scheduler) => rest.map((p) => s.schedule(p, { explain: true }))
  expect(run(hot)).toEqual(run(readable))
  expect(hot.bindings()).toEqual(readable.bindings())
}
