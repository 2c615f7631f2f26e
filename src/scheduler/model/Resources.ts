/**
 * Resource names and the unit conventions of the scheduler model (Kubernetes v1.35).
 *
 * Every amount is a plain integer number: `cpu` in millicores, every other resource in its
 * base unit (bytes for memory, ephemeral-storage and hugepages, a count for `pods` and extended
 * resources), exactly what kube-scheduler compares (`MilliValue()` for cpu, `Value()` for the
 * rest). Integers up to 2⁵³ are exact in a double, which covers 8 PiB of memory; scoring
 * multiplies by 100, so memory is exact in scores up to ~90 TB per node.
 *
 * @since 0.1.0
 */

/** The CPU resource, in millicores. @since 0.1.0 @category constants */
export const CPU = "cpu"
/** The memory resource, in bytes. @since 0.1.0 @category constants */
export const MEMORY = "memory"
/** Local ephemeral storage, in bytes. @since 0.1.0 @category constants */
export const EPHEMERAL_STORAGE = "ephemeral-storage"
/** The pod-count limit of a node (allocatable only). @since 0.1.0 @category constants */
export const PODS = "pods"
/** The KubeVirt KVM device plugin resource; nodes advertise 1k of it. @since 0.1.0 @category constants */
export const KVM = "devices.kubevirt.io/kvm"
/** Node label prefix KubeVirt's node-labeller uses for a supported CPU feature. @since 0.1.0 @category constants */
export const CPU_FEATURE_LABEL_PREFIX = "cpu-feature.node.kubevirt.io/"

/**
 * The requests kube-scheduler's scorers assume for a container whose request key is absent
 * (`schedutil.DefaultMilliCPURequest` = 100m, `DefaultMemoryRequest` = 200Mi). An explicit 0
 * stays 0.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_MILLI_CPU_REQUEST = 100
/** @see DEFAULT_MILLI_CPU_REQUEST @since 0.1.0 @category constants */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024

/** Amounts per resource name; an absent key means "not requested / not present". @since 0.1.0 @category model */
export type ResourceAmounts = Readonly<Record<string, number>>

/**
 * A name Kubernetes treats as native: no `/`, or under `kubernetes.io/`.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isNativeResource = (name: string): boolean => !name.includes("/") || name.includes("kubernetes.io/")

/** `hugepages-<size>`. @since 0.1.0 @category predicates */
export const isHugePageResource = (name: string): boolean => name.startsWith("hugepages-")

/**
 * An extended resource (`example.com/gpu`): not native, not a `requests.` quota name.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isExtendedResource = (name: string): boolean => !isNativeResource(name) && !name.startsWith("requests.")

/**
 * A scalar resource in kube-scheduler's sense: extended, hugepages, `kubernetes.io/`-prefixed or
 * attachable volumes, i.e. anything but cpu, memory, ephemeral-storage and pods.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isScalarResource = (name: string): boolean =>
  isExtendedResource(name) ||
  isHugePageResource(name) ||
  name.startsWith("kubernetes.io/") ||
  name.startsWith("attachable-volumes-")
