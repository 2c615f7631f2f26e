/**
 * catcluster: typed, law-checked modelling of hybrid container + VM clusters.
 *
 * The root re-exports the core — typed categories, functors, law suites and the claims
 * vocabulary. Each layer has its own entry point as well (`catcluster/category/finset`,
 * `catcluster/domain/manifest`, `catcluster/scheduler`, `catcluster/verification`, …).
 *
 * @since 0.1.0
 */
export * from "./category/index.ts"
export * from "./functors/index.ts"
export * from "./laws/index.ts"
export type { ClaimCheck, ClaimResult, Verdict } from "./claims/Claim.ts"
