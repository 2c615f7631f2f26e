/**
 * The domain's cluster (S1.1) built from a user's decoded manifests, with typed errors for what
 * cannot be modelled and the list of what is not part of the model.
 *
 * @since 0.1.0
 */
export * from "./ModelError.ts"
export * from "./clusterFromManifests.ts"
export * from "./templates.ts"
