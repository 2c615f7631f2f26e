/**
 * Exact Kubernetes quantities: parse, canonical form, exact decimal views, comparison.
 *
 * @since 0.1.0
 */
export * from "./Quantity.ts"
export * from "./QuantityError.ts"
export * from "./parse.ts"
export * from "./canonical.ts"
export * from "./decimal.ts"
export * from "./compare.ts"
export * from "./arbitrary.ts"
