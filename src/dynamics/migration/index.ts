/**
 * Live migration (S13): the pre-copy model with KubeVirt v1.9's timeouts and auto-converge, the
 * VM's state in each phase, and S13.2's invariants.
 * @since 0.1.0
 */
export * from "./Invariants.ts"
export * from "./PreCopy.ts"
