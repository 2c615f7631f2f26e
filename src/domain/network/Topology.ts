import { freeCategory, type FinCat } from "../../category/fincat/index.ts"

/**
 * The network category N (S6.1): layers as objects, links as arrows, paths as composites.
 *
 * Two presentations of the same picture:
 *
 * - the seed's: PodNetwork →veth→ HostNetwork → Overlay → PhysicalNIC, VMNetwork →tap→ Bridge →
 *   Overlay, Service → EndpointSlice → PodNetwork | VMNetwork;
 * - KubeVirt's (bridge or masquerade binding): the VM's tap ends on a bridge *inside the
 *   virt-launcher pod's network namespace*; leaving the node, the traffic takes the pod's own
 *   veth like any pod's. An EndpointSlice of a Service over VMIs lists the launcher pods' IPs.
 *
 * Both are acyclic, so their free categories are finite and the category laws are checked
 * exhaustively; the difference shows up as path length.
 *
 * @since 0.1.0
 */

/** An endpoint (S6.1's object in the concrete reading). @since 0.1.0 @category model */
export interface NetworkEndpoint {
  readonly ip: string
  readonly port: number
  readonly namespace: string
  readonly protocol: "TCP" | "UDP" | "SCTP"
}

/**
 * The seed's layer graph as a finite free category.
 *
 * @since 0.1.0
 * @category network
 */
export const seedNetwork: FinCat = freeCategory({
  name: "N (seed)",
  objects: ["Service", "EndpointSlice", "PodNetwork", "VMNetwork", "HostNetwork", "Bridge", "Overlay", "PhysicalNIC"],
  arrows: [
    { name: "select", dom: "Service", cod: "EndpointSlice" },
    { name: "toPod", dom: "EndpointSlice", cod: "PodNetwork" },
    { name: "toVmi", dom: "EndpointSlice", cod: "VMNetwork" },
    { name: "veth", dom: "PodNetwork", cod: "HostNetwork" },
    { name: "tap", dom: "VMNetwork", cod: "Bridge" },
    { name: "encapHost", dom: "HostNetwork", cod: "Overlay" },
    { name: "encapBridge", dom: "Bridge", cod: "Overlay" },
    { name: "nic", dom: "Overlay", cod: "PhysicalNIC" },
  ],
}).finite as FinCat

/**
 * KubeVirt's layer graph: the VM's bridge lives in the launcher pod, whose veth leads out.
 *
 * @since 0.1.0
 * @category network
 */
export const kubevirtNetwork: FinCat = freeCategory({
  name: "N (KubeVirt)",
  objects: ["Service", "EndpointSlice", "PodNetwork", "VMNetwork", "HostNetwork", "Bridge", "Overlay", "PhysicalNIC"],
  arrows: [
    { name: "select", dom: "Service", cod: "EndpointSlice" },
    { name: "toPod", dom: "EndpointSlice", cod: "PodNetwork" },
    { name: "tap", dom: "VMNetwork", cod: "Bridge" },
    { name: "launcherNic", dom: "Bridge", cod: "PodNetwork" },
    { name: "veth", dom: "PodNetwork", cod: "HostNetwork" },
    { name: "encapHost", dom: "HostNetwork", cod: "Overlay" },
    { name: "nic", dom: "Overlay", cod: "PhysicalNIC" },
  ],
}).finite as FinCat

/**
 * The hops of the unique path between two layers (undefined when there is none, or several).
 *
 * @example
 * import { hopsBetween, seedNetwork } from "catcluster/domain/network"
 * hopsBetween(seedNetwork, "PodNetwork", "PhysicalNIC") // ["veth", "encapHost", "nic"]
 *
 * @since 0.1.0
 * @category network
 */
export const hopsBetween = (N: FinCat, from: string, to: string): ReadonlyArray<string> | undefined => {
  const x = N.objectId(from)
  const y = N.objectId(to)
  const arrows = N.hom(x, y)
  return arrows.length === 1 ? N.pathOf(arrows[0] as number) : undefined
}
