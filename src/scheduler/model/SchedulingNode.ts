/**
 * A node as the scheduler sees it: allocatable amounts, labels, taints, the unschedulable flag
 * and, for VM placement, its NUMA cells. Independent of manifests; `adapters/fromManifests.ts`
 * builds these from a kubectl NodeList.
 *
 * @since 0.1.0
 */
import type { ResourceAmounts } from "./Resources.ts"

/** A taint effect. @since 0.1.0 @category model */
export type TaintEffect = "NoSchedule" | "PreferNoSchedule" | "NoExecute"

/** A node taint. @since 0.1.0 @category model */
export interface Taint {
  readonly key: string
  readonly value: string
  readonly effect: TaintEffect
}

/**
 * One NUMA cell, as a NodeResourceTopology object describes it: dedicated CPUs (whole cores),
 * regular memory bytes, and pre-allocated hugepage bytes (a separate pool).
 *
 * @since 0.1.0
 * @category model
 */
export interface NumaCell {
  readonly cpus: number
  readonly memoryBytes: number
  readonly hugepagesBytes: number
}

/** An image the node holds (`status.images`): its names (tags and digests) and size. @since 0.1.0 @category model */
export interface NodeImage {
  readonly names: ReadonlyArray<string>
  readonly sizeBytes: number
}

/**
 * A node. `allocatable` holds `cpu` in millicores, `pods` as a count, the rest in base units;
 * CPU features are labels (`cpu-feature.node.kubevirt.io/<name>: "true"`); KVM is the
 * allocatable `devices.kubevirt.io/kvm`. A node with no `numaCells` counts as one cell holding
 * all its allocatable CPUs and memory.
 *
 * @since 0.1.0
 * @category model
 */
export interface SchedulingNode {
  readonly name: string
  readonly allocatable: ResourceAmounts
  readonly labels: Readonly<Record<string, string>>
  readonly taints: ReadonlyArray<Taint>
  readonly unschedulable: boolean
  readonly numaCells?: ReadonlyArray<NumaCell>
  /** `status.images` (ImageLocality); absent = none. */
  readonly images?: ReadonlyArray<NodeImage>
  /** `status.features.supplementalGroupsPolicy`: the node runs pods with `supplementalGroupsPolicy: Strict` (the kubelet's admission reads it); absent = not reported. */
  readonly supplementalGroupsPolicy?: boolean
}

/**
 * A node with defaults for everything but its name and allocatable amounts.
 *
 * @example
 * import { node } from "catcluster/scheduler"
 * const worker = node("w1", { cpu: 4000, memory: 8 * 2 ** 30, pods: 110 })
 *
 * @since 0.1.0
 * @category constructors
 */
export const node = (
  name: string,
  allocatable: ResourceAmounts,
  rest: Partial<Omit<SchedulingNode, "name" | "allocatable">> = {},
): SchedulingNode => ({
  name,
  allocatable,
  labels: rest.labels ?? { "kubernetes.io/hostname": name },
  taints: rest.taints ?? [],
  unschedulable: rest.unschedulable ?? false,
  ...(rest.numaCells === undefined ? {} : { numaCells: rest.numaCells }),
  ...(rest.images === undefined ? {} : { images: rest.images }),
  ...(rest.supplementalGroupsPolicy === undefined ? {} : { supplementalGroupsPolicy: rest.supplementalGroupsPolicy }),
})

/**
 * The NUMA cells of a node, with the single-cell default for nodes that describe none
 * (all allocatable whole CPUs and all allocatable memory in one cell).
 *
 * @since 0.1.0
 * @category accessors
 */
export const numaCellsOf = (n: SchedulingNode): ReadonlyArray<NumaCell> =>
  n.numaCells ?? [
    {
      cpus: Math.floor((n.allocatable["cpu"] ?? 0) / 1000),
      memoryBytes: n.allocatable["memory"] ?? 0,
      hugepagesBytes: 0,
    },
  ]
