/**
 * The PostFilter extension point of kube-scheduler v1.35 when no node fits: DynamicResources
 * runs first (for a pod without resource claims it answers "no new claims to deallocate"), then
 * DefaultPreemption; their messages are joined with ", " into the failed cycle's PostFilter
 * message. A successful preemption ends PostFilter with no message.
 *
 * @since 0.1.0
 */
import { fitErrorMessage } from "../Placement.ts"
import { MESSAGE_NEVER, type PreemptionOutcome } from "../preemption/Preemption.ts"
import type { Profile } from "../profile/Profile.ts"

/** DynamicResources' PostFilter message for a pod without resource claims. @since 0.1.0 @category constants */
export const MESSAGE_NO_CLAIMS = "no new claims to deallocate"

/**
 * The PostFilter message: `preemption` is `"never"` for a pod with `preemptionPolicy: Never`,
 * the preemption outcome otherwise, `undefined` when preemption was not tried.
 *
 * @example
 * import { defaultProfile, postFilterMessage } from "catcluster/scheduler"
 * postFilterMessage(defaultProfile, 2, { nodeReasons: [["Preemption is not helpful for scheduling"], ["No preemption victims found for incoming pod"]] })
 * // "no new claims to deallocate, preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling."
 *
 * @since 0.1.0
 * @category destructors
 */
export const postFilterMessage = (
  profile: Profile,
  numAllNodes: number,
  preemption: PreemptionOutcome | "never" | undefined,
): string => {
  const parts: string[] = []
  if (profile.dynamicResources) parts.push(MESSAGE_NO_CLAIMS)
  if (profile.preemption && preemption !== undefined) {
    if (preemption === "never") parts.push(`preemption: ${MESSAGE_NEVER}`)
    else if (preemption.chosen !== undefined) return ""
    else parts.push(`preemption: ${fitErrorMessage({ numAllNodes, nodeReasons: preemption.nodeReasons })}`)
  }
  return parts.join(", ")
}
