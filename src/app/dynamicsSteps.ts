/**
 * Main-job steps for the dynamic half, each in its own module: backend health (S7.4),
 * autoscaling (S12), live migration (S13) and model checking (S15), all on the user's cluster.
 *
 * @since 0.1.0
 */
export { markovStep } from "./markovStep.ts"
export { autoscalingStep } from "./autoscalingStep.ts"
export { migrationStep } from "./migrationStep.ts"
export { verifyStep } from "./verifyStep.ts"
