/**
 * KubeVirt v1.9's Ω′: the virt-launcher pod a VMI becomes, with its memory overhead.
 * @since 0.1.0
 */
export * from "./version.ts"
export * from "./VmiSpec.ts"
export * from "./overhead.ts"
export * from "./virtLauncherPod.ts"
