/**
 * Resource and workload types (S2): the seed's sum and product types, and heterogeneous
 * workloads with `totalUsage` as a monoid fold.
 * @since 0.1.0
 */
export * from "./Resource.ts"
export * from "./ResourceRequest.ts"
export * from "./ContainerSpec.ts"
export * from "./VmSpec.ts"
export * from "./Workload.ts"
export * from "./VirtualMachine.ts"
