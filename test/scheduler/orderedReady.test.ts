/**
 * StatefulSet `podManagementPolicy` as v1.35's StatefulSet controller applies it
 * (pkg/controller/statefulset/stateful_set_control.go): under OrderedReady (the default) ordinal k
 * is created only once the ordinals below it are Running and Ready — in a batch, once they are
 * placed; under Parallel all are created at once. Every expected value is computed by hand on one
 * node `n1` (so where a pod lands is never in doubt, only whether it fits):
 *
 *   - "room for all": n1 has 4 cpu, web's 4 replicas ask 800m each (3200m): all on n1;
 *   - "room for 2": n1 has 2 cpu (2000m): web-2, web-3 (ordinals.start 2) take 1600m, web-4 does
 *     not fit (400m left < 800m) and stays pending; under OrderedReady web-5 is never created
 *     (its controller waits for web-4), under Parallel it is created and pending like web-4.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runConfig } from "../../src/laws/RunConfig.ts"
import { drain } from "../../src/operations/index.ts"
import { batchOrder, modelFromFiles, node, pod, runQueue, scheduleBatch, snapshot } from "../../src/scheduler/index.ts"
import type { Placement } from "../../src/scheduler/index.ts"
import { load } from "../operations/load.ts"
import { clusterArb } from "./arbitraries.ts"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const cli = (...args: string[]) => {
  const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), ...args], { encoding: "utf8", cwd: root, timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const nodeYaml = (name: string, cpu: string) => `apiVersion: v1
kind: Node
metadata: {name: ${name}, labels: {kubernetes.io/hostname: ${name}}}
status: {allocatable: {cpu: "${cpu}", memory: 8Gi, pods: "110"}}
`

const statefulSet = (o: { readonly name?: string; readonly replicas: number; readonly policy?: string; readonly start?: number; readonly cpu?: string; readonly priorityClass?: string }) => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: ${o.name ?? "web"}, namespace: d}
spec:
  replicas: ${o.replicas}
${o.policy === undefined ? "" : `  podManagementPolicy: ${o.policy}\n`}${o.start === undefined ? "" : `  ordinals: {start: ${o.start}}\n`}  selector: {matchLabels: {app: ${o.name ?? "web"}}}
  template:
    metadata: {labels: {app: ${o.name ?? "web"}}}
    spec:
${o.priorityClass === undefined ? "" : `      priorityClassName: ${o.priorityClass}\n`}      containers:
      - name: main
        image: registry.example/web:1
        resources: {requests: {cpu: ${o.cpu ?? "800m"}, memory: 256Mi}}
`

/** Nodes and workloads read together, scheduled as `catcluster schedule` does. */
const schedule = (text: string, engine: "hot" | "readable" = "hot"): ReadonlyArray<Placement> => {
  const { cluster, workload } = modelFromFiles([{ file: "in.yaml", text }])
  return scheduleBatch(cluster, workload.pending, { engine })
}
const where = (ps: ReadonlyArray<Placement>) => Object.fromEntries(ps.map((p) => [p.pod, p.notCreated === true ? "not created" : (p.node ?? "pending")]))

describe("StatefulSet podManagementPolicy: in a batch", () => {
  it("OrderedReady with room for all: every ordinal is created and placed, as before", () => {
    for (const engine of ["hot", "readable"] as const) {
      expect(where(schedule(`${nodeYaml("n1", "4")}---\n${statefulSet({ replicas: 4 })}`, engine))).toEqual({ "d/web-0": "n1", "d/web-1": "n1", "d/web-2": "n1", "d/web-3": "n1" })
    }
  })

  it("OrderedReady with room for 2 of 4 (ordinals from 2): web-4 pending, web-5 not created, waiting for web-4", () => {
    for (const engine of ["hot", "readable"] as const) {
      const ps = schedule(`${nodeYaml("n1", "2")}---\n${statefulSet({ replicas: 4, start: 2 })}`, engine)
      expect(where(ps)).toEqual({ "d/web-2": "n1", "d/web-3": "n1", "d/web-4": "pending", "d/web-5": "not created" })
      const last = ps[3]!
      expect(last).toEqual({
        pod: "d/web-5",
        node: null,
        reasons: ["its controller waits for web-4 to be Running and Ready before creating it"],
        message: "its controller waits for web-4 to be Running and Ready before creating it",
        victims: [],
        notCreated: true,
      })
      expect(ps[2]!.message).toMatch(/^0\/1 nodes are available: 1 Insufficient cpu\./)
    }
  })

  it("Parallel on the same cluster: all four created, web-4 and web-5 both pending (Insufficient cpu)", () => {
    const ps = schedule(`${nodeYaml("n1", "2")}---\n${statefulSet({ replicas: 4, start: 2, policy: "Parallel" })}`)
    expect(where(ps)).toEqual({ "d/web-2": "n1", "d/web-3": "n1", "d/web-4": "pending", "d/web-5": "pending" })
    expect(ps.every((p) => p.notCreated === undefined)).toBe(true)
    expect(ps[3]!.message).toMatch(/^0\/1 nodes are available: 1 Insufficient cpu\./)
  })

  it("an empty policy is defaulted to OrderedReady, as apps/v1 defaulting does", () => {
    expect(where(schedule(`${nodeYaml("n1", "1")}---\n${statefulSet({ replicas: 3, policy: '""' })}`))).toEqual({ "d/web-0": "n1", "d/web-1": "pending", "d/web-2": "not created" })
  })

  it("a chain names the ordinal that stayed pending, not the one just below", () => {
    // n1 0.5 cpu: web-0 (800m) does not fit; web-1, web-2, web-3 all wait, ultimately for web-0
    const ps = schedule(`${nodeYaml("n1", "500m")}---\n${statefulSet({ replicas: 4 })}`)
    expect(where(ps)).toEqual({ "d/web-0": "pending", "d/web-1": "not created", "d/web-2": "not created", "d/web-3": "not created" })
    for (const p of ps.slice(1)) expect(p.reasons).toEqual(["its controller waits for web-0 to be Running and Ready before creating it"])
  })

  it("priority interleaving: a newly created ordinal enters the queue ahead of the lower-priority pods still waiting", () => {
    // n1 2000m. Queue by priority: hi-… (100, 1200m) → n1 (800m left); db-0 (50, 400m) → n1 (400m
    // left); db-1 is created now and, at priority 50, goes before lo (0, 300m): db-1 → n1 (0 left),
    // lo pending. Were db-1 queued behind lo, lo would take 300m and db-1 would be pending.
    const text = [
      nodeYaml("n1", "2"),
      `apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 100\n`,
      `apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: mid}\nvalue: 50\n`,
      `apiVersion: v1\nkind: Pod\nmetadata: {name: lo, namespace: d}\nspec:\n  containers: [{name: main, image: x, resources: {requests: {cpu: 300m}}}]\n`,
      statefulSet({ name: "db", replicas: 2, cpu: "400m", priorityClass: "mid" }),
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: hi, namespace: d}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: hi}}\n  template:\n    metadata: {labels: {app: hi}}\n    spec:\n      priorityClassName: high\n      containers: [{name: main, image: x, resources: {requests: {cpu: 1200m}}}]\n`,
    ].join("---\n")
    const { cluster, workload } = modelFromFiles([{ file: "in.yaml", text }])
    const pods = workload.pending
    expect(pods.map((p) => p.key)).toEqual(["d/lo", "d/db-0", "d/db-1", expect.stringMatching(/^d\/hi-/)])
    for (const engine of ["hot", "readable"] as const) {
      const ps = scheduleBatch(cluster, pods, { engine })
      expect(ps.map((p) => p.node)).toEqual([null, "n1", "n1", "n1"])
      expect(ps[0]!.message).toMatch(/^0\/1 nodes are available: 1 Insufficient cpu\./)
    }
  })

  it("runQueue: the attempt order, with a created pod at its own rank among the remaining ones", () => {
    const n = [node("n1", { cpu: 1000, memory: 2 ** 30, pods: 10 })]
    // static order: a (5), w0 (1), w1 (1, waits for w0), b (1), c (0)
    const pods = [pod("d/b", { cpu: 100 }, { priority: 1 }), pod("d/w0", { cpu: 100 }, { priority: 1 }), pod("d/w1", { cpu: 100 }, { priority: 1, createdAfter: ["d/w0"] }), pod("d/a", { cpu: 100 }, { priority: 5 }), pod("d/c", { cpu: 100 })]
    expect(batchOrder(pods)).toEqual([3, 0, 1, 2, 4])
    const tried: string[] = []
    const run = runQueue(pods, batchOrder(pods), (i) => {
      tried.push(pods[i]!.key)
      return { pod: pods[i]!.key, node: "n1", reasons: [], message: "", victims: [] }
    })
    expect(tried).toEqual(["d/a", "d/b", "d/w0", "d/w1", "d/c"])
    expect(run.attempted).toEqual([3, 0, 1, 2, 4])
    // the same pods with w0 placed after w1's rank has passed: w1 waits, then goes before c
    const late = [pods[2]!, pods[0]!, pods[1]!, pods[4]!]
    const tried2: string[] = []
    runQueue(late, [0, 1, 2, 3], (i) => {
      tried2.push(late[i]!.key)
      return { pod: late[i]!.key, node: "n1", reasons: [], message: "", victims: [] }
    })
    expect(tried2).toEqual(["d/b", "d/w0", "d/w1", "d/c"])
    // a pod waiting for a key outside the batch is never created; scheduleBatch on both engines says so
    const outside = [pod("d/x", { cpu: 100 }, { createdAfter: ["d/gone"] })]
    for (const engine of ["hot", "readable"] as const) {
      expect(scheduleBatch(snapshot(n), outside, { engine })).toEqual([
        { pod: "d/x", node: null, reasons: ["its controller waits for gone to be Running and Ready before creating it"], message: "its controller waits for gone to be Running and Ready before creating it", victims: [], notCreated: true },
      ])
    }
  })
})

// A member of StatefulSet d/web running on n1, as a live dump lists it (`extra` goes into its metadata).
const member = (name: string, status: string, extra = "") => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: d
  uid: uid-${name}
  labels: {app: web}
  ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: web, uid: uid-web, controller: true}]
${extra}spec:
  nodeName: n1
  containers: [{name: main, image: registry.example/web:1, resources: {requests: {cpu: 800m, memory: 256Mi}}}]
status: ${status}
`
const ready = `{phase: Running, startTime: "2026-01-01T00:00:00Z", conditions: [{type: Ready, status: "True"}]}`

describe("StatefulSet podManagementPolicy: a live dump", () => {
  const notReady = `{phase: Running, startTime: "2026-01-01T00:00:00Z", conditions: [{type: Ready, status: "False"}]}`
  const dump = (policy: string | undefined, web1: string) => [nodeYaml("n1", "4"), statefulSet({ replicas: 3, ...(policy === undefined ? {} : { policy }) }), member("web-0", ready), web1].join("---\n")

  it("a member Running but not Ready blocks the higher missing ordinals under OrderedReady", () => {
    const { cluster, workload } = modelFromFiles([{ file: "dump.yaml", text: dump(undefined, member("web-1", notReady)) }])
    expect(workload.pending.map((p) => [p.key, p.createdAfter])).toEqual([["d/web-2", ["d/web-1"]]])
    const ps = scheduleBatch(cluster, workload.pending)
    expect(ps).toEqual([
      { pod: "d/web-2", node: null, reasons: ["its controller waits for web-1 to be Running and Ready before creating it"], message: "its controller waits for web-1 to be Running and Ready before creating it", victims: [], notCreated: true },
    ])
    expect(workload.skipped.map((s) => s.reason)).toContain("StatefulSet (podManagementPolicy OrderedReady): web-1 is not Running and Ready (phase Running, not Ready); web-2 and the ordinals after it are created only once it is Running and Ready")
  })

  it("under Parallel the same member blocks nothing: web-2 is created and placed", () => {
    const ps = schedule(dump("Parallel", member("web-1", notReady)))
    expect(where(ps)).toEqual({ "d/web-2": "n1" })
  })

  it("a member being deleted (deletionTimestamp) blocks too, even Running and Ready", () => {
    const ps = schedule(dump(undefined, member("web-1", ready, `  deletionTimestamp: "2026-01-01T00:01:00Z"\n`)))
    expect(where(ps)).toEqual({ "d/web-2": "not created" })
  })

  it("a Failed member is deleted and created again by the controller: web-1 is scheduled anew, then web-2", () => {
    const { workload } = modelFromFiles([{ file: "dump.yaml", text: dump(undefined, member("web-1", `{phase: Failed}`)) }])
    expect(workload.pending.map((p) => [p.key, p.createdAfter])).toEqual([
      ["d/web-1", undefined],
      ["d/web-2", ["d/web-1"]],
    ])
    expect(where(schedule(dump(undefined, member("web-1", `{phase: Failed}`))))).toEqual({ "d/web-1": "n1", "d/web-2": "n1" })
  })

  it("a Ready member blocks nothing: with web-1 Running and Ready, web-2 is created at once", () => {
    const { workload } = modelFromFiles([{ file: "dump.yaml", text: dump(undefined, member("web-1", ready)) }])
    expect(workload.pending.map((p) => [p.key, p.createdAfter])).toEqual([["d/web-2", undefined]])
  })
})

describe("StatefulSet podManagementPolicy: drain", () => {
  // a live dump listing web-1 before web-0 (as kubectl lists web-10 before web-2): both Running and
  // Ready on n1; draining n1 recreates them in ordinal order on n2
  const dir = mkdtempSync(join(tmpdir(), "catcluster-ordered-drain-"))
  const drained = (n2: string, policy?: string) => {
    const file = join(dir, `dump-${n2}-${policy ?? "default"}.yaml`)
    writeFileSync(file, [nodeYaml("n1", "4"), nodeYaml("n2", n2), statefulSet({ replicas: 2, ...(policy === undefined ? {} : { policy }) }), member("web-1", ready), member("web-0", ready)].join("---\n"))
    const { inv, state } = load(file)
    return drain(inv, state, ["n1"])
  }

  it("room for one on n2 (1 cpu): web-0 is recreated there first, web-1 stays pending", () => {
    const out = drained("1")
    expect(out.rescheduled.map((m) => [m.name, m.to])).toEqual([["web-0", "n2"]])
    expect(out.pending.map((p) => p.name)).toEqual(["web-1"])
    expect(out.pending[0]!.reason).toMatch(/^0\/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) were unschedulable\./)
  })

  it("room for none (0.5 cpu): web-0 pending, web-1 not created, waiting for web-0", () => {
    const out = drained("500m")
    expect(out.rescheduled).toEqual([])
    expect(out.pending.map((p) => [p.name, p.reason])).toEqual([
      ["web-0", expect.stringMatching(/^0\/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) were unschedulable\./)],
      ["web-1", "not created: its controller waits for web-0 to be Running and Ready before creating it"],
    ])
  })

  it("under Parallel the input order holds: web-1 takes the room on n2", () => {
    const out = drained("1", "Parallel")
    expect(out.rescheduled.map((m) => [m.name, m.to])).toEqual([["web-1", "n2"]])
    expect(out.pending.map((p) => p.name)).toEqual(["web-0"])
  })
})

describe("StatefulSet podManagementPolicy: the command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "catcluster-ordered-"))
  const nodesFile = join(dir, "nodes.yaml")
  writeFileSync(nodesFile, nodeYaml("n1", "2"))
  const run = (name: string, text: string, ...flags: string[]) => {
    const file = join(dir, name)
    writeFileSync(file, text)
    return { file, ...cli("schedule", "--nodes", nodesFile, "--workloads", file, ...flags) }
  }

  it("text: the ordinal never created says so, and which pod it waits for", () => {
    const r = run("ordered.yaml", statefulSet({ replicas: 4, start: 2 }))
    expect(r.code).toBe(0)
    const lines = r.stdout.trimEnd().split("\n")
    expect(lines.map((l) => l.split(/\s{2,}/).slice(0, 2))).toEqual([
      ["d/web-2", "n1"],
      ["d/web-3", "n1"],
      ["d/web-4", "(pending)"],
      ["d/web-5", "(not created)"],
    ])
    expect(lines[3]).toBe("d/web-5  (not created)  its controller waits for web-4 to be Running and Ready before creating it")
  })

  it("--json carries notCreated; Parallel has none and both last ordinals pending", () => {
    const ordered = JSON.parse(run("ordered.yaml", statefulSet({ replicas: 4, start: 2 }), "--json").stdout) as { placements: Placement[] }
    expect(ordered.placements.map((p) => [p.pod, p.node, p.notCreated ?? false])).toEqual([
      ["d/web-2", "n1", false],
      ["d/web-3", "n1", false],
      ["d/web-4", null, false],
      ["d/web-5", null, true],
    ])
    const parallel = JSON.parse(run("parallel.yaml", statefulSet({ replicas: 4, start: 2, policy: "Parallel" }), "--json").stdout) as { placements: Placement[] }
    expect(parallel.placements.map((p) => [p.pod, p.node, p.notCreated ?? false])).toEqual([
      ["d/web-2", "n1", false],
      ["d/web-3", "n1", false],
      ["d/web-4", null, false],
      ["d/web-5", null, false],
    ])
  })

  it("an invalid podManagementPolicy is bad input: exit 2 naming the file, document and field", () => {
    const r = run("invalid.yaml", statefulSet({ replicas: 2, policy: "Burst" }))
    expect(r.code).toBe(2)
    expect(r.stdout).toBe("")
    expect(r.stderr.trim()).toBe(`catcluster: ${r.file}: document 0, spec.podManagementPolicy: Invalid value: "Burst": must be 'OrderedReady' or 'Parallel'`)
  })
})

describe("runQueue: properties on generated clusters", () => {
  // each pod may wait for another pod of the batch (any, so chains, forks and cycles arise) or for
  // a key outside it
  const withWaits = fc.tuple(clusterArb, fc.array(fc.integer({ min: -1, max: 13 }), { minLength: 14, maxLength: 14 }))

  it("the hot path and the readable σ agree; a pod is attempted only after what it waits for is placed; a pod not created waits for one never placed", () => {
    const { seed, numRuns } = runConfig(100)
    fc.assert(
      fc.property(withWaits, ([{ nodes, pods, seed: tieSeed }, links]) => {
        const waiting = pods.map((p, i) => {
          const l = links[i]!
          return l < 0 ? p : { ...p, createdAfter: [l < pods.length ? pods[l]!.key : "ns/outside"] }
        })
        const hot = scheduleBatch(snapshot(nodes), waiting, { seed: tieSeed })
        const readable = scheduleBatch(snapshot(nodes), waiting, { seed: tieSeed, engine: "readable" })
        expect(hot.map((p) => [p.node, p.notCreated ?? false, p.reasons])).toEqual(readable.map((p) => [p.node, p.notCreated ?? false, p.reasons]))
        const order = batchOrder(waiting)
        const tried: number[] = []
        const run = runQueue(waiting, order, (i) => {
          tried.push(i)
          return hot[i]!.notCreated === true ? { ...hot[i]!, node: null } : hot[i]!
        })
        const position = new Map(tried.map((i, k) => [waiting[i]!.key, k]))
        tried.forEach((i, k) => {
          for (const key of waiting[i]!.createdAfter ?? []) {
            expect(position.get(key)).toBeLessThan(k)
            expect(hot[waiting.findIndex((p) => p.key === key)]!.node).not.toBeNull()
          }
        })
        run.placements.forEach((p, i) => {
          if (p.notCreated !== true) return
          expect(tried).not.toContain(i)
          expect(waiting[i]!.createdAfter!.some((key) => { const j = waiting.findIndex((q) => q.key === key); return j < 0 || run.placements[j]!.node === null })).toBe(true)
        })
      }),
      { seed, numRuns },
    )
  })
})

describe("runQueue: a long chain", () => {
  it("100,000 ordinals waiting one on the other, the first pending: every other one not created, naming the first (no deep recursion)", () => {
    const n = 100_000
    const pods = Array.from({ length: n }, (_, i) => pod(`d/web-${i}`, { cpu: 2000 }, i === 0 ? {} : { createdAfter: [`d/web-${i - 1}`] }))
    const ps = scheduleBatch(snapshot([node("n1", { cpu: 1000, memory: 2 ** 30, pods: 10 })]), pods)
    expect(ps[0]!.notCreated).toBeUndefined()
    expect(ps[0]!.node).toBeNull()
    expect(ps.slice(1).every((p) => p.notCreated === true && p.reasons[0] === "its controller waits for web-0 to be Running and Ready before creating it")).toBe(true)
  })
})
