/**
 * The eleven-dimension CNI vs vSwitch table of part II §2.1 (S6.5) as data. Each row has an
 * "isomorphism coefficient" (α … σ); the seed never defines how a coefficient is computed, so
 * only the rows whose coefficient can be read as a ratio of the row's own numbers are checkable.
 *
 * @since 0.1.0
 */

/** One row. @since 0.1.0 @category model */
export interface CniRow {
  readonly dimension: string
  readonly cni: string
  readonly vswitch: string
  readonly symbol: string
  readonly coefficient: number
  readonly explanation: string
  /** The ratio the row's own numbers give, when they give one. */
  readonly derived?: { readonly value: number; readonly from: string }
}

/**
 * The table.
 *
 * @since 0.1.0
 * @category network
 */
export const cniTable: ReadonlyArray<CniRow> = [
  { dimension: "protocol stack", cni: "host kernel, shared", vswitch: "guest kernel, own", symbol: "α", coefficient: 0.3, explanation: "path length 3 vs 7", derived: { value: 3 / 7, from: "3/7" } },
  { dimension: "MAC address", cni: "random (MACVLAN)", vswitch: "OUI (vNIC)", symbol: "β", coefficient: 0.8, explanation: "namespace isomorphism" },
  { dimension: "IP management", cni: "CNI IPAM", vswitch: "DHCP/static", symbol: "γ", coefficient: 0.9, explanation: "IPAM functor unified" },
  { dimension: "multi-plane", cni: "Multus + NAD", vswitch: "vSwitch VLAN", symbol: "δ", coefficient: 1.0, explanation: "fully isomorphic" },
  { dimension: "SR-IOV", cni: "device plugin", vswitch: "PCI passthrough", symbol: "ε", coefficient: 0.95, explanation: "VF pool management" },
  { dimension: "traffic shaping", cni: "TC + CNI", vswitch: "OVS QoS", symbol: "ζ", coefficient: 0.85, explanation: "queue scheduling differs" },
  { dimension: "security policy", cni: "NetworkPolicy", vswitch: "ACL + micro-segmentation", symbol: "η", coefficient: 0.75, explanation: "iptables vs OVS flows" },
  { dimension: "service mesh", cni: "Istio/envoy", vswitch: "sidecar VM", symbol: "θ", coefficient: 0.6, explanation: "data-plane form differs" },
  { dimension: "performance", cni: "9.5 Gbps", vswitch: "7.0 Gbps", symbol: "μ", coefficient: 0.74, explanation: "user-space forwarding penalty", derived: { value: 7.0 / 9.5, from: "7.0/9.5" } },
  { dimension: "density", cni: "1000 ep/node", vswitch: "200 ep/node", symbol: "ρ", coefficient: 0.2, explanation: "process vs VM overhead", derived: { value: 200 / 1000, from: "200/1000" } },
  { dimension: "monitoring", cni: "eBPF", vswitch: "port-mirror", symbol: "σ", coefficient: 0.7, explanation: "observability differs" },
]

/** A derived coefficient against the stated one (to the stated two decimals). @since 0.1.0 @category model */
export interface CoefficientCheck {
  readonly symbol: string
  readonly stated: number
  readonly derived: number
  readonly from: string
  readonly matches: boolean
}

/**
 * The rows whose coefficient the table's own numbers determine, checked to two decimals.
 *
 * @since 0.1.0
 * @category network
 */
export const checkCoefficients = (table: ReadonlyArray<CniRow> = cniTable): ReadonlyArray<CoefficientCheck> =>
  table.flatMap((r) => (r.derived === undefined ? [] : [{ symbol: r.symbol, stated: r.coefficient, derived: r.derived.value, from: r.derived.from, matches: Math.abs(r.derived.value - r.coefficient) < 0.005 }]))

/**
 * The seed's Multus/OVS square: Pod --CNI--> Network, Pod --Multus--> VMI, VMI --vSwitch-->
 * Network, Network --OVS--> Network. As paths it does not commute (no equation relates
 * OVS∘CNI and vSwitch∘Multus); to compare them by a cost functor needs numbers the seed does not
 * give. Multus is also mistyped as Pod → VMI: it attaches extra networks to a pod (for a VMI, to
 * its virt-launcher pod).
 *
 * @since 0.1.0
 * @category network
 */
export const multusSquare = {
  legs: [
    { name: "CNI", dom: "Pod", cod: "Network" },
    { name: "Multus", dom: "Pod", cod: "VMI" },
    { name: "vSwitch", dom: "VMI", cod: "Network" },
    { name: "OVS", dom: "Network", cod: "Network" },
  ],
  missing: ["cost (latency or throughput) of each leg: CNI, Multus, vSwitch, OVS", "how an isomorphism coefficient is computed (only μ, ρ and α can be read off their rows)"],
  typing: "Multus : Pod → VMI is not what Multus does: it delegates to CNI plugins to add interfaces to a pod; a VMI's secondary NICs come from Multus on its virt-launcher pod",
} as const
