/**
 * Drain and N−1 on clusters small enough to schedule by hand with the default profile
 * (LeastAllocated + BalancedAllocation + TaintToleration + NodeAffinity). The fixture
 * (test/fixtures/operations/small): three nodes of 4 cpu (4000m) and 8Gi (8192Mi); node-a and
 * node-b in zone z1, node-c in z2. Each VMI is 1 vCPU and 1Gi: its virt-launcher pod asks
 * 1000m/10 = 100m cpu and 1Gi + 270Mi overhead = 1294Mi (220Mi daemons + 8Mi vCPU + 8Mi IOThread
 * + 32Mi video + 2Mi page tables for 1Gi).
 *
 *   node-a: web-5f6d-aaaaa 1000m/1Gi (ReplicaSet), cache-0 1500m/1Gi (StatefulSet), debug
 *           500m/512Mi (bare), agent 100m/128Mi (DaemonSet), vm-live (LiveMigrate), vm-restart
 *           (VM runStrategy Always), vm-bare (no VM): 1000+1500+500+100+3·100 = 3400m,
 *           1024+1024+512+128+3·1294 = 6570Mi
 *   node-b: web-5f6d-bbbbb 1000m/1Gi, agent 100m/128Mi, db-0 2400m/4Gi: 3500m, 5248Mi
 *   node-c: agent 100m/128Mi, batch (Job) 1900m/2Gi: 2000m, 2176Mi
 *
 * Free: node-a 600m/1622Mi, node-b 500m/2944Mi, node-c 2000m/6016Mi.
 * A node's score here is fit + balanced (+ 3·100 TaintToleration on every node, which cancels):
 * fit = ((4000 − cpu)·100 div 4000 + (8192 − mem)·100 div 8192) div 2,
 * balanced = trunc((1 − |cpu/4000 − mem/8192| / 2)·100), both after adding the pod.
 */
import { describe, expect, it } from "vitest"
import { drain, interleavings, resilience } from "../../src/operations/index.ts"
import { fixtures, load, small } from "./load.ts"
import { join } from "node:path"

const names = (xs: ReadonlyArray<{ readonly name: string }>) => xs.map((x) => x.name)

describe("drain node-a (kubectl drain semantics)", () => {
  const { inv, state } = load(...small)
  const out = drain(inv, state, ["node-a"])

  it("reads the live-cluster objects once: the ReplicaSet and Deployment are counted through their pods", () => {
    expect(state.placed.filter((p) => p.node === "node-a").map((p) => p.key)).toEqual([
      "shop/web-5f6d-aaaaa",
      "shop/cache-0",
      "shop/debug",
      "shop/agent-a1b2c",
      "shop/vm-live",
      "shop/vm-restart",
      "shop/vm-bare",
    ])
    expect(state.pending).toEqual([])
  })

  it("recreates, migrates and restarts where the arithmetic says", () => {
    // Queue (all priority 0, input order): web-a, cache-0, vm-live (migration), vm-restart.
    // web-a 1000m: node-b has 500m free (Insufficient cpu), node-c 2000m → node-c (1000m left).
    // cache-0 1500m: node-b 500m, node-c 1000m → pending.
    // vm-live 100m/1294Mi, not on node-a:
    //   node-b → 3600m, 6542Mi: fit (10 + 20) div 2 = 15, balanced trunc((1 − |.9 − .7986|/2)·100) = 94 → 109
    //   node-c → 3100m, 4494Mi: fit (22 + 45) div 2 = 33, balanced trunc((1 − |.775 − .5486|/2)·100) = 88 → 121 → node-c
    // vm-restart (a new VMI) 100m/1294Mi: node-b still 109;
    //   node-c → 3200m, 5788Mi: fit (20 + 29) div 2 = 24, balanced trunc((1 − |.8 − .7065|/2)·100) = 95 → 119 → node-c
    expect(out.rescheduled.map((m) => [m.name, m.action, m.from, m.to])).toEqual([
      ["web-5f6d-aaaaa", "recreated", "node-a", "node-c"],
      ["vm-restart", "restarted", "node-a", "node-c"],
    ])
    expect(out.migrated.map((m) => [m.name, m.from, m.to])).toEqual([["vm-live", "node-a", "node-c"]])
    expect(out.pending.map((p) => [p.name, p.kind])).toEqual([["cache-0", "Pod"]])
    // node-a cordoned; node-b (500m free) and node-c (1000m free) lack cpu
    expect(out.pending[0]!.reason).toMatch(/^0\/3 nodes are available: /)
    expect(out.pending[0]!.reason).toContain("2 Insufficient cpu")
    expect(out.pending[0]!.reason).toContain("1 node(s) were unschedulable")
  })

  it("deletes the bare pod, stops the VMI nobody restarts, leaves the DaemonSet pod", () => {
    expect(out.deleted.map((d) => [d.name, d.why])).toEqual([
      ["debug", "declares no controller: kubectl drain --force deletes it and nothing recreates it"],
      ["vm-bare", "evictionStrategy None: evicted; no VirtualMachine owns it: stopped for good"],
    ])
    expect(out.stays.map((d) => d.name)).toEqual(["agent-a1b2c"])
    // minAvailable 1 of 2 healthy web pods: one disruption, and web-a's replacement is placed
    expect(out.budgets).toEqual([
      { name: "web-pdb", namespace: "shop", expected: 2, healthy: 2, desiredHealthy: 1, allowedAtStart: 1, granted: ["web-5f6d-aaaaa"], waits: [], blocked: [] },
    ])
    expect(out.completes).toBe(true)
  })

  it("the cluster afterwards: nothing overcommitted, nothing new on the cordoned node", () => {
    const used = new Map<string, number>()
    for (const p of out.state.placed) used.set(p.node, (used.get(p.node) ?? 0) + (inv.units.get(p.key)!.pod.containers[0]!.requests["cpu"] ?? 0))
    // node-c: 2000 + 1000 (web-a) + 100 + 100 (two VMIs) = 3200m ≤ 4000m; node-a keeps only the DaemonSet pod
    expect(used.get("node-c")).toBe(3200)
    expect(out.state.placed.filter((p) => p.node === "node-a").map((p) => p.key)).toEqual(["shop/agent-a1b2c"])
    expect(out.state.nodes.find((n) => n.name === "node-a")!.unschedulable).toBe(true)
  })
})

describe("PodDisruptionBudgets", () => {
  it("a budget that allows no disruption keeps cache-0 on node-a: the drain does not finish, and cache-0 is not rescheduled", () => {
    const { inv, state } = load(...small, join(fixtures, "pdb-cache.yaml"))
    const out = drain(inv, state, ["node-a"])
    // maxUnavailable 0 of 1 expected: desired 1, healthy 1 → 0 disruptions allowed
    expect(out.budgets.find((b) => b.name === "cache-pdb")).toMatchObject({ expected: 1, healthy: 1, desiredHealthy: 1, allowedAtStart: 0, blocked: ["cache-0"] })
    expect(out.stays.map((s) => s.name)).toEqual(["cache-0", "agent-a1b2c"])
    expect(out.pending).toEqual([])
    expect(out.completes).toBe(false)
    expect(out.state.placed).toContainEqual({ key: "shop/cache-0", node: "node-a" })
  })
})

describe("failure of node-a (the node is lost)", () => {
  const { inv, state } = load(...small)
  const out = drain(inv, state, ["node-a"], { mode: "failure" })
  it("migrates nothing: the LiveMigrate VMI is stopped (no VM), the VM's VMI restarts; the DaemonSet pod is gone", () => {
    expect(out.migrated).toEqual([])
    expect(out.rescheduled.map((m) => [m.name, m.to])).toEqual([
      ["web-5f6d-aaaaa", "node-c"],
      ["vm-restart", "node-c"],
    ])
    expect(names(out.deleted)).toEqual(["debug", "agent-a1b2c", "vm-live", "vm-bare"])
    expect(out.state.nodes.map((n) => n.name)).toEqual(["node-b", "node-c"])
    expect(out.budgets).toEqual([])
  })
})

describe("N−1 per node and per zone", () => {
  const { inv, state } = load(...small)
  const r = resilience(inv, state)
  it("each node leaves one pod pending; node-b is the worst (2400m cpu pending)", () => {
    // node-b: web-b 1000m → node-c (2000m free; node-a has 600m); db-0 2400m fits nowhere.
    // node-c: batch 1900m: node-a 600m, node-b 500m → pending.
    expect(r.nodes.map((x) => [x.target, names(x.pending), x.pendingCpu])).toEqual([
      ["node-a", ["cache-0"], 1500],
      ["node-b", ["db-0"], 2400],
      ["node-c", ["batch-x7k2p"], 1900],
    ])
    expect(r.worstNode?.target).toBe("node-b")
  })
  it("zone z1 (node-a and node-b) leaves four pending, and its VMI migration has no target", () => {
    // Everything of z1 into node-c's 2000m: web-a (1000m) fits, cache-0 (1500m) not, web-b
    // (1000m) fits, db-0 not, then node-c has 0m left for vm-live's target and vm-restart.
    expect(r.zones.map((z) => [z.target, z.nodes, names(z.pending)])).toEqual([
      ["z1", ["node-a", "node-b"], ["cache-0", "db-0", "vm-live", "vm-restart"]],
      ["z2", ["node-c"], ["batch-x7k2p"]],
    ])
    const z1 = r.zones[0]!
    expect(z1.completes).toBe(false)
    expect(z1.pending.find((p) => p.name === "vm-live")!.reason).toMatch(/^migration target pod: .* The VMI keeps running on node-a/)
    expect(r.worstZone?.target).toBe("z1")
  })
})

describe("the order of failures (model checker)", () => {
  // n1, n2, n3: 2000m each; p1 1000m on n1, p2 1500m on n2.
  const { inv, state } = load(join(fixtures, "interleave.yaml"))
  const answer = interleavings(inv, state, ["n1", "n2"])
  it("n1 then n2 leaves p2 pending, n2 then n1 leaves p1 pending: the order matters", () => {
    // n1 first: p1 → n3 (n2 has 500m free), 1000m left on n3; then n2: p2 1500m > 1000m → pending.
    // n2 first: p2 → n3 (n1 has 1000m free), 500m left; then n1: p1 1000m > 500m → pending.
    // Together: queue p1, p2 (input order): p1 → n3, p2 pending.
    expect(answer.orders).toEqual([
      { order: ["n1", "n2"], pending: ["default/p2"] },
      { order: ["n2", "n1"], pending: ["default/p1"] },
    ])
    expect(answer.together).toEqual(["default/p2"])
    expect(answer.orderMatters).toBe(true)
  })
  it("the checker's counterexample is the shortest order that differs from losing both at once", () => {
    expect(answer.check.status).toBe("violated")
    expect(answer.check.trace!.prefix.map((s) => s.action)).toEqual(["(init)", "drain n2", "drain n1"])
    expect(answer.check.trace!.prefix[2]!.state).toEqual({ "taken out": "n1, n2", pending: "default/p1", "pending if together": "default/p2" })
  })
  it("on the small cluster, node-b and node-c fail in either order with the same result", () => {
    const { inv: i2, state: s2 } = load(...small)
    const a = interleavings(i2, s2, ["node-b", "node-c"])
    expect(a.orderMatters).toBe(false)
    expect(a.check.status).toBe("holds")
    expect(a.orders.map((o) => o.order)).toEqual([
      ["node-b", "node-c"],
      ["node-c", "node-b"],
    ])
  })
})
