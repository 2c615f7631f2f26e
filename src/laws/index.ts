/**
 * Law suites: laws as data, exhaustive or sampled carriers, structured verdicts.
 * @since 0.1.0
 */
export * from "./Law.ts"
export * from "./Carrier.ts"
export * from "./Verdict.ts"
export * from "./Check.ts"
export * from "./Suite.ts"
export * from "./assert.ts"
export * from "./RunConfig.ts"
export * from "./category.ts"
export * from "./functor.ts"
export * from "./naturality.ts"
export * from "./monoid.ts"
export * from "./monad.ts"
export * from "./galois.ts"
export * from "./adjunction.ts"
export * from "./diagram.ts"
export * from "./universal.ts"
