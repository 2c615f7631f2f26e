/**
 * PodDisruptionBudgets from manifests: the status's allowance when present, else the
 * disruption controller's computation (minAvailable / maxUnavailable, integer or percent,
 * against the healthy matching pods of the input, scaled by their controllers' replicas), its
 * fail-safe, and the spec checks.
 */
import { describe, expect, it } from "vitest"
import { scaledIntOrPercent, workloadFromText } from "../../src/scheduler/index.ts"

/** Pods of one Deployment (3 replicas, 2 already running and Ready in the dump, 1 not Ready). */
const cluster = (pdbSpec: string, status = "") => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 4
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c}]}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-1
  namespace: shop
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d, controller: true}]
spec:
  replicas: 4
  selector: {matchLabels: {app: web, pod-template-hash: "1"}}
  template:
    metadata: {labels: {app: web, pod-template-hash: "1"}}
    spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: List
items:
${["a", "b", "c"]
  .map(
    (n, i) => `- apiVersion: v1
  kind: Pod
  metadata:
    name: web-1-${n}
    namespace: shop
    labels: {app: web, pod-template-hash: "1"}
    ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-1, uid: r, controller: true}]
  spec: {nodeName: n1, containers: [{name: c}]}
  status: {phase: Running, conditions: [{type: Ready, status: "${i < 2 ? "True" : "False"}"}]}`,
  )
  .join("\n")}
- apiVersion: v1
  kind: Pod
  metadata: {name: stray, namespace: shop, labels: {app: web}}
  spec: {nodeName: n1, containers: [{name: c}]}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web, namespace: shop}
spec:
${pdbSpec}
${status}`

const budget = (pdbSpec: string, status = "") => {
  const w = workloadFromText(cluster(pdbSpec, status), "pdb.yaml")
  return { budget: w.objects.disruptionBudgets![0]!, notes: w.notes }
}

describe("disruptionsAllowed as the disruption controller computes it", () => {
  // matching pods: web-1-a, web-1-b (Ready), web-1-c (not Ready), one pending replica the
  // ReplicaSet still creates, and the unmanaged "stray" (bound, no status: counted healthy).
  // healthy = 3 (a, b, stray); the Deployment's scale is 4.

  it("minAvailable integer: healthy − n, expected = matching pods", () => {
    expect(budget("  minAvailable: 2\n  selector: {matchLabels: {app: web}}").budget).toEqual({
      namespace: "shop",
      name: "web",
      selector: { matchLabels: { app: "web" } },
      disruptedPods: [],
      disruptionsAllowed: 1,
    })
    expect(budget("  minAvailable: 5\n  selector: {matchLabels: {app: web}}").budget.disruptionsAllowed).toBe(0)
  })

  it("maxUnavailable integer and percent: against the Deployment's replicas (the stray pod has no controller and adds no scale)", () => {
    // desired = 4 − 1 = 3 → 3 − 3 = 0
    expect(budget("  maxUnavailable: 1\n  selector: {matchLabels: {app: web}}").budget.disruptionsAllowed).toBe(0)
    // desired = 4 − 2 = 2 → 1
    expect(budget("  maxUnavailable: 2\n  selector: {matchLabels: {app: web}}").budget.disruptionsAllowed).toBe(1)
    // 50% of 4 = 2 unavailable → desired 2 → 1; 26% rounds up to 2 as well
    expect(budget('  maxUnavailable: "50%"\n  selector: {matchLabels: {app: web}}').budget.disruptionsAllowed).toBe(1)
    expect(budget('  maxUnavailable: "26%"\n  selector: {matchLabels: {app: web}}').budget.disruptionsAllowed).toBe(1)
  })

  it("minAvailable percent: ⌈p · scale⌉ desired", () => {
    // 50% of 4 = 2 → 3 − 2 = 1; 51% → 3 → 0
    expect(budget('  minAvailable: "50%"\n  selector: {matchLabels: {app: web}}').budget.disruptionsAllowed).toBe(1)
    expect(budget('  minAvailable: "51%"\n  selector: {matchLabels: {app: web}}').budget.disruptionsAllowed).toBe(0)
  })

  it("disruptedPods of the status are not healthy; a given status.disruptionsAllowed wins", () => {
    const given = budget("  minAvailable: 1\n  selector: {matchLabels: {app: web}}", "status: {disruptionsAllowed: 7, disruptedPods: {web-1-a: '2026-11-27T04:00:00Z'}}")
    expect(given.budget.disruptionsAllowed).toBe(7)
    expect(given.budget.disruptedPods).toEqual(["web-1-a"])
  })

  it("selectors: absent selects nothing (0 allowed), empty selects every pod of the namespace", () => {
    expect(budget("  minAvailable: 1").budget).toEqual({ namespace: "shop", name: "web", disruptedPods: [], disruptionsAllowed: 0 })
    const empty = budget("  minAvailable: 1\n  selector: {}").budget
    expect(empty.selector).toEqual({})
    expect(empty.disruptionsAllowed).toBe(2)
  })

  it("neither minAvailable nor maxUnavailable: nothing is allowed", () => {
    expect(budget("  selector: {matchLabels: {app: web}}").budget.disruptionsAllowed).toBe(0)
  })

  it("a matching pod whose controller has no scale makes the controller fail safe, with a note", () => {
    const text = `apiVersion: batch/v1
kind: Job
metadata: {name: j, namespace: shop}
spec: {template: {metadata: {labels: {app: j}}, spec: {restartPolicy: Never, containers: [{name: c}]}}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: j, namespace: shop}
spec: {maxUnavailable: 0, selector: {matchLabels: {app: j}}}`
    const w = workloadFromText(text, "job.yaml")
    expect(w.objects.disruptionBudgets![0]!.disruptionsAllowed).toBe(0)
    expect(w.notes).toEqual([
      {
        key: "shop/j",
        reason: 'PodDisruptionBudget: found no controllers for pod "j-0" (Job j has no scale in the input): disruptionsAllowed 0, the disruption controller\'s fail-safe',
      },
    ])
  })

  it("the spec is checked as the API server does", () => {
    expect(() => budget("  minAvailable: 1\n  maxUnavailable: 1\n  selector: {}")).toThrow(
      'pdb.yaml: document 3, spec: Invalid value: {"minAvailable":1,"maxUnavailable":1}: minAvailable and maxUnavailable cannot be both set',
    )
    expect(() => budget('  maxUnavailable: "half"\n  selector: {}')).toThrow(
      `pdb.yaml: document 3, spec.maxUnavailable: Invalid value: "half": a valid percent string must be a numeric string followed by an ending '%'`,
    )
    expect(() => budget('  minAvailable: "120%"\n  selector: {}')).toThrow('pdb.yaml: document 3, spec.minAvailable: Invalid value: "120%": must not be greater than 100%')
    expect(() => budget("  minAvailable: -1\n  selector: {}")).toThrow("pdb.yaml: document 3, spec.minAvailable: Invalid value: -1: must be greater than or equal to 0")
  })

  it("scaledIntOrPercent rounds up", () => {
    expect([scaledIntOrPercent("34%", 10, ""), scaledIntOrPercent("30%", 10, ""), scaledIntOrPercent("1%", 1, ""), scaledIntOrPercent("0%", 9, "")]).toEqual([4, 3, 1, 0])
  })
})
