/**
 * HorizontalPodAutoscaler, `autoscaling/v2`.
 *
 * @since 0.1.0
 */
import * as t from "io-ts"
import { LabelSelector, ObjectMeta } from "./meta.ts"
import { Integer, oneOf, OpaqueObject, QuantityCodec, struct } from "./primitives.ts"

/**
 * A metric target: utilization (percent of request), value or average value.
 *
 * @since 0.1.0
 * @category codecs
 */
export const MetricTarget = struct(
  "MetricTarget",
  { type: oneOf("MetricTargetType", ["Utilization", "Value", "AverageValue"]) },
  { averageUtilization: Integer, averageValue: QuantityCodec, value: QuantityCodec },
)

const MetricIdentifier = struct("MetricIdentifier", { name: t.string }, { selector: LabelSelector })
const CrossVersionObjectReference = struct("CrossVersionObjectReference", { kind: t.string, name: t.string }, { apiVersion: t.string })

/**
 * One metric of an HPA.
 *
 * @since 0.1.0
 * @category codecs
 */
export const MetricSpec = struct(
  "MetricSpec",
  { type: oneOf("MetricSourceType", ["Resource", "Pods", "Object", "External", "ContainerResource"]) },
  {
    resource: struct("ResourceMetricSource", { name: t.string, target: MetricTarget }, {}),
    containerResource: struct("ContainerResourceMetricSource", { name: t.string, container: t.string, target: MetricTarget }, {}),
    pods: struct("PodsMetricSource", { metric: MetricIdentifier, target: MetricTarget }, {}),
    object: struct(
      "ObjectMetricSource",
      { metric: MetricIdentifier, target: MetricTarget, describedObject: CrossVersionObjectReference },
      {},
    ),
    external: struct("ExternalMetricSource", { metric: MetricIdentifier, target: MetricTarget }, {}),
  },
)

/**
 * A scaling policy: at most `value` pods or percent per `periodSeconds`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const HPAScalingPolicy = struct(
  "HPAScalingPolicy",
  { type: oneOf("HPAScalingPolicyType", ["Pods", "Percent"]), value: Integer, periodSeconds: Integer },
  {},
)

/**
 * One direction of an HPA's `spec.behavior` (stabilization window, policies, select policy).
 *
 * @since 0.1.0
 * @category codecs
 */
export const HPAScalingRules = t.partial(
  {
    stabilizationWindowSeconds: Integer,
    selectPolicy: oneOf("ScalingPolicySelect", ["Max", "Min", "Disabled"]),
    policies: t.array(HPAScalingPolicy),
    tolerance: QuantityCodec,
  },
  "HPAScalingRules",
)

/**
 * An `autoscaling/v2` HorizontalPodAutoscaler.
 *
 * @since 0.1.0
 * @category codecs
 */
export const HorizontalPodAutoscaler = struct(
  "HorizontalPodAutoscaler",
  {
    apiVersion: t.string,
    kind: t.literal("HorizontalPodAutoscaler"),
    spec: struct(
      "HorizontalPodAutoscalerSpec",
      { scaleTargetRef: CrossVersionObjectReference, maxReplicas: Integer },
      {
        minReplicas: Integer,
        metrics: t.array(MetricSpec),
        behavior: t.partial({ scaleUp: HPAScalingRules, scaleDown: HPAScalingRules }, "HorizontalPodAutoscalerBehavior"),
      },
    ),
  },
  { metadata: ObjectMeta, status: OpaqueObject },
)

/** A decoded HorizontalPodAutoscaler. @since 0.1.0 @category model */
export type HorizontalPodAutoscaler = t.TypeOf<typeof HorizontalPodAutoscaler>
/** A decoded HPA metric. @since 0.1.0 @category model */
export type MetricSpec = t.TypeOf<typeof MetricSpec>
