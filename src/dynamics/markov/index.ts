/**
 * Finite Markov chains: validation, class structure, stationary distributions (exact and
 * iterative), hitting times, and the seed's health chain (S7.4).
 * @since 0.1.0
 */
export * from "./Chain.ts"
export * from "./Health.ts"
export * from "./Hitting.ts"
/**
 * Exact rational arithmetic on bigint fractions in lowest terms, so that small chains are
 * solved exactly (rows sum to exactly 1).
 * @since 0.1.0
 */
export * as Rational from "./Rational.ts"
export * from "./RationalMatrix.ts"
export * from "./Stationary.ts"
export * from "./Structure.ts"
