/**
 * `catcluster drain`, `resilience`, `capacity` and `quota` end to end: the JSON contracts, exit
 * codes (0 answered, 1 with the --fail-on-… flags when the answer is bad, 2 for bad input with
 * the file named and no stack trace). The numbers are those computed by hand in
 * test/operations/*.test.ts on the same fixtures.
 */
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { spawnCli } from "../support/spawnCli.ts"

const root = join(import.meta.dirname, "..", "..")
const fixtures = join(root, "test", "fixtures", "operations")
const cluster = ["--nodes", join(fixtures, "small", "nodes.yaml"), "--workloads", join(fixtures, "small", "workloads")]

const cli = spawnCli
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/)

describe.concurrent("operator commands", () => {
  it("drain --json: the contract's names, with metadata.name", async () => {
    const r = await cli("drain", "node-a", ...cluster, "--json")
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as Record<string, unknown>
    expect(Object.keys(out).slice(0, 4)).toEqual(["drained", "rescheduled", "migrated", "pending"])
    expect(out["drained"]).toEqual(["node-a"])
    expect((out["rescheduled"] as Array<Record<string, string>>).map(({ name, from, to }) => ({ name, from, to }))).toEqual([
      { name: "web-5f6d-aaaaa", from: "node-a", to: "node-c" },
      { name: "vm-restart", from: "node-a", to: "node-c" },
    ])
    expect((out["migrated"] as Array<Record<string, string>>).map(({ name, from, to }) => ({ name, from, to }))).toEqual([{ name: "vm-live", from: "node-a", to: "node-c" }])
    const pending = out["pending"] as Array<Record<string, string>>
    expect(pending.map(({ name, kind }) => ({ name, kind }))).toEqual([{ name: "cache-0", kind: "Pod" }])
    expect(pending[0]!["reason"]).toMatch(/^0\/3 nodes are available: .*Insufficient cpu/)
    expect(out["completes"]).toBe(true)
  })

  it("drain: --fail-on-pending exits 1; an unknown node exits 2 naming the nodes", async () => {
    const failing = await cli("drain", "node-a", ...cluster, "--fail-on-pending")
    expect(failing.code).toBe(1)
    expect(failing.stdout).toContain("PENDING    shop/cache-0")
    expect(failing.stdout).toContain("the drain finishes")
    const unknown = await cli("drain", "node-z", ...cluster)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("catcluster: no node named node-z (the nodes: node-a, node-b, node-c)")
    noStack(unknown.stderr)
  })

  it("drain --failure loses the node: nothing migrates", async () => {
    const r = await cli("drain", "node-a", ...cluster, "--failure", "--json")
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { migrated: unknown[]; mode: string }
    expect(out.mode).toBe("failure")
    expect(out.migrated).toEqual([])
  })

  it("resilience --json: rows per node and zone, the worst named, the failure order model-checked", async () => {
    const r = await cli("resilience", "--nodes", join(fixtures, "interleave.yaml"), "--interleave", "n1,n2", "--json")
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as {
      nodes: Array<{ target: string; pending: unknown[] }>
      zones: Array<{ target: string; pending: Array<{ name: string }> }>
      worstZone: { target: string }
      interleavings: { orderMatters: boolean; orders: Array<{ order: string[]; pending: string[] }>; check: { status: string; trace: { prefix: Array<{ action: string }> } } }
    }
    expect(out.nodes.map((n) => [n.target, n.pending.length])).toEqual([
      ["n1", 0],
      ["n2", 0],
      ["n3", 0],
    ])
    expect(out.zones.map((z) => [z.target, z.pending.map((p) => p.name)])).toEqual([
      ["east", ["p2"]],
      ["west", []],
    ])
    expect(out.worstZone.target).toBe("east")
    expect(out.interleavings.orderMatters).toBe(true)
    expect(out.interleavings.check.status).toBe("violated")
    expect(out.interleavings.check.trace.prefix.map((s) => s.action)).toEqual(["(init)", "drain n2", "drain n1"])
  })

  it("resilience: --fail-on-pending exits 1 on the small cluster; a bad --mode exits 2", async () => {
    const r = await cli("resilience", ...cluster, "--fail-on-pending", "--interleave", "none")
    expect(r.code).toBe(1)
    expect(r.stdout).toContain("worst node: node-b (1 pending)")
    expect(r.stdout).toContain("worst zone: z1 (4 pending)")
    const bad = await cli("resilience", ...cluster, "--mode", "meteor")
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("--mode: expected drain or failure, got meteor")
  })

  it("capacity --json: fits and perNode with the limiting resource", async () => {
    const r = await cli("capacity", ...cluster, "--pod", join(fixtures, "templates", "vm-small.yaml"), "--json")
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { fits: number; perNode: Array<{ node: string; count: number; limitedBy: string | null }>; fillsFirst: string; capped: boolean }
    expect(out.fits).toBe(7)
    expect(out.perNode.map(({ node, count, limitedBy }) => ({ node, count, limitedBy }))).toEqual([
      { node: "node-a", count: 1, limitedBy: "memory" },
      { node: "node-b", count: 2, limitedBy: "memory" },
      { node: "node-c", count: 4, limitedBy: "memory" },
    ])
    expect(out.fillsFirst).toBe("node-c")
    expect(out.capped).toBe(false)
  })

  it("capacity: --max says when it is hit; --min exits 1; a bad template exits 2 naming it", async () => {
    const capped = await cli("capacity", ...cluster, "--pod", join(fixtures, "templates", "vm-small.yaml"), "--max", "3", "--min", "5")
    expect(capped.code).toBe(1)
    expect(capped.stdout).toContain("3+ more VirtualMachine shop/small fit (stopped at --max 3: more may fit)")
    const bad = await cli("capacity", ...cluster, "--pod", join(fixtures, "small", "nodes.yaml"))
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("nodes.yaml: a template holds one workload, not nodes")
    noStack(bad.stderr)
    const max = await cli("capacity", ...cluster, "--pod", join(fixtures, "templates", "pod-1cpu.yaml"), "--max", "0")
    expect(max.code).toBe(2)
    expect(max.stderr).toContain("--max: expected a positive integer, got 0")
  })

  it("quota --json: headroom and rejections; --fail-on-reject exits 1", async () => {
    const r = await cli("quota", "--workloads", join(fixtures, "quota.yaml"), "--json")
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { quotas: Array<{ name: string; lines: Array<{ resource: string; headroom: string }> }>; rejected: Array<{ name: string; quota: string }> }
    expect(out.quotas[0]!.lines.find((l) => l.resource === "requests.cpu")!.headroom).toBe("400m")
    expect(out.rejected.map((x) => x.name)).toEqual(["extra", "nolimit", "worker"])
    const failing = await cli("quota", "--workloads", join(fixtures, "quota.yaml"), "--fail-on-reject")
    expect(failing.code).toBe(1)
    expect(failing.stdout).toContain('pods "extra" is forbidden: exceeded quota: team-quota')
  })

  it("bad input exits 2 with the file and JSON path, for every operator command", async () => {
    const bad = join(root, "test", "scheduler", "fixtures", "bad-pods.yaml")
    for (const args of [
      ["drain", "node-a", ...cluster, "--workloads", bad],
      ["resilience", ...cluster, "--workloads", bad],
      ["capacity", ...cluster, "--workloads", bad, "--pod", join(fixtures, "templates", "pod-1cpu.yaml")],
      ["quota", "--workloads", bad],
    ]) {
      const r = await cli(...args)
      expect(r.code, args[0]).toBe(2)
      expect(r.stderr, args[0]).toContain("bad-pods.yaml:5:")
      expect(r.stderr, args[0]).toContain("spec.containers[0].resources.requests.cpu")
      noStack(r.stderr)
    }
  })
})
