/**
 * The HPA closed loop: load profile → per-pod CPU → HPA every 15 s → replicas Ready after a
 * sampled start-up latency (containers vs VMs), with an optional Smith predictor; series,
 * measures, CSV/JSON and an SVG chart.
 *
 * @since 0.1.0
 */
export * from "./Workload.ts"
export * from "./LoadProfile.ts"
export * from "./Step.ts"
export * from "./Performance.ts"
export * from "./Simulate.ts"
export * from "./Output.ts"
