/**
 * `catcluster check`: law checks on a user's own manifests and presentations, for their CI.
 *
 * @since 0.1.0
 */
export * from "./Shortfall.ts"
export * from "./manifestSuite.ts"
export * from "./resourceSuite.ts"
export * from "./fitSuite.ts"
export * from "./capacitySuite.ts"
export * from "./footprintSuite.ts"
export * from "./presentationSuite.ts"
export * from "./CheckReport.ts"
export * from "./checkModel.ts"
