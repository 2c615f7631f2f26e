/**
 * `spec.behavior` of an `autoscaling/v2` HPA with every default filled in, as the API server
 * (`SetDefaults_HorizontalPodAutoscalerBehavior`) and the controller do in Kubernetes v1.35:
 * scale-up window 0 s, policies Pods 4 / 15 s and Percent 100 / 15 s, select Max; scale-down
 * window 300 s (the controller's `--horizontal-pod-autoscaler-downscale-stabilization`),
 * policy Percent 100 / 15 s, select Max.
 *
 * @since 0.1.0
 */

/**
 * An HPA scaling policy: change at most `value` pods or percent per `periodSeconds`.
 *
 * @since 0.1.0
 * @category model
 */
export interface ScalingPolicy {
  readonly type: "Pods" | "Percent"
  readonly value: number
  readonly periodSeconds: number
}

/**
 * One direction's rules, defaults applied.
 *
 * @since 0.1.0
 * @category model
 */
export interface ScalingRules {
  readonly stabilizationWindowSeconds: number
  readonly selectPolicy: "Max" | "Min" | "Disabled"
  readonly policies: ReadonlyArray<ScalingPolicy>
  /** Per-direction tolerance (HPAConfigurableTolerance), when set. */
  readonly tolerance?: number
}

/**
 * Both directions' scaling rules, defaults applied.
 *
 * @since 0.1.0
 * @category model
 */
export interface Behavior {
  readonly scaleUp: ScalingRules
  readonly scaleDown: ScalingRules
}

/**
 * The rules as a manifest may give them (every field optional).
 *
 * @since 0.1.0
 * @category model
 */
export interface PartialRules {
  readonly stabilizationWindowSeconds?: number
  readonly selectPolicy?: "Max" | "Min" | "Disabled"
  readonly policies?: ReadonlyArray<ScalingPolicy>
  readonly tolerance?: number
}

/**
 * Fills a partial `behavior` with the defaults (`GenerateHPAScaleUpRules` /
 * `GenerateHPAScaleDownRules`; an empty policy list is replaced by the defaults too).
 *
 * @example
 * import { withDefaults } from "catcluster/dynamics/autoscaling"
 * withDefaults({}).scaleDown.stabilizationWindowSeconds // 300
 *
 * @since 0.1.0
 * @category constructors
 */
export const withDefaults = (
  behavior: { readonly scaleUp?: PartialRules; readonly scaleDown?: PartialRules },
  downscaleStabilizationSeconds = 300,
): Behavior => {
  const up = behavior.scaleUp ?? {}
  const down = behavior.scaleDown ?? {}
  return {
    scaleUp: {
      stabilizationWindowSeconds: up.stabilizationWindowSeconds ?? 0,
      selectPolicy: up.selectPolicy ?? "Max",
      policies:
        up.policies !== undefined && up.policies.length > 0
          ? up.policies
          : [
              { type: "Pods", value: 4, periodSeconds: 15 },
              { type: "Percent", value: 100, periodSeconds: 15 },
            ],
      ...(up.tolerance === undefined ? {} : { tolerance: up.tolerance }),
    },
    scaleDown: {
      stabilizationWindowSeconds: down.stabilizationWindowSeconds ?? downscaleStabilizationSeconds,
      selectPolicy: down.selectPolicy ?? "Max",
      policies: down.policies !== undefined && down.policies.length > 0 ? down.policies : [{ type: "Percent", value: 100, periodSeconds: 15 }],
      ...(down.tolerance === undefined ? {} : { tolerance: down.tolerance }),
    },
  }
}
