import { match } from "ts-pattern"
import { resources, type ResourceVector } from "../resources/ResourceVector.ts"

/**
 * S2.1: the seed's resource sum type, and what Kubernetes makes of each alternative.
 *
 * @since 0.1.0
 */

/**
 * `Resource = CPU{cores, freq, flags} | Memory{size, type, numa} | Network{bandwidth, latency,
 * PCIe lanes} | Storage{capacity, iops, media}` (S2.1).
 *
 * @since 0.1.0
 * @category model
 */
export type Resource =
  | { readonly _tag: "CPU"; readonly cores: number; readonly freqMHz: number; readonly flags: ReadonlyArray<string> }
  | { readonly _tag: "Memory"; readonly bytes: bigint; readonly type: string; readonly numaNode: number }
  | { readonly _tag: "Network"; readonly bandwidthMbps: number; readonly latencyUs: number; readonly pcieLanes: number }
  | { readonly _tag: "Storage"; readonly bytes: bigint; readonly iops: number; readonly media: "SSD" | "HDD" }

/**
 * How Kubernetes sees one seed resource: the part that is a schedulable quantity, and the
 * attributes that are not resources at all (they become node labels, topology-manager hints,
 * or nothing).
 *
 * @since 0.1.0
 * @category model
 */
export interface KubernetesView {
  readonly quantity: ResourceVector
  /** Attributes with no resource counterpart, and what Kubernetes uses instead. */
  readonly notResources: ReadonlyArray<{ readonly attribute: string; readonly instead: string }>
}

/**
 * The Kubernetes reading of a seed resource (matched exhaustively with ts-pattern).
 *
 * @example
 * import { kubernetesView } from "catcluster/domain/workload"
 * kubernetesView({ _tag: "CPU", cores: 4, freqMHz: 3000, flags: ["avx512"] }).quantity // cpu=4000m
 *
 * @since 0.1.0
 * @category destructors
 */
export const kubernetesView = (r: Resource): KubernetesView =>
  match(r)
    .returnType<KubernetesView>()
    .with({ _tag: "CPU" }, (c) => ({
      quantity: resources({ cpu: BigInt(c.cores) * 1000n }),
      notResources: [
        { attribute: "freq", instead: "node label (node-feature-discovery)" },
        { attribute: "flags", instead: "node labels cpu-feature.node.kubevirt.io/* / feature.node.kubernetes.io/*" },
      ],
    }))
    .with({ _tag: "Memory" }, (m) => ({
      quantity: resources({ memory: m.bytes }),
      notResources: [
        { attribute: "type", instead: "node label" },
        { attribute: "numaNode", instead: "Topology Manager / KubeVirt guest NUMA, not a requestable resource" },
      ],
    }))
    .with({ _tag: "Network" }, () => ({
      quantity: resources({}),
      notResources: [
        { attribute: "bandwidth", instead: "kubernetes.io/ingress-bandwidth annotation (CNI), not scheduled" },
        { attribute: "latency", instead: "nothing" },
        { attribute: "pcieLanes", instead: "SR-IOV VFs as extended resources" },
      ],
    }))
    .with({ _tag: "Storage" }, (s) => ({
      quantity: resources({ "ephemeral-storage": s.bytes }),
      notResources: [
        { attribute: "iops", instead: "StorageClass parameters" },
        { attribute: "media", instead: "StorageClass / node label" },
      ],
    }))
    .exhaustive()
