/**
 * Seeded randomness for the dynamics: `makeRng(seed)` → `{ next, nextInt, seed }`.
 * @since 0.1.0
 */
export * from "./Rng.ts"
