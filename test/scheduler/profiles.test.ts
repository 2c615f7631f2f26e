/**
 * Profiles read from a KubeSchedulerConfiguration change what the scheduler does, in process
 * (readable σ, and the hot path where it models the change) and through `catcluster schedule
 * --config`: a disabled filter stops filtering, the configured filter order decides the reported
 * reason (and so whether preemption is tried), NodeAffinity's PreFilter and `addedAffinity`, no
 * Score plugin means the first feasible node, several profiles chosen by `schedulerName`.
 */
import { spawnSync } from "node:child_process"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import {
  hotScheduler,
  node,
  parseSchedulerConfig,
  pod,
  type Profile,
  readableScheduler,
  scheduleBatch,
  snapshot,
} from "../../src/scheduler/index.ts"

const Gi = 2 ** 30
const head = "apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n"
const profileOf = (yaml: string): Profile => parseSchedulerConfig(head + yaml, "sched.yaml").profile
const taint = { key: "dedicated", value: "infra", effect: "NoSchedule" as const }

describe("a profile that disables a filter stops filtering with it", () => {
  const cluster = snapshot([node("infra", { cpu: 4000, memory: 8 * Gi, pods: 10 }, { taints: [taint] })])
  const noTaintFilter = profileOf("profiles:\n- plugins:\n    filter:\n      disabled: [{name: TaintToleration}]\n")
  for (const [name, make] of [
    ["readable σ", readableScheduler],
    ["hot path", hotScheduler],
  ] as const) {
    it(name, () => {
      expect(make(cluster).schedule(pod("d/web", { cpu: 500 })).node).toBeNull()
      expect(make(cluster, { profile: noTaintFilter }).schedule(pod("d/web", { cpu: 500 })).node).toBe("infra")
    })
  }
})

describe("the configured filter order decides the node's status", () => {
  // One node, tainted and full with a priority-1 pod; the incoming pod (priority 10) tolerates nothing.
  const cluster = snapshot(
    [node("a", { cpu: 1000, memory: 8 * Gi, pods: 10 }, { taints: [taint] })],
    [{ pod: pod("d/low", { cpu: 1000 }, { priority: 1 }), node: "a" }],
  )
  const incoming = pod("d/urgent", { cpu: 500 }, { priority: 10 })

  it("default order: TaintToleration first, unresolvable, preemption is not helpful", () => {
    expect(readableScheduler(cluster).schedule(incoming).message).toBe(
      "0/1 nodes are available: 1 node(s) had untolerated taint(s). no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    )
  })

  it("NodeResourcesFit first: Insufficient cpu (resolvable), the dry run then meets the taint", () => {
    const fitFirst = profileOf("profiles:\n- plugins:\n    filter:\n      enabled: [{name: NodeResourcesFit}]\n")
    expect(fitFirst.filters.slice(0, 2)).toEqual(["NodeResourcesFit", "NodeUnschedulable"])
    // the dry run removes d/low; NodeResourcesFit passes, TaintToleration fails: that status is the node's
    expect(readableScheduler(cluster, { profile: fitFirst }).schedule(incoming)).toMatchObject({
      node: null,
      victims: [],
      message:
        "0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 node(s) had untolerated taint(s).",
    })
  })
})

describe("NodeAffinity at PreFilter and Filter", () => {
  const nodes = [node("a", { cpu: 2000, memory: 4 * Gi, pods: 10 }, { labels: { zone: "x" } }), node("b", { cpu: 2000, memory: 4 * Gi, pods: 10 }, { labels: { zone: "y" } })]
  // names node a, asks for zone y: no node has both
  const picky = pod("d/picky", { cpu: 100 }, {
    requiredTerms: [
      { matchExpressions: [{ key: "zone", operator: "In", values: ["y"] }], matchFields: [{ key: "metadata.name", operator: "In", values: ["a"] }] },
    ],
  })

  it("default: PreFilter narrows to a, Filter rejects it", () => {
    expect(readableScheduler(snapshot(nodes)).schedule(picky).message).toBe(
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    )
  })

  it("Filter disabled, PreFilter kept: the node-name set alone decides", () => {
    const p = profileOf("profiles:\n- plugins:\n    filter:\n      disabled: [{name: NodeAffinity}]\n")
    expect(readableScheduler(snapshot(nodes), { profile: p }).schedule(picky).node).toBe("a")
  })

  it("PreFilter disabled: the Filter falls back and still rejects", () => {
    const p = profileOf("profiles:\n- plugins:\n    preFilter:\n      disabled: [{name: NodeAffinity}]\n")
    // without the PreFilter node set, both nodes are filtered: a fails the zone, b the name
    expect(readableScheduler(snapshot(nodes), { profile: p }).schedule(picky).reasons).toEqual([
      "0/2 nodes are available",
      "2 node(s) didn't match Pod's node affinity/selector",
    ])
  })

  it("addedAffinity (NodeAffinityArgs) is enforced on every pod of the profile", () => {
    const p = profileOf(`profiles:
- pluginConfig:
  - name: NodeAffinity
    args:
      addedAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: In, values: [x]}]}]
`)
    expect(readableScheduler(snapshot(nodes), { profile: p }).schedule(pod("d/any", { cpu: 100 })).node).toBe("a")
    expect(hotScheduler(snapshot(nodes), { profile: p }).schedule(pod("d/any", { cpu: 100 })).node).toBe("a")
    expect(readableScheduler(snapshot([nodes[1]!]), { profile: p }).schedule(pod("d/any", { cpu: 100 })).message).toBe(
      "0/1 nodes are available: 1 node(s) didn't match scheduler-enforced node affinity. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    )
  })
})

describe("without any Score plugin kube-scheduler takes the first feasible node", () => {
  const nodes = ["a", "b", "c"].map((n) => node(n, { cpu: 4000, memory: 8 * Gi, pods: 10 }))
  const noScore = profileOf("profiles:\n- plugins:\n    score:\n      disabled: [{name: '*'}]\n")

  it("from the rotating start, whatever the seed", () => {
    expect(noScore.hasScorePlugins).toBe(false)
    for (const seed of [0, 1, 2, 3]) {
      const s = readableScheduler(snapshot(nodes), { profile: noScore, seed })
      // each cycle examines one node, so the start moves on by one
      expect(["p1", "p2", "p3", "p4"].map((k) => s.schedule(pod(`d/${k}`, { cpu: 100 })).node)).toEqual(["a", "b", "c", "a"])
    }
  })
})

describe("several profiles: each pod by the profile its schedulerName names", () => {
  const config = parseSchedulerConfig(
    `${head}profiles:
- schedulerName: default-scheduler
- schedulerName: packer
  pluginConfig:
  - name: NodeResourcesFit
    args: {scoringStrategy: {type: MostAllocated}}
`,
    "sched.yaml",
  )
  // a is half used; LeastAllocated prefers b, MostAllocated a
  const cluster = snapshot(
    [node("a", { cpu: 4000, memory: 8 * Gi, pods: 10 }), node("b", { cpu: 4000, memory: 8 * Gi, pods: 10 })],
    [{ pod: pod("d/base", { cpu: 2000, memory: 4 * Gi }), node: "a" }],
  )
  const pods = [
    pod("d/spread", { cpu: 1000, memory: Gi }),
    pod("d/packed", { cpu: 1000, memory: Gi }, { schedulerName: "packer" }),
    pod("d/elsewhere", { cpu: 1000, memory: Gi }, { schedulerName: "gpu-scheduler" }),
  ]

  it("in one scheduler (readable σ with profiles) and through scheduleBatch (either engine)", () => {
    const s = readableScheduler(cluster, { profile: config.profiles[0]!, profiles: config.profiles.slice(1) })
    const direct = pods.map((p) => s.schedule(p))
    expect(direct.map((p) => p.node)).toEqual(["b", "a", null])
    expect(direct[2]!.reasons).toEqual(['no profile for schedulerName "gpu-scheduler": kube-scheduler leaves the pod to another scheduler'])
    expect(direct[2]!.message).toBe("")
    for (const engine of ["hot", "readable"] as const) {
      expect(scheduleBatch(cluster, pods, { profile: config.profile, profiles: config.profiles, engine })).toEqual(direct)
    }
  })

  it("a single profile that is not the pod's leaves it alone", () => {
    const packerOnly = config.profiles[1]!
    expect(readableScheduler(cluster, { profile: packerOnly }).schedule(pods[0]!).node).toBeNull()
    expect(scheduleBatch(cluster, [pods[0]!, pods[1]!], { profile: packerOnly }).map((p) => p.node)).toEqual([null, "a"])
  })
})

it("no node at all: kube-scheduler's own error", () => {
  expect(readableScheduler(snapshot([])).schedule(pod("d/x", { cpu: 1 }))).toMatchObject({
    node: null,
    reasons: ["no nodes available to schedule pods"],
    message: "no nodes available to schedule pods",
  })
})

describe("catcluster schedule --config", () => {
  const root = join(import.meta.dirname, "..", "..")
  const fixtures = join(import.meta.dirname, "fixtures")
  const cli = (...args: string[]) => {
    const r = spawnSync(join(root, "node_modules", ".bin", "tsx"), [join(root, "src", "cli", "main.ts"), "schedule", ...args], { encoding: "utf8", timeout: 60_000 })
    return { code: r.status, stdout: r.stdout, stderr: r.stderr }
  }
  const base = ["--nodes", join(fixtures, "nodes.yaml"), "--pods", join(fixtures, "pods.yaml"), "--json", "--explain"]

  it("a profile without TaintToleration's Filter makes the tainted node feasible (both engines)", () => {
    for (const engine of ["hot", "readable"]) {
      const r = cli(...base, "--engine", engine, "--config", join(fixtures, "config", "no-taint-filter.yaml"))
      expect(r.code).toBe(0)
      const web = JSON.parse(r.stdout).placements[0]
      expect(web.scores.find((s: { node: string }) => s.node === "infra-1")).toMatchObject({ feasible: true, reasons: [] })
    }
  })

  it("a plugin catcluster does not implement: exit 2, the plugin and the JSON path named, no stack trace", () => {
    const r = cli(...base, "--config", join(fixtures, "config", "unknown-plugin.yaml"))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('unknown-plugin.yaml: $.profiles[0].plugins.multiPoint.enabled[0]: plugin "Coscheduling" is not implemented by catcluster')
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(r.stdout).toBe("")
  })
})
