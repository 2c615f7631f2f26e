/**
 * Functors and natural transformations: between any two categories, fp-ts functors as
 * endofunctors of Type, full/faithful checks, vertical and horizontal composition, whiskering.
 * @since 0.1.0
 */
export * from "./Functor.ts"
export * from "./NaturalTransformation.ts"
export * from "./FullFaithful.ts"
export * from "./FpTs.ts"
export * from "./TypeTransformation.ts"
export * from "./Adjunction.ts"
export * from "./Currying.ts"
export * from "./FromPresentation.ts"
