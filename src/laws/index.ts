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
