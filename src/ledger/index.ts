/**
 * The claims ledger.
 * @since 0.1.0
 */
export * from "./catalog.ts"
export * from "./Ledger.ts"
export * from "./compactJson.ts"
export { allClaims } from "./registry.ts"
