/**
 * Where filtering stops, and where the next cycle starts (upstream's findNodesThatPassFilters):
 * nodes are filtered from the rotating start until one feasible node *more* than wanted turns up;
 * that node is neither kept nor counted, the infeasible nodes met before it are (the diagnosis,
 * and `nextStartNodeIndex += processed`). Both engines, with explanations.
 */
import { describe, expect, it } from "vitest"
import { defaultProfile, node, pod, type Profile, scheduleBatch, snapshot } from "../../src/scheduler/index.ts"

const Gi = 2 ** 30
const ENGINES = ["hot", "readable"] as const
// no Score plugin: kube-scheduler wants one feasible node
const noScores: Profile = { ...defaultProfile, weights: {}, hasScorePlugins: false }

describe("filtering stops at the feasible node after the last one wanted", () => {
  it.each(ENGINES)("without Score plugins, the infeasible nodes before the second feasible one are processed (%s)", (engine) => {
    // a and c take the 2-CPU pod, b does not; the small pod fits everywhere
    const cluster = snapshot([
      node("a", { cpu: 4000, memory: 8 * Gi, pods: 110 }),
      node("b", { cpu: 1000, memory: 8 * Gi, pods: 110 }),
      node("c", { cpu: 4000, memory: 8 * Gi, pods: 110 }),
    ])
    const out = scheduleBatch(cluster, [pod("d/big", { cpu: 2000 }), pod("d/small", { cpu: 500 })], { engine, profile: { ...noScores, prioritySort: false }, explain: true })
    // big: a is kept, b is filtered out (and reported), c is the one too many: processed = 2
    expect(out[0]?.node).toBe("a")
    expect(out[0]?.scores?.map((e) => [e.node, e.feasible, e.reasons])).toEqual([
      ["a", true, []],
      ["b", false, ["Insufficient cpu"]],
    ])
    // so the next cycle starts at c (had filtering stopped at a, it would start at b and take b)
    expect(out[1]?.node).toBe("c")
  })

  it.each(ENGINES)("with sampling (percentageOfNodesToScore), the next start moves past the infeasible nodes after the last one kept (%s)", (engine) => {
    // 120 nodes (sampling needs at least 100), 100 wanted: nodes 0–99 fit the first pod, 100–109
    // do not, 110–119 do; the second pod fits everywhere and, with equal scores among the nodes
    // it examines, lands on the first feasible node it meets from its start
    const nodes = Array.from({ length: 120 }, (_, i) =>
      node(`n${String(i).padStart(3, "0")}`, { cpu: i >= 100 && i < 110 ? 1000 : 4000, memory: 8 * Gi, pods: 110 }),
    )
    const profile: Profile = { ...noScores, prioritySort: false, weights: { NodeResourcesFit: 1 }, hasScorePlugins: true, nodesToScore: 50 }
    const out = scheduleBatch(snapshot(nodes), [pod("d/big", { cpu: 2000 }), pod("d/small", { cpu: 4000 - 2000 })], { engine, profile, explain: true })
    // 100 feasible kept (n000–n099), n100–n109 processed as infeasible, n110 the one too many
    expect(out[0]?.scores?.filter((e) => e.feasible).length).toBe(100)
    expect(out[0]?.scores?.filter((e) => !e.feasible).map((e) => e.node)).toEqual(Array.from({ length: 10 }, (_, i) => `n${100 + i}`))
    // processed = 110: the second pod's cycle starts at n110 and examines n110…n119, n000…
    const examined = out[1]?.scores?.map((e) => e.node) ?? []
    expect(examined).toContain("n110")
    expect(examined).not.toContain("n100")
  })
})
