import { fromLabels, labelledSet, pullback, pushout, type FinSetObject } from "../../category/finset/index.ts"

/**
 * S1.9: capability sets of the two APIs as finite sets, their limit (the pullback over the
 * universe of capabilities: what both support, the "compatibility matrix") and their colimit
 * (the pushout over the shared capabilities: a hybrid deployment's union, shared ones glued),
 * computed with FinSet.
 *
 * @since 0.1.0
 */

/** What Kubernetes offers a containerized workload (v1.35). @since 0.1.0 @category data */
export const nativeCapabilities: ReadonlyArray<string> = [
  "scheduling",
  "resource-requests",
  "node-affinity",
  "taints-tolerations",
  "priority-preemption",
  "probes",
  "services",
  "persistent-volumes",
  "configmaps-secrets",
  "pod-disruption-budget",
  "hugepages",
  "port-forward",
  "logs",
  "exec",
  "init-containers",
  "sidecars",
  "rolling-update",
  "horizontal-autoscaling",
  "in-place-resize",
]

/** What KubeVirt offers a VM (v1.9). @since 0.1.0 @category data */
export const kubevirtCapabilities: ReadonlyArray<string> = [
  "scheduling",
  "resource-requests",
  "node-affinity",
  "taints-tolerations",
  "priority-preemption",
  "probes",
  "services",
  "persistent-volumes",
  "configmaps-secrets",
  "pod-disruption-budget",
  "hugepages",
  "port-forward",
  "logs",
  "live-migration",
  "cpu-pinning",
  "vcpu-hotplug",
  "memory-hotplug",
  "snapshots",
  "guest-agent",
  "vnc-console",
  "pci-passthrough",
]

/** The computed limit and colimit with their sizes. @since 0.1.0 @category model */
export interface CapabilityConstructions {
  readonly limit: FinSetObject
  readonly colimit: FinSetObject
  readonly intersection: ReadonlyArray<string>
  readonly union: ReadonlyArray<string>
}

/**
 * The pullback of K → U ← V (U = every capability named) and the pushout of K ← S → V
 * (S = the shared capabilities), with the plain intersection and union to compare with.
 *
 * @example
 * import { capabilityConstructions } from "catcluster/domain/cluster"
 * capabilityConstructions().limit.size // = number of capabilities both have
 *
 * @since 0.1.0
 * @category constructions
 */
export const capabilityConstructions = (
  native: ReadonlyArray<string> = nativeCapabilities,
  kubevirt: ReadonlyArray<string> = kubevirtCapabilities,
): CapabilityConstructions => {
  const K = labelledSet(native, "nativeCapabilities")
  const V = labelledSet(kubevirt, "kubevirtCapabilities")
  const universe = [...new Set([...native, ...kubevirt])]
  const U = labelledSet(universe, "universe")
  const identityOn = (labels: ReadonlyArray<string>) => Object.fromEntries(labels.map((l) => [l, l]))
  const limit = pullback(fromLabels(K, U, identityOn(native)), fromLabels(V, U, identityOn(kubevirt)))
  const shared = native.filter((c) => kubevirt.includes(c))
  const S = labelledSet(shared, "shared")
  const colimit = pushout(fromLabels(S, K, identityOn(shared)), fromLabels(S, V, identityOn(shared)))
  return { limit: limit.apex, colimit: colimit.nadir, intersection: shared, union: universe }
}
