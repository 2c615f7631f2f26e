/**
 * fast-check generators for cluster objects and whole clusters, valid by construction.
 * @since 0.1.0
 */
export * from "./cluster.ts"
export * from "./workload.ts"
