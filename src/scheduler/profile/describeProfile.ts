/**
 * A profile in one line, per extension point, as kube-scheduler's configuration names them:
 * what the report, `--help` and the docs say the scheduler modelled.
 *
 * @since 0.1.0
 */
import { hasScoring, type Profile, SCORE_PLUGINS } from "./Profile.ts"

/**
 * The plugins a profile runs, per extension point, filters in the order they run and score
 * plugins with their weights.
 *
 * @example
 * import { describeProfile, defaultProfile } from "catcluster/scheduler"
 * describeProfile(defaultProfile)
 * // "QueueSort PrioritySort; PreEnqueue SchedulingGates; Filter NodeUnschedulable, NodeName, …;
 * //  Score TaintToleration ×3, NodeAffinity ×2, …; PostFilter DynamicResources, DefaultPreemption"
 *
 * @since 0.1.0
 * @category destructors
 */
export const describeProfile = (profile: Profile): string => {
  const scores = SCORE_PLUGINS.flatMap((s) => (profile.weights[s] === undefined ? [] : [`${s} ×${profile.weights[s]}`]))
  const postFilter = [
    ...(profile.dynamicResources ? ["DynamicResources"] : []),
    ...(profile.preemption ? ["DefaultPreemption"] : []),
  ]
  if (profile.preemptionBeforeDynamicResources === true) postFilter.reverse()
  const points = [
    profile.prioritySort ? "QueueSort PrioritySort" : "QueueSort none (input order)",
    ...(profile.schedulingGates ? ["PreEnqueue SchedulingGates"] : []),
    `Filter ${profile.filters.length === 0 ? "none" : profile.filters.join(", ")}`,
    `Score ${!hasScoring(profile) ? "none (the first feasible node)" : scores.length === 0 ? "VolumeBinding (scores nothing without StorageCapacityScoring)" : scores.join(", ")}`,
    `PostFilter ${postFilter.length === 0 ? "none" : postFilter.join(", ")}`,
  ]
  return points.join("; ")
}
