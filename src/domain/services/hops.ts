import { endpoint, endpointSet } from "./EndpointSet.ts"
import { containerInstance, request, vmInstance, type ServiceInstance } from "./ServiceMonad.ts"

/**
 * The cost side of S7.3: hops per request as the number of backends grows (time), and the state
 * the data plane keeps (space), for both Service instances.
 *
 * Space follows kube-proxy's iptables mode: one KUBE-SVC jump rule and one KUBE-SEP chain (two
 * rules: mark, DNAT) per endpoint, plus the Service's entry rule: 3n + 1. The seed's VM instance
 * adds per-endpoint state in each of m virt-handlers (n·m); KubeVirt's real masquerade binding
 * keeps a constant set of NAT rules per VMI instead, so the VM figure is the seed's model only.
 *
 * @since 0.1.0
 */

/** Costs at one size. @since 0.1.0 @category model */
export interface ServiceCost {
  readonly backends: number
  readonly hops: number
  readonly rules: number
}

/**
 * Hops of one request and data-plane entries for `n` backends (and `handlers` virt-handlers for
 * the VM instance as the seed models it).
 *
 * @example
 * import { containerInstance, serviceCost, vmInstance } from "catcluster/domain/services"
 * serviceCost(containerInstance, 100)  // { backends: 100, hops: 1, rules: 301 }
 * serviceCost(vmInstance, 100, 4)      // { backends: 100, hops: 3, rules: 701 }
 *
 * @since 0.1.0
 * @category services
 */
export const serviceCost = (instance: ServiceInstance, n: number, handlers = 1): ServiceCost => {
  const endpoints = endpointSet(Array.from({ length: n }, (_, i) => endpoint(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, 80)))
  const { hops } = request(instance)({ endpoints }, 0)
  return { backends: n, hops, rules: instance.space(n, handlers) }
}

/**
 * Hops across sizes: constant for both instances, so both are O(1).
 *
 * @since 0.1.0
 * @category services
 */
export const hopGrowth = (sizes: ReadonlyArray<number>): { readonly container: ReadonlyArray<ServiceCost>; readonly vm: ReadonlyArray<ServiceCost> } => ({
  container: sizes.map((n) => serviceCost(containerInstance, n)),
  vm: sizes.map((n) => serviceCost(vmInstance, n, 4)),
})
