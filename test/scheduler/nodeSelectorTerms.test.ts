/**
 * Node selector terms as kube-scheduler parses them (src/scheduler/adapters/nodeSelectorTerms.ts):
 * which requirements `labels.NewRequirement` and the field selector refuse, and what a required
 * term that does not parse becomes.
 */
import { describe, expect, it } from "vitest"
import { expressionProblem, fieldProblem, requiredTerm, termProblem } from "../../src/scheduler/adapters/nodeSelectorTerms.ts"
import type { SelectorRequirement } from "../../src/scheduler/model/SchedulingPod.ts"
import { matchesTerm } from "../../src/scheduler/plugins/NodeAffinity.ts"
import { node, workloadFromText } from "../../src/scheduler/index.ts"
import { refusedWorkload } from "./refusedWorkload.ts"

const r = (key: string, operator: SelectorRequirement["operator"], ...values: ReadonlyArray<string>): SelectorRequirement => ({ key, operator, values })

describe("expressionProblem (labels.NewRequirement)", () => {
  it("accepts what parses", () => {
    for (const ok of [r("foo", "In", "bar", ""), r("a.b/c", "NotIn", "x-y_z.1"), r("GPU", "Exists"), r("k", "DoesNotExist"), r("kernel", "Gt", "0204"), r("k", "Lt", "3")]) {
      expect(expressionProblem(ok), JSON.stringify(ok)).toBeUndefined()
    }
  })
  it("names what does not", () => {
    expect(expressionProblem(r("invalid key", "In", "bar"))).toMatch(/^key "invalid key"/)
    expect(expressionProblem(r("foo", "In"))).toMatch(/values set can't be empty/)
    expect(expressionProblem(r("foo", "NotIn"))).toMatch(/values set can't be empty/)
    expect(expressionProblem(r("foo", "Exists", "x"))).toMatch(/must be empty for exists/)
    expect(expressionProblem(r("foo", "Gt", "1", "2"))).toMatch(/exactly one value/)
    expect(expressionProblem(r("foo", "Lt", "1.5"))).toMatch(/must be an integer/)
    expect(expressionProblem(r("foo", "NotIn", "invalid value: ___@#$%^"))).toMatch(/^value "invalid value/)
    expect(expressionProblem(r("foo", "In", "x".repeat(64)))).toMatch(/^value/)
    expect(expressionProblem(r("foo", "In", "-bar"))).toMatch(/^value "-bar"/)
    // an integer, but every value must also be a label value, and "-3" does not start alphanumeric
    expect(expressionProblem(r("k", "Lt", "-3"))).toMatch(/^value "-3"/)
  })
})

describe("fieldProblem (node field selector)", () => {
  it("In / NotIn with exactly one value", () => {
    expect(fieldProblem(r("metadata.name", "In", "n1"))).toBeUndefined()
    expect(fieldProblem(r("metadata.name", "NotIn", "n1"))).toBeUndefined()
    expect(fieldProblem(r("metadata.name", "In", "n1", "n2"))).toBe("must have one element")
    expect(fieldProblem(r("metadata.name", "Exists"))).toMatch(/not a valid node field selector operator/)
  })
})

describe("requiredTerm", () => {
  const n1 = node("n1", {}, { labels: { foo: "bar" } })
  it("keeps a term that parses", () => {
    const t = { matchExpressions: [r("foo", "In", "bar")], matchFields: [] }
    expect(requiredTerm(t)).toBe(t)
    expect(matchesTerm(requiredTerm(t), n1)).toBe(true)
  })
  it("a term that does not parse matches no node (a NotIn that would hold), and keeps its fields for PreFilter", () => {
    const t = { matchExpressions: [r("foo", "NotIn", "invalid value: ___@#$%^")], matchFields: [r("metadata.name", "In", "n1")] }
    expect(termProblem(t)).toEqual({ at: "matchExpressions[0]", problem: expect.stringMatching(/^value/) })
    expect(matchesTerm(t, n1)).toBe(true) // as written it would hold
    expect(matchesTerm(requiredTerm(t), n1)).toBe(false)
    expect(requiredTerm(t).matchFields).toEqual(t.matchFields)
  })
  it("a field requirement that does not parse spoils its term too", () => {
    const t = { matchExpressions: [], matchFields: [r("metadata.name", "In", "n1", "n2")] }
    expect(termProblem(t)).toEqual({ at: "matchFields[0]", problem: "must have one element" })
    expect(matchesTerm(requiredTerm(t), n1)).toBe(false)
  })
})

describe("what the API server refuses in a pod's node affinity, refused with its path (exit 2 in the CLI)", () => {
  const podWith = (affinity: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  affinity: {nodeAffinity: ${affinity}}\n  containers: [{name: c}]\n`
  const requiredWith = (term: string) => podWith(`{requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{}, ${term}]}}`)
  const at = "pods.yaml: document 0, spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[1]"
  it("matchExpressions: a label-name key, values for In / NotIn, none for Exists / DoesNotExist, one for Gt / Lt", () => {
    expect(refusedWorkload(requiredWith("{matchExpressions: [{key: zone, operator: In, values: []}]}"))).toBe(`${at}.matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`)
    expect(refusedWorkload(requiredWith("{matchExpressions: [{key: zone, operator: DoesNotExist, values: [a]}]}"))).toBe(
      `${at}.matchExpressions[0].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`,
    )
    expect(refusedWorkload(requiredWith("{matchExpressions: [{key: k, operator: Gt, values: ['1', '2']}]}"))).toBe(`${at}.matchExpressions[0].values: Required value: must be specified single value when \`operator\` is 'Lt' or 'Gt'`)
    expect(refusedWorkload(requiredWith("{matchExpressions: [{key: 'bad key', operator: Exists}]}"))).toMatch(/matchExpressions\[0\]\.key: Invalid value: "bad key": /)
  })
  it("matchFields: metadata.name only, In / NotIn with one value; preferred terms too", () => {
    expect(refusedWorkload(requiredWith("{matchFields: [{key: metadata.name, operator: In, values: [a, b]}]}"))).toBe(
      `${at}.matchFields[0].values: Required value: must be only one value when \`operator\` is 'In' or 'NotIn' for node field selector`,
    )
    expect(refusedWorkload(requiredWith("{matchFields: [{key: metadata.labels, operator: In, values: [a]}]}"))).toBe(`${at}.matchFields[0].key: Unsupported value: "metadata.labels": supported values: "metadata.name"`)
    expect(refusedWorkload(podWith("{preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1, preference: {matchExpressions: [{key: zone, operator: NotIn}]}}]}"))).toBe(
      "pods.yaml: document 0, spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    )
  })
  it("values the API server does not check still reach the scheduler, where the term matches nothing", () => {
    const w = workloadFromText(requiredWith("{matchExpressions: [{key: k, operator: Gt, values: [one]}]}"), "pods.yaml")
    expect(w.pending[0]!.requiredTerms?.[1]?.matchExpressions).toEqual([{ key: "", operator: "In", values: [] }])
  })
})
