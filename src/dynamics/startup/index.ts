/**
 * Start-up latency: distribution families fitted to the seed's numbers (S4), seeded sampling,
 * the Kolmogorov–Smirnov test, and the probabilities S4.2–S4.4 ask for.
 * @since 0.1.0
 */
export * from "./Distribution.ts"
export * from "./Exponential.ts"
export * from "./Fit.ts"
export * from "./KolmogorovSmirnov.ts"
export * from "./Latency.ts"
export * from "./LogNormal.ts"
export * from "./Special.ts"
export * from "./Truncated.ts"
