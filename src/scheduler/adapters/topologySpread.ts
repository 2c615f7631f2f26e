/**
 * Topology spread constraints from a pod spec into the scheduler's model, with the API server's
 * defaults (`nodeAffinityPolicy: Honor`, `nodeTaintsPolicy: Ignore`) and its checks
 * (`validateTopologySpreadConstraints`, v1.35): `maxSkew` ≥ 1, a non-empty `topologyKey`, a known
 * `whenUnsatisfiable`, no two constraints with the same {topologyKey, whenUnsatisfiable},
 * `minDomains` ≥ 1 and only with DoNotSchedule, Honor or Ignore as policies, `matchLabelKeys`
 * only with a `labelSelector`, and a valid selector. `matchLabelKeys` are kept as written: the
 * plugin merges them (see `podAffinity.ts` on selectors the API server already merged).
 *
 * @since 0.1.0
 */
import type { PodSpec } from "../../domain/manifest/codecs/pod.ts"
import type { NodeInclusionPolicy, TopologySpreadConstraint } from "../model/TopologySpread.ts"
import { duplicate, forbidden, invalid, type Locate, required, under, unsupported } from "./fieldErrors.ts"
import { selectorFromManifest } from "./labelSelector.ts"

const POLICIES: ReadonlyArray<NodeInclusionPolicy> = ["Honor", "Ignore"]

const policy = (value: string | undefined, fallback: NodeInclusionPolicy, at: string): NodeInclusionPolicy => {
  if (value === undefined) return fallback
  if (!(POLICIES as ReadonlyArray<string>).includes(value)) throw unsupported(at, value, ["Honor", "Ignore"])
  return value as NodeInclusionPolicy
}

/**
 * The spread constraints of a pod spec; `locate("")` is where the list is.
 *
 * @example
 * import { spreadConstraintsFromManifest } from "catcluster/scheduler"
 * spreadConstraintsFromManifest([{ maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "web" } } }], (p) => p)
 * // [{ maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: …, nodeAffinityPolicy: "Honor", nodeTaintsPolicy: "Ignore" }]
 *
 * @since 0.1.0
 * @category constructors
 */
export const spreadConstraintsFromManifest = (
  raw: PodSpec["topologySpreadConstraints"],
  locate: Locate,
): ReadonlyArray<TopologySpreadConstraint> =>
  (raw ?? []).map((c, i, all) => {
    const at = under(locate, `[${i}]`)
    if (c.maxSkew <= 0) throw invalid(at("maxSkew"), c.maxSkew, "must be greater than zero")
    if (c.topologyKey === "") throw required(at("topologyKey"), "can not be empty")
    if (all.slice(i + 1).some((o) => o.topologyKey === c.topologyKey && o.whenUnsatisfiable === c.whenUnsatisfiable)) {
      throw duplicate(at("{topologyKey, whenUnsatisfiable}"), `{${c.topologyKey}, ${c.whenUnsatisfiable}}`)
    }
    if (c.minDomains !== undefined) {
      if (c.minDomains <= 0) throw invalid(at("minDomains"), c.minDomains, "must be greater than zero")
      if (c.whenUnsatisfiable !== "DoNotSchedule") {
        throw invalid(at("minDomains"), c.minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${c.whenUnsatisfiable}`)
      }
    }
    const nodeAffinityPolicy = policy(c.nodeAffinityPolicy, "Honor", at("nodeAffinityPolicy"))
    const nodeTaintsPolicy = policy(c.nodeTaintsPolicy, "Ignore", at("nodeTaintsPolicy"))
    const keys = c.matchLabelKeys ?? []
    if (keys.length > 0 && c.labelSelector === undefined) throw forbidden(at("matchLabelKeys"), "must not be specified when labelSelector is not set")
    const labelSelector = selectorFromManifest(c.labelSelector, under(at, "labelSelector"))
    return {
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      whenUnsatisfiable: c.whenUnsatisfiable,
      ...(labelSelector === undefined ? {} : { labelSelector }),
      ...(c.minDomains === undefined ? {} : { minDomains: c.minDomains }),
      nodeAffinityPolicy,
      nodeTaintsPolicy,
      ...(keys.length === 0 ? {} : { matchLabelKeys: keys }),
    }
  })
