/**
 * The HorizontalPodAutoscaler exactly as Kubernetes v1.35 computes it: pod grouping, the
 * replica calculator, normalisation with and without `behavior`, one controller sync, and
 * reading a real snapshot (HPA, PodList, PodMetricsList).
 *
 * @since 0.1.0
 */
export * from "./Snapshot.ts"
export * from "./Tolerance.ts"
export * from "./GroupPods.ts"
export * from "./ReplicaCalculator.ts"
export * from "./Behavior.ts"
export * from "./Normalization.ts"
export * from "./Controller.ts"
export * from "./FromManifests.ts"
