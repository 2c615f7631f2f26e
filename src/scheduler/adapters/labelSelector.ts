/**
 * Label selectors from manifests (`metav1.LabelSelector`) into the scheduler's model, checked as
 * `ValidateLabelSelector` does: an operator is In, NotIn, Exists or DoesNotExist; In and NotIn
 * need values, Exists and DoesNotExist take none. An absent selector stays absent (it selects
 * nothing), an empty one stays empty (it selects everything).
 *
 * @since 0.1.0
 */
import type { LabelSelector as RawSelector } from "../../domain/manifest/codecs/meta.ts"
import type { LabelSelector, LabelSelectorRequirement } from "../model/LabelSelector.ts"
import { forbidden, invalid, type Locate, required } from "./fieldErrors.ts"

const OPERATORS = new Set(["In", "NotIn", "Exists", "DoesNotExist"])

/**
 * The model selector of a manifest selector; `locate("")` is where the selector is.
 *
 * @example
 * import { selectorFromManifest } from "catcluster/scheduler"
 * selectorFromManifest({ matchExpressions: [{ key: "tier", operator: "In", values: ["web"] }] }, (p) => `pod.yaml: ${p}`)
 * // { matchExpressions: [{ key: "tier", operator: "In", values: ["web"] }] }
 *
 * @since 0.1.0
 * @category constructors
 */
export const selectorFromManifest = (raw: RawSelector | undefined, locate: Locate): LabelSelector | undefined => {
  if (raw === undefined) return undefined
  const expressions = (raw.matchExpressions ?? []).map((r, i): LabelSelectorRequirement => {
    const at = (field: string) => locate(`matchExpressions[${i}].${field}`)
    if (!OPERATORS.has(r.operator)) throw invalid(at("operator"), r.operator, "not a valid selector operator")
    const values = r.values ?? []
    if ((r.operator === "In" || r.operator === "NotIn") && values.length === 0) {
      throw required(at("values"), "must be specified when `operator` is 'In' or 'NotIn'")
    }
    if ((r.operator === "Exists" || r.operator === "DoesNotExist") && values.length > 0) {
      throw forbidden(at("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'")
    }
    return { key: r.key, operator: r.operator as LabelSelectorRequirement["operator"], values }
  })
  return {
    ...(raw.matchLabels === undefined ? {} : { matchLabels: raw.matchLabels }),
    ...(raw.matchExpressions === undefined ? {} : { matchExpressions: expressions }),
  }
}
