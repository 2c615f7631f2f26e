/**
 * PodDisruptionBudgets as preemption reads them (`filterPodsWithPDBViolation`, v1.35): a budget
 * covers the pods of its namespace its selector matches (an absent or empty selector matches
 * none, and a pod without labels matches no budget); a pod already listed in the budget's
 * `disruptedPods` does not use its allowance again.
 *
 * @since 0.1.0
 */
import type { DisruptionBudget } from "../model/ClusterObjects.ts"
import { isEmptySelector, labelSelectorMatches } from "../model/LabelSelector.ts"
import { labelsOf, nameOf, namespaceOf, type SchedulingPod } from "../model/SchedulingPod.ts"

/** The budgets a pod uses, and every budget's allowance. @since 0.1.0 @category model */
export interface BudgetIndex {
  readonly of: (pod: SchedulingPod) => ReadonlyArray<number>
  readonly allowed: ReadonlyArray<number>
}

/**
 * Index the budgets.
 *
 * @example
 * import { budgetIndex, pod } from "catcluster/scheduler"
 * const budgets = budgetIndex([{ namespace: "web", name: "pdb", selector: { matchLabels: { app: "web" } }, disruptionsAllowed: 0, disruptedPods: [] }])
 * budgets.of(pod("web/a", {}, { labels: { app: "web" } })) // [0]
 *
 * @since 0.1.0
 * @category constructors
 */
export const budgetIndex = (budgets: ReadonlyArray<DisruptionBudget>): BudgetIndex => ({
  allowed: budgets.map((b) => b.disruptionsAllowed),
  of: (pod) => {
    const labels = labelsOf(pod)
    if (Object.keys(labels).length === 0) return []
    const out: number[] = []
    budgets.forEach((b, i) => {
      if (b.namespace !== namespaceOf(pod) || b.selector === undefined || isEmptySelector(b.selector)) return
      if (!labelSelectorMatches(b.selector, labels) || b.disruptedPods.includes(nameOf(pod))) return
      out.push(i)
    })
    return out
  },
})
