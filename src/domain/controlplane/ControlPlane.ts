/**
 * S10: the control plane as data — its components, the watch → reconcile → admit loop, and the
 * seed's mapping of Kubernetes controllers to KubeVirt counterparts with what KubeVirt really
 * has (KubeVirt v1.9 API names).
 *
 * @since 0.1.0
 */

/** A control-plane component. @since 0.1.0 @category model */
export type Component = "APIServer" | "ControllerManager" | "Scheduler" | "etcd" | "kubelet"

/** Who talks to whom: every component but etcd reaches etcd only through the API server. @since 0.1.0 @category constants */
export const watches: ReadonlyArray<readonly [Component, Component]> = [
  ["ControllerManager", "APIServer"],
  ["Scheduler", "APIServer"],
  ["kubelet", "APIServer"],
  ["APIServer", "etcd"],
]

/**
 * One reconcile step: move actual one unit toward desired. A level-triggered controller
 * converges in |desired − actual| steps whatever the starting point.
 *
 * @example
 * // src/domain/controlplane/ControlPlane.ts (no package entry point)
 * reconcile(3, 1)        // 2
 * stepsToConverge(3, 7)  // 4
 *
 * @since 0.1.0
 * @category model
 */
export const reconcile = (desired: number, actual: number): number => actual + Math.sign(desired - actual)

/** Steps until reconcile reaches the fixed point. @since 0.1.0 @category model */
export const stepsToConverge = (desired: number, actual: number): number => {
  let steps = 0
  for (let a = actual; a !== desired; a = reconcile(desired, a)) steps++
  return steps
}

/** One row of the seed's controller mapping, with what KubeVirt actually provides. @since 0.1.0 @category model */
export interface ControllerPair {
  readonly kubernetes: string
  readonly seedCounterpart: string
  readonly kubevirt: string
  readonly exact: boolean
  /** The seed's verdict column for the row ("形式化验证"), translated. */
  readonly seedSays: string
  /** Whether the seed calls the pair isomorphic (同构 / 完全同构): the part of S10.2 that can be checked. */
  readonly seedClaimsIsomorphic: boolean
  readonly note: string
}

/** The seed's S10.2 table, checked against KubeVirt v1.9's API. @since 0.1.0 @category constants */
export const controllerMapping: ReadonlyArray<ControllerPair> = [
  { kubernetes: "ReplicaSet", seedCounterpart: "VMI ReplicaSet", kubevirt: "VirtualMachineInstanceReplicaSet", exact: true, seedSays: "TL⁺ model checking", seedClaimsIsomorphic: false, note: "same role: keep N VMIs from a template" },
  { kubernetes: "Deployment", seedCounterpart: "VM live update", kubevirt: "VirtualMachine (spec.updateVolumesStrategy, LiveUpdate rollout)", exact: false, seedSays: "needs downtime", seedClaimsIsomorphic: false, note: "a VM updates one instance in place; there is no rollout over replicas" },
  { kubernetes: "StatefulSet", seedCounterpart: "VirtualMachine", kubevirt: "VirtualMachine / VirtualMachinePool", exact: false, seedSays: "isomorphic", seedClaimsIsomorphic: true, note: "VirtualMachinePool gives stable names per replica" },
  { kubernetes: "DaemonSet", seedCounterpart: "virt-handler", kubevirt: "virt-handler (itself a DaemonSet)", exact: false, seedSays: "fully isomorphic", seedClaimsIsomorphic: true, note: "virt-handler is deployed *as* a DaemonSet; it is not a workload counterpart" },
  { kubernetes: "HorizontalPodAutoscaler", seedCounterpart: "VMIRS", kubevirt: "HPA targeting VirtualMachineInstanceReplicaSet's scale subresource", exact: true, seedSays: "delay-compensating controller", seedClaimsIsomorphic: false, note: "the HPA is reused, the VMIRS is its target" },
  { kubernetes: "PodDisruptionBudget", seedCounterpart: "MigrationPolicy", kubevirt: "PDB created per VMI with evictionStrategy LiveMigrate", exact: false, seedSays: "one budget model", seedClaimsIsomorphic: false, note: "MigrationPolicy tunes migrations (bandwidth, timeouts); disruption budgets stay PDBs" },
]
