/**
 * The scheduler's normalized model, independent of manifests.
 *
 * @since 0.1.0
 */
export * from "./Resources.ts"
export * from "./SchedulingNode.ts"
export * from "./SchedulingPod.ts"
export * from "./Requests.ts"
export * from "./ClusterSnapshot.ts"
export * from "./ClusterObjects.ts"
export * from "./LabelSelector.ts"
export * from "./PodAffinity.ts"
export * from "./TopologySpread.ts"
export * from "./Volumes.ts"
