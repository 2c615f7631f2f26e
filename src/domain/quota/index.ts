/**
 * Quota and admission (S9.1, S9.3, S9.5): Kubernetes' quota check with typed 403 rejections, the
 * seed's priority conjunct and dynamic quota, invariant checks over random sequences, and the
 * coequalizer-vs-coproduct reading of ResourceQuota.
 * @since 0.1.0
 */
export * from "./Admission.ts"
export * from "./DynamicQuota.ts"
export * from "./Invariants.ts"
export * from "./Coequalizer.ts"
export { claims as quotaClaims, checkAdmissionRule, checkDynamicQuota, checkQuotaCoequalizer } from "./claims.ts"
