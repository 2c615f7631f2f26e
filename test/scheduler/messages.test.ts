/**
 * kube-scheduler v1.35's whole pending message (FitError.Error(): "0/N nodes are available: …"
 * then the PostFilter part: DynamicResources' "no new claims to deallocate", DefaultPreemption's
 * "preemption: …"), written out for small clusters and checked on both schedulers.
 */
import { describe, expect, it } from "vitest"
import { type ClusterSnapshot, defaultProfile, hotScheduler, node, pod, type Profile, readableScheduler, type SchedulingPod, snapshot } from "../../src/scheduler/index.ts"

const Gi = 2 ** 30
const engines = [
  ["readable σ", readableScheduler],
  ["hot path", hotScheduler],
] as const
const messageOf = (make: (typeof engines)[number][1], cluster: ClusterSnapshot, p: SchedulingPod, profile: Profile = defaultProfile) =>
  make(cluster, { profile }).schedule(p).message

for (const [name, make] of engines) {
  describe(`kube-scheduler's messages (${name})`, () => {
    it("Insufficient cpu on the one matching node, no victims there; the others unresolvable", () => {
      // a: zone x, 2000m with a priority-10 pod using 1500m; b, c: no zone label.
      const cluster = snapshot(
        [
          node("a", { cpu: 2000, memory: 4 * Gi, pods: 10 }, { labels: { zone: "x" } }),
          node("b", { cpu: 4000, memory: 4 * Gi, pods: 10 }),
          node("c", { cpu: 4000, memory: 4 * Gi, pods: 10 }),
        ],
        [{ pod: pod("d/important", { cpu: 1500 }, { priority: 10 }), node: "a" }],
      )
      expect(messageOf(make, cluster, pod("d/web", { cpu: 1000 }, { nodeSelector: { zone: "x" } }))).toBe(
        "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
      )
    })

    it("preemptionPolicy: Never", () => {
      const cluster = snapshot([node("a", { cpu: 1000, memory: Gi, pods: 10 })], [{ pod: pod("d/x", { cpu: 1000 }), node: "a" }])
      expect(messageOf(make, cluster, pod("d/polite", { cpu: 500 }, { priority: 5, neverPreempts: true }))).toBe(
        "0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.",
      )
    })

    it("a preemption that finds a node ends PostFilter without a message", () => {
      const cluster = snapshot([node("a", { cpu: 1000, memory: Gi, pods: 10 })], [{ pod: pod("d/x", { cpu: 1000 }), node: "a" }])
      expect(make(cluster).schedule(pod("d/urgent", { cpu: 500 }, { priority: 5 }))).toMatchObject({
        node: "a",
        victims: ["d/x"],
        message: "0/1 nodes are available: 1 Insufficient cpu.",
      })
    })

    it("without DynamicResources and DefaultPreemption only the filter histogram is left", () => {
      const cluster = snapshot([node("a", { cpu: 1000, memory: Gi, pods: 10 })], [{ pod: pod("d/x", { cpu: 1000 }), node: "a" }])
      const bare: Profile = { ...defaultProfile, dynamicResources: false, preemption: false }
      expect(messageOf(make, cluster, pod("d/y", { cpu: 500 }, { priority: 5 }), bare)).toBe("0/1 nodes are available: 1 Insufficient cpu.")
    })
  })
}

describe("kube-scheduler's messages, readable σ", () => {
  it("a node-name PreFilter set: the others 'didn't satisfy plugin(s) [NodeAffinity]'", () => {
    const cluster = snapshot(
      ["a", "b", "c"].map((n) => node(n, { cpu: 1000, memory: Gi, pods: 10 })),
      [{ pod: pod("d/x", { cpu: 1000 }, { priority: 3 }), node: "a" }],
    )
    const onA = pod("d/on-a", { cpu: 500 }, { requiredTerms: [{ matchExpressions: [], matchFields: [{ key: "metadata.name", operator: "In", values: ["a"] }] }] })
    expect(readableScheduler(cluster).schedule(onA).message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    )
  })

  it("an unresolvable PreFilter rejection stops PreFilter before DynamicResources: its PostFilter fails with 'not found'", () => {
    // Each term names a node, and no node is named by both: NodeAffinity's PreFilter rejects the
    // pod before DynamicResources' PreFilter writes its state, so DynamicResources' PostFilter
    // reads none (fwk.ErrNotFound), and that error ends PostFilter: no preemption message.
    const cluster = snapshot(["a", "b", "c"].map((n) => node(n, { cpu: 1000, memory: Gi, pods: 10 })))
    const conflicting = pod("d/nowhere", { cpu: 100 }, {
      requiredTerms: [
        {
          matchExpressions: [],
          matchFields: [
            { key: "metadata.name", operator: "In", values: ["a"] },
            { key: "metadata.name", operator: "In", values: ["b"] },
          ],
        },
      ],
    })
    expect(readableScheduler(cluster).schedule(conflicting)).toMatchObject({
      node: null,
      reasons: ["0/3 nodes are available", "pod affinity terms conflict"],
      message: "0/3 nodes are available: pod affinity terms conflict. not found",
    })
    // without DynamicResources, DefaultPreemption runs and finds every node unresolvable
    expect(readableScheduler(cluster, { profile: { ...defaultProfile, dynamicResources: false } }).schedule(conflicting).message).toBe(
      "0/3 nodes are available: pod affinity terms conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    )
  })

  it("a configuration that lists DefaultPreemption before DynamicResources swaps their messages", () => {
    const cluster = snapshot([node("a", { cpu: 1000, memory: Gi, pods: 10 })], [{ pod: pod("d/x", { cpu: 1000 }, { priority: 9 }), node: "a" }])
    const swapped: Profile = { ...defaultProfile, preemptionBeforeDynamicResources: true }
    expect(readableScheduler(cluster, { profile: swapped }).schedule(pod("d/y", { cpu: 500 })).message).toBe(
      "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod., no new claims to deallocate",
    )
  })

  it("Too many pods is never unresolvable: a node allowing 0 pods is a preemption candidate", () => {
    // fitsRequest marks cpu, memory, storage and scalar shortfalls unresolvable when the request
    // exceeds allocatable, but never the pod count: preemption dry-runs the node (no victims there).
    const cluster = snapshot([node("a", { cpu: 1000, memory: Gi, pods: 0 })])
    expect(readableScheduler(cluster).schedule(pod("d/x", { cpu: 100 }, { priority: 5 })).message).toBe(
      "0/1 nodes are available: 1 Too many pods. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
    )
  })
})

describe("PodDisruptionBudgets in preemption: violations minimised, not forbidden", () => {
  const web = { labels: { app: "web" } }
  const pdb = (allowed: number, disruptedPods: ReadonlyArray<string> = []) => ({
    namespace: "d",
    name: "web",
    selector: { matchLabels: { app: "web" } },
    disruptionsAllowed: allowed,
    disruptedPods,
  })
  const big = (n: string) => node(n, { cpu: 2000, memory: 4 * Gi, pods: 10 })
  const urgent = pod("d/urgent", { cpu: 1000 }, { priority: 10 })

  for (const [name, make] of engines) {
    describe(name, () => {
      it("the budget-violating pod is reprieved first, even though it started earlier", () => {
        // a: w (app=web, bound first) and o (no labels), 1000m each, priority 1; budget allows 0.
        // Both removed: 2000m free. Importance: w (earlier) then o. Split: w violates (0 → −1), o not.
        // Reprieve w first: o still removed → 1000m free ≥ 1000m → w stays. Then o: nothing removed,
        // 0m free → o is the victim. Victims [o], 0 violations.
        const cluster = {
          ...snapshot([big("a")], [
            { pod: pod("d/w", { cpu: 1000 }, { ...web, priority: 1 }), node: "a" },
            { pod: pod("d/o", { cpu: 1000 }, { priority: 1 }), node: "a" },
          ]),
          disruptionBudgets: [pdb(0)],
        }
        expect(make(cluster).schedule(urgent)).toMatchObject({ node: "a", victims: ["d/o"] })
      })

      it("a violation is accepted when nothing else fits; the node with fewer violations wins first", () => {
        // a: w1 (app=web, prio 1, 2000m) — evicting it violates the budget (allowed 0).
        // b: v (no labels, prio 5, 2000m) — no violation, but a higher-priority victim.
        // pickOneNodeForPreemption: fewest violations first → b, victim v.
        const cluster = {
          ...snapshot([big("a"), big("b")], [
            { pod: pod("d/w1", { cpu: 2000 }, { ...web, priority: 1 }), node: "a" },
            { pod: pod("d/v", { cpu: 2000 }, { priority: 5 }), node: "b" },
          ]),
          disruptionBudgets: [pdb(0)],
        }
        expect(make(cluster).schedule(urgent)).toMatchObject({ node: "b", victims: ["d/v"] })
        // Only violating candidates: a (w1) and c (w2, bound later); both 1 violation, same
        // priorities, sums and counts; the latest start of the highest-priority victim wins: c.
        const only = {
          ...snapshot([big("a"), big("c")], [
            { pod: pod("d/w1", { cpu: 2000 }, { ...web, priority: 1 }), node: "a" },
            { pod: pod("d/w2", { cpu: 2000 }, { ...web, priority: 1 }), node: "c" },
          ]),
          disruptionBudgets: [pdb(0)],
        }
        expect(make(only).schedule(urgent)).toMatchObject({ node: "c", victims: ["d/w2"] })
      })

      it("a budget allowing one disruption covers the first pod in importance order only", () => {
        // a: w1, w2 (app=web, prio 1, 1000m each, w1 bound first); the pod needs all 2000m.
        // Split in importance order: w1 uses the allowance (1 → 0), w2 violates (0 → −1).
        // Reprieve w2 first: w1 still removed → 1000m < 2000m → w2 victim (1 violation); then w1
        // → victim. Victims [w1, w2] (importance order).
        const cluster = {
          ...snapshot([big("a")], [
            { pod: pod("d/w1", { cpu: 1000 }, { ...web, priority: 1 }), node: "a" },
            { pod: pod("d/w2", { cpu: 1000 }, { ...web, priority: 1 }), node: "a" },
          ]),
          disruptionBudgets: [pdb(1)],
        }
        expect(make(cluster).schedule(pod("d/huge", { cpu: 2000 }, { priority: 10 }))).toMatchObject({ node: "a", victims: ["d/w1", "d/w2"] })
      })

      it("a pod in the budget's disruptedPods does not use the allowance again", () => {
        // x (app=web, on b) is bound before w (app=web, on a); the budget allows 0 disruptions.
        // Without disruptedPods both nodes cost 1 violation and the later start wins: a (w).
        // With x listed as already disrupted, b costs no violation: b wins.
        const bound = [
          { pod: pod("d/x", { cpu: 2000 }, { ...web, priority: 1 }), node: "b" },
          { pod: pod("d/w", { cpu: 2000 }, { ...web, priority: 1 }), node: "a" },
        ]
        expect(make({ ...snapshot([big("a"), big("b")], bound), disruptionBudgets: [pdb(0)] }).schedule(urgent)).toMatchObject({ node: "a", victims: ["d/w"] })
        expect(make({ ...snapshot([big("a"), big("b")], bound), disruptionBudgets: [pdb(0, ["x"])] }).schedule(urgent)).toMatchObject({
          node: "b",
          victims: ["d/x"],
        })
      })
    })
  }
})
