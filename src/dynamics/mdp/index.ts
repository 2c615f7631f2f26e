/**
 * Finite MDPs: value iteration with an ε-optimality guarantee, policy iteration with exact
 * evaluation, and the seed's health MDP (S7.5) with its assumptions and a sensitivity sweep.
 * @since 0.1.0
 */
export * from "./HealthMdp.ts"
export * from "./Mdp.ts"
export * from "./PolicyIteration.ts"
export * from "./Sensitivity.ts"
export * from "./ValueIteration.ts"
export * from "./MigrationMdp.ts"
