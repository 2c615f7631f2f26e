/**
 * Explicit-state model checking (S15): packed states on typed arrays, a visited set that scales
 * to tens of millions of states, BFS for shortest counterexamples, liveness under weak fairness
 * with lasso counterexamples, Galois-connection abstraction, and the seed's scenarios.
 *
 * @since 0.1.0
 */
export * from "./Check.ts"
export * from "./Counting.ts"
export * from "./Explore.ts"
export * from "./Formula.ts"
export * from "./Galois.ts"
export * from "./Guarded.ts"
export * from "./Layout.ts"
export * from "./Liveness.ts"
export * from "./Product.ts"
export * from "./Progress.ts"
export * from "./StateSet.ts"
export * from "./Trace.ts"
export * from "./TransitionSystem.ts"
export * from "./scenarios/index.ts"
export { claims, checkAbstraction, checkStateSpace, outcomeEvidence, scenarioVerdict } from "./claims.ts"
