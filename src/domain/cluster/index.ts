/**
 * The cluster category (S1): objects P, V, C, Pod, VMI with resources; Φ, Ψ, Ω, Ω′, σ as typed
 * arrows carrying data, with their resource laws; the footprint functor into Res≤.
 * @since 0.1.0
 */
export * from "./objects.ts"
export * from "./morphisms.ts"
export * from "./footprint.ts"
export * from "./schedule.ts"
export * from "./apiMapping.ts"
export * from "./compatibility.ts"
export * from "./capabilities.ts"
export * from "./example.ts"
