/**
 * Admission and priority objects: ResourceQuota (`core/v1`), PriorityClass
 * (`scheduling.k8s.io/v1`), RuntimeClass (`node.k8s.io/v1`).
 *
 * @since 0.1.0
 */
import * as t from "io-ts"
import { ObjectMeta } from "./meta.ts"
import { Toleration } from "./pod.ts"
import { Integer, oneOf, OpaqueObject, QuantityMap, StringMap, struct } from "./primitives.ts"

/**
 * A Kubernetes ResourceQuota (`v1`): hard limits per namespace.
 *
 * @since 0.1.0
 * @category codecs
 */
export const ResourceQuota = struct(
  "ResourceQuota",
  { apiVersion: t.string, kind: t.literal("ResourceQuota") },
  {
    metadata: ObjectMeta,
    spec: t.partial({ hard: QuantityMap, scopes: t.array(t.string), scopeSelector: OpaqueObject }, "ResourceQuotaSpec"),
    status: t.partial({ hard: QuantityMap, used: QuantityMap }, "ResourceQuotaStatus"),
  },
)

/**
 * A priority class: `value` is the pod priority it grants (no `spec`: fields are top level).
 *
 * @since 0.1.0
 * @category codecs
 */
export const PriorityClass = struct(
  "PriorityClass",
  { apiVersion: t.string, kind: t.literal("PriorityClass"), value: Integer },
  {
    metadata: ObjectMeta,
    globalDefault: t.boolean,
    description: t.string,
    preemptionPolicy: oneOf("PreemptionPolicy", ["PreemptLowerPriority", "Never"]),
  },
)

/**
 * A RuntimeClass (`node.k8s.io/v1`): the pod overhead and the scheduling constraints (node
 * selector, tolerations) the RuntimeClass admission plugin adds to the pods that name it.
 *
 * @since 0.1.0
 * @category codecs
 */
export const RuntimeClass = struct(
  "RuntimeClass",
  { apiVersion: t.string, kind: t.literal("RuntimeClass"), handler: t.string },
  {
    metadata: ObjectMeta,
    overhead: t.partial({ podFixed: QuantityMap }, "Overhead"),
    scheduling: t.partial({ nodeSelector: StringMap, tolerations: t.array(Toleration) }, "Scheduling"),
  },
)

/** A decoded ResourceQuota. @since 0.1.0 @category model */
export type ResourceQuota = t.TypeOf<typeof ResourceQuota>
/** A decoded PriorityClass. @since 0.1.0 @category model */
export type PriorityClass = t.TypeOf<typeof PriorityClass>
/** A decoded RuntimeClass. @since 0.1.0 @category model */
export type RuntimeClass = t.TypeOf<typeof RuntimeClass>
