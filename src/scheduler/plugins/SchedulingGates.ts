/**
 * Plugin SchedulingGates (PreEnqueue, Kubernetes v1.35): a pod with a non-empty
 * `spec.schedulingGates` never enters the active queue, so no scheduling cycle runs for it.
 *
 * Two texts are involved, from two components:
 * - what `kubectl describe pod` shows: the PodScheduled condition (status False) that the
 *   **apiserver** writes when the pod is created with gates, reason `SchedulingGated`, message
 *   "Scheduling is blocked due to non-empty scheduling gates" (pkg/registry/core/pod/strategy.go);
 *   the scheduler does not overwrite it, so a gated placement carries these;
 * - the plugin's own PreEnqueue status, which only the scheduler's logs and metrics see:
 *   UnschedulableAndUnresolvable "waiting for scheduling gates: [a b]" ({@link schedulingGatesStatus}).
 *
 * @since 0.1.0
 */
import type { SchedulingPod } from "../model/SchedulingPod.ts"
import type { Placement } from "../Placement.ts"
import { failure, type Status, success } from "./Status.ts"

/** The PodScheduled condition's reason for a gated pod. @since 0.1.0 @category constants */
export const REASON_SCHEDULING_GATED = "SchedulingGated"
/** The PodScheduled condition's message for a gated pod. @since 0.1.0 @category constants */
export const MESSAGE_SCHEDULING_GATED = "Scheduling is blocked due to non-empty scheduling gates"

/**
 * Whether PreEnqueue holds the pod back: it has at least one scheduling gate.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isGated = (pod: SchedulingPod): boolean => (pod.schedulingGates?.length ?? 0) > 0

/**
 * The plugin's PreEnqueue status: success without gates, else UnschedulableAndUnresolvable
 * naming the gates as Go prints a string slice (`[a b]`).
 *
 * @example
 * import { pod, schedulingGatesStatus } from "catcluster/scheduler"
 * schedulingGatesStatus(pod("d/p", {}, { schedulingGates: ["foo", "bar"] })).reasons // ["waiting for scheduling gates: [foo bar]"]
 *
 * @since 0.1.0
 * @category filters
 */
export const schedulingGatesStatus = (pod: SchedulingPod): Status =>
  isGated(pod) ? failure("UnschedulableAndUnresolvable", `waiting for scheduling gates: [${(pod.schedulingGates ?? []).join(" ")}]`) : success

/**
 * The placement of a gated pod: pending, with the condition's reason and message.
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

/** The PodScheduled condition's reason when a cycle fails on an error (here: the binding). @since 0.1.0 @category constants */
export const REASON_SCHEDULER_ERROR = "SchedulerError"

/**
 * A gated pod's cycle when SchedulingGates is disabled: the pod is queued, filtered, scored and
 * assumed on the chosen node like any other, but the apiserver refuses its binding
 * (`pods/binding` answers Conflict for a pod with `spec.schedulingGates`), so the scheduler forgets
 * it again: it stays pending, holds nothing, and its condition carries the Bind plugin's error
 * (reason `SchedulerError`). Undefined for a pod without gates.
 *
 * @example
 * import { bindingRefusal, pod } from "catcluster/scheduler"
 * bindingRefusal(pod("default/p", {}, { schedulingGates: ["g"] }))?.message
 * // 'running Bind plugin "DefaultBinder": Operation cannot be fulfilled on pods/binding "p": pod p has non-empty .spec.schedulingGates'
 *
 * @since 0.1.0
 * @category constructors
 */
export const bindingRefusal = (pod: SchedulingPod, victims: ReadonlyArray<string> = []): Placement | undefined => {
  if (!isGated(pod)) return undefined
  const name = pod.key.slice(pod.key.indexOf("/") + 1)
  return {
    pod: pod.key,
    node: null,
    reasons: [REASON_SCHEDULER_ERROR],
    message: `running Bind plugin "DefaultBinder": Operation cannot be fulfilled on pods/binding "${name}": pod ${name} has non-empty .spec.schedulingGates`,
    victims,
  }
}
