/**
 * Density and memory sharing (S5): library-set occupation as a FinSet colimit, the share ratio,
 * the N_max model and its fit to the seed's experiment.
 * @since 0.1.0
 */
export * from "./shareRatio.ts"
export * from "./startupModel.ts"
export { claims as densityClaims, DENSITY_SEED, checkOccupationIsColimit, checkShareRatio, checkStartupModel, checkClaimedExperiment, checkDensityNumbers } from "./claims.ts"
