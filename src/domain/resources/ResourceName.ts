/**
 * Resource names as Kubernetes spells them, and how Kubernetes classifies them
 * (`k8s.io/kubernetes/pkg/apis/core/helper`, v1.35): native vs extended, hugepages,
 * overcommit, integer-only, and the unit catcluster counts each in.
 *
 * @since 0.1.0
 */

/** The `cpu` resource. @since 0.1.0 @category constants */
export const CPU = "cpu"
/** The `memory` resource. @since 0.1.0 @category constants */
export const MEMORY = "memory"
/** The `pods` resource (a node's pod count limit). @since 0.1.0 @category constants */
export const PODS = "pods"
/** The `ephemeral-storage` resource. @since 0.1.0 @category constants */
export const EPHEMERAL_STORAGE = "ephemeral-storage"
/** The `storage` resource (PVC requests and quotas). @since 0.1.0 @category constants */
export const STORAGE = "storage"
/** The KVM device KubeVirt requests for every VMI (nodes advertise 1k). @since 0.1.0 @category constants */
export const KVM_DEVICE = "devices.kubevirt.io/kvm"
/** KubeVirt's tun device-plugin resource (pod networking of a VMI). @since 0.1.0 @category constants */
export const TUN_DEVICE = "devices.kubevirt.io/tun"
/** KubeVirt's vhost-net device-plugin resource (virtio NICs without emulation). @since 0.1.0 @category constants */
export const VHOST_NET_DEVICE = "devices.kubevirt.io/vhost-net"
/** The NVIDIA device-plugin GPU resource. @since 0.1.0 @category constants */
export const NVIDIA_GPU = "nvidia.com/gpu"

/** The prefix of hugepage resources, e.g. `hugepages-2Mi`, `hugepages-1Gi`. @since 0.1.0 @category constants */
export const HUGEPAGES_PREFIX = "hugepages-"

/**
 * A hugepage resource (`hugepages-2Mi`): native, but never overcommitted.
 *
 * @since 0.1.0
 * @category refinements
 */
export const isHugePages = (name: string): boolean => name.startsWith(HUGEPAGES_PREFIX)

/**
 * Native: a name without a domain (`cpu`, `memory`, `hugepages-2Mi`) or in the
 * `kubernetes.io/` domain.
 *
 * @since 0.1.0
 * @category refinements
 */
export const isNativeResource = (name: string): boolean => !name.includes("/") || name.includes("kubernetes.io/")

/**
 * Extended: a domain-qualified name outside `kubernetes.io/` (`nvidia.com/gpu`,
 * `devices.kubevirt.io/kvm`, `example.com/dongle`). Device plugins advertise these.
 *
 * @since 0.1.0
 * @category refinements
 */
export const isExtendedResource = (name: string): boolean => !isNativeResource(name) && !name.startsWith("requests.")

/**
 * Whether requests may be below limits (Kubernetes `IsOvercommitAllowed`): native resources
 * except hugepages. Extended resources and hugepages need request = limit.
 *
 * @example
 * import { isOvercommittable } from "catcluster/domain/resources"
 * isOvercommittable("cpu")            // true
 * isOvercommittable("nvidia.com/gpu") // false
 * isOvercommittable("hugepages-2Mi")  // false
 *
 * @since 0.1.0
 * @category refinements
 */
export const isOvercommittable = (name: string): boolean => isNativeResource(name) && !isHugePages(name)

/**
 * Resources counted in whole units only (Kubernetes `IsIntegerResourceName`): extended
 * resources and object counts such as `pods`.
 *
 * @since 0.1.0
 * @category refinements
 */
export const isIntegerResource = (name: string): boolean => isExtendedResource(name) || name === PODS

/**
 * Names a container may request (`IsStandardContainerResourceName` or extended).
 *
 * @since 0.1.0
 * @category refinements
 */
export const isContainerResource = (name: string): boolean =>
  name === CPU || name === MEMORY || name === EPHEMERAL_STORAGE || isHugePages(name) || isExtendedResource(name)

/**
 * The unit catcluster counts a resource in: milli-cores for `cpu`, base units (bytes, counts)
 * for everything else — the units the kube-scheduler compares.
 *
 * @since 0.1.0
 * @category destructors
 */
export const unitOf = (name: string): "milli" | "unit" => (name === CPU ? "milli" : "unit")
