/**
 * Admission and priority objects: ResourceQuota and LimitRange (`core/v1`), PriorityClass
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
 * One item of a LimitRange: per container or per pod bounds (or per claim) and the defaults
 * admission fills in.
 *
 * @since 0.1.0
 * @category codecs
 */
export const LimitRangeItem = struct(
  "LimitRangeItem",
  { type: oneOf("LimitType", ["Container", "Pod", "PersistentVolumeClaim"]) },
  { max: QuantityMap, min: QuantityMap, default: QuantityMap, defaultRequest: QuantityMap, maxLimitRequestRatio: QuantityMap },
)

/**
 * A Kubernetes LimitRange (`v1`): the LimitRanger admission plugin's defaults and bounds for the
 * pods of a namespace.
 *
 * @since 0.1.0
 * @category codecs
 */
export const LimitRange = struct(
  "LimitRange",
  { apiVersion: t.string, kind: t.literal("LimitRange"), spec: t.type({ limits: t.array(LimitRangeItem) }, "LimitRangeSpec") },
  { metadata: ObjectMeta },
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
/** One decoded LimitRange item. @since 0.1.0 @category model */
export type LimitRangeItem = t.TypeOf<typeof LimitRangeItem>
/** A decoded LimitRange. @since 0.1.0 @category model */
export type LimitRange = t.TypeOf<typeof LimitRange>
