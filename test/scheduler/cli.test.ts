/**
 * `catcluster schedule` end to end: the JSON contract, explain scores, config, bad input (exit 2,
 * file and JSON path, no stack trace), and the corpus when `../shared/corpus` exists.
 */
import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { clusterSnapshotOf, nodesFromText, scheduleBatch } from "../../src/scheduler/index.ts"
import { CORPUS, CORPUS_PRESENT, corpusWorkloads } from "./corpusWorkloads.ts"

// VolumeBinding's PreFilter rejects the pod before DynamicResources' PreFilter ran: its PostFilter
// then finds no cycle state and says "not found", as kube-scheduler v1.35 prints it
const MISSING_CLAIM = '0/5 nodes are available: persistentvolumeclaim "disk-windows" not found. not found'

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const fixtures = join(import.meta.dirname, "fixtures")

const cli = (...args: string[]) => {
  const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), "schedule", ...args], { encoding: "utf8", timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe("catcluster schedule", () => {
  it("prints the placements JSON, with explain scores", () => {
    const r = cli("--nodes", join(fixtures, "nodes.yaml"), "--pods", join(fixtures, "pods.yaml"), "--json", "--explain")
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { placements: Array<{ pod: string; node: string | null; scores: Array<Record<string, unknown>> }> }
    expect(out.placements.map((p) => p.pod)).toEqual(["default/web", "default/besteffort"])
    const web = out.placements[0]!
    // worker-1 holds the pre-placed 1 cpu / 1Gi pod: LeastAllocated (62 + 81) div 2 = 71,
    // BalancedAllocation trunc((1 − |0.375 − 0.1875| / 2) · 100) = 90, ImageLocality 0 (no images),
    // total 71 + 90 + 3·100 = 461
    expect(web.scores.find((s) => s["node"] === "worker-1")).toEqual({
      node: "worker-1",
      feasible: true,
      reasons: [],
      plugins: { NodeResourcesFit: 71, NodeResourcesBalancedAllocation: 90, TaintToleration: 100, ImageLocality: 0 },
      total: 461,
    })
    expect(web.scores.find((s) => s["node"] === "infra-1")).toEqual({
      node: "infra-1",
      feasible: false,
      reasons: ["node(s) had untolerated taint(s)"],
      plugins: {},
      total: 0,
    })
    expect(Object.keys(web)).toEqual(["pod", "node", "reasons", "message", "victims", "scores"])
  })

  it("without --explain there are no scores; a config changes the strategy", () => {
    const plain = JSON.parse(cli("--nodes", join(fixtures, "nodes.yaml"), "--pods", join(fixtures, "pods.yaml"), "--json").stdout)
    expect(Object.keys(plain.placements[0])).toEqual(["pod", "node", "reasons", "message", "victims"])
    const most = JSON.parse(
      cli("--nodes", join(fixtures, "nodes.yaml"), "--pods", join(fixtures, "pods.yaml"), "--json", "--config", join(fixtures, "most-allocated.yaml")).stdout,
    )
    // MostAllocated packs onto the already used worker-1; LeastAllocated spreads elsewhere
    expect(most.placements[0].node).toBe("worker-1")
    expect(plain.placements[0].node).not.toBe("worker-1")
  })

  it("bad input: exit 2, file and JSON path, no stack trace", () => {
    const r = cli("--nodes", join(fixtures, "nodes.yaml"), "--pods", join(fixtures, "bad-pods.yaml"))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("bad-pods.yaml:5:")
    expect(r.stderr).toContain("spec.containers[0].resources.requests.cpu")
    expect(r.stderr).not.toMatch(/\n\s+at /)
    // nodes and workloads are told apart by kind, not by flag: pods alone give no node
    const noNode = cli("--nodes", join(fixtures, "pods.yaml"))
    expect(noNode.code).toBe(2)
    expect(noNode.stderr).toContain("no Node in the input")
    expect(noNode.stderr).toContain("pods.yaml")
  })

  describe.skipIf(!CORPUS_PRESENT)("the corpus (../shared/corpus; absent in a user's clone)", () => {
    it("places every corpus Pod, VMI and (started) VM", () => {
      const nodes = nodesFromText(readFileSync(join(fixtures, "nodes.yaml"), "utf8"), "nodes.yaml")
      let scheduled = 0
      const pending: string[] = []
      for (const { file: f, workload: w } of corpusWorkloads()) {
        for (const p of scheduleBatch(clusterSnapshotOf(nodes, w), w.pending)) {
          if (p.node === null) pending.push(`${f}: ${p.pod}: ${p.message}`)
          else scheduled++
        }
      }
      expect(scheduled).toBeGreaterThanOrEqual(15)
      // the two Windows machines whose disk is a claim the corpus does not define wait, as upstream's VolumeBinding holds them
      expect(pending).toEqual([`vm-windows-clarge-windows.yaml: default/vm-windows-clarge-windows: ${MISSING_CLAIM}`, `vmi-windows.yaml: default/vmi-windows: ${MISSING_CLAIM}`])
    })

    it("the CLI on a dedicated-CPU VMI lands on a KVM host with a NUMA cell", () => {
      const r = cli("--nodes", join(fixtures, "nodes.yaml"), "--pods", join(CORPUS, "kubevirt", "vmi-fedora-isolated.yaml"), "--json", "--explain")
      expect(r.code).toBe(0)
      const [p] = JSON.parse(r.stdout).placements
      expect(["vmhost-1", "vmhost-2"]).toContain(p.node)
      const worker = p.scores.find((s: { node: string }) => s.node === "worker-1")
      expect(worker.feasible).toBe(false)
      expect(worker.reasons).toEqual(["node(s) didn't match Pod's node affinity/selector"])
    })
  })
})
