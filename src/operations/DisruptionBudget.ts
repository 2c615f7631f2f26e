/**
 * PodDisruptionBudgets (`policy/v1`) and what they let a drain evict. The disruption controller
 * allows `currentHealthy − desiredHealthy` evictions, where desiredHealthy is `minAvailable`
 * (a percentage of the expected pods rounded up) or expected − `maxUnavailable` (rounded up);
 * every granted eviction spends one until a replacement is Ready again. kubectl drain evicts
 * through that API and retries a refused eviction (429) every 5 s until its timeout.
 *
 * Read here: expected pods = the pods the PDB selects in the input, healthy = those placed (a
 * placed pod is taken as Ready).
 *
 * @since 0.1.0
 */
import type { Manifest } from "../domain/manifest/Manifest.ts"
import { OperationsError } from "./OperationsError.ts"

/** A label selector requirement. @since 0.1.0 @category model */
export interface LabelRequirement {
  readonly key: string
  readonly operator: "In" | "NotIn" | "Exists" | "DoesNotExist"
  readonly values: ReadonlyArray<string>
}

/** A `metav1.LabelSelector`; `null` selects nothing (policy/v1: an empty selector selects every pod of the namespace). @since 0.1.0 @category model */
export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>
  readonly matchExpressions: ReadonlyArray<LabelRequirement>
}

/** An int or a percentage, as `minAvailable` and `maxUnavailable` take. @since 0.1.0 @category model */
export type IntOrPercent = { readonly _tag: "Int"; readonly value: number } | { readonly _tag: "Percent"; readonly value: number }

/**
 * A PodDisruptionBudget.
 *
 * @since 0.1.0
 * @category model
 */
export interface DisruptionBudget {
  readonly name: string
  readonly namespace: string
  readonly selector: LabelSelector | null
  readonly minAvailable?: IntOrPercent
  readonly maxUnavailable?: IntOrPercent
}

const OPERATORS = new Set(["In", "NotIn", "Exists", "DoesNotExist"])

/**
 * Whether a selector matches a label set (labels.Selector semantics).
 *
 * @since 0.1.0
 * @category predicates
 */
export const selects = (selector: LabelSelector | null, labels: Readonly<Record<string, string>>): boolean => {
  if (selector === null) return false
  for (const [k, v] of Object.entries(selector.matchLabels)) if (labels[k] !== v) return false
  return selector.matchExpressions.every((r) => {
    const has = Object.hasOwn(labels, r.key)
    switch (r.operator) {
      case "In":
        return has && r.values.includes(labels[r.key] ?? "")
      case "NotIn":
        return !has || !r.values.includes(labels[r.key] ?? "")
      case "Exists":
        return has
      case "DoesNotExist":
        return !has
    }
  })
}

const intOrPercent = (v: unknown, at: string): IntOrPercent | undefined => {
  if (v === undefined) return undefined
  if (typeof v === "number" && Number.isInteger(v) && v >= 0) return { _tag: "Int", value: v }
  if (typeof v === "string" && /^\d+%$/.test(v)) return { _tag: "Percent", value: Number(v.slice(0, -1)) }
  if (typeof v === "string" && /^\d+$/.test(v)) return { _tag: "Int", value: Number(v) }
  throw new OperationsError(`${at}: expected a non-negative integer or a percentage such as "50%", got ${JSON.stringify(v)}`)
}

/**
 * The PodDisruptionBudgets among the manifests (catcluster reads them from their raw fields).
 *
 * @since 0.1.0
 * @category constructors
 */
export const disruptionBudgets = (manifests: ReadonlyArray<Manifest>): ReadonlyArray<DisruptionBudget> =>
  manifests.flatMap((m): ReadonlyArray<DisruptionBudget> => {
    // decoded as policy/v1 by the manifest codecs; an older or unknown apiVersion stays raw
    const document: unknown = m.kind === "PodDisruptionBudget" ? m : m.kind === "Unknown" && m.declaredKind === "PodDisruptionBudget" ? m.raw : undefined
    if (document === undefined) return []
    const raw = document as { metadata?: { name?: unknown; namespace?: unknown }; spec?: { selector?: unknown; minAvailable?: unknown; maxUnavailable?: unknown } }
    const name = typeof raw.metadata?.name === "string" ? raw.metadata.name : "<unnamed>"
    const namespace = typeof raw.metadata?.namespace === "string" ? raw.metadata.namespace : "default"
    const at = `${m.source.file}: document ${m.source.document}${m.source.item === undefined ? "" : `, items[${m.source.item}]`}, PodDisruptionBudget ${namespace}/${name}`
    const spec = raw.spec ?? {}
    const minAvailable = intOrPercent(spec.minAvailable, `${at}, spec.minAvailable`)
    const maxUnavailable = intOrPercent(spec.maxUnavailable, `${at}, spec.maxUnavailable`)
    if (minAvailable !== undefined && maxUnavailable !== undefined) throw new OperationsError(`${at}: spec.minAvailable and spec.maxUnavailable cannot both be set`)
    const s = spec.selector as { matchLabels?: unknown; matchExpressions?: unknown } | null | undefined
    let selector: LabelSelector | null = null
    if (s !== undefined && s !== null) {
      if (typeof s !== "object") throw new OperationsError(`${at}, spec.selector: expected a label selector`)
      const matchLabels = (s.matchLabels ?? {}) as Record<string, unknown>
      if (typeof matchLabels !== "object" || Object.values(matchLabels).some((v) => typeof v !== "string")) throw new OperationsError(`${at}, spec.selector.matchLabels: expected a map of strings`)
      const exprs = (s.matchExpressions ?? []) as ReadonlyArray<{ key?: unknown; operator?: unknown; values?: unknown }>
      if (!Array.isArray(exprs)) throw new OperationsError(`${at}, spec.selector.matchExpressions: expected a list`)
      const matchExpressions = exprs.map((e, i): LabelRequirement => {
        if (typeof e.key !== "string" || typeof e.operator !== "string" || !OPERATORS.has(e.operator)) {
          throw new OperationsError(`${at}, spec.selector.matchExpressions[${i}]: expected {key, operator: In|NotIn|Exists|DoesNotExist, values}`)
        }
        return { key: e.key, operator: e.operator as LabelRequirement["operator"], values: Array.isArray(e.values) ? e.values.map(String) : [] }
      })
      selector = { matchLabels: matchLabels as Record<string, string>, matchExpressions }
    }
    return [{ name, namespace, selector, ...(minAvailable === undefined ? {} : { minAvailable }), ...(maxUnavailable === undefined ? {} : { maxUnavailable }) }]
  })

const scaled = (v: IntOrPercent, expected: number): number => (v._tag === "Int" ? v.value : Math.ceil((v.value * expected) / 100))

/**
 * The number of healthy pods the budget requires, given how many pods it expects.
 *
 * @since 0.1.0
 * @category destructors
 */
export const desiredHealthy = (b: DisruptionBudget, expected: number): number => {
  if (b.minAvailable !== undefined) return scaled(b.minAvailable, expected)
  if (b.maxUnavailable !== undefined) return Math.max(0, expected - scaled(b.maxUnavailable, expected))
  // neither set: the API server defaults minAvailable to 1
  return 1
}

/** One eviction a budget governs: the pod, and whether its replacement gets placed. @since 0.1.0 @category model */
export interface GovernedEviction {
  readonly key: string
  readonly replaced: boolean
}

/** What a budget does to a drain's evictions. @since 0.1.0 @category model */
export interface BudgetVerdict {
  readonly budget: DisruptionBudget
  readonly expected: number
  readonly healthy: number
  readonly desired: number
  /** Disruptions allowed when the drain starts. */
  readonly allowedAtStart: number
  /** Evictions granted at once. */
  readonly granted: ReadonlyArray<string>
  /** Evictions refused at first (429) and granted once earlier replacements are Ready: the drain waits. */
  readonly waits: ReadonlyArray<string>
  /** Evictions refused for good: the pod stays and the drain does not finish. */
  readonly blocked: ReadonlyArray<string>
}

/**
 * Which of a budget's evictions go through, wait, or never happen. Evictions whose
 * replacement is placed give the budget back once it is Ready, so they all pass as long as one
 * disruption is allowed (each waits for the one before); each eviction whose pod is not
 * replaced (replacement pending, or a pod nothing recreates) spends one disruption for good.
 *
 * @since 0.1.0
 * @category destructors
 */
export const budgetVerdict = (b: DisruptionBudget, expected: number, healthy: number, evictions: ReadonlyArray<GovernedEviction>): BudgetVerdict => {
  const desired = desiredHealthy(b, expected)
  const allowedAtStart = Math.max(0, healthy - desired)
  const granted: string[] = []
  const waits: string[] = []
  const blocked: string[] = []
  let allowed = allowedAtStart
  let used = 0
  // replaced pods first: each borrows one disruption and gives it back
  for (const e of evictions.filter((x) => x.replaced)) {
    if (allowedAtStart === 0) blocked.push(e.key)
    else if (used < allowedAtStart) {
      granted.push(e.key)
      used++
    } else waits.push(e.key)
  }
  for (const e of evictions.filter((x) => !x.replaced)) {
    if (allowed > 0) {
      allowed--
      if (used < allowedAtStart) {
        granted.push(e.key)
        used++
      } else waits.push(e.key)
    } else blocked.push(e.key)
  }
  return { budget: b, expected, healthy, desired, allowedAtStart, granted, waits, blocked }
}
