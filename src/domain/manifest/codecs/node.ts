/**
 * Nodes (`core/v1`): capacity, allocatable, labels, taints, unschedulable.
 *
 * @since 0.1.0
 */
import * as t from "io-ts"
import { ObjectMeta } from "./meta.ts"
import { TaintEffect } from "./pod.ts"
import { Integer, OpaqueObject, QuantityMap, struct } from "./primitives.ts"

/**
 * A node taint: key, effect and optional value.
 *
 * @since 0.1.0
 * @category codecs
 */
export const Taint = struct("Taint", { key: t.string, effect: TaintEffect }, { value: t.string, timeAdded: t.string })

/**
 * An image a node holds (`status.images`): its names (tags and digests) and size in bytes.
 *
 * @since 0.1.0
 * @category codecs
 */
export const ContainerImage = t.partial({ names: t.array(t.string), sizeBytes: Integer }, "ContainerImage")

/**
 * A Kubernetes Node (`v1`): capacity, allocatable, labels and taints.
 *
 * @since 0.1.0
 * @category codecs
 */
export const Node = struct(
  "Node",
  { apiVersion: t.string, kind: t.literal("Node") },
  {
    metadata: ObjectMeta,
    spec: t.partial(
      {
        unschedulable: t.boolean,
        taints: t.array(Taint),
        podCIDR: t.string,
        podCIDRs: t.array(t.string),
        providerID: t.string,
        configSource: OpaqueObject,
        externalID: t.string,
      },
      "NodeSpec",
    ),
    status: t.partial(
      {
        capacity: QuantityMap,
        allocatable: QuantityMap,
        conditions: t.array(OpaqueObject),
        addresses: t.array(OpaqueObject),
        daemonEndpoints: OpaqueObject,
        nodeInfo: OpaqueObject,
        images: t.array(ContainerImage),
        volumesInUse: t.array(t.string),
        volumesAttached: t.array(OpaqueObject),
        config: OpaqueObject,
        runtimeHandlers: t.array(OpaqueObject),
        features: OpaqueObject,
        declaredFeatures: t.array(t.string),
        phase: t.string,
      },
      "NodeStatus",
    ),
  },
)

/** A decoded Node. @since 0.1.0 @category model */
export type Node = t.TypeOf<typeof Node>
/** A decoded taint. @since 0.1.0 @category model */
export type Taint = t.TypeOf<typeof Taint>
