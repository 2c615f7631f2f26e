/**
 * Performance space, Pareto frontiers, selection rules and utility (S14).
 * @since 0.1.0
 */
export * from "./PerformanceSpace.ts"
export * from "./Pareto.ts"
export * from "./RuntimeRules.ts"
export * from "./Utility.ts"
export * from "./Distortion.ts"
export { claims } from "./claims.ts"
