/**
 * Network (S6): the layer category, the capability table with its mapping functions, the NAT
 * naturality square on a packet-path model, the CNI vs vSwitch table.
 * @since 0.1.0
 */
export * from "./Topology.ts"
export * from "./Capabilities.ts"
export * from "./NatSquare.ts"
export * from "./CniTable.ts"
export { claims as networkClaims, checkNetworkCategory, checkCapabilityFunctions, checkThroughputLatency, checkNatNaturality, checkCniTable } from "./claims.ts"
