/**
 * Plugin SchedulingGates (PreEnqueue, Kubernetes v1.35): a pod with a non-empty
 * `spec.schedulingGates` never enters the active queue; it stays Pending with the condition
 * reason `SchedulingGated`.
 *
 * @since 0.1.0
 */
import type { SchedulingPod } from "../model/SchedulingPod.ts"
import type { Placement } from "../Placement.ts"

/** The PodScheduled condition's reason for a gated pod. @since 0.1.0 @category constants */
export const REASON_SCHEDULING_GATED = "SchedulingGated"
/** The PodScheduled condition's message for a gated pod. @since 0.1.0 @category constants */
export const MESSAGE_SCHEDULING_GATED = "Scheduling is blocked due to non-empty scheduling gates"

/**
 * The placement of a gated pod.
 *
 * @since 0.1.0
 * @category constructors
 */
export const gatedPlacement = (pod: SchedulingPod): Placement => ({
  pod: pod.key,
  node: null,
  reasons: [REASON_SCHEDULING_GATED],
  message: MESSAGE_SCHEDULING_GATED,
  victims: [],
})
