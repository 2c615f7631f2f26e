/**
 * Pod affinity and anti-affinity from a pod spec's `affinity` into the scheduler's model, checked
 * as the API server's `validatePodAffinityTerm` does: a term needs a `topologyKey`, a preferred
 * term's weight is 1–100, `matchLabelKeys` / `mismatchLabelKeys` need a `labelSelector` and
 * share no key. The keys are kept as written; the plugins merge them into the selector from the
 * pod's labels (`mergeLabelKeys`), which also leaves a selector the API server already merged
 * unchanged (a requirement ANDed twice selects the same pods).
 *
 * @since 0.1.0
 */
import type { Affinity } from "../../domain/manifest/codecs/pod.ts"
import type { PodAffinityRules, PodAffinityTerm } from "../model/PodAffinity.ts"
import { forbidden, invalid, type Locate, required, under } from "./fieldErrors.ts"
import { selectorFromManifest } from "./labelSelector.ts"

type RawRules = NonNullable<Affinity["podAffinity"]>
type RawTerm = NonNullable<RawRules["requiredDuringSchedulingIgnoredDuringExecution"]>[number]

const termFromManifest = (t: RawTerm, locate: Locate): PodAffinityTerm => {
  if (t.topologyKey === "") throw required(locate("topologyKey"), "can not be empty")
  const match = t.matchLabelKeys ?? []
  const mismatch = t.mismatchLabelKeys ?? []
  if (t.labelSelector === undefined) {
    if (match.length > 0) throw forbidden(locate("matchLabelKeys"), "must not be specified when labelSelector is not set")
    if (mismatch.length > 0) throw forbidden(locate("mismatchLabelKeys"), "must not be specified when labelSelector is not set")
  }
  const both = match.findIndex((k) => mismatch.includes(k))
  if (both >= 0) throw invalid(locate(`matchLabelKeys[${both}]`), match[both], "exists in both matchLabelKeys and mismatchLabelKeys")
  const labelSelector = selectorFromManifest(t.labelSelector, under(locate, "labelSelector"))
  const namespaceSelector = selectorFromManifest(t.namespaceSelector, under(locate, "namespaceSelector"))
  return {
    ...(labelSelector === undefined ? {} : { labelSelector }),
    namespaces: t.namespaces ?? [],
    ...(namespaceSelector === undefined ? {} : { namespaceSelector }),
    topologyKey: t.topologyKey,
    ...(match.length === 0 ? {} : { matchLabelKeys: match }),
    ...(mismatch.length === 0 ? {} : { mismatchLabelKeys: mismatch }),
  }
}

const rulesFromManifest = (raw: RawRules | undefined, locate: Locate): PodAffinityRules | undefined => {
  if (raw === undefined) return undefined
  const required = (raw.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t, i) =>
    termFromManifest(t, under(locate, `requiredDuringSchedulingIgnoredDuringExecution[${i}]`)),
  )
  const preferred = (raw.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w, i) => {
    const at = under(locate, `preferredDuringSchedulingIgnoredDuringExecution[${i}]`)
    if (w.weight < 1 || w.weight > 100) throw invalid(at("weight"), w.weight, "must be in the range 1-100")
    return { weight: w.weight, term: termFromManifest(w.podAffinityTerm, under(at, "podAffinityTerm")) }
  })
  return required.length === 0 && preferred.length === 0 ? undefined : { required, preferred }
}

/**
 * The pod affinity and anti-affinity of an `affinity` block (each absent when it has no term);
 * `locate("")` is where the `affinity` block is.
 *
 * @since 0.1.0
 * @category constructors
 */
export const podAffinityFromManifest = (
  affinity: Affinity | undefined,
  locate: Locate,
): { readonly podAffinity?: PodAffinityRules; readonly podAntiAffinity?: PodAffinityRules } => {
  const podAffinity = rulesFromManifest(affinity?.podAffinity, under(locate, "podAffinity"))
  const podAntiAffinity = rulesFromManifest(affinity?.podAntiAffinity, under(locate, "podAntiAffinity"))
  return { ...(podAffinity === undefined ? {} : { podAffinity }), ...(podAntiAffinity === undefined ? {} : { podAntiAffinity }) }
}
