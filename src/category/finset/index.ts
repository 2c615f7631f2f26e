/**
 * FinSet: finite sets and total functions on typed arrays, with every finite limit and colimit
 * returned with its universal arrow, and exponentials with currying.
 * @since 0.1.0
 */
export * from "./errors.ts"
export * from "./FinSet.ts"
export * from "./UnionFind.ts"
export * from "./cones.ts"
export * from "./product.ts"
export * from "./equalizer.ts"
export * from "./pullback.ts"
export * from "./coproduct.ts"
export * from "./coequalizer.ts"
export * from "./pushout.ts"
export * from "./colimit.ts"
export * from "./quotient.ts"
export * from "./exponential.ts"
export * from "./arbitrary.ts"
export * from "./limit.ts"
