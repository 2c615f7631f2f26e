/**
 * `nominationWarnings`: what catcluster does not model of a nomination, the room it holds against
 * pods of the nominee's priority queued before it, said once per nominee with those pods named.
 */
import { describe, expect, it } from "vitest"
import { nominationWarnings, pod } from "../../src/scheduler/index.ts"

describe("nominationWarnings: the room a nomination holds, which catcluster does not model", () => {
  const nominee = pod("d/nominee", { cpu: 100 }, { nominatedNodeName: "n1", priority: 5, creationTimestamp: 20 })
  it("warns when pods of the nominee's priority come before it in the queue, naming them", () => {
    const peers = [1, 2, 3, 4].map((i) => pod(`d/peer-${i}`, { cpu: 100 }, { priority: 5, creationTimestamp: i }))
    expect(nominationWarnings([nominee, ...peers])).toEqual([
      "pod d/nominee is nominated to node n1 (status.nominatedNodeName): kube-scheduler tries that node first, as catcluster does, and also holds the pod's room there against pods of its priority scheduled before it (here d/peer-1, d/peer-2, d/peer-3, … (4 pods)), which catcluster does not model: they may take that room",
    ])
  })
  it("names up to three pods, then the count", () => {
    const peers = [1, 2, 3].map((i) => pod(`d/peer-${i}`, { cpu: 100 }, { priority: 5, creationTimestamp: i }))
    expect(nominationWarnings([nominee, ...peers])[0]).toContain("(here d/peer-1, d/peer-2, d/peer-3), which")
    expect(nominationWarnings([nominee, peers[0]!])[0]).toContain("(here d/peer-1), which")
  })
  it("one warning per nominee, each naming its own predecessors, and none for a gated nominee", () => {
    const second = pod("d/second", { cpu: 100 }, { nominatedNodeName: "n2", priority: 5, creationTimestamp: 30 })
    const peer = pod("d/peer", { cpu: 100 }, { priority: 5, creationTimestamp: 1 })
    expect(nominationWarnings([second, nominee, peer]).map((w) => w.slice(0, w.indexOf(" (status")))).toEqual(["pod d/nominee is nominated to node n1", "pod d/second is nominated to node n2"])
    expect(nominationWarnings([second, nominee, peer])[1]).toContain("(here d/peer, d/nominee), which")
    // every pod nominated: the earlier nominee holds the later one's room too
    expect(nominationWarnings([second, nominee])).toEqual([expect.stringMatching(/^pod d\/second is nominated to node n2 .*\(here d\/nominee\), which/)])
    const gated = pod("d/gated-nominee", { cpu: 100 }, { nominatedNodeName: "n1", priority: 5, creationTimestamp: 40, schedulingGates: ["g"] })
    expect(nominationWarnings([peer, gated])).toEqual([])
  })
  it("says nothing when only higher-priority pods, later pods or gated ones precede it", () => {
    expect(nominationWarnings([nominee, pod("d/high", { cpu: 100 }, { priority: 9, creationTimestamp: 1 }), pod("d/later", { cpu: 100 }, { priority: 5, creationTimestamp: 30 })])).toEqual([])
    expect(nominationWarnings([nominee, pod("d/gated", { cpu: 100 }, { priority: 5, creationTimestamp: 1, schedulingGates: ["g"] })])).toEqual([])
    expect(nominationWarnings([pod("d/plain", { cpu: 100 })])).toEqual([])
  })
})
