/**
 * Invariants of a drain and of a node failure on random clusters (fixed seed, shrunk
 * counterexamples): nothing ends up overcommitted, nothing new lands on a cordoned or lost node,
 * every unit of the drained node is accounted for (placed elsewhere, pending, deleted, or staying
 * because a drain leaves it), and units elsewhere stay put unless preempted. The checker itself
 * is shown catching a tampered outcome.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Manifest } from "../../src/domain/manifest/index.ts"
import { decodeManifests } from "../../src/domain/manifest/index.ts"
import { runConfig } from "../../src/laws/RunConfig.ts"
import { baseline, drain, inventory, type ClusterState, type DrainOutcome, type Inventory } from "../../src/operations/index.ts"
import { modelFromFiles, podRequests } from "../../src/scheduler/index.ts"

interface Gen {
  readonly nodes: ReadonlyArray<{ readonly cpu: number; readonly memoryGi: number; readonly pods: number; readonly zone: number }>
  readonly pods: ReadonlyArray<{ readonly cpu: number; readonly memoryMi: number; readonly owner: "none" | "ReplicaSet" | "DaemonSet" | "StatefulSet"; readonly priority: number }>
  readonly vmis: ReadonlyArray<{ readonly memoryGi: number; readonly strategy: "LiveMigrate" | "None"; readonly vm: boolean }>
  readonly target: number
  readonly failure: boolean
}

const gen: fc.Arbitrary<Gen> = fc.record({
  nodes: fc.array(fc.record({ cpu: fc.integer({ min: 1, max: 8 }), memoryGi: fc.integer({ min: 2, max: 16 }), pods: fc.integer({ min: 2, max: 12 }), zone: fc.integer({ min: 0, max: 1 }) }), { minLength: 2, maxLength: 5 }),
  pods: fc.array(
    fc.record({
      cpu: fc.integer({ min: 1, max: 30 }).map((x) => x * 100),
      memoryMi: fc.integer({ min: 1, max: 32 }).map((x) => x * 128),
      owner: fc.constantFrom("none", "ReplicaSet", "DaemonSet", "StatefulSet"),
      priority: fc.constantFrom(0, 0, 1000),
    }),
    { maxLength: 14 },
  ),
  vmis: fc.array(fc.record({ memoryGi: fc.integer({ min: 1, max: 4 }), strategy: fc.constantFrom("LiveMigrate", "None"), vm: fc.boolean() }), { maxLength: 4 }),
  target: fc.nat(),
  failure: fc.boolean(),
}) as fc.Arbitrary<Gen>

const text = (g: Gen): string => {
  const items: unknown[] = []
  g.nodes.forEach((n, i) =>
    items.push({
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: `n${i}`, labels: { "kubevirt.io/schedulable": "true", "topology.kubernetes.io/zone": `z${n.zone}` } },
      status: { allocatable: { cpu: String(n.cpu), memory: `${n.memoryGi}Gi`, pods: String(n.pods), "ephemeral-storage": "100Gi", "devices.kubevirt.io/kvm": "1k", "devices.kubevirt.io/tun": "1k", "devices.kubevirt.io/vhost-net": "1k" } },
    }),
  )
  items.push({ apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "high" }, value: 1000 })
  g.pods.forEach((p, i) =>
    items.push({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `p${i}`, namespace: "default", ...(p.owner === "none" ? {} : { ownerReferences: [{ apiVersion: "apps/v1", kind: p.owner, name: `c${i}`, uid: `u${i}`, controller: true }] }) },
      spec: { ...(p.priority > 0 ? { priorityClassName: "high" } : {}), containers: [{ name: "c", image: "x", resources: { requests: { cpu: `${p.cpu}m`, memory: `${p.memoryMi}Mi` } } }] },
    }),
  )
  g.vmis.forEach((v, i) => {
    if (v.vm) items.push({ apiVersion: "kubevirt.io/v1", kind: "VirtualMachine", metadata: { name: `vm${i}`, namespace: "default" }, spec: { runStrategy: "Always", template: { spec: { evictionStrategy: v.strategy, domain: { cpu: { cores: 1 }, resources: { requests: { memory: `${v.memoryGi}Gi` } }, devices: {} } } } } })
    else items.push({ apiVersion: "kubevirt.io/v1", kind: "VirtualMachineInstance", metadata: { name: `vm${i}`, namespace: "default" }, spec: { evictionStrategy: v.strategy, domain: { cpu: { cores: 1 }, resources: { requests: { memory: `${v.memoryGi}Gi` } }, devices: {} } } })
  })
  return JSON.stringify({ apiVersion: "v1", kind: "List", items })
}

const build = (g: Gen): { inv: Inventory; state: ClusterState } => {
  const file = { file: "generated.json", text: text(g) }
  const decoded = decodeManifests(file.text, file.file)
  if (decoded._tag === "Left") throw new Error(JSON.stringify(decoded.left))
  const manifests: ReadonlyArray<Manifest> = decoded.right
  const { nodes, workload } = modelFromFiles([file])
  const inv = inventory(nodes, workload, manifests)
  return { inv, state: baseline(inv) }
}

/** The first broken invariant of a drain outcome, or undefined. */
const violation = (inv: Inventory, before: ClusterState, target: string, out: DrainOutcome): string | undefined => {
  const after = out.state
  for (const n of after.nodes) {
    const keys = after.placed.filter((p) => p.node === n.name).map((p) => p.key)
    if (keys.length > (n.allocatable["pods"] ?? 0)) return `${n.name}: ${keys.length} pods > ${n.allocatable["pods"]}`
    const used: Record<string, number> = {}
    for (const k of keys) for (const [r, v] of Object.entries(podRequests(inv.units.get(k)!.pod))) used[r] = (used[r] ?? 0) + v
    for (const [r, v] of Object.entries(used)) if (v > 0 && v > (n.allocatable[r] ?? 0)) return `${n.name}: ${r} ${v} > ${n.allocatable[r] ?? 0}`
  }
  const wasOn = new Set(before.placed.filter((p) => p.node === target).map((p) => p.key))
  const staying = new Set([...out.stays.map((s) => s.key), ...out.pending.filter((p) => p.action === "migration").map((p) => p.key)])
  for (const p of after.placed) {
    if (p.node !== target) continue
    if (out.mode === "failure") return `${p.key} on the lost node ${target}`
    if (!wasOn.has(p.key) || !staying.has(p.key)) return `${p.key} placed on the cordoned node ${target}`
  }
  if (out.mode === "failure" && after.nodes.some((n) => n.name === target)) return `the lost node ${target} is still there`
  const placedAfter = new Map(after.placed.map((p) => [p.key, p.node]))
  const pendingAfter = new Set(after.pending.map((p) => p.key))
  const deleted = new Set(out.deleted.map((d) => d.key))
  for (const k of wasOn) if (!placedAfter.has(k) && !pendingAfter.has(k) && !deleted.has(k)) return `${k} of ${target} is unaccounted for`
  const preempted = new Set(out.preempted.map((p) => p.key))
  for (const p of before.placed) {
    if (wasOn.has(p.key) || preempted.has(p.key)) continue
    if (placedAfter.get(p.key) !== p.node) return `${p.key} moved from ${p.node} though its node was not drained`
  }
  return undefined
}

describe("drain invariants on random clusters", () => {
  it("no overcommit, nothing new on the drained node, every unit accounted for, the rest stays put", () => {
    const { seed, numRuns } = runConfig(60)
    fc.assert(
      fc.property(gen, (g) => {
        const { inv, state } = build(g)
        const target = `n${g.target % g.nodes.length}`
        const out = drain(inv, state, [target], { mode: g.failure ? "failure" : "drain" })
        expect(violation(inv, state, target, out)).toBeUndefined()
      }),
      { seed, numRuns },
    )
  })

  it("the checker catches a drain that puts a replacement back on the cordoned node", () => {
    const g: Gen = { nodes: [{ cpu: 4, memoryGi: 8, pods: 10, zone: 0 }, { cpu: 4, memoryGi: 8, pods: 10, zone: 0 }], pods: [{ cpu: 500, memoryMi: 256, owner: "ReplicaSet", priority: 0 }], vmis: [], target: 0, failure: false }
    const { inv, state } = build(g)
    const on = state.placed[0]!.node
    const out = drain(inv, state, [on])
    expect(violation(inv, state, on, out)).toBeUndefined()
    const tampered = { ...out, state: { ...out.state, placed: out.state.placed.map((p) => ({ ...p, node: on })) } }
    expect(violation(inv, state, on, tampered)).toBe(`default/p0 placed on the cordoned node ${on}`)
  })
})
