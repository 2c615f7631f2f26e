/**
 * The questions operators ask of their own cluster, answered with the project's scheduler:
 * drain (or lose) nodes, N−1 resilience per node and per zone (with the model checker on the
 * order of failures), how many more copies of a pod or VM fit, and quota headroom per namespace.
 *
 * @since 0.1.0
 */
export * from "./OperationsError.ts"
export * from "./Inventory.ts"
export * from "./DisruptionBudget.ts"
export * from "./ClusterState.ts"
export * from "./Eviction.ts"
export * from "./Drain.ts"
export * from "./Resilience.ts"
export * from "./Interleavings.ts"
export * from "./Capacity.ts"
export * from "./QuotaHeadroom.ts"
export * from "./Template.ts"
