/**
 * PodDisruptionBudgets (`policy/v1`) as preemption reads them: the selector, the pods already
 * being disrupted, and `disruptionsAllowed` — from the status when the manifest has one, else
 * computed as the disruption controller does (`getExpectedPodCount`, `countHealthyPods`,
 * `updatePdbStatus`):
 *
 * - `maxUnavailable` (n or p%): expected = Σ of the replica counts of the matching pods'
 *   controllers (each controller once; a ReplicaSet a Deployment controls counts the
 *   Deployment's), desired healthy = expected − n (or − ⌈p · expected / 100⌉), at least 0;
 * - `minAvailable: n`: desired = n, expected = the number of matching pods;
 * - `minAvailable: p%`: expected as for maxUnavailable, desired = ⌈p · expected / 100⌉;
 * - neither: desired = expected = 0;
 * - allowed = healthy − desired, and 0 when that is negative or expected ≤ 0.
 *
 * Matching pods: the input's non-terminal pods of the budget's namespace its selector picks (an
 * absent selector picks none, an empty one every pod — the controller's reading; preemption
 * itself ignores empty selectors). Pods without a controller do not count toward the expected
 * scale; a pod whose controller has no known scale (not in the input, or a kind without one such
 * as a Job or a VMI) makes the controller fail safe: allowed 0, with a note.
 *
 * Healthy: bound to a node (`spec.nodeName`), not being deleted, not listed in the status's
 * `disruptedPods`, and Ready — a pod whose status says Ready=False is not; a bound pod without a
 * status counts as Ready (the input says it runs there). Pods still to be scheduled are not
 * healthy.
 *
 * @since 0.1.0
 */
import type { ManifestOf } from "../../domain/manifest/Manifest.ts"
import type { DisruptionBudget } from "../model/ClusterObjects.ts"
import { labelSelectorMatches, type LabelSelector } from "../model/LabelSelector.ts"
import { labelsOf, nameOf, namespaceOf, type SchedulingPod } from "../model/SchedulingPod.ts"
import { invalid, type Locate, under } from "./fieldErrors.ts"
import { selectorFromManifest } from "./labelSelector.ts"
import { namespaceOfObject, where } from "./source.ts"

/** A pod as the disruption controller counts it. @since 0.1.0 @category model */
export interface CountedPod {
  readonly pod: SchedulingPod
  /** Bound, not being deleted, and Ready (or without a status). */
  readonly healthy: boolean
}

/** The replica count of the controller `namespace/Kind/name` (see `controllers.ts` scaleKey); undefined when unknown. @since 0.1.0 @category model */
export type ScaleOf = (namespace: string, kind: string, name: string) => { readonly key: string; readonly replicas: number } | undefined

/**
 * An int-or-percent scaled against `total`, rounding up (`GetScaledValueFromIntOrPercent(…, true)`).
 *
 * @example
 * import { scaledIntOrPercent } from "catcluster/scheduler"
 * scaledIntOrPercent("34%", 10, "pdb.yaml") // 4
 * scaledIntOrPercent(2, 10, "pdb.yaml")     // 2
 *
 * @since 0.1.0
 * @category destructors
 */
export const scaledIntOrPercent = (value: number | string, total: number, at: string): number => {
  if (typeof value === "number") {
    if (value < 0) throw invalid(at, value, "must be greater than or equal to 0")
    return value
  }
  const m = /^(\d+)%$/.exec(value)
  if (m === null) throw invalid(at, value, "a valid percent string must be a numeric string followed by an ending '%'")
  const percent = Number(m[1])
  if (percent > 100) throw invalid(at, value, "must not be greater than 100%")
  return Math.ceil((percent * total) / 100)
}

/** A budget and, when it fails safe, why. @since 0.1.0 @category model */
export interface BudgetResult {
  readonly budget: DisruptionBudget
  readonly note?: string
}

const matchesPod = (selector: LabelSelector | undefined, namespace: string, pod: SchedulingPod): boolean =>
  namespaceOf(pod) === namespace && labelSelectorMatches(selector, labelsOf(pod))

/**
 * The budget of a PodDisruptionBudget manifest, against the input's pods.
 *
 * @since 0.1.0
 * @category constructors
 */
export const disruptionBudgetOf = (pdb: ManifestOf<"PodDisruptionBudget">, pods: ReadonlyArray<CountedPod>, scaleOf: ScaleOf): BudgetResult => {
  const locate: Locate = (p) => where(pdb, p)
  const namespace = namespaceOfObject(pdb)
  const name = pdb.metadata?.name ?? "<unnamed>"
  const spec = pdb.spec ?? {}
  const selector = selectorFromManifest(spec.selector, under(locate, "spec.selector"))
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    throw invalid(locate("spec"), { minAvailable: spec.minAvailable, maxUnavailable: spec.maxUnavailable }, "minAvailable and maxUnavailable cannot be both set")
  }
  const given = pdb.status?.disruptionsAllowed
  const disruptedPods = Object.keys(pdb.status?.disruptedPods ?? {})
  const base = { namespace, name, ...(selector === undefined ? {} : { selector }), disruptedPods }
  // the status wins: it is what the live controller wrote
  if (given !== undefined) {
    // still check the spec as the API server would
    if (spec.minAvailable !== undefined) scaledIntOrPercent(spec.minAvailable, 0, locate("spec.minAvailable"))
    if (spec.maxUnavailable !== undefined) scaledIntOrPercent(spec.maxUnavailable, 0, locate("spec.maxUnavailable"))
    return { budget: { ...base, disruptionsAllowed: Math.max(0, given) } }
  }
  const matching = pods.filter((p) => matchesPod(selector, namespace, p.pod))
  const expectedScale = (): { readonly count: number } | { readonly missing: string } => {
    const seen = new Map<string, number>()
    for (const { pod } of matching) {
      const c = pod.controller
      if (c === undefined) continue // unmanaged pods are ignored (the controller warns)
      const scale = scaleOf(namespaceOf(pod), c.kind, c.name)
      if (scale === undefined) return { missing: `found no controllers for pod "${nameOf(pod)}" (${c.kind} ${c.name} has no scale in the input)` }
      seen.set(scale.key, scale.replicas)
    }
    return { count: [...seen.values()].reduce((a, b) => a + b, 0) }
  }
  let expected = 0
  let desired = 0
  if (spec.maxUnavailable !== undefined || (spec.minAvailable !== undefined && typeof spec.minAvailable === "string")) {
    const scale = expectedScale()
    if ("missing" in scale) return { budget: { ...base, disruptionsAllowed: 0 }, note: `${scale.missing}: disruptionsAllowed 0, the disruption controller's fail-safe` }
    expected = scale.count
    desired =
      spec.maxUnavailable !== undefined
        ? Math.max(0, expected - scaledIntOrPercent(spec.maxUnavailable, expected, locate("spec.maxUnavailable")))
        : scaledIntOrPercent(spec.minAvailable as string, expected, locate("spec.minAvailable"))
  } else if (spec.minAvailable !== undefined) {
    desired = scaledIntOrPercent(spec.minAvailable, 0, locate("spec.minAvailable"))
    expected = matching.length
  }
  const healthy = matching.filter((p) => p.healthy && !disruptedPods.includes(nameOf(p.pod))).length
  const allowed = healthy - desired
  return { budget: { ...base, disruptionsAllowed: expected <= 0 || allowed <= 0 ? 0 : allowed } }
}
