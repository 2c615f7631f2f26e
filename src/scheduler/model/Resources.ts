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

// The names and their classes are the domain's (one definition of "native", "extended", …).
export {
  CPU,
  EPHEMERAL_STORAGE,
  isExtendedResource,
  isHugePages as isHugePageResource,
  isNativeResource,
  KVM_DEVICE as KVM,
  MEMORY,
  PODS,
} from "../../domain/resources/ResourceName.ts"
import { isExtendedResource, isHugePages } from "../../domain/resources/ResourceName.ts"

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
 * A scalar resource in kube-scheduler's sense: extended, hugepages, `kubernetes.io/`-prefixed or
 * attachable volumes, i.e. anything but cpu, memory, ephemeral-storage and pods.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isScalarResource = (name: string): boolean =>
  isExtendedResource(name) ||
  isHugePages(name) ||
  name.startsWith("kubernetes.io/") ||
  name.startsWith("attachable-volumes-")
