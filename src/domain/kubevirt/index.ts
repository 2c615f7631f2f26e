/**
 * KubeVirt v1.9: Ω′ (the virt-launcher pod a VMI becomes, with its memory overhead), and what a drain does to a VMI (eviction strategy, migration settings, migratability).
 * @since 0.1.0
 */
export * from "./version.ts"
export * from "./VmiSpec.ts"
export * from "./overhead.ts"
export * from "./virtLauncherPod.ts"
export * from "./migrationSettings.ts"
