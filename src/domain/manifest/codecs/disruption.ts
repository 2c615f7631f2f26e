/**
 * PodDisruptionBudget (`policy/v1`): how many of the pods a selector picks may be disrupted at
 * once, as `minAvailable` or `maxUnavailable` (an integer or a percentage), and the status the
 * disruption controller writes.
 *
 * @since 0.1.0
 */
import * as t from "io-ts"
import { LabelSelector, ObjectMeta } from "./meta.ts"
import { Integer, IntOrString, oneOf, OpaqueObject, StringMap, struct } from "./primitives.ts"

/**
 * A Kubernetes PodDisruptionBudget (`policy/v1`).
 *
 * @since 0.1.0
 * @category codecs
 */
export const PodDisruptionBudget = struct(
  "PodDisruptionBudget",
  { apiVersion: t.string, kind: t.literal("PodDisruptionBudget") },
  {
    metadata: ObjectMeta,
    spec: t.partial(
      {
        minAvailable: IntOrString,
        maxUnavailable: IntOrString,
        selector: LabelSelector,
        unhealthyPodEvictionPolicy: oneOf("UnhealthyPodEvictionPolicyType", ["IfHealthyBudget", "AlwaysAllow"]),
      },
      "PodDisruptionBudgetSpec",
    ),
    status: t.partial(
      {
        observedGeneration: Integer,
        disruptedPods: StringMap,
        disruptionsAllowed: Integer,
        currentHealthy: Integer,
        desiredHealthy: Integer,
        expectedPods: Integer,
        conditions: t.array(OpaqueObject),
      },
      "PodDisruptionBudgetStatus",
    ),
  },
)

/** A decoded PodDisruptionBudget. @since 0.1.0 @category model */
export type PodDisruptionBudget = t.TypeOf<typeof PodDisruptionBudget>
