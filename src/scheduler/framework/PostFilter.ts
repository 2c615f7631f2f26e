/**
 * The PostFilter extension point of kube-scheduler v1.35 when no node fits: DynamicResources
 * runs first (for a pod without resource claims it answers "no new claims to deallocate"), then
 * DefaultPreemption; their messages are joined with ", " into the failed cycle's PostFilter
 * message. A successful preemption ends PostFilter with no message. When an
 * UnschedulableAndUnresolvable PreFilter rejection stopped PreFilter before DynamicResources'
 * PreFilter (its default place is after every filter plugin's), DynamicResources' PostFilter finds
 * no state and fails with kube-scheduler's "not found", and PostFilter stops there.
 *
 * @since 0.1.0
 */
import { fitErrorMessage } from "../Placement.ts"
import { MESSAGE_NEVER, type PreemptionOutcome } from "../preemption/Preemption.ts"
import type { Profile } from "../profile/Profile.ts"

/** DynamicResources' PostFilter message for a pod without resource claims. @since 0.1.0 @category constants */
export const MESSAGE_NO_CLAIMS = "no new claims to deallocate"

/** What DynamicResources' PostFilter answers without its PreFilter state (`fwk.ErrNotFound`). @since 0.1.0 @category constants */
export const MESSAGE_STATE_NOT_FOUND = "not found"

/** Options of {@link postFilterMessage}. @since 0.1.0 @category model */
export interface PostFilterOptions {
  /**
   * PreFilter stopped at an UnschedulableAndUnresolvable rejection before DynamicResources'
   * PreFilter ran: its PostFilter then fails with an error ("not found"), which ends PostFilter
   * (DefaultPreemption, after it by default, does not run).
   */
  readonly draStateMissing?: boolean
}

/**
 * The PostFilter message: `preemption` is `"never"` for a pod with `preemptionPolicy: Never`,
 * the preemption outcome otherwise, `undefined` when preemption was not tried. Plugins run in the
 * profile's order (DynamicResources first by default) and their messages are joined with ", ";
 * a successful preemption ends PostFilter with no message, an error ends it with the error alone.
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
  options: PostFilterOptions = {},
): string => {
  const parts: string[] = []
  // Each plugin either adds its message ("next") or ends PostFilter: a success (no message) or an error.
  const dynamicResources = (): "next" | "error" => {
    if (!profile.dynamicResources) return "next"
    if (options.draStateMissing === true) return "error"
    parts.push(MESSAGE_NO_CLAIMS)
    return "next"
  }
  const defaultPreemption = (): "next" | "success" => {
    if (!profile.preemption || preemption === undefined) return "next"
    if (preemption === "never") parts.push(`preemption: ${MESSAGE_NEVER}`)
    else if (preemption.chosen !== undefined) return "success"
    else parts.push(`preemption: ${fitErrorMessage({ numAllNodes, nodeReasons: preemption.nodeReasons })}`)
    return "next"
  }
  const order = profile.preemptionBeforeDynamicResources === true ? [defaultPreemption, dynamicResources] : [dynamicResources, defaultPreemption]
  for (const step of order) {
    const r = step()
    if (r === "success") return ""
    if (r === "error") return MESSAGE_STATE_NOT_FOUND
  }
  return parts.join(", ")
}
