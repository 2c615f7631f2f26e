/**
 * Label selectors as the API machinery evaluates them (`metav1.LabelSelectorAsSelector`,
 * Kubernetes v1.35): `matchLabels` are equality requirements, `matchExpressions` use In, NotIn,
 * Exists and DoesNotExist, all ANDed. An *absent* selector selects nothing; an *empty* one
 * (no labels, no expressions) selects everything — the distinction pod affinity terms, spread
 * constraints and PodDisruptionBudgets rely on.
 *
 * @since 0.1.0
 */

/** A label map. @since 0.1.0 @category model */
export type Labels = Readonly<Record<string, string>>

/** One `matchExpressions` requirement. @since 0.1.0 @category model */
export interface LabelSelectorRequirement {
  readonly key: string
  readonly operator: "In" | "NotIn" | "Exists" | "DoesNotExist"
  readonly values: ReadonlyArray<string>
}

/** A label selector; `undefined` where one is expected selects nothing. @since 0.1.0 @category model */
export interface LabelSelector {
  readonly matchLabels?: Labels
  readonly matchExpressions?: ReadonlyArray<LabelSelectorRequirement>
}

/** The selector that selects every object. @since 0.1.0 @category constants */
export const everything: LabelSelector = {}

/**
 * Whether one requirement holds for `labels`.
 *
 * @since 0.1.0
 * @category predicates
 */
export const requirementMatches = (r: LabelSelectorRequirement, labels: Labels): boolean => {
  const has = Object.hasOwn(labels, r.key)
  switch (r.operator) {
    case "In":
      return has && r.values.includes(labels[r.key] as string)
    case "NotIn":
      return !has || !r.values.includes(labels[r.key] as string)
    case "Exists":
      return has
    case "DoesNotExist":
      return !has
  }
}

/**
 * Whether `selector` selects an object with `labels` (absent selector: never).
 *
 * @example
 * import { labelSelectorMatches } from "catcluster/scheduler"
 * labelSelectorMatches({ matchLabels: { app: "web" } }, { app: "web", tier: "1" }) // true
 * labelSelectorMatches({}, { app: "db" })         // true: the empty selector selects everything
 * labelSelectorMatches(undefined, { app: "db" })  // false: no selector selects nothing
 *
 * @since 0.1.0
 * @category predicates
 */
export const labelSelectorMatches = (selector: LabelSelector | undefined, labels: Labels): boolean => {
  if (selector === undefined) return false
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (!Object.hasOwn(labels, k) || labels[k] !== v) return false
  }
  for (const r of selector.matchExpressions ?? []) if (!requirementMatches(r, labels)) return false
  return true
}

/**
 * Whether the selector has no requirement at all (and so selects everything).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isEmptySelector = (selector: LabelSelector): boolean =>
  Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0

/**
 * The selector with extra requirements ANDed in.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withRequirements = (selector: LabelSelector, extra: ReadonlyArray<LabelSelectorRequirement>): LabelSelector =>
  extra.length === 0 ? selector : { ...selector, matchExpressions: [...(selector.matchExpressions ?? []), ...extra] }

/**
 * `matchLabelKeys` / `mismatchLabelKeys` merged into a selector as the API server does for pod
 * affinity terms and spread constraints: each key the pod carries adds `key In (value)`
 * (matchLabelKeys) or `key NotIn (value)` (mismatchLabelKeys); keys the pod lacks are ignored.
 * An absent selector stays absent.
 *
 * @example
 * import { mergeLabelKeys } from "catcluster/scheduler"
 * mergeLabelKeys({ matchLabels: { app: "web" } }, { app: "web", "pod-template-hash": "7f" }, ["pod-template-hash"], [])
 * // { matchLabels: { app: "web" }, matchExpressions: [{ key: "pod-template-hash", operator: "In", values: ["7f"] }] }
 *
 * @since 0.1.0
 * @category combinators
 */
export const mergeLabelKeys = (
  selector: LabelSelector | undefined,
  podLabels: Labels,
  matchKeys: ReadonlyArray<string> = [],
  mismatchKeys: ReadonlyArray<string> = [],
): LabelSelector | undefined => {
  if (selector === undefined) return undefined
  const extra: LabelSelectorRequirement[] = []
  for (const key of matchKeys) if (Object.hasOwn(podLabels, key)) extra.push({ key, operator: "In", values: [podLabels[key] as string] })
  for (const key of mismatchKeys) if (Object.hasOwn(podLabels, key)) extra.push({ key, operator: "NotIn", values: [podLabels[key] as string] })
  return withRequirements(selector, extra)
}

/**
 * A stable text form of a selector, for signatures and messages.
 *
 * @since 0.1.0
 * @category destructors
 */
export const showSelector = (selector: LabelSelector | undefined): string => {
  if (selector === undefined) return "<none>"
  const parts = Object.entries(selector.matchLabels ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
  for (const r of selector.matchExpressions ?? []) {
    if (r.operator === "Exists") parts.push(r.key)
    else if (r.operator === "DoesNotExist") parts.push(`!${r.key}`)
    else parts.push(`${r.key} ${r.operator === "In" ? "in" : "notin"} (${[...r.values].sort().join(",")})`)
  }
  return parts.length === 0 ? "<everything>" : parts.join(",")
}
