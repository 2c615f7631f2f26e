/**
 * σ, the scheduler: a readable implementation over the model objects (the oracle) and a hot path
 * over typed arrays, both following kube-scheduler v1.35 and checked to agree.
 *
 * @since 0.1.0
 */
export * from "./model/index.ts"
export * from "./profile/Profile.ts"
export * from "./Placement.ts"
export * from "./SchedulerInputError.ts"
export * from "./plugins/Status.ts"
export * from "./plugins/Normalize.ts"
export * from "./plugins/ResourceScore.ts"
export * from "./plugins/NodeResourcesBalancedAllocation.ts"
export * from "./plugins/NodeResourcesFit.ts"
export * from "./plugins/NodeAffinity.ts"
export * from "./plugins/TaintToleration.ts"
export * from "./plugins/NodeUnschedulable.ts"
export * from "./plugins/NodeName.ts"
export * from "./plugins/VmCapabilities.ts"
export * from "./plugins/NumaFit.ts"
export * from "./select/Random.ts"
export * from "./select/selectHost.ts"
export * from "./select/nodesToScore.ts"
export * from "./preemption/Preemption.ts"
export * from "./readable/ReadableScheduler.ts"
export * from "./core/HotScheduler.ts"
export * from "./workload/generate.ts"
export * from "./profile/config.ts"
export * from "./profile/PluginCatalog.ts"
export * from "./profile/PluginSets.ts"
export * from "./framework/PostFilter.ts"
export * from "./adapters/fromManifests.ts"
export * from "./batch.ts"
