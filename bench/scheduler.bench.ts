/**
 * Scheduler throughput: the hot path (typed arrays) against the readable σ, on a mixed workload
 * (75 % pods with requests, 5 % without, 15 % shared-CPU VMI launcher pods, 5 % dedicated-CPU
 * NUMA VMIs) over a hybrid cluster, full scan (the default profile with percentageOfNodesToScore 100). Two arrival patterns of that
 * mix: `templates` (the default: pods come as Deployments / VM pools do, a template drawn from
 * the mix followed by its 1–20 replicas back to back, uniform, mean 10.5; priorities are the
 * template's) and `distinct` (every pod drawn afresh, so consecutive pods almost never share a
 * scoring signature: the worst case for the hot path's incremental cache). The reference is measured in the
 * same run on the first pods of the same input (it is ~30× slower); `ratio` compares both on that
 * same prefix. `bytesPerNode` counts the hot path's typed arrays (snapshot, scratch, static-verdict
 * cache) per node; `peakRssBytes` is the process's peak resident set. `podsPerCpuSecond` divides by
 * the process's CPU time, which stays meaningful when other jobs share the cores (`loadAverage`);
 * `cpuNanosecondsPerNode` is that CPU time per pod per node of the cluster. A pod whose signature
 * no recent pod had is placed by the best-first index (`core/BoundIndex.ts`), which scores only the
 * nodes whose bound reaches the best total: `indexedShare` is the share of pods it placed and
 * `nodesReadPerIndexedPod` how many nodes it scored for each.
 * At 5,000 nodes the arrivals are replayed once more with explain on a sample of pods: `topTies*`
 * is how many nodes tie at the top total and `blocksAtTop*` the share of 64-node blocks holding
 * one, which no exact bound-ordered scan (skipping blocks whose bound is below the best so far,
 * keeping the seeded draw among all top nodes) can skip; `perNodeBound*` is the share of feasible
 * nodes that even a per-node bound leaves to evaluate (every score exact but BalancedAllocation's,
 * which depends on the pod's cpu/memory mix and is bounded by 100); `tightBound*` is the share an exact
 * best-first index on the resource scores before their integer floors would read (within 3 of the exact pair).
 *
 * In `templates` the container templates are Deployments: each template's pods carry its labels
 * and `pod-template-hash` and are controlled by its ReplicaSet (in the snapshot), so
 * PodTopologySpread's system default constraints (hostname maxSkew 3, zone maxSkew 5) score every
 * replica, as in a real cluster. `spread` (5,000 nodes in 10 zones) gives every Deployment a zone
 * spread constraint (maxSkew 1, DoNotSchedule) and one in ten of them a required hostname
 * anti-affinity on its own pods.
 */
import os from "node:os"
import type { BenchOptions, BenchResult, Benchmark } from "./Benchmark.ts"
import type { Profile } from "../src/scheduler/profile/Profile.ts"
import type { ControllerSelector } from "../src/scheduler/model/ClusterObjects.ts"
import type { SchedulingNode } from "../src/scheduler/model/SchedulingNode.ts"
import type { SchedulingPod } from "../src/scheduler/model/SchedulingPod.ts"
import { shipped } from "./shipped.ts"

// the compiled modules, as they ship (shipped.ts)
const { hotScheduler } = await shipped<typeof import("../src/scheduler/core/HotScheduler.ts")>("scheduler/core/HotScheduler.js")
const { readableScheduler } = await shipped<typeof import("../src/scheduler/readable/ReadableScheduler.ts")>("scheduler/readable/ReadableScheduler.js")
const { defaultProfile } = await shipped<typeof import("../src/scheduler/profile/Profile.ts")>("scheduler/profile/Profile.js")
const { nextInt, random } = await shipped<typeof import("../src/scheduler/select/Random.ts")>("scheduler/select/Random.js")
const { podRequests } = await shipped<typeof import("../src/scheduler/model/Requests.ts")>("scheduler/model/Requests.js")
const { syntheticNodes, syntheticPodGenerator } = await shipped<typeof import("../src/scheduler/workload/generate.ts")>("scheduler/workload/generate.js")

const SEED = 20261127

// Every node filtered and scored (percentageOfNodesToScore: 100), the measure; a cluster
// this size would otherwise be sampled (the adaptive default: 10 % of 5,000 nodes).
const FULL_SCAN: Profile = { ...defaultProfile, nodesToScore: "all" }

type Arrival = "templates" | "distinct" | "spread"

const ZONE = "topology.kubernetes.io/zone"

// A container template becomes Deployment number t: its labels, its ReplicaSet, and for the
// spread shape its constraints.
const asDeployment = (template: SchedulingPod, t: number, arrival: Arrival, rng: ReturnType<typeof random>): SchedulingPod => {
  if (template.requiresKvm) return template // VMI launcher pods belong to their VMI, not to a ReplicaSet
  const app = `app-${t}`
  const hash = (t * 2654435761 >>> 0).toString(16)
  const labels = { app, "pod-template-hash": hash }
  const spread =
    arrival === "spread"
      ? {
          topologySpreadConstraints: [{ maxSkew: 1, topologyKey: ZONE, whenUnsatisfiable: "DoNotSchedule" as const, labelSelector: { matchLabels: { app } } }],
          ...(nextInt(rng, 10) === 0
            ? { podAntiAffinity: { required: [{ labelSelector: { matchLabels: { app } }, namespaces: [], topologyKey: "kubernetes.io/hostname" }], preferred: [] } }
            : {}),
        }
      : {}
  return { ...template, namespace: "bench", labels, controller: { apiVersion: "apps/v1", kind: "ReplicaSet", name: `${app}-${hash}` }, ...spread }
}

/** Pods i = 0, 1, 2, … (called in order): the mixed workload, as Deployment-like templates with replicas or all distinct. */
const podGenerator = (arrival: Arrival, seed: number): ((i: number) => SchedulingPod) => {
  const draw = syntheticPodGenerator(seed)
  if (arrival === "distinct") return draw
  const rng = random(seed ^ 0x5bd1e995)
  let template: SchedulingPod | undefined
  let made = 0
  let left = 0
  return (i) => {
    if (left === 0) {
      template = asDeployment(draw(made), made, arrival, rng)
      made++
      left = 1 + nextInt(rng, 20)
    }
    left--
    return { ...(template as SchedulingPod), key: `bench/p${i}` }
  }
}

/** The ReplicaSets of the first `podCount` pods' templates (a real snapshot lists them all). */
const replicaSets = (arrival: Arrival, seed: number, podCount: number): ReadonlyArray<ControllerSelector> => {
  if (arrival === "distinct") return []
  const next = podGenerator(arrival, seed)
  const out = new Map<string, ControllerSelector>()
  for (let i = 0; i < podCount; i++) {
    const p = next(i)
    if (p.controller !== undefined && !out.has(p.controller.name)) {
      out.set(p.controller.name, { kind: "ReplicaSet", namespace: "bench", name: p.controller.name, selector: { matchLabels: p.labels ?? {} } })
    }
  }
  return [...out.values()]
}

// The spread shape's nodes: the same machines, in ten zones.
const inZones = (nodes: ReadonlyArray<SchedulingNode>, zones: number): ReadonlyArray<SchedulingNode> =>
  nodes.map((n, i) => ({ ...n, labels: { ...n.labels, [ZONE]: `zone-${i % zones}` } }))

const BLOCK = 64

/**
 * How much of the cluster any exact bound-ordered scan would still visit: the same arrivals
 * replayed on a fresh hot scheduler, every `every`-th of the first `count` pods scheduled with
 * explain. For each sampled pod: how many nodes tie at the top total, and the share of 64-node
 * blocks (in node order) holding one. The seeded tie-break draws among *all* top nodes in node
 * order, so a scan that skips blocks by an upper bound must still visit every block with a top
 * node (its bound cannot be below the top): that share is a floor on the nodes such a scan reads.
 */
const topTies = (arrival: Arrival, cluster: Parameters<typeof hotScheduler>[0], count: number, every: number) => {
  const next = podGenerator(arrival, SEED + 1)
  const s = hotScheduler(cluster, { seed: SEED, profile: FULL_SCAN })
  const index = new Map(cluster.nodes.map((n, i) => [n.name, i]))
  const blocks = Math.ceil(cluster.nodes.length / BLOCK)
  const ties: number[] = []
  const shares: number[] = []
  const bounded: number[] = []
  const tight: number[] = []
  // what the nodes hold (requested, and the scorers' non-zero form), for the tight bound below
  const n = cluster.nodes.length
  const held = { cpu: new Float64Array(n), memory: new Float64Array(n), nonZeroCpu: new Float64Array(n), nonZeroMemory: new Float64Array(n) }
  const allocCpu = Float64Array.from(cluster.nodes, (x) => x.allocatable["cpu"] ?? 0)
  const allocMemory = Float64Array.from(cluster.nodes, (x) => x.allocatable["memory"] ?? 0)
  for (let i = 0; i < count; i++) {
    const explain = i % every === every - 1
    const pod = next(i)
    const placement = s.schedule(pod, { explain })
    const request = podRequests(pod)
    const nonZero = podRequests(pod, true)
    const hold = (k: number): void => {
      held.cpu[k]! += request["cpu"] ?? 0
      held.memory[k]! += request["memory"] ?? 0
      held.nonZeroCpu[k]! += nonZero["cpu"] ?? 0
      held.nonZeroMemory[k]! += nonZero["memory"] ?? 0
    }
    if (!explain || placement.scores === undefined) {
      if (placement.node !== null) hold(index.get(placement.node) as number)
      continue
    }
    const feasible = placement.scores.filter((e) => e.feasible)
    if (feasible.length === 0) continue
    const top = Math.max(...feasible.map((e) => e.total))
    const atTop = feasible.filter((e) => e.total === top)
    ties.push(atTop.length)
    shares.push(new Set(atTop.map((e) => Math.floor((index.get(e.node) as number) / BLOCK))).size / blocks)
    // a per-node bound: every plugin's exact score but BalancedAllocation's, bounded by 100
    const w = FULL_SCAN.weights
    const bound = (e: (typeof feasible)[number]): number => e.total - (w.NodeResourcesBalancedAllocation ?? 0) * (e.plugins.NodeResourcesBalancedAllocation ?? 0) + (w.NodeResourcesBalancedAllocation ?? 0) * 100
    bounded.push(feasible.filter((e) => bound(e) >= top).length / feasible.length)
    // The tightest resource bound: LeastAllocated's mean and BalancedAllocation before their integer
    // floors, 100·(1 − (u_cpu + u_mem)/2) + 100·(1 − |f_cpu − f_mem|/2) with the pod added (u on the
    // non-zero requests, f on the requests), which the exact pair trails by less than 3. An exact
    // best-first index on it (every other score exact) reads every node whose bound reaches the top.
    const bestEffort = (request["cpu"] ?? 0) === 0 && (request["memory"] ?? 0) === 0 // BalancedAllocation skips it
    tight.push(
      feasible.filter((e) => {
        const k = index.get(e.node) as number
        const u = ((held.nonZeroCpu[k]! + (nonZero["cpu"] ?? 0)) / allocCpu[k]! + (held.nonZeroMemory[k]! + (nonZero["memory"] ?? 0)) / allocMemory[k]!) / 2
        const fCpu = Math.min(1, (held.cpu[k]! + (request["cpu"] ?? 0)) / allocCpu[k]!)
        const fMemory = Math.min(1, (held.memory[k]! + (request["memory"] ?? 0)) / allocMemory[k]!)
        const exact = (e.plugins.NodeResourcesFit ?? 0) + (e.plugins.NodeResourcesBalancedAllocation ?? 0)
        const tightBound = 100 * (1 - u) + (bestEffort ? 0 : 100 * (1 - Math.abs(fCpu - fMemory) / 2))
        return e.total - exact + tightBound >= top
      }).length / feasible.length,
    )
    if (placement.node !== null) hold(index.get(placement.node) as number)
  }
  const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0
  const mean = (xs: number[]): number => xs.reduce((x, y) => x + y, 0) / Math.max(1, xs.length)
  return {
    sampledPods: ties.length,
    topTiesMedian: median(ties),
    topTiesMean: mean(ties),
    blocksAtTopMedian: median(shares),
    blocksAtTopMean: mean(shares),
    perNodeBoundMedian: median(bounded),
    perNodeBoundMean: mean(bounded),
    tightBoundMedian: median(tight),
    tightBoundMean: mean(tight),
  }
}

const measure = (
  name: string,
  arrival: Arrival,
  nodeCount: number,
  podCount: number,
  referencePods: number,
  budgetSeconds: number,
  options: BenchOptions,
): BenchResult => {
  options.progress(`building ${nodeCount} nodes, ${podCount} pods`)
  const nodes = arrival === "spread" ? inZones(syntheticNodes(nodeCount, SEED), 10) : syntheticNodes(nodeCount, SEED)
  // the first pods are kept (reference, warm-up); the rest are generated as they are scheduled
  const first = podGenerator(arrival, SEED + 1)
  const pods = Array.from({ length: referencePods }, (_, i) => first(i))
  const next = podGenerator(arrival, SEED + 1)
  const cluster = { nodes, bound: [], controllers: replicaSets(arrival, SEED + 1, podCount) }

  // Warm both up (JIT) on a throwaway cluster, so the prefix measures steady-state code.
  options.progress("warming up")
  const warmReadable = readableScheduler(cluster, { seed: SEED, profile: FULL_SCAN })
  for (let i = 0; i < Math.min(100, referencePods); i++) warmReadable.schedule(pods[i]!)
  const warmHot = hotScheduler(cluster, { seed: SEED, profile: FULL_SCAN })
  for (let i = 0; i < referencePods; i++) warmHot.schedule(pods[i]!)

  // Reference and hot path on the same prefix, each from an empty cluster.
  options.progress(`readable σ on the first ${referencePods} pods`)
  const readable = readableScheduler(cluster, { seed: SEED, profile: FULL_SCAN })
  let start = process.hrtime.bigint()
  for (let i = 0; i < referencePods; i++) readable.schedule(pods[i]!)
  const referencePodsPerSecond = referencePods / (Number(process.hrtime.bigint() - start) / 1e9)
  const prefix = hotScheduler(cluster, { seed: SEED, profile: FULL_SCAN })
  start = process.hrtime.bigint()
  for (let i = 0; i < referencePods; i++) prefix.schedule(pods[i]!)
  const prefixPodsPerSecond = referencePods / (Number(process.hrtime.bigint() - start) / 1e9)

  // The full batch (or as much as the time budget allows).
  const hot = hotScheduler(cluster, { seed: SEED, profile: FULL_SCAN })
  let scheduled = 0
  let bound = 0
  const cpuStart = process.cpuUsage()
  start = process.hrtime.bigint()
  const deadline = start + BigInt(Math.round(budgetSeconds * 1e9))
  for (; scheduled < podCount; scheduled++) {
    if (hot.schedule(next(scheduled)).node !== null) bound++
    if (scheduled % 2000 === 1999) {
      options.progress(`hot path ${scheduled + 1}/${podCount} pods`)
      if (process.hrtime.bigint() > deadline) {
        scheduled++
        break
      }
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  // CPU time of this process: on a shared, loaded machine wall time also counts time waiting for a core
  const cpu = process.cpuUsage(cpuStart)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  const podsPerSecond = scheduled / seconds
  const f = hot.footprint()
  const indexed = hot.indexed()
  // the tie analysis at 5,000 nodes (50,000 would take minutes of explain)
  options.progress("top-total ties")
  const ties = nodeCount <= 5000 ? topTies(arrival, cluster, options.quick ? 5000 : 20_000, options.quick ? 50 : 100) : {}
  const bytes = f.snapshotBytes + f.scratchBytes + f.cacheBytes
  return {
    name,
    unit: "pods/s",
    // the compiled modules both paths ran (shipped.ts)
    code: "dist",
    arrival,
    value: Math.round(podsPerSecond),
    nodes: nodeCount,
    pods: scheduled,
    podsRequested: podCount,
    bound,
    seconds,
    cpuSeconds,
    podsPerSecond: Math.round(podsPerSecond),
    podsPerCpuSecond: Math.round(scheduled / cpuSeconds),
    // CPU time per pod per node of the cluster (a scan filters and scores every node; the
    // best-first index, below, reads fewer)
    cpuNanosecondsPerNode: (cpuSeconds * 1e9) / (scheduled * nodeCount),
    // pods the best-first index placed (one-off signatures), and the nodes it scored for each
    indexedShare: indexed.pods / Math.max(1, scheduled),
    nodesReadPerIndexedPod: indexed.nodesRead / Math.max(1, indexed.pods),
    loadAverage: os.loadavg()[0],
    referencePods,
    referencePodsPerSecond: Math.round(referencePodsPerSecond),
    prefixPodsPerSecond: Math.round(prefixPodsPerSecond),
    ratio: prefixPodsPerSecond / referencePodsPerSecond,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    bytesPerNode: bytes / nodeCount,
    snapshotBytesPerNode: f.snapshotBytes / nodeCount,
    scratchBytesPerNode: f.scratchBytes / nodeCount,
    cacheBytesPerNode: f.cacheBytes / nodeCount,
    ...ties,
  }
}

/** 5,000 nodes, 100,000 pods (20,000 with --quick), Deployment-like arrivals. */
export const schedule5k: Benchmark = {
  name: "schedule-5k",
  description: "hot-path scheduler vs readable σ, 5,000 nodes, mixed pods/VMIs from templates with replicas, full scan (default profile, percentageOfNodesToScore 100)",
  run: (options) =>
    measure("schedule-5k", "templates", 5000, options.quick ? 20_000 : 100_000, options.quick ? 200 : 1000, options.quick ? 30 : 600, options),
}

/** The same at 5,000 nodes with every pod distinct (no two consecutive pods share a template). */
export const schedule5kDistinct: Benchmark = {
  name: "schedule-5k-distinct",
  description: "hot-path scheduler vs readable σ, 5,000 nodes, mixed pods/VMIs all distinct, full scan (default profile, percentageOfNodesToScore 100)",
  run: (options) =>
    measure("schedule-5k-distinct", "distinct", 5000, options.quick ? 20_000 : 100_000, options.quick ? 200 : 1000, options.quick ? 30 : 600, options),
}

/** 5,000 nodes in 10 zones: Deployments with a zone spread constraint, one in ten with hostname anti-affinity. */
export const schedule5kSpread: Benchmark = {
  name: "schedule-5k-spread",
  description: "hot-path scheduler vs readable σ, 5,000 nodes in 10 zones, Deployments with zone spread (DoNotSchedule) and 10 % hostname anti-affinity, full scan",
  run: (options) =>
    measure("schedule-5k-spread", "spread", 5000, options.quick ? 10_000 : 50_000, options.quick ? 100 : 500, options.quick ? 30 : 600, options),
}

/** 50,000 nodes, 1,000,000 pods requested; stops at a time budget and reports the prefix measured. */
export const schedule50k: Benchmark = {
  name: "schedule-50k",
  description: "hot-path scheduler, 50,000 nodes, 1M pods from templates (a time-boxed prefix), full scan",
  run: (options) => measure("schedule-50k", "templates", 50_000, 1_000_000, options.quick ? 20 : 100, options.quick ? 10 : 120, options),
}
