/**
 * The plugins a `KubeSchedulerConfiguration` may name, and the extension points each implements
 * (kube-scheduler v1.35): every plugin of the default profile, DynamicResources, and catcluster's
 * own filters `NumaFit` and `VmCapabilities`. A name outside this catalog is a plugin catcluster
 * does not implement, and a configuration enabling it is refused.
 *
 * Whether a plugin "falls back" when its PreFilter (PreScore) is disabled while its Filter (Score)
 * runs is read from each plugin's source: NodeAffinity, VolumeZone and NodeVolumeLimits filter
 * without their PreFilter state; NodeResourcesFit, NodePorts, VolumeRestrictions, VolumeBinding,
 * PodTopologySpread and InterPodAffinity return an error status on every node instead.
 * NodeAffinity, NodeResourcesFit and NodeResourcesBalancedAllocation score without PreScore;
 * TaintToleration, PodTopologySpread and InterPodAffinity fail.
 *
 * @since 0.1.0
 */

/** An extension point of the scheduling framework, as the configuration spells it. @since 0.1.0 @category model */
export type ExtensionPoint =
  | "preEnqueue"
  | "queueSort"
  | "preFilter"
  | "filter"
  | "postFilter"
  | "preScore"
  | "score"
  | "reserve"
  | "permit"
  | "preBind"
  | "bind"
  | "postBind"

/**
 * The extension points in the order kube-scheduler's framework walks them when it builds a
 * profile (`getExtensionPoints`), so the first error found is the one it reports.
 *
 * @since 0.1.0
 * @category constants
 */
export const EXTENSION_POINTS: ReadonlyArray<ExtensionPoint> = [
  "preFilter",
  "filter",
  "postFilter",
  "reserve",
  "preScore",
  "score",
  "preBind",
  "bind",
  "postBind",
  "permit",
  "preEnqueue",
  "queueSort",
]

/** Go's interface name of an extension point, as kube-scheduler's errors print it. @since 0.1.0 @category constants */
export const POINT_INTERFACE: Readonly<Record<ExtensionPoint, string>> = {
  preEnqueue: "PreEnqueuePlugin",
  queueSort: "QueueSortPlugin",
  preFilter: "PreFilterPlugin",
  filter: "FilterPlugin",
  postFilter: "PostFilterPlugin",
  preScore: "PreScorePlugin",
  score: "ScorePlugin",
  reserve: "ReservePlugin",
  permit: "PermitPlugin",
  preBind: "PreBindPlugin",
  bind: "BindPlugin",
  postBind: "PostBindPlugin",
}

/**
 * Every plugin catcluster knows, with the extension points it implements in v1.35.
 *
 * @since 0.1.0
 * @category constants
 */
export const PLUGIN_CATALOG: Readonly<Record<string, ReadonlyArray<ExtensionPoint>>> = {
  SchedulingGates: ["preEnqueue"],
  PrioritySort: ["queueSort"],
  NodeUnschedulable: ["filter"],
  NodeName: ["filter"],
  TaintToleration: ["filter", "preScore", "score"],
  NodeAffinity: ["preFilter", "filter", "preScore", "score"],
  NodePorts: ["preFilter", "filter"],
  NodeResourcesFit: ["preFilter", "filter", "preScore", "score"],
  VolumeRestrictions: ["preFilter", "filter"],
  NodeVolumeLimits: ["preFilter", "filter"],
  VolumeBinding: ["preFilter", "filter", "reserve", "preBind", "preScore", "score"],
  VolumeZone: ["preFilter", "filter"],
  PodTopologySpread: ["preFilter", "filter", "preScore", "score"],
  InterPodAffinity: ["preFilter", "filter", "preScore", "score"],
  DynamicResources: ["preEnqueue", "preFilter", "filter", "postFilter", "reserve", "preBind"],
  DefaultPreemption: ["preEnqueue", "postFilter"],
  NodeResourcesBalancedAllocation: ["preScore", "score"],
  ImageLocality: ["score"],
  DefaultBinder: ["bind"],
  NumaFit: ["filter"],
  VmCapabilities: ["filter"],
}

/**
 * Whether `name` is a plugin catcluster knows.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isKnownPlugin = (name: string): boolean => Object.hasOwn(PLUGIN_CATALOG, name)

/**
 * Whether plugin `name` implements extension point `point`.
 *
 * @since 0.1.0
 * @category predicates
 */
export const implementsPoint = (name: string, point: ExtensionPoint): boolean => PLUGIN_CATALOG[name]?.includes(point) ?? false

/** A plugin reference of a plugin set: its name and, for Score plugins, its weight. @since 0.1.0 @category model */
export interface PluginRef {
  readonly name: string
  readonly weight?: number
}

/**
 * kube-scheduler v1.35's default `multiPoint` list (DynamicResourceAllocation is on by default,
 * so DynamicResources sits just before DefaultPreemption).
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_MULTI_POINT: ReadonlyArray<PluginRef> = [
  { name: "SchedulingGates" },
  { name: "PrioritySort" },
  { name: "NodeUnschedulable" },
  { name: "NodeName" },
  { name: "TaintToleration", weight: 3 },
  { name: "NodeAffinity", weight: 2 },
  { name: "NodePorts" },
  { name: "NodeResourcesFit", weight: 1 },
  { name: "VolumeRestrictions" },
  { name: "NodeVolumeLimits" },
  { name: "VolumeBinding" },
  { name: "VolumeZone" },
  { name: "PodTopologySpread", weight: 2 },
  { name: "InterPodAffinity", weight: 2 },
  { name: "DynamicResources" },
  { name: "DefaultPreemption" },
  { name: "NodeResourcesBalancedAllocation", weight: 1 },
  { name: "ImageLocality", weight: 1 },
  { name: "DefaultBinder" },
]

/** Filter plugins that filter without their PreFilter state. @since 0.1.0 @category constants */
export const FILTER_WITHOUT_PREFILTER: ReadonlyArray<string> = ["NodeAffinity", "VolumeZone", "NodeVolumeLimits"]

/** Score plugins that score without their PreScore state. @since 0.1.0 @category constants */
export const SCORE_WITHOUT_PRESCORE: ReadonlyArray<string> = ["NodeAffinity", "NodeResourcesFit", "NodeResourcesBalancedAllocation"]
