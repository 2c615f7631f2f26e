/**
 * A pod as the scheduler sees it: per-container requests (an absent key stays distinct from an
 * explicit 0, because the scorers substitute defaults only for absent keys), init containers and
 * restartable sidecars, overhead, placement constraints (node selection, tolerations, pod
 * (anti-)affinity, topology spread), what relates it to other objects (namespace, labels, owning
 * controller, host ports, images, volumes), scheduling gates, priority, and the VM extras:
 * dedicated CPUs with a NUMA requirement, required CPU features, KVM.
 *
 * @since 0.1.0
 */
import type { Labels } from "./LabelSelector.ts"
import type { PodAffinityRules } from "./PodAffinity.ts"
import type { ResourceAmounts } from "./Resources.ts"
import type { TopologySpreadConstraint } from "./TopologySpread.ts"
import type { PodVolume } from "./Volumes.ts"

/**
 * A container's requests. A pod running on a node may also carry what its container status says
 * (InPlacePodVerticalScaling, GA in v1.35): during a resize the scheduler counts the largest of
 * the spec, the allocated and the actuated requests (`assignedPodRequests`).
 *
 * @since 0.1.0
 * @category model
 */
export interface ContainerRequests {
  readonly name: string
  readonly requests: ResourceAmounts
  /** `status.containerStatuses[].allocatedResources` (or the init container's), when the status has it: what the kubelet admitted. */
  readonly allocated?: ResourceAmounts
  /** `status.containerStatuses[].resources.requests`, when the status has it: what the runtime applies. */
  readonly actuated?: ResourceAmounts
}

/** An init container; `restartable` = a sidecar (`restartPolicy: Always`). @since 0.1.0 @category model */
export interface InitContainerRequests extends ContainerRequests {
  readonly restartable: boolean
}

/** A node selector requirement operator. @since 0.1.0 @category model */
export type SelectorOperator = "In" | "NotIn" | "Exists" | "DoesNotExist" | "Gt" | "Lt"

/** One requirement on a node label (or, in `matchFields`, on `metadata.name`). @since 0.1.0 @category model */
export interface SelectorRequirement {
  readonly key: string
  readonly operator: SelectorOperator
  readonly values: ReadonlyArray<string>
}

/** A node selector term: all its requirements must hold. @since 0.1.0 @category model */
export interface NodeSelectorTerm {
  readonly matchExpressions: ReadonlyArray<SelectorRequirement>
  readonly matchFields: ReadonlyArray<SelectorRequirement>
}

/** A preferred term with its weight (1..100). @since 0.1.0 @category model */
export interface PreferredTerm {
  readonly weight: number
  readonly preference: NodeSelectorTerm
}

/** A toleration; `key: ""` with `Exists` tolerates every taint. @since 0.1.0 @category model */
export interface Toleration {
  readonly key: string
  readonly operator: "Equal" | "Exists"
  readonly value: string
  /** `""` matches every effect. */
  readonly effect: "" | "NoSchedule" | "PreferNoSchedule" | "NoExecute"
}

/**
 * The NUMA requirement of a dedicated-CPU VMI: all `vcpus` and `memoryBytes` in one cell,
 * from hugepages when `hugepages` is set.
 *
 * @since 0.1.0
 * @category model
 */
export interface NumaRequirement {
  readonly vcpus: number
  readonly memoryBytes: number
  readonly hugepages: boolean
}

/** A host port a container binds (`hostPort` > 0); `hostIP` "" means every address. @since 0.1.0 @category model */
export interface HostPort {
  readonly protocol: "TCP" | "UDP" | "SCTP"
  readonly hostIP: string
  readonly hostPort: number
}

/** The controller that owns a pod (`metadata.ownerReferences` with `controller: true`). @since 0.1.0 @category model */
export interface PodController {
  readonly apiVersion: string
  readonly kind: string
  readonly name: string
}

/**
 * A pod. `key` is `namespace/name`. `requiredTerms` is `undefined` when the pod has no required
 * node affinity (an empty array would match no node, as in Kubernetes). Every field after
 * `requiresKvm` is optional: absent means "none" (no labels, no gates, …); `namespace` defaults to
 * the part of `key` before the `/`.
 *
 * @since 0.1.0
 * @category model
 */
export interface SchedulingPod {
  readonly key: string
  readonly containers: ReadonlyArray<ContainerRequests>
  readonly initContainers: ReadonlyArray<InitContainerRequests>
  readonly overhead: ResourceAmounts
  /**
   * Pod-level `spec.resources.requests` (PodLevelResources, beta and on by default since v1.34):
   * when present they replace the container aggregate for cpu, memory and hugepages.
   */
  readonly podLevelRequests?: ResourceAmounts
  readonly nodeName?: string
  /**
   * The pod's first `PodResizePending` condition has reason `Infeasible`: the kubelet will not
   * apply the resized spec, so a bound pod counts only its allocated and actuated requests.
   */
  readonly resizeInfeasible?: boolean
  /**
   * `status.nominatedNodeName` of a pending pod: a node an earlier preemption made room on.
   * kube-scheduler runs the filters on that node first and, when it passes, binds it there without
   * scoring (and without moving the next cycle's start); otherwise it schedules as usual.
   */
  readonly nominatedNodeName?: string
  readonly nodeSelector: Readonly<Record<string, string>>
  readonly requiredTerms?: ReadonlyArray<NodeSelectorTerm>
  readonly preferredTerms: ReadonlyArray<PreferredTerm>
  readonly tolerations: ReadonlyArray<Toleration>
  readonly priority: number
  /** `preemptionPolicy: Never`: the pod never evicts others (default PreemptLowerPriority). */
  readonly neverPreempts?: boolean
  readonly numa?: NumaRequirement
  /** CPU feature names the node must label as supported. */
  readonly requiredFeatures: ReadonlyArray<string>
  readonly requiresKvm: boolean
  readonly namespace?: string
  readonly labels?: Labels
  readonly controller?: PodController
  readonly podAffinity?: PodAffinityRules
  readonly podAntiAffinity?: PodAffinityRules
  readonly topologySpreadConstraints?: ReadonlyArray<TopologySpreadConstraint>
  /**
   * The host ports NodePorts counts (upstream's `GetHostPorts`): those of the regular containers
   * and of the restartable init containers (sidecars); a plain init container's ports are not listed.
   */
  readonly hostPorts?: ReadonlyArray<HostPort>
  /**
   * Container images as written in the spec, one per container, init containers included and
   * duplicates kept (ImageLocality counts containers by this list's length).
   */
  readonly images?: ReadonlyArray<string>
  /** The references of the pod's image volumes (`volumes[].image.reference`). */
  readonly imageVolumes?: ReadonlyArray<string>
  readonly volumes?: ReadonlyArray<PodVolume>
  /** `spec.schedulingGates` names: a gated pod is not scheduled. */
  readonly schedulingGates?: ReadonlyArray<string>
  /** `metadata.creationTimestamp` in milliseconds since the epoch (queue order among equal priorities). */
  readonly creationTimestamp?: number
  /**
   * `status.startTime` of a running pod, in milliseconds since the epoch: which of two victims of
   * equal priority preemption deems more important (the earlier started), and which node it picks
   * last (the latest start of the highest-priority victims). A pod without one started "now".
   */
  readonly startTime?: number
  /** Being deleted (`metadata.deletionTimestamp` set): terminating pods do not count for spreading. */
  readonly terminating?: boolean
  /** `spec.schedulerName`: the profile that schedules the pod (absent: `default-scheduler`). */
  readonly schedulerName?: string
  /**
   * Keys of the pods whose placement this pod's creation waits for: its controller creates it only
   * once each of them is Running and Ready (a StatefulSet with `podManagementPolicy: OrderedReady`:
   * ordinal k after the members below it). In a batch (`runQueue`, `batch.ts`) a pod of the batch that is
   * placed is taken as becoming Running and Ready; a key that is no pod of the batch names a pod
   * that does not become Running and Ready during it (bound but not Ready, or being deleted). A
   * waiting pod enters the scheduling queue once all of them are placed, and is not created at all
   * if one never is. Absent or empty: the pod exists from the start.
   */
  readonly createdAfter?: ReadonlyArray<string>
}

/**
 * The pod's namespace: its own field, else the part of `key` before the `/`, else "default".
 *
 * @since 0.1.0
 * @category accessors
 */
export const namespaceOf = (p: SchedulingPod): string => {
  if (p.namespace !== undefined) return p.namespace
  const slash = p.key.indexOf("/")
  return slash < 0 ? "default" : p.key.slice(0, slash)
}

/** The scheduler name of pods that do not set `spec.schedulerName` (the API server's default). @since 0.1.0 @category constants */
export const DEFAULT_SCHEDULER_NAME = "default-scheduler"

/**
 * The profile a pod asks for: its `schedulerName`, else `default-scheduler`.
 *
 * @since 0.1.0
 * @category accessors
 */
export const schedulerNameOf = (p: SchedulingPod): string => p.schedulerName ?? DEFAULT_SCHEDULER_NAME

/**
 * The pod's name: the part of `key` after the `/`.
 *
 * @since 0.1.0
 * @category accessors
 */
export const nameOf = (p: SchedulingPod): string => {
  const slash = p.key.indexOf("/")
  return slash < 0 ? p.key : p.key.slice(slash + 1)
}

const NO_LABELS: Labels = {}

/** The pod's labels (none when absent). @since 0.1.0 @category accessors */
export const labelsOf = (p: SchedulingPod): Labels => p.labels ?? NO_LABELS

/**
 * A pod with one container and defaults for everything else.
 *
 * @example
 * import { pod } from "catcluster/scheduler"
 * const web = pod("default/web", { cpu: 500, memory: 256 * 2 ** 20 })
 * const besteffort = pod("default/be", {}) // no request keys: scorers assume 100m / 200Mi
 *
 * @since 0.1.0
 * @category constructors
 */
export const pod = (
  key: string,
  requests: ResourceAmounts,
  rest: Partial<Omit<SchedulingPod, "key">> = {},
): SchedulingPod => ({
  key,
  containers: rest.containers ?? [{ name: "main", requests }],
  initContainers: rest.initContainers ?? [],
  overhead: rest.overhead ?? {},
  nodeSelector: rest.nodeSelector ?? {},
  preferredTerms: rest.preferredTerms ?? [],
  tolerations: rest.tolerations ?? [],
  priority: rest.priority ?? 0,
  requiredFeatures: rest.requiredFeatures ?? [],
  requiresKvm: rest.requiresKvm ?? false,
  ...(rest.nodeName === undefined ? {} : { nodeName: rest.nodeName }),
  ...(rest.podLevelRequests === undefined ? {} : { podLevelRequests: rest.podLevelRequests }),
  ...(rest.requiredTerms === undefined ? {} : { requiredTerms: rest.requiredTerms }),
  ...(rest.numa === undefined ? {} : { numa: rest.numa }),
  ...(rest.neverPreempts === undefined ? {} : { neverPreempts: rest.neverPreempts }),
  ...optionalFields(rest),
})

const OPTIONAL = [
  "namespace",
  "labels",
  "controller",
  "podAffinity",
  "podAntiAffinity",
  "topologySpreadConstraints",
  "hostPorts",
  "images",
  "imageVolumes",
  "volumes",
  "schedulingGates",
  "creationTimestamp",
  "terminating",
  "schedulerName",
  "nominatedNodeName",
  "startTime",
  "createdAfter",
  "resizeInfeasible",
] as const

// Only the optional fields that are set, so that pods compare equal however they were built.
const optionalFields = (rest: Partial<SchedulingPod>): Partial<SchedulingPod> => {
  const out: Record<string, unknown> = {}
  for (const k of OPTIONAL) if (rest[k] !== undefined) out[k] = rest[k]
  return out as Partial<SchedulingPod>
}

const hasStatusResources = (c: ContainerRequests): boolean => c.allocated !== undefined || c.actuated !== undefined

const withoutStatus = <C extends ContainerRequests>(c: C): C => {
  if (!hasStatusResources(c)) return c
  const { allocated: _, actuated: __, ...rest } = c
  return rest as C
}

/**
 * A new pod from `p`'s spec: without what a live pod's status says of its resources (the
 * allocated and actuated requests, an infeasible resize). A controller's replacement, a copy
 * and a migration target are new pods, which count their spec alone. `p` itself when it says
 * nothing of them (so that compiled forms keep being shared).
 *
 * @since 0.1.0
 * @category constructors
 */
export const withoutStatusResources = (p: SchedulingPod): SchedulingPod => {
  const carries = p.resizeInfeasible !== undefined || p.containers.some(hasStatusResources) || p.initContainers.some(hasStatusResources)
  if (!carries) return p
  const { resizeInfeasible: _, ...rest } = p
  return { ...rest, containers: p.containers.map(withoutStatus), initContainers: p.initContainers.map(withoutStatus) }
}
