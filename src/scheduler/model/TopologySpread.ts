/**
 * Topology spread constraints (`core/v1` TopologySpreadConstraint, Kubernetes v1.35).
 *
 * @since 0.1.0
 */
import type { LabelSelector } from "./LabelSelector.ts"

/** Whether a node-inclusion policy honours the pod's node affinity / taints. @since 0.1.0 @category model */
export type NodeInclusionPolicy = "Honor" | "Ignore"

/**
 * One constraint. Defaults as the API server sets them: `minDomains` 1 (absent), `nodeAffinityPolicy`
 * Honor, `nodeTaintsPolicy` Ignore. An absent `labelSelector` selects no pod. `matchLabelKeys` are
 * merged into the selector from the pod's own labels.
 *
 * @since 0.1.0
 * @category model
 */
export interface TopologySpreadConstraint {
  readonly maxSkew: number
  readonly topologyKey: string
  readonly whenUnsatisfiable: "DoNotSchedule" | "ScheduleAnyway"
  readonly labelSelector?: LabelSelector
  readonly minDomains?: number
  readonly nodeAffinityPolicy?: NodeInclusionPolicy
  readonly nodeTaintsPolicy?: NodeInclusionPolicy
  readonly matchLabelKeys?: ReadonlyArray<string>
}
