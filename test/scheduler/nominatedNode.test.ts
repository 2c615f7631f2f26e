/**
 * A pending pod's `status.nominatedNodeName` (an earlier preemption's) as kube-scheduler v1.35
 * reads it (schedule_one.go: findNodesThatFitPod, evaluateNominatedNode): after PreFilter, the
 * filters run on the nominated node alone, whatever PreFilter's node set; when it passes, the pod
 * is bound there with no scoring and the next cycle's start does not move; when it fails, its
 * status joins the diagnosis and the usual scan follows, the start moving by the nodes with a
 * status (the nominated one counted once even where the scan stopped before it). Every case runs
 * on both engines, in-process; then a live dump through the CLI.
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { modelFromFiles, node, pod, type Placement, scheduleBatch, type SchedulingNode, type SchedulingPod, snapshot } from "../../src/scheduler/index.ts"
import { spawnCli } from "../support/spawnCli.ts"

const Gi = 2 ** 30
const ENGINES = ["hot", "readable"] as const

const both = (nodes: ReadonlyArray<SchedulingNode>, pods: ReadonlyArray<SchedulingPod>, bound: Parameters<typeof snapshot>[1] = [], explain = false) => {
  const [hot, readable] = ENGINES.map((engine) => scheduleBatch(snapshot(nodes, bound), pods, { engine, explain, seed: 7 })) as [ReadonlyArray<Placement>, ReadonlyArray<Placement>]
  expect(hot).toEqual(readable)
  return hot
}

// big is empty and scores best; small is half full
const big = node("big", { cpu: 8000, memory: 16 * Gi, pods: 110 })
const small = node("small", { cpu: 4000, memory: 8 * Gi, pods: 110 })
const filler = pod("d/filler", { cpu: 2000, memory: 4 * Gi })

describe("the nominated node first", () => {
  it("a nominated node that fits is taken, unscored, though scoring prefers another; without the nomination the best node wins", () => {
    const web = pod("d/web", { cpu: 500, memory: Gi }, { nominatedNodeName: "small" })
    const [placed] = both([big, small], [web], [{ pod: filler, node: "small" }], true)
    expect(placed?.node).toBe("small")
    expect(placed?.scores).toEqual([{ node: "small", feasible: true, reasons: [], plugins: {}, total: 0 }])
    const { nominatedNodeName: _, ...plain } = web
    expect(both([big, small], [plain], [{ pod: filler, node: "small" }])[0]?.node).toBe("big")
  })

  it("a nominated node that does not fit: the usual cycle; unschedulable everywhere, it is counted once in the message", () => {
    const web = pod("d/web", { cpu: 3000, memory: Gi }, { nominatedNodeName: "small" })
    expect(both([big, small], [web], [{ pod: filler, node: "small" }])[0]?.node).toBe("big")
    const huge = pod("d/huge", { cpu: 9000, memory: Gi }, { nominatedNodeName: "small" })
    const [pending] = both([big, small], [huge], [{ pod: filler, node: "small" }])
    expect(pending?.node).toBeNull()
    expect(pending?.message).toMatch(/^0\/2 nodes are available: 2 Insufficient cpu\./)
  })

  it("a nomination to a node that is not in the cluster is passed over (upstream logs the lookup error)", () => {
    const web = pod("d/web", { cpu: 500, memory: Gi }, { nominatedNodeName: "gone" })
    expect(both([big, small], [web], [{ pod: filler, node: "small" }])[0]?.node).toBe("big")
  })

  it("the nominated node is filtered even outside PreFilter's node set: its own status, not the absent one, is in the message", () => {
    const onlyBig = { requiredTerms: [{ matchExpressions: [], matchFields: [{ key: "metadata.name", operator: "In" as const, values: ["big"] }] }] }
    const huge = pod("d/huge", { cpu: 9000, memory: Gi }, { ...onlyBig, nominatedNodeName: "small" })
    const [nominated] = both([big, small], [huge])
    expect(nominated?.message).toMatch(/^0\/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) didn't match Pod's node affinity\/selector\./)
    const { nominatedNodeName: _, ...plain } = huge
    const [without] = both([big, small], [plain])
    expect(without?.message).toMatch(/^0\/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) didn't satisfy plugin\(s\) \[NodeAffinity\]\./)
  })

  it("a PreFilter rejection ends the cycle before the nominated node is tried", () => {
    const claimed = { ...pod("d/db", { cpu: 100 }, { nominatedNodeName: "big" }), volumes: [{ name: "data", source: { type: "persistentVolumeClaim" as const, claimName: "missing", readOnly: false } }] }
    const [placed] = both([big, small], [claimed])
    expect(placed?.node).toBeNull()
    expect(placed?.message).toMatch(/^0\/2 nodes are available: persistentvolumeclaim "missing" not found\./)
  })
})

describe("where the next cycle starts (120 nodes: kube-scheduler filters until it has 100 feasible ones)", () => {
  // n000 … n119, all alike and a little used, except n100, empty: the best node for anyone who reaches it
  const names = Array.from({ length: 120 }, (_, i) => `n${String(i).padStart(3, "0")}`)
  const nodes = names.map((name) => node(name, { cpu: 4000, memory: 8 * Gi, pods: 110 }))
  const bound = names.filter((n) => n !== "n100").map((n, i) => ({ pod: pod(`d/used-${i}`, { cpu: 1000, memory: 2 * Gi }), node: n }))
  const second = pod("d/second", { cpu: 100, memory: Gi })
  const firstWith = (rest: Partial<SchedulingPod>) => pod("d/first", { cpu: 100, memory: Gi }, rest)

  it("without a nomination the first pod's scan stops after n099 (the 101st feasible node ends it): the second starts at n100 and takes it", () => {
    const [first, next] = both(nodes, [firstWith({}), second], bound)
    expect(Number(first?.node?.slice(1))).toBeLessThan(100)
    expect(next?.node).toBe("n100")
  })

  it("a nominated node that fits does not move the start: the second pod scans n000 … n099 and never sees n100", () => {
    const [first, next] = both(nodes, [firstWith({ nominatedNodeName: "n005" }), second], bound)
    expect(first?.node).toBe("n005")
    expect(next?.node).not.toBe("n100")
    expect(Number(next?.node?.slice(1))).toBeLessThan(100)
  })

  it("a nominated node that fails past the scan's end still counts: the start moves to n101 and the second pod never sees n100", () => {
    const full = nodes.map((n) => (n.name === "n110" ? node("n110", { cpu: 4000, memory: 8 * Gi, pods: 1 }) : n))
    const [first, next] = both(full, [firstWith({ nominatedNodeName: "n110" }), second], bound)
    expect(Number(first?.node?.slice(1))).toBeLessThan(100)
    expect(next?.node).not.toBe("n100")
  })
})

describe("a live dump's nomination, through the CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "catcluster-nominated-"))
  const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata: {name: big, labels: {kubernetes.io/hostname: big}}
  status: {allocatable: {cpu: "8", memory: 16Gi, pods: "110"}}
- apiVersion: v1
  kind: Node
  metadata: {name: small, labels: {kubernetes.io/hostname: small}}
  status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
- apiVersion: v1
  kind: Pod
  metadata: {name: preemptor, namespace: d, uid: u-1}
  spec: {containers: [{name: c, image: busybox, resources: {requests: {cpu: 500m, memory: 1Gi}}}]}
  status: {phase: Pending, nominatedNodeName: small}
`
  writeFileSync(join(dir, "dump.yaml"), text)

  it("decodes status.nominatedNodeName and places the pod there", async () => {
    expect(modelFromFiles([{ file: "dump.yaml", text }]).workload.pending[0]?.nominatedNodeName).toBe("small")
    const r = await spawnCli("schedule", "--nodes", join(dir, "dump.yaml"), "--json")
    expect(r.code).toBe(0)
    expect((JSON.parse(r.stdout) as { placements: Array<{ pod: string; node: string | null }> }).placements).toEqual([expect.objectContaining({ pod: "d/preemptor", node: "small" })])
  }, 120_000)

  it("a nomination that is not a string is bad input naming the field", () => {
    expect(() => modelFromFiles([{ file: "dump.yaml", text: text.replace("nominatedNodeName: small", "nominatedNodeName: 5") }])).toThrow("dump.yaml: document 0, items[2], status.nominatedNodeName")
  })
})
