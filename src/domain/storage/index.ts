/**
 * Storage and IO (S8): the CSI lifecycle as a typed and a runtime state machine, access × volume
 * modes, IO latency as a functor into (ℝ≥0, +), IOPS and the mapping tables.
 * @since 0.1.0
 */
export * from "./Lifecycle.ts"
export * from "./AccessModes.ts"
export * from "./Latency.ts"
export * from "./Iops.ts"
export { claims as storageClaims, checkCsiPaths, checkAccessModes, checkIoLatency, checkIops, checkStorageTables, iopsVerdict } from "./claims.ts"
