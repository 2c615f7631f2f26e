/**
 * Runtime state machines (S3): the real Pod / container / VMI / migration machines and the
 * seed's simplified ones, as free categories; products; checking state maps such as η.
 * @since 0.1.0
 */
export * from "./TransitionGraph.ts"
export * from "./FreeCategory.ts"
export * from "./machines.ts"
export * from "./printableStatus.ts"
export * from "./product.ts"
export * from "./graphMap.ts"
