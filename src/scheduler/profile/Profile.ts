/**
 * A scheduling profile: which score plugins run with which weight, and their arguments
 * (Kubernetes v1.35 defaults). Filter plugins always run; score plugins the profile does not
 * enable contribute nothing.
 *
 * Not modelled (and so absent from every total): PodTopologySpread, InterPodAffinity,
 * ImageLocality — the corpus and generated workloads carry no spread constraints, pod affinity or
 * image data, where those plugins skip or score every node alike.
 *
 * @since 0.1.0
 */

/** The score plugins the scheduler implements. @since 0.1.0 @category model */
export type ScorePluginName = "NodeResourcesFit" | "NodeResourcesBalancedAllocation" | "TaintToleration" | "NodeAffinity"

/** The score plugin names in their fixed explain order. @since 0.1.0 @category constants */
export const SCORE_PLUGINS: ReadonlyArray<ScorePluginName> = [
  "NodeResourcesFit",
  "NodeResourcesBalancedAllocation",
  "TaintToleration",
  "NodeAffinity",
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
 * How many nodes to examine: `"all"` (full scan, our default, reproducible), `"adaptive"`
 * (Kubernetes' default, percentageOfNodesToScore = 0), or a percentage 1..100.
 *
 * @since 0.1.0
 * @category model
 */
export type NodesToScore = "all" | "adaptive" | number

/** A profile. @since 0.1.0 @category model */
export interface Profile {
  /** Enabled score plugins and their weights; a missing plugin is disabled. */
  readonly weights: Readonly<Partial<Record<ScorePluginName, number>>>
  readonly scoringStrategy: ScoringStrategy
  readonly ignoredResources: ReadonlyArray<string>
  readonly ignoredResourceGroups: ReadonlyArray<string>
  readonly balancedResources: ReadonlyArray<WeightedResource>
  readonly nodesToScore: NodesToScore
}

/** The default resources of both resource scorers: cpu 1, memory 1. @since 0.1.0 @category constants */
export const DEFAULT_RESOURCES: ReadonlyArray<WeightedResource> = [
  { name: "cpu", weight: 1 },
  { name: "memory", weight: 1 },
]

/**
 * The default profile of kube-scheduler v1.35, restricted to the plugins modelled here:
 * TaintToleration 3, NodeAffinity 2, NodeResourcesFit 1 (LeastAllocated, cpu 1 memory 1),
 * NodeResourcesBalancedAllocation 1 (cpu, memory); full scan.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultProfile: Profile = {
  weights: { TaintToleration: 3, NodeAffinity: 2, NodeResourcesFit: 1, NodeResourcesBalancedAllocation: 1 },
  scoringStrategy: { type: "LeastAllocated", resources: DEFAULT_RESOURCES },
  ignoredResources: [],
  ignoredResourceGroups: [],
  balancedResources: DEFAULT_RESOURCES,
  nodesToScore: "all",
}
