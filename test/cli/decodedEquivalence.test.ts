/**
 * Any manifest set that decodes either schedules identically on both engines or is refused with
 * a typed error (a UserError, exit 2), through the path the CLI takes (issue 14): files read
 * from disk, decoded, modelled (`loadCluster`), scheduled (`scheduleBatch`). The generators mix
 * valid input with what Kubernetes rejects: bad and extreme quantities, odd resource names,
 * requests above or without limits, hugepages, priorities as strings or beyond 32 bits, bad
 * replica counts, duplicate names, pods bound to missing nodes. Any other exception (a
 * TypeError, a RangeError, a stack overflow) or a disagreement is a counterexample.
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { loadCluster } from "../../src/cli/cluster.ts"
import { UserError } from "../../src/cli/UserError.ts"
import { runConfig } from "../../src/laws/RunConfig.ts"
import { defaultProfile, type Profile, scheduleBatch, SchedulerInputError, vmAwareProfile } from "../../src/scheduler/index.ts"

/** Mostly `valid`, now and then `bad`: each input holds a few hostile values, often none. */
const rare = <A, B>(valid: fc.Arbitrary<A>, bad: fc.Arbitrary<B>, odds = 40): fc.Arbitrary<A | B> =>
  fc.oneof({ weight: odds, arbitrary: valid }, { weight: 1, arbitrary: bad })

/** Values Kubernetes rejects or catcluster refuses: bad quantities, odd names, the bounds and just past them. */
const badQuantity = fc.constantFrom("-1", "1e400", "3e9", "9007199254740992", "1.5", "3Mi", 1e300, "abc", "", "10P", "0.0001", "100m")
const badName = fc.constantFrom("toString", "foo bar", "constructor", "pods", "hugepages-2Mi", "example.com/gpu", "devices.kubevirt.io/kvm", "cpu")
/** A valid list, now and then with one hostile entry added or overriding one. */
const withHostile = <A extends Record<string, unknown>>(valid: fc.Arbitrary<A>): fc.Arbitrary<Record<string, unknown>> =>
  fc.tuple(valid, rare(fc.constant(undefined), fc.tuple(badName, badQuantity), 12)).map(([v, bad]) => (bad === undefined ? v : { ...v, [bad[0]]: bad[1] }))

const allocatable = withHostile(
  fc.record(
    {
      cpu: fc.constantFrom("1", "2", "4", "500m", "9007199254740991m", "2147483648"),
      memory: fc.constantFrom("1Gi", "4Gi", "9007199254740991"),
      pods: fc.constantFrom("1", "3", "110", "2147483647"),
      "example.com/gpu": fc.constantFrom("0", "2", "4"),
      "devices.kubevirt.io/kvm": fc.constant("1k"),
      "devices.kubevirt.io/tun": fc.constant("1k"),
      "devices.kubevirt.io/vhost-net": fc.constant("1k"),
      "ephemeral-storage": fc.constantFrom("10Gi", "9007199254740991"),
      "hugepages-2Mi": fc.constantFrom("0", "64Mi", "1Gi"),
    },
    { requiredKeys: ["cpu", "memory", "pods", "ephemeral-storage", "example.com/gpu", "hugepages-2Mi", "devices.kubevirt.io/kvm", "devices.kubevirt.io/tun", "devices.kubevirt.io/vhost-net"] },
  ),
)
/** A container's resources: overcommittable ones with any limit (sometimes below the request), the others in limits (and requests equal). */
const resources = fc
  .record(
    {
      cpu: fc.record({ request: rare(fc.constantFrom("100m", "1", "3"), fc.constant("9007199254740991m"), 8), limit: fc.option(rare(fc.constantFrom("4", "9007199254740991m"), fc.constant("500m"), 10), { nil: undefined, freq: 2 }) }),
      memory: fc.record({ request: fc.constantFrom("256Mi", "1Gi", "3Gi"), limit: fc.option(rare(fc.constantFrom("4Gi", "8Gi"), fc.constant("512Mi"), 10), { nil: undefined, freq: 2 }) }),
      gpu: rare(fc.constant(undefined), fc.record({ amount: fc.constantFrom("1", "2"), both: fc.boolean() }), 4),
      kvm: rare(fc.constant(undefined), fc.constant("1"), 4),
      huge: rare(fc.constant(undefined), fc.record({ amount: fc.constantFrom("2Mi", "4Mi", "64Mi"), both: fc.boolean() }), 4),
    },
    { requiredKeys: [] },
  )
  .map((r) => {
    const requests: Record<string, unknown> = {}
    const limits: Record<string, unknown> = {}
    if (r.cpu !== undefined) {
      requests["cpu"] = r.cpu.request
      if (r.cpu.limit !== undefined) limits["cpu"] = r.cpu.limit
    }
    if (r.memory !== undefined) {
      requests["memory"] = r.memory.request
      if (r.memory.limit !== undefined) limits["memory"] = r.memory.limit
    }
    if (r.gpu !== undefined) {
      limits["example.com/gpu"] = r.gpu.amount
      if (r.gpu.both) requests["example.com/gpu"] = r.gpu.amount
    }
    if (r.kvm !== undefined) limits["devices.kubevirt.io/kvm"] = r.kvm
    if (r.huge !== undefined) {
      limits["hugepages-2Mi"] = r.huge.amount
      if (r.huge.both) requests["hugepages-2Mi"] = r.huge.amount
    }
    return { requests, limits }
  })
const label = fc.dictionary(fc.constantFrom("zone", "disk"), fc.constantFrom("a", "b"), { maxKeys: 2 })
const priority = rare(fc.constantFrom(undefined, 0, 1000, 2 ** 31 - 1, -5, 2_000_000_000), fc.constantFrom(2 ** 31, 1e300, "99999", 1.5), 40)

const node = fc.record(
  {
    name: rare(fc.constant(""), fc.constant("n0")),
    allocatable,
    labels: label,
    taint: rare(fc.constant(false), fc.constant(true), 3),
    cells: rare(
      fc.constantFrom(undefined, undefined, '[{"cpus": 2, "memory": "1Gi"}, {"cpus": 4, "memory": "2Gi", "hugepages": "64Mi"}]', '[{"cpus": 1e15, "memory": "9007199254740991"}]'),
      fc.constantFrom("[null]", "nonsense", '[{"cpus": 1e300, "memory": "1e400"}]', '[{"cpus": -1}]'),
      12,
    ),
  },
  { requiredKeys: ["name", "allocatable", "labels", "taint"] },
)
const container = fc.tuple(resources, rare(fc.constant(undefined), fc.tuple(fc.constantFrom("requests", "limits"), badName, badQuantity), 12)).map(([r, bad]) =>
  bad === undefined ? r : { ...r, [bad[0]]: { ...r[bad[0]], [bad[1]]: bad[2] } },
)
const podSpec = fc.record(
  {
    containers: fc.array(container, { minLength: 1, maxLength: 2 }),
    priority,
    nodeSelector: rare(fc.constant({}), label, 3),
    nodeName: rare(fc.constant(undefined), rare(fc.constantFrom("n0", "n1"), fc.constant("gone"), 3), 6),
    tolerate: fc.boolean(),
  },
  { requiredKeys: ["containers", "nodeName", "priority"] },
)
const workload = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("Pod" as const), name: rare(fc.constant(""), fc.constant("p0")), namespace: fc.constantFrom("default", "other"), spec: podSpec }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("Deployment" as const), name: rare(fc.constant(""), fc.constant("d0")), replicas: rare(fc.constantFrom(0, 1, 2, 3), fc.constantFrom(-3, 1e300, "3", 100_001, 2.5), 15), spec: podSpec }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("VirtualMachineInstance" as const),
      name: rare(fc.constant(""), fc.constant("v0")),
      memory: rare(fc.constantFrom("1Gi", "2Gi", "9007199254740991"), badQuantity, 12),
      cores: rare(fc.constantFrom(1, 2), fc.constantFrom(0, -1, 1e9), 15),
      dedicated: fc.boolean(),
      priority,
    }),
  },
)

const podSpecOf = (s: { containers: ReadonlyArray<{ requests?: object; limits?: object }>; priority?: unknown; nodeSelector?: object; nodeName?: string; tolerate?: boolean }) => ({
  containers: s.containers.map((c, i) => ({ name: `c${i}`, image: "i", resources: { ...(c.requests === undefined ? {} : { requests: c.requests }), ...(c.limits === undefined ? {} : { limits: c.limits }) } })),
  ...(s.priority === undefined ? {} : { priority: s.priority }),
  ...(s.nodeSelector === undefined ? {} : { nodeSelector: s.nodeSelector }),
  ...(s.nodeName === undefined ? {} : { nodeName: s.nodeName }),
  ...(s.tolerate === true ? { tolerations: [{ key: "dedicated", operator: "Exists" }] } : {}),
})

/** A workload as a manifest; an empty name is made unique (`<kind letter><index>`), another is a deliberate duplicate. */
const asManifest = (w: { kind: "Pod" | "Deployment" | "VirtualMachineInstance"; name: string; [k: string]: unknown }, index: number): unknown => {
  const name = w.name === "" ? `${w.kind[0]!.toLowerCase()}${index}` : w.name
  if (w.kind === "Pod") return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: w["namespace"] }, spec: podSpecOf(w["spec"] as Parameters<typeof podSpecOf>[0]) }
  if (w.kind === "Deployment") {
    const spec = podSpecOf(w["spec"] as Parameters<typeof podSpecOf>[0])
    const { nodeName: _bound, ...template } = spec
    return {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name },
      spec: { replicas: w["replicas"], selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: template } },
    }
  }
  return {
    apiVersion: "kubevirt.io/v1",
    kind: "VirtualMachineInstance",
    metadata: { name },
    spec: {
      priority: w["priority"],
      domain: { devices: {}, cpu: { cores: w["cores"], ...(w["dedicated"] === true ? { dedicatedCpuPlacement: true } : {}) }, resources: { requests: { memory: w["memory"] } } },
    },
  }
}

const nodeManifest = (n: { name: string; allocatable: object; labels: object; taint: boolean; cells?: string | undefined }, index: number) => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: {
    name: n.name === "" ? `n${index}` : n.name,
    labels: { ...n.labels, "kubernetes.io/hostname": n.name === "" ? `n${index}` : n.name, "kubevirt.io/schedulable": "true", "kubevirt.io/cpumanager": "true" },
    ...(n.cells === undefined ? {} : { annotations: { "catcluster.io/numa-cells": n.cells } }),
  },
  spec: n.taint ? { taints: [{ key: "dedicated", value: "x", effect: "NoSchedule" }] } : {},
  status: { allocatable: n.allocatable },
})

const inputArb = fc.record({
  nodes: fc.array(node, { minLength: 1, maxLength: 3 }),
  workloads: fc.array(workload, { minLength: 1, maxLength: 6 }),
  seed: fc.integer({ min: 0, max: 1000 }),
})

const dir = mkdtempSync(join(tmpdir(), "catcluster-decoded-"))
let run = 0

/** What the CLI does: a placement list per engine, or the typed error it exits 2 with. */
type Input = typeof inputArb extends fc.Arbitrary<infer A> ? A : never
const outcome = (input: Input, profile: Profile) => {
  const at = join(dir, `${run++}`)
  const nodes = `${at}-nodes.json`
  const pods = `${at}-pods.yaml`
  writeFileSync(nodes, JSON.stringify({ apiVersion: "v1", kind: "List", items: input.nodes.map(nodeManifest) }))
  writeFileSync(pods, input.workloads.map((w, i) => JSON.stringify(asManifest(w, i))).join("\n---\n"))
  try {
    const { cluster, workload } = loadCluster({ nodes: [nodes], workloads: [pods] }, { quiet: true })
    const schedule = (engine: "hot" | "readable") => scheduleBatch(cluster, workload.pending, { profile, seed: input.seed, explain: true, engine })
    return { _tag: "Scheduled" as const, hot: schedule("hot"), readable: schedule("readable") }
  } catch (error) {
    // the schedule command turns the scheduler's input errors into UserErrors the same way
    if (error instanceof UserError || error instanceof SchedulerInputError) return { _tag: "Refused" as const, exitCode: error instanceof UserError ? error.exitCode : 2, message: error.message }
    throw error
  }
}

describe("any decodable manifest set: both engines agree, or a typed error (exit 2)", () => {
  for (const [name, profile] of [["default", defaultProfile], ["VM-aware", vmAwareProfile]] as const) {
    it(`through the CLI's reading path (${name} profile)`, () => {
      const { seed, numRuns } = runConfig(120)
      const seen = { scheduled: 0, refused: 0, placed: 0 }
      fc.assert(
        fc.property(inputArb, (input) => {
          const o = outcome(input, profile)
          if (o._tag === "Refused") {
            seen.refused++
            expect(o.exitCode).toBe(2)
            expect(o.message).not.toMatch(/\n\s+at .+:\d+:\d+/)
            return
          }
          seen.scheduled++
          seen.placed += o.readable.filter((p) => p.node !== null).length
          expect(o.hot).toEqual(o.readable)
        }),
        { seed, numRuns },
      )
      // the generators reach both outcomes, and pods do land, so neither half of the property is vacuous
      expect(seen.scheduled).toBeGreaterThan(numRuns / 20)
      expect(seen.refused).toBeGreaterThan(numRuns / 20)
      expect(seen.placed).toBeGreaterThan(numRuns / 10)
    })
  }
})
