/**
 * VM extension filter (S11.3): a VMI's virt-launcher pod needs the KVM device
 * (`devices.kubevirt.io/kvm` allocatable > 0) when it asks for it, and every required CPU feature
 * labelled by KubeVirt's node-labeller (`cpu-feature.node.kubevirt.io/<f>: "true"`). KubeVirt
 * expresses this as node selectors on the launcher pod; a separate plugin names the failure.
 *
 * @since 0.1.0
 */
import { CPU_FEATURE_LABEL_PREFIX, KVM } from "../model/Resources.ts"
import type { FilterPlugin } from "../framework/Plugin.ts"
import type { SchedulingNode } from "../model/SchedulingNode.ts"
import type { SchedulingPod } from "../model/SchedulingPod.ts"
import { failure, type Status, success } from "./Status.ts"

/** Reason when KVM is missing. @since 0.1.0 @category constants */
export const REASON_NO_KVM = "node(s) didn't have KVM"
/** Reason for a missing CPU feature. @since 0.1.0 @category constructors */
export const missingFeatureReason = (feature: string): string => `node(s) didn't have CPU feature ${feature}`

/** @since 0.1.0 @category filters */
export const vmCapabilitiesFilter = (pod: SchedulingPod, node: SchedulingNode): Status => {
  if (pod.requiresKvm && (node.allocatable[KVM] ?? 0) <= 0) return failure("UnschedulableAndUnresolvable", REASON_NO_KVM)
  for (const f of pod.requiredFeatures) {
    if (node.labels[CPU_FEATURE_LABEL_PREFIX + f] !== "true") {
      return failure("UnschedulableAndUnresolvable", missingFeatureReason(f))
    }
  }
  return success
}

/** VmCapabilities (catcluster's own filter) at the Filter extension point. @since 0.1.0 @category plugins */
export const vmCapabilitiesPlugin: FilterPlugin = {
  name: "VmCapabilities",
  filter: (pod, node) => vmCapabilitiesFilter(pod, node.node),
}
