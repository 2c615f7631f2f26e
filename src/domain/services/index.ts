/**
 * Services and load balancing (S7.1–S7.3): the endpoint-set monoid, balancers with a chi-square
 * test, the Service monad and its hop counts.
 * @since 0.1.0
 */
export * from "./seeded.ts"
export * from "./EndpointSet.ts"
export * from "./Balancer.ts"
export * from "./ChiSquare.ts"
export * from "./ServiceMonad.ts"
export * from "./hops.ts"
export { claims as servicesClaims, SERVICES_SEED, SMALL_UNIVERSE, ALPHA, endpointMonoidVerdicts, averagingMonoid, balancerTests, checkDiscoveryMonoid, checkBalancers, checkServiceMonad, type BalancerTest } from "./claims.ts"
