/**
 * Node selector terms as kube-scheduler v1.35 parses them (component-helpers `nodeaffinity`): each
 * term's `matchExpressions` become a label selector (`labels.NewRequirement`: a valid key; In /
 * NotIn with values, Exists / DoesNotExist without, Gt / Lt with one integer; every value a valid
 * label value) and its `matchFields` a field selector (In / NotIn with exactly one value). The
 * API server does not check the values, so a pod can carry a term that does not parse:
 *
 * - a required term that does not parse matches no node (its parse error makes `Match` false),
 *   while PreFilter still reads its raw `metadata.name In` fields;
 * - a preferred term that does not parse makes NodeAffinity's PreScore fail at every attempt, so
 *   the pod is never scheduled: catcluster refuses it as bad input, naming the requirement.
 *
 * @since 0.1.0
 */
import type { NodeSelectorTerm, SelectorRequirement } from "../model/SchedulingPod.ts"
import { qualifiedNameProblems } from "../profile/ConfigInput.ts"
import { forbidden, invalid, type Locate, required, unsupported } from "./fieldErrors.ts"

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/
const INTEGER = /^[+-]?\d+$/

/**
 * Why `labels.NewRequirement` refuses a `matchExpressions` requirement, or `undefined`.
 *
 * @since 0.1.0
 * @category validation
 */
export const expressionProblem = (r: SelectorRequirement): string | undefined => {
  const [keyProblem] = qualifiedNameProblems(r.key)
  if (keyProblem !== undefined) return `key ${JSON.stringify(r.key)}: ${keyProblem}`
  switch (r.operator) {
    case "In":
    case "NotIn":
      if (r.values.length === 0) return "for 'in', 'notin' operators, values set can't be empty"
      break
    case "Exists":
    case "DoesNotExist":
      if (r.values.length !== 0) return "values set must be empty for exists and does not exist"
      break
    case "Gt":
    case "Lt":
      if (r.values.length !== 1) return "for 'Gt', 'Lt' operators, exactly one value is required"
      if (!INTEGER.test(r.values[0] ?? "")) return "for 'Gt', 'Lt' operators, the value must be an integer"
      break
  }
  const bad = r.values.find((v) => v.length > 63 || !LABEL_VALUE.test(v))
  return bad === undefined
    ? undefined
    : `value ${JSON.stringify(bad)}: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (at most 63)`
}

/**
 * Why the field selector refuses a `matchFields` requirement, or `undefined`.
 *
 * @since 0.1.0
 * @category validation
 */
export const fieldProblem = (r: SelectorRequirement): string | undefined =>
  r.operator !== "In" && r.operator !== "NotIn"
    ? `${JSON.stringify(r.operator)} is not a valid node field selector operator`
    : r.values.length === 1
      ? undefined
      : "must have one element"

/**
 * The first requirement of a term that does not parse: where (`matchExpressions[j]` or
 * `matchFields[j]`) and why; `undefined` when the whole term parses.
 *
 * @since 0.1.0
 * @category validation
 */
export const termProblem = (term: NodeSelectorTerm): { readonly at: string; readonly problem: string } | undefined => {
  for (const [j, r] of term.matchExpressions.entries()) {
    const problem = expressionProblem(r)
    if (problem !== undefined) return { at: `matchExpressions[${j}]`, problem }
  }
  for (const [j, r] of term.matchFields.entries()) {
    const problem = fieldProblem(r)
    if (problem !== undefined) return { at: `matchFields[${j}]`, problem }
  }
  return undefined
}

/** A requirement no node meets (no label has an empty key), on both engines. */
const NO_NODE: SelectorRequirement = { key: "", operator: "In", values: [] }

/**
 * A required term as kube-scheduler matches it: unchanged when it parses, else a term matching
 * no node that keeps the raw `matchFields` (PreFilter reads `metadata.name In` from them).
 *
 * @since 0.1.0
 * @category constructors
 */
export const requiredTerm = (term: NodeSelectorTerm): NodeSelectorTerm =>
  termProblem(term) === undefined ? term : { matchExpressions: [NO_NODE], matchFields: term.matchFields }

/**
 * The API server's validation of a node selector term (ValidateNodeSelectorRequirement and
 * ValidateNodeFieldSelectorRequirement): a label-name key, values for In / NotIn, none for
 * Exists / DoesNotExist, one for Gt / Lt; `matchFields` only on `metadata.name`, In / NotIn with
 * one value. Throws the first problem at its path (`at` is relative to the term).
 *
 * @since 0.1.0
 * @category validation
 */
export const validateTerm = (term: NodeSelectorTerm, at: Locate): void => {
  term.matchExpressions.forEach((r, j) => {
    const path = (p: string) => at(`matchExpressions[${j}].${p}`)
    const [keyProblem] = qualifiedNameProblems(r.key)
    if (keyProblem !== undefined) throw invalid(path("key"), r.key, keyProblem)
    if ((r.operator === "In" || r.operator === "NotIn") && r.values.length === 0) throw required(path("values"), "must be specified when `operator` is 'In' or 'NotIn'")
    if ((r.operator === "Exists" || r.operator === "DoesNotExist") && r.values.length > 0) throw forbidden(path("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'")
    if ((r.operator === "Gt" || r.operator === "Lt") && r.values.length !== 1) throw required(path("values"), "must be specified single value when `operator` is 'Lt' or 'Gt'")
  })
  term.matchFields.forEach((r, j) => {
    const path = (p: string) => at(`matchFields[${j}].${p}`)
    if (r.operator !== "In" && r.operator !== "NotIn") throw invalid(path("operator"), r.operator, "not a valid selector operator")
    if (r.values.length !== 1) throw required(path("values"), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector")
    if (r.key !== "metadata.name") throw unsupported(path("key"), r.key, ["metadata.name"])
  })
}
