/**
 * A scheduling profile: which plugins run at which extension point, with which weights and
 * arguments. The default is kube-scheduler v1.35's default profile, every plugin of it.
 *
 * Extension points as upstream: PreEnqueue (SchedulingGates), QueueSort (PrioritySort),
 * PreFilter / Filter (in the profile's order, {@link FILTER_PLUGINS} order by default; the first
 * failing filter gives a node's status), PostFilter (DynamicResources, then DefaultPreemption),
 * PreScore / Score / NormalizeScore with weights. A profile belongs to a scheduler name: a pod is
 * scheduled by the profile its `schedulerName` names (absent: `default-scheduler`).
 *
 * Two filters are catcluster's own, off by default and enabled by name in a
 * configuration: `NumaFit` (dedicated-CPU VMIs need one NUMA cell with all their vCPUs and memory,
 * what kubelet's single-numa-node topology policy would otherwise refuse at admission) and
 * `VmCapabilities` (names a missing KVM device or CPU feature instead of the node-selector
 * message).
 *
 * @since 0.1.0
 */
import { DEFAULT_SCHEDULER_NAME, type NodeSelectorTerm, type PreferredTerm } from "../model/SchedulingPod.ts"
import type { TopologySpreadConstraint } from "../model/TopologySpread.ts"

/** The filter plugins modelled, upstream's default ones and catcluster's two. @since 0.1.0 @category model */
export type FilterPluginName =
  | "NodeUnschedulable"
  | "NodeName"
  | "TaintToleration"
  | "NodeAffinity"
  | "NodePorts"
  | "NodeResourcesFit"
  | "VolumeRestrictions"
  | "NodeVolumeLimits"
  | "VolumeBinding"
  | "VolumeZone"
  | "PodTopologySpread"
  | "InterPodAffinity"
  | "VmCapabilities"
  | "NumaFit"

/**
 * The filter plugins in kube-scheduler v1.35's default order (its `multiPoint` list), then
 * catcluster's own. A profile runs the enabled ones in this order.
 *
 * @since 0.1.0
 * @category constants
 */
export const FILTER_PLUGINS: ReadonlyArray<FilterPluginName> = [
  "NodeUnschedulable",
  "NodeName",
  "TaintToleration",
  "NodeAffinity",
  "NodePorts",
  "NodeResourcesFit",
  "VolumeRestrictions",
  "NodeVolumeLimits",
  "VolumeBinding",
  "VolumeZone",
  "PodTopologySpread",
  "InterPodAffinity",
  "VmCapabilities",
  "NumaFit",
]

/** catcluster's own filters, not part of kube-scheduler's default profile. @since 0.1.0 @category constants */
export const EXTENSION_FILTERS: ReadonlyArray<FilterPluginName> = ["VmCapabilities", "NumaFit"]

/** The score plugins the scheduler implements. @since 0.1.0 @category model */
export type ScorePluginName =
  | "TaintToleration"
  | "NodeAffinity"
  | "NodeResourcesFit"
  | "PodTopologySpread"
  | "InterPodAffinity"
  | "NodeResourcesBalancedAllocation"
  | "ImageLocality"

/** The score plugins in kube-scheduler v1.35's default order (explain lists them so). @since 0.1.0 @category constants */
export const SCORE_PLUGINS: ReadonlyArray<ScorePluginName> = [
  "TaintToleration",
  "NodeAffinity",
  "NodeResourcesFit",
  "PodTopologySpread",
  "InterPodAffinity",
  "NodeResourcesBalancedAllocation",
  "ImageLocality",
]

/**
 * `PodTopologySpreadArgs`: `System` applies the system default constraints (hostname maxSkew 3,
 * zone maxSkew 5, both ScheduleAnyway) to pods without constraints of their own; `List` applies
 * `defaultConstraints` (no selector: the selector comes from the pod's Services and controller).
 *
 * @since 0.1.0
 * @category model
 */
export interface PodTopologySpreadArgs {
  readonly defaultingType: "System" | "List"
  readonly defaultConstraints: ReadonlyArray<Omit<TopologySpreadConstraint, "labelSelector">>
}

/** `InterPodAffinityArgs`. @since 0.1.0 @category model */
export interface InterPodAffinityArgs {
  /** Weight of existing pods' *required* affinity terms in the score (0..100, default 1). */
  readonly hardPodAffinityWeight: number
  readonly ignorePreferredTermsOfExistingPods: boolean
}

/** `NodeAffinityArgs.addedAffinity`: node affinity every pod of the profile also needs / prefers. @since 0.1.0 @category model */
export interface NodeAffinityArgs {
  readonly addedRequired?: ReadonlyArray<NodeSelectorTerm>
  readonly addedPreferred: ReadonlyArray<PreferredTerm>
}

/** The system default spread constraints of v1.35. @since 0.1.0 @category constants */
export const SYSTEM_DEFAULT_CONSTRAINTS: PodTopologySpreadArgs["defaultConstraints"] = [
  { maxSkew: 3, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway" },
  { maxSkew: 5, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway" },
]

/** A resource with its weight in a scoring strategy. @since 0.1.0 @category model */
export interface WeightedResource {
  readonly name: string
  readonly weight: number
}

/** A point of the RequestedToCapacityRatio shape: utilization 0..100 → score 0..10. @since 0.1.0 @category model */
export interface ShapePoint {
  readonly utilization: number
  readonly score: number
}

/** NodeResourcesFit's scoring strategy. @since 0.1.0 @category model */
export type ScoringStrategy =
  | { readonly type: "LeastAllocated"; readonly resources: ReadonlyArray<WeightedResource> }
  | { readonly type: "MostAllocated"; readonly resources: ReadonlyArray<WeightedResource> }
  | {
      readonly type: "RequestedToCapacityRatio"
      readonly resources: ReadonlyArray<WeightedResource>
      readonly shape: ReadonlyArray<ShapePoint>
    }

/**
 * How many nodes to examine: `"adaptive"` (Kubernetes' default, percentageOfNodesToScore unset
 * or 0: every node below 100 nodes, then max(5, 50 − N div 125) %), a percentage 1..100, or
 * `"all"` (every node, as 100).
 *
 * @since 0.1.0
 * @category model
 */
export type NodesToScore = "all" | "adaptive" | number

/** A profile. @since 0.1.0 @category model */
export interface Profile {
  /** The `schedulerName` pods use to be scheduled by this profile. */
  readonly schedulerName: string
  /** Enabled Filter plugins, in the order they run ({@link FILTER_PLUGINS} order in the default profile). */
  readonly filters: ReadonlyArray<FilterPluginName>
  /** Plugins whose PreFilter is disabled while their Filter runs (only those that fall back upstream). */
  readonly preFilterDisabled: ReadonlyArray<FilterPluginName>
  /**
   * The PreFilter extension point exactly, when it is not `filters` minus `preFilterDisabled` in
   * that order: a configuration that orders PreFilter differently from Filter, or keeps a
   * plugin's PreFilter (NodeAffinity's node-name set, say) while disabling its Filter.
   */
  readonly preFilterOrder?: ReadonlyArray<FilterPluginName>
  /** Enabled Score plugins and their weights; a missing plugin is disabled. */
  readonly weights: Readonly<Partial<Record<ScorePluginName, number>>>
  /** Plugins whose PreScore is disabled while their Score runs (only those that fall back upstream). */
  readonly preScoreDisabled: ReadonlyArray<ScorePluginName>
  /** PreEnqueue SchedulingGates: a gated pod waits. */
  readonly schedulingGates: boolean
  /** QueueSort PrioritySort: a batch is scheduled by priority, then creation time (else as given). */
  readonly prioritySort: boolean
  /** PostFilter DefaultPreemption. */
  readonly preemption: boolean
  /** DynamicResources is enabled (its PostFilter says "no new claims to deallocate" first). */
  readonly dynamicResources: boolean
  /** The PostFilter point lists DefaultPreemption before DynamicResources (their messages swap). */
  readonly preemptionBeforeDynamicResources?: boolean
  /**
   * Some Score plugin is enabled. Absent: whether `weights` names one. A configuration sets it
   * because VolumeBinding's Score (no score without the StorageCapacityScoring gate) still counts:
   * without any Score plugin kube-scheduler stops at the first feasible node.
   */
  readonly hasScorePlugins?: boolean
  readonly scoringStrategy: ScoringStrategy
  readonly ignoredResources: ReadonlyArray<string>
  readonly ignoredResourceGroups: ReadonlyArray<string>
  readonly balancedResources: ReadonlyArray<WeightedResource>
  readonly podTopologySpread: PodTopologySpreadArgs
  readonly interPodAffinity: InterPodAffinityArgs
  readonly nodeAffinity: NodeAffinityArgs
  readonly nodesToScore: NodesToScore
}

/** The default resources of both resource scorers: cpu 1, memory 1. @since 0.1.0 @category constants */
export const DEFAULT_RESOURCES: ReadonlyArray<WeightedResource> = [
  { name: "cpu", weight: 1 },
  { name: "memory", weight: 1 },
]

/**
 * The default profile of kube-scheduler v1.35: every default filter in order, scores
 * TaintToleration 3, NodeAffinity 2, PodTopologySpread 2, InterPodAffinity 2, NodeResourcesFit 1
 * (LeastAllocated, cpu 1 memory 1), NodeResourcesBalancedAllocation 1 (cpu, memory),
 * ImageLocality 1; system-default spreading; hardPodAffinityWeight 1; scheduling gates, priority
 * sort, DynamicResources and preemption on; nodes sampled by the adaptive rule, as upstream.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultProfile: Profile = {
  schedulerName: DEFAULT_SCHEDULER_NAME,
  filters: FILTER_PLUGINS.filter((f) => !EXTENSION_FILTERS.includes(f)),
  preFilterDisabled: [],
  weights: {
    TaintToleration: 3,
    NodeAffinity: 2,
    NodeResourcesFit: 1,
    PodTopologySpread: 2,
    InterPodAffinity: 2,
    NodeResourcesBalancedAllocation: 1,
    ImageLocality: 1,
  },
  preScoreDisabled: [],
  schedulingGates: true,
  prioritySort: true,
  preemption: true,
  dynamicResources: true,
  scoringStrategy: { type: "LeastAllocated", resources: DEFAULT_RESOURCES },
  ignoredResources: [],
  ignoredResourceGroups: [],
  balancedResources: DEFAULT_RESOURCES,
  podTopologySpread: { defaultingType: "System", defaultConstraints: [] },
  interPodAffinity: { hardPodAffinityWeight: 1, ignorePreferredTermsOfExistingPods: false },
  nodeAffinity: { addedPreferred: [] },
  nodesToScore: "adaptive",
}

/**
 * A profile with catcluster's VM filters enabled as well (NUMA fit for dedicated-CPU VMIs, named
 * KVM / CPU-feature reasons): what the main job uses to show S11.3.
 *
 * @since 0.1.0
 * @category constants
 */
export const vmAwareProfile: Profile = { ...defaultProfile, filters: FILTER_PLUGINS }

/**
 * Whether a filter plugin is enabled.
 *
 * @since 0.1.0
 * @category predicates
 */
export const filterEnabled = (profile: Profile, name: FilterPluginName): boolean => profile.filters.includes(name)

/**
 * The plugins whose PreFilter runs, in order: `preFilterOrder` when the profile has one, else the
 * enabled filters whose PreFilter is not disabled.
 *
 * @since 0.1.0
 * @category accessors
 */
export const preFilterPlugins = (profile: Profile): ReadonlyArray<FilterPluginName> =>
  profile.preFilterOrder ?? profile.filters.filter((f) => !profile.preFilterDisabled.includes(f))

/**
 * Whether some Score plugin is enabled (kube-scheduler's `hasScoring`): without one it looks for a
 * single feasible node.
 *
 * @since 0.1.0
 * @category predicates
 */
export const hasScoring = (profile: Profile): boolean =>
  profile.hasScorePlugins ?? Object.values(profile.weights).some((w) => w !== undefined)
