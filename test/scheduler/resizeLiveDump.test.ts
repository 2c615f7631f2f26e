/**
 * A live dump with a pod resized in place (InPlacePodVerticalScaling, GA in v1.35): a bound pod
 * holds the largest of its spec, allocated and actuated requests (only the allocated and actuated
 * ones when the resize is infeasible), in the reader, both engines, the kubelet's admission and
 * `catcluster schedule`; a bad quantity in the status is bad input naming its path.
 *
 * The node has 3 cpu; the pending pod asks 1500m. A resize up in flight (spec 2, status 1) holds
 * 2 and a resize down (spec 1, status 2) holds 2: the pending pod does not fit. An infeasible
 * resize up holds its status's 1: it fits.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import {
  assignedPodRequests,
  defaultProfile,
  hotScheduler,
  kubeletAdmission,
  modelFromFiles,
  node,
  pod,
  readableScheduler,
  SchedulerInputError,
  type ClusterSnapshot,
  type Scheduler,
} from "../../src/scheduler/index.ts"
import { withStatusResources } from "../../src/scheduler/adapters/statusResources.ts"
import { expectEnginesAgree } from "./enginesAgree.ts"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const dir = mkdtempSync(join(tmpdir(), "catcluster-resize-"))

const NODE = "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus: {allocatable: {cpu: '3', memory: 8Gi, pods: '10'}}\n"

/** A running pod on n1 whose one container `c` asks `spec` cpu, with `status` (YAML flow) as its status. */
const running = (spec: string, status: string, name = "web") =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: d, uid: u-${name}}\nspec: {nodeName: n1, containers: [{name: c, resources: {requests: {cpu: "${spec}"}}}]}\nstatus: {phase: Running, startTime: "2026-01-01T00:00:00Z", ${status}}\n`
const resizing = (spec: string, now: string, reason = "Deferred") =>
  running(spec, `conditions: [{type: PodResizePending, status: "True", reason: ${reason}}], containerStatuses: [{name: c, allocatedResources: {cpu: "${now}"}, resources: {requests: {cpu: "${now}"}}}]`)
const PENDING = "apiVersion: v1\nkind: Pod\nmetadata: {name: job, namespace: d}\nspec: {containers: [{name: c, resources: {requests: {cpu: 1500m}}}]}\n"

const UP = resizing("2", "1")
const DOWN = resizing("1", "2")
const UP_INFEASIBLE = resizing("2", "1", "Infeasible")

const model = (...docs: ReadonlyArray<string>) => modelFromFiles([{ file: "dump.yaml", text: [NODE, ...docs].join("---\n") }])
const boundPod = (...docs: ReadonlyArray<string>) => model(...docs).workload.bound[0]!.pod

describe("reading a bound pod's status resources", () => {
  it("each container gets its status's allocatedResources and resources.requests; the infeasible verdict is the pod's", () => {
    const p = boundPod(UP_INFEASIBLE)
    expect(p.containers).toEqual([{ name: "c", requests: { cpu: 2000 }, allocated: { cpu: 1000 }, actuated: { cpu: 1000 } }])
    expect(p.resizeInfeasible).toBe(true)
    expect(boundPod(UP).resizeInfeasible).toBeUndefined()
  })

  it("a container's status is found by name among containerStatuses, then initContainerStatuses (upstream's findContainerStatus)", () => {
    const p = boundPod(
      `apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: d}\nspec: {nodeName: n1, initContainers: [{name: side, restartPolicy: Always, resources: {requests: {cpu: 100m}}}], containers: [{name: c, resources: {requests: {cpu: "1"}}}, {name: d, resources: {requests: {cpu: "1"}}}]}\n` +
        `status: {phase: Running, containerStatuses: [{name: side, allocatedResources: {cpu: 300m}}, {name: c, allocatedResources: {cpu: "2"}}, {name: c, allocatedResources: {cpu: "5"}}], initContainerStatuses: [{name: side, allocatedResources: {cpu: 900m}}, {name: d, resources: {requests: {cpu: 1500m}}}]}\n`,
    )
    // c: the first "c"; d: found among the init containers' statuses; side: the containers' statuses come first
    expect(p.containers).toEqual([
      { name: "c", requests: { cpu: 1000 }, allocated: { cpu: 2000 } },
      { name: "d", requests: { cpu: 1000 }, actuated: { cpu: 1500 } },
    ])
    expect(p.initContainers).toEqual([{ name: "side", requests: { cpu: 100 }, restartable: true, allocated: { cpu: 300 } }])
  })

  it("only the first PodResizePending condition decides (IsPodResizeInfeasible)", () => {
    const p = boundPod(
      running("2", `conditions: [{type: Ready, status: "True", reason: Infeasible}, {type: PodResizePending, status: "True", reason: Deferred}, {type: PodResizePending, status: "True", reason: Infeasible}], containerStatuses: [{name: c, allocatedResources: {cpu: "1"}}]`),
    )
    expect(p.resizeInfeasible).toBeUndefined()
  })

  it("`resources` without `requests` says nothing; an empty list is a list (it counts nothing of its own)", () => {
    const p = boundPod(running("2", `containerStatuses: [{name: c, resources: {limits: {cpu: "4"}}, allocatedResources: {}}]`))
    expect(p.containers).toEqual([{ name: "c", requests: { cpu: 2000 }, allocated: {} }])
  })

  it("a pod that is not bound is read from its spec alone; a bound pod without status resources is unchanged", () => {
    const pending = `apiVersion: v1\nkind: Pod\nmetadata: {name: job, namespace: d}\nspec: {containers: [{name: c, resources: {requests: {cpu: 1500m}}}]}\nstatus: {phase: Pending, containerStatuses: [{name: c, allocatedResources: {cpu: "3"}}]}\n`
    const w = model(pending, running("1", "containerStatuses: [{name: c, ready: true}]")).workload
    expect(w.pending[0]!.containers).toEqual([{ name: "c", requests: { cpu: 1500 } }])
    expect(w.bound[0]!.pod.containers).toEqual([{ name: "c", requests: { cpu: 1000 } }])
  })

  it("a PodResizePending condition is looked for, not assumed: other conditions alone say nothing of a resize", () => {
    const p = boundPod(running("2", `conditions: [{type: Ready, status: "True"}], containerStatuses: [{name: c, allocatedResources: {cpu: "1"}}]`))
    expect(p.resizeInfeasible).toBeUndefined()
    expect(p.containers).toEqual([{ name: "c", requests: { cpu: 2000 }, allocated: { cpu: 1000 } }])
  })

  it("a container without a status of its name keeps its spec alone (findContainerStatus gives nil)", () => {
    const p = boundPod(
      `apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: d}\nspec: {nodeName: n1, containers: [{name: c, resources: {requests: {cpu: "1"}}}, {name: d, resources: {requests: {cpu: "1"}}}]}\n` +
        `status: {phase: Running, containerStatuses: [{name: c, allocatedResources: {cpu: "2"}}]}\n`,
    )
    expect(p.containers).toEqual([
      { name: "c", requests: { cpu: 1000 }, allocated: { cpu: 2000 } },
      { name: "d", requests: { cpu: 1000 } },
    ])
    expect(assignedPodRequests(p).requests).toEqual({ cpu: 3000 })
  })

  it("an infeasible resize without any status resources is still the pod's verdict: it then holds nothing (every list nil)", () => {
    const p = boundPod(running("2", `conditions: [{type: PodResizePending, status: "True", reason: Infeasible}], containerStatuses: [{name: c, ready: true}]`))
    expect(p.resizeInfeasible).toBe(true)
    expect(p.containers).toEqual([{ name: "c", requests: { cpu: 2000 } }])
    expect(assignedPodRequests(p).requests).toEqual({})
  })

  it("withStatusResources gives the very pod back when the status says nothing of its resources", () => {
    const p = pod("d/web", {}, { nodeName: "n1", containers: [{ name: "c", requests: { cpu: 1000 } }], initContainers: [{ name: "i", requests: {}, restartable: false }] })
    const locate = (path: string) => path
    expect(withStatusResources(p, undefined, locate)).toBe(p)
    expect(withStatusResources(p, { conditions: [{ type: "Ready", status: "True" }], containerStatuses: [{ name: "c" }], initContainerStatuses: [{ name: "i" }] } as never, locate)).toBe(p)
    expect(withStatusResources(p, { containerStatuses: [{ name: "c", resources: {} }, { name: "other" }] } as never, locate)).toBe(p)
  })

  it("a bad amount in a bound pod's status is an Invalid value at its path", () => {
    const bad = (status: string) => () => model(running("1", status))
    expect(bad(`containerStatuses: [{name: c, allocatedResources: {cpu: "-1"}}]`)).toThrow(SchedulerInputError)
    expect(bad(`containerStatuses: [{name: c, allocatedResources: {cpu: "-1"}}]`)).toThrow(
      'dump.yaml: document 1, status.containerStatuses[0].allocatedResources["cpu"]: Invalid value: "-1": must be greater than or equal to 0',
    )
    expect(bad(`initContainerStatuses: [{name: x, resources: {requests: {"foo bar": "1"}}}]`)).toThrow(
      'dump.yaml: document 1, status.initContainerStatuses[0].resources.requests["foo bar"]: Invalid value: "foo bar": must be a standard resource type or fully qualified',
    )
  })
})

describe("both engines count a bound pod mid-resize as the scheduler cache does", () => {
  const run = (dump: string, make: (c: ClusterSnapshot) => Scheduler, cpu = "1500m") => {
    const { nodes, workload } = model(dump, PENDING.replace("1500m", cpu))
    const s = make({ nodes, bound: workload.bound })
    return s.schedule(workload.pending[0]!, { explain: true, preempt: false })
  }
  const engines = [
    ["readable σ", (c: ClusterSnapshot) => readableScheduler(c, { profile: defaultProfile, seed: 1 })],
    ["hot path", (c: ClusterSnapshot) => hotScheduler(c, { profile: defaultProfile, seed: 1 })],
  ] as const

  for (const [engine, make] of engines) {
    it(`${engine}: a resize up or down in flight holds the larger; an infeasible one its status`, () => {
      expect(run(UP, make).node).toBeNull()
      expect(run(UP, make).reasons).toEqual(["0/1 nodes are available", "1 Insufficient cpu"])
      expect(run(DOWN, make).node).toBeNull()
      expect(run(UP_INFEASIBLE, make).node).toBe("n1")
    })

    it(`${engine}: LeastAllocated reads the bound pod's non-zero form`, () => {
      const score = (dump: string) => run(dump, make, "500m").scores?.[0]?.plugins.NodeResourcesFit
      // memory: (8192 − 200 − 200)Mi·100/8192Mi = 95 either way (no memory request: the 200Mi default)
      // resize up in flight: cpu (3000 − 2000 − 500)·100/3000 = 16 → (16 + 95)/2 = 55
      expect(score(UP)).toBe(55)
      // infeasible: cpu (3000 − 1000 − 500)·100/3000 = 50 → (50 + 95)/2 = 72
      expect(score(UP_INFEASIBLE)).toBe(72)
    })
  }

  it("the hot path shares a compiled pod only between pods of the same resize verdict", () => {
    // two pods given to schedule with the same containers (spec 2000, actuated 1000): bound, the
    // first holds 2000 and the infeasible second 1000, so 1000m still fits beside them on 4 cpu
    const containers = [{ name: "c", requests: { cpu: 2000 }, actuated: { cpu: 1000 } }]
    const n = node("n1", { cpu: 4000, memory: 2 ** 30, pods: 10 })
    // the very same objects, as a controller's replicas share their template's
    const shared = { containers, initContainers: [], overhead: {} }
    const pods = [pod("d/a", {}, shared), pod("d/b", {}, { ...shared, resizeInfeasible: true }), pod("d/c", { cpu: 1000 })]
    expectEnginesAgree({ nodes: [n], pods, prebound: 0, seed: 1 }, defaultProfile)
    const hot = hotScheduler({ nodes: [n], bound: [] }, { profile: defaultProfile, seed: 1 })
    expect(pods.map((p) => hot.schedule(p, { preempt: false }).node)).toEqual(["n1", "n1", "n1"])
  })

  it("the engines agree on placements and scores with resized bound pods (feasible, infeasible, down)", () => {
    for (const dump of [UP, DOWN, UP_INFEASIBLE]) {
      const { nodes, workload } = model(dump, PENDING.replace("1500m", "500m"))
      expectEnginesAgree({ nodes, pods: [workload.bound[0]!.pod, workload.pending[0]!], prebound: 1, seed: 3 }, defaultProfile)
    }
  })
})

describe("the kubelet admits a pod against the running pods as they are resized", () => {
  it("a running pod shrinking from 2 to 1 cpu still holds 2: a pod sent to its node is refused OutOfcpu", () => {
    const { workload } = model(DOWN, PENDING.replace("spec: {", "spec: {nodeName: n1, "))
    expect(workload.rejected.map((r) => [r.pod.key, r.reason, r.message])).toEqual([
      ["d/job", "OutOfcpu", "Pod was rejected: Node didn't have enough resource: cpu, requested: 1500, used: 2000, capacity: 3000"],
    ])
    expect(model(UP_INFEASIBLE, PENDING.replace("spec: {", "spec: {nodeName: n1, ")).workload.rejected).toEqual([])
  })

  it("kubeletAdmission counts the running pods' assigned requests", () => {
    const { nodes, workload } = model(DOWN)
    expect(kubeletAdmission(model(PENDING).workload.pending[0]!, nodes[0]!, [workload.bound[0]!.pod])?.reason).toBe("OutOfcpu")
  })
})

describe("catcluster schedule on a live dump with a resize in flight", () => {
  const cli = (...docs: ReadonlyArray<string>) => {
    const nodes = join(dir, `nodes-${Math.random().toString(36).slice(2)}.yaml`)
    const pods = join(dir, `pods-${Math.random().toString(36).slice(2)}.yaml`)
    writeFileSync(nodes, NODE)
    writeFileSync(pods, docs.join("---\n"))
    const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), "schedule", "--nodes", nodes, "--workloads", pods, "--json"], { encoding: "utf8", timeout: 60_000 })
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, pods }
  }
  const placement = (r: { stdout: string }) => (JSON.parse(r.stdout) as { placements: ReadonlyArray<{ node: string | null; message: string }> }).placements[0]!

  it("a resize up (spec 2, status 1) or down (spec 1, status 2) holds 2 cpu: the pending pod does not fit, with upstream's message", () => {
    for (const dump of [UP, DOWN]) {
      const r = cli(dump, PENDING)
      expect(r.code).toBe(0)
      expect(placement(r)).toMatchObject({
        node: null,
        message: "0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
      })
    }
  })

  it("an infeasible resize up holds its status's 1 cpu: the pending pod fits", () => {
    const r = cli(UP_INFEASIBLE, PENDING)
    expect(r.code).toBe(0)
    expect(placement(r).node).toBe("n1")
  })

  it("a quantity in the status that does not parse: exit 2 naming the file and path", () => {
    const r = cli(running("1", `containerStatuses: [{name: c, allocatedResources: {cpu: 1x}}]`), PENDING)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${r.pods}:5:`)
    expect(r.stderr).toContain('document 0, status.containerStatuses[0].allocatedResources.cpu: expected a quantity, got "1x"')
  })

  it("a negative quantity in the status: exit 2 naming the path", () => {
    const r = cli(running("1", `containerStatuses: [{name: c, resources: {requests: {cpu: "-2"}}}]`), PENDING)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${r.pods}: document 0, status.containerStatuses[0].resources.requests["cpu"]: Invalid value: "-2": must be greater than or equal to 0`)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})
