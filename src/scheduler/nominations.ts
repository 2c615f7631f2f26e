/**
 * What catcluster does not model of a pending pod's nomination (`status.nominatedNodeName`):
 * kube-scheduler tries the nominated node first (both engines do), and while the pod waits it
 * also keeps its room on that node against every pod of lower or equal priority
 * (`RunFilterPluginsWithNominatedPods`). In a batch's queue only pods of *equal* priority can come
 * before it (PrioritySort puts higher ones first and lower ones after), so those are the pods whose
 * placement may differ; each such nomination is said as a warning.
 *
 * @since 0.1.0
 */
import { batchOrder } from "./batch.ts"
import type { SchedulingPod } from "./model/SchedulingPod.ts"
import { defaultProfile, type Profile } from "./profile/Profile.ts"

const SHOWN = 3

/**
 * One warning per nominated pod that pods of its priority precede in the queue.
 *
 * @example
 * import { nominationWarnings, pod } from "catcluster/scheduler"
 * nominationWarnings([pod("d/a", { cpu: 100 }, { creationTimestamp: 1 }), pod("d/b", { cpu: 100 }, { nominatedNodeName: "n1", creationTimestamp: 2 })])
 * // ["pod d/b is nominated to node n1 (status.nominatedNodeName): …"]
 *
 * @since 0.1.0
 * @category input
 */
export const nominationWarnings = (pods: ReadonlyArray<SchedulingPod>, profile: Profile = defaultProfile): ReadonlyArray<string> => {
  if (!pods.some((p) => p.nominatedNodeName !== undefined)) return []
  const out: string[] = []
  const order = batchOrder(pods, profile)
  order.forEach((i, at) => {
    const q = pods[i] as SchedulingPod
    if (q.nominatedNodeName === undefined || (q.schedulingGates?.length ?? 0) > 0) return
    // gated pods come last in the queue (batchOrder), after every nominee that can be scheduled
    const before = order.slice(0, at).map((j) => pods[j] as SchedulingPod).filter((p) => p.priority === q.priority)
    if (before.length === 0) return
    const names = before.slice(0, SHOWN).map((p) => p.key).join(", ") + (before.length > SHOWN ? `, … (${before.length} pods)` : "")
    out.push(
      `pod ${q.key} is nominated to node ${q.nominatedNodeName} (status.nominatedNodeName): kube-scheduler tries that node first, as catcluster does, and also holds the pod's room there against pods of its priority scheduled before it (here ${names}), which catcluster does not model: they may take that room`,
    )
  })
  return out
}
