/**
 * Verdicts for S11 (scheduling) and S9.2 (preemption), computed by running the scheduler.
 *
 * @since 0.1.0
 */
import type { ClaimCheck, ClaimResult } from "../claims/Claim.ts"
import { hotScheduler } from "./core/HotScheduler.ts"
import { podRequests } from "./model/Requests.ts"
import { node, type SchedulingNode } from "./model/SchedulingNode.ts"
import { pod, type SchedulingPod } from "./model/SchedulingPod.ts"
import { describeProfile } from "./profile/describeProfile.ts"
import { defaultProfile, vmAwareProfile } from "./profile/Profile.ts"
import { readableScheduler } from "./readable/ReadableScheduler.ts"
import { nextInt, random } from "./select/Random.ts"
import { syntheticNodes, syntheticPods } from "./workload/generate.ts"

/** What S11.1's check measured over a batch. @since 0.1.0 @category model */
export interface ArgminEvidence {
  readonly pods: number
  readonly bound: number
  /** Bound pods not placed on a node of the top total. */
  readonly notArgmax: number
  /** Bound pods placed outside {n | request ≤ available}. */
  readonly outsidePullback: number
  /** Pods whose feasible set is smaller than the resource pullback. */
  readonly pullbackLarger: number
}

/**
 * S11.1 from its evidence. The seed gives no cost (S11.2's weights are missing), so the argmin
 * can only be read with kube-scheduler's own total as the cost, where it holds by construction;
 * what can fail is the constraint: a pod bound outside the resource pullback, or (with that
 * reading) off the top total. Otherwise `underdetermined`: no cost, and a stated constraint that
 * is not the feasible set when other filters shrink it.
 *
 * @since 0.1.0
 * @category claims
 */
export const argminVerdict = (e: ArgminEvidence): ClaimResult => ({
  verdict: e.outsidePullback > 0 || e.notArgmax > 0 ? "fails" : "underdetermined",
  summary:
    `The seed gives no cost function (S11.2's weights are missing). Read with cost = (best total − total), kube-scheduler's choice is an argmin by construction (${e.bound} of ${e.pods} pods bound, ${e.notArgmax} not at the top total), ` +
    `and it stays inside the resource pullback {n | request ≤ available} (${e.outsidePullback} outside). ` +
    `But that constraint is not the feasible set: for ${e.pullbackLarger} of ${e.pods} pods it is smaller (pod count, taints, affinity, KVM/feature and NUMA filters are constraints too)` +
    (e.outsidePullback > 0 || e.notArgmax > 0 ? "." : `, so "argmin subject to request ≤ available" names neither the cost nor all the constraints: "holds" would rest on a cost chosen to make it true.`),
  evidence: e,
})

/** One scheduling phase or extension the seed names in S11.4, and what implements it upstream (null: nothing does). @since 0.1.0 @category model */
export interface SeedPhase {
  readonly seed: string
  readonly phase: "filter" | "score" | "reserve" | "bind" | "preempt"
  readonly upstream: string | null
}

/**
 * The phases and extensions S11.4 names, with what kube-scheduler v1.35 or KubeVirt v1.9
 * implements them by.
 *
 * @since 0.1.0
 * @category constants
 */
export const seedPhases: ReadonlyArray<SeedPhase> = [
  { seed: "PodFitsResources", phase: "filter", upstream: "NodeResourcesFit (PodFitsResources before v1.19)" },
  { seed: "+VM capacity/KVM", phase: "filter", upstream: "NodeResourcesFit on devices.kubevirt.io/kvm, plus KubeVirt's node labels" },
  { seed: "LeastRequested", phase: "score", upstream: "NodeResourcesFit LeastAllocated (LeastRequested before v1.23)" },
  { seed: "+VM density NUMA", phase: "score", upstream: null },
  { seed: "volume binding", phase: "reserve", upstream: "VolumeBinding" },
  { seed: "+disk format", phase: "reserve", upstream: null },
  { seed: "bind", phase: "bind", upstream: "DefaultBinder" },
  { seed: "PriorityClass, +eviction", phase: "preempt", upstream: "DefaultPreemption" },
]

/**
 * S11.4 from its evidence: `holds` when every phase and extension the seed names has an upstream
 * counterpart and a preemption ran (victims found); `fails` naming those that have none.
 *
 * @since 0.1.0
 * @category claims
 */
export const phasesVerdict = (phases: ReadonlyArray<SeedPhase>, victims: ReadonlyArray<string>, profile: string): ClaimResult => {
  const missing = phases.filter((p) => p.upstream === null)
  const ok = missing.length === 0 && victims.length > 0
  return {
    verdict: ok ? "holds" : "fails",
    summary:
      `The cycle runs kube-scheduler v1.35's default profile (${profile}), plus KubeVirt's capability filter and a NUMA fit (VmCapabilities, NumaFit) in the VM-aware profile; ` +
      `${phases.length - missing.length} of the ${phases.length} phases and extensions the seed names have a counterpart (${phases.filter((p) => p.upstream !== null).map((p) => `${p.seed} → ${p.upstream}`).join("; ")}); preempt found ${victims.length} victim(s) for a critical pod. ` +
      (missing.length > 0 ? `${missing.map((p) => `"${p.seed}" (${p.phase})`).join(" and ")} ${missing.length === 1 ? "is" : "are"} no kube-scheduler or KubeVirt phase or plugin (CDI imports a DataVolume before its VMI is scheduled). ` : "") +
      "Grace periods are not simulated.",
    evidence: { phases, missing: missing.map((p) => p.seed), victims, profile },
  }
}

/**
 * S11.6 from its evidence: a placement is a section only if no NUMA cell is over-used (fails
 * otherwise); the lift "to the nearest cell (argmin distance)" is `underdetermined`, since the
 * seed never defines the distance (best fit is this model's reading).
 *
 * @since 0.1.0
 * @category claims
 */
export const fibreVerdict = (cellCpusUsed: ReadonlyArray<number>, cellCpusCapacity: ReadonlyArray<number>): ClaimResult => {
  const over = cellCpusUsed.flatMap((u, i) => (u > (cellCpusCapacity[i] ?? 0) ? [i] : []))
  return {
    verdict: over.length > 0 ? "fails" : "underdetermined",
    summary:
      `Fibres are the NUMA cells of each node; a dedicated-CPU VMI lifts to one cell by best fit (argmin of CPUs, then memory, left over); cell usage after the batch: ${JSON.stringify(cellCpusUsed)} of ${JSON.stringify(cellCpusCapacity)} CPUs` +
      (over.length > 0 ? `: cell(s) ${over.join(", ")} over-used, so the placement is no section.` : `, so the placement is a section. The seed never defines "distance", so which cell is "nearest" is not determined by it.`),
    evidence: { cellCpusUsed, cellCpusCapacity, overUsed: over },
  }
}

const Gi = 2 ** 30
const SEED = 20261127

/** S11.1 on a synthetic batch: resource pullback, argmax of the total, and the extra constraints. */
const argmaxCheck = () => {
  const nodes = syntheticNodes(40, SEED)
  const pods = syntheticPods(400, SEED + 1)
  const s = readableScheduler({ nodes, bound: [] }, { seed: SEED })
  const used = new Map<string, Record<string, number>>(nodes.map((n) => [n.name, {}]))
  let bound = 0
  let notArgmax = 0
  let outsidePullback = 0
  let pullbackLarger = 0
  for (const p of pods) {
    const req = podRequests(p)
    const inPullback = (n: SchedulingNode): boolean =>
      Object.entries(req).every(([r, v]) => v <= (n.allocatable[r] ?? 0) - ((used.get(n.name) as Record<string, number>)[r] ?? 0))
    const pullback = nodes.filter(inPullback).map((n) => n.name)
    const placement = s.schedule(p, { explain: true, preempt: false })
    const feasible = (placement.scores ?? []).filter((e) => e.feasible)
    if (feasible.length < pullback.length) pullbackLarger++
    if (placement.node === null) continue
    bound++
    const chosen = feasible.find((e) => e.node === placement.node)
    if (chosen === undefined || feasible.some((e) => e.total > chosen.total)) notArgmax++
    if (!pullback.includes(placement.node)) outsidePullback++
    const u = used.get(placement.node) as Record<string, number>
    for (const [r, v] of Object.entries(req)) u[r] = (u[r] ?? 0) + v
  }
  return { nodes: nodes.length, pods: pods.length, bound, notArgmax, outsidePullback, pullbackLarger, seed: SEED }
}

/** S11.2: three nodes where kube-scheduler strictly prefers the balanced one. */
const linearCostCheck = () => {
  // used (cpu, memory) before the pod: A 50 %/50 %, B 40 %/60 %, C 60 %/40 % of 10 cpu / 10 Gi
  const mk = (name: string, cpu: number, mem: number): { n: SchedulingNode; filler: SchedulingPod } => ({
    n: node(name, { cpu: 10_000, memory: 10 * Gi, pods: 110 }),
    filler: pod(`fill/${name}`, { cpu, memory: mem * Gi }),
  })
  const parts = [mk("A", 5000, 5), mk("B", 4000, 6), mk("C", 6000, 4)]
  const s = readableScheduler({ nodes: parts.map((p) => p.n), bound: parts.map((p) => ({ pod: p.filler, node: p.n.name })) })
  const placement = s.schedule(pod("d/probe", { cpu: 1000, memory: Gi }), { explain: true })
  const scores = (placement.scores ?? []).map((e) => ({ node: e.node, plugins: e.plugins, total: e.total }))
  // cost = w₁·cpu_used_fraction + w₂·memory_used_fraction (+ w₃·network_topology, 0 here): A is
  // the strict argmin for no (w₁, w₂) > 0, since cost(A) = (cost(B) + cost(C)) / 2 ≥ min.
  // used percentages with the probe (1 cpu, 1Gi) added; integers so that ties are exact
  const fractions: Record<string, readonly [number, number]> = { A: [60, 60], B: [50, 70], C: [70, 50] }
  let weightsMakingAStrictArgmin = 0
  for (let w1 = 1; w1 <= 10; w1++) {
    for (let w2 = 1; w2 <= 10; w2++) {
      const cost = (k: string) => w1 * (fractions[k] as readonly [number, number])[0] + w2 * (fractions[k] as readonly [number, number])[1]
      if (cost("A") < cost("B") && cost("A") < cost("C")) weightsMakingAStrictArgmin++
    }
  }
  return { chosen: placement.node, scores, weightsMakingAStrictArgmin, weightGrid: "w₁, w₂ ∈ 1..10" }
}

/** S11.5: two identical nodes, one pod: equal top totals, and the seed decides. */
const tieCheck = () => {
  const nodes = [node("twin-a", { cpu: 4000, memory: 8 * Gi, pods: 110 }), node("twin-b", { cpu: 4000, memory: 8 * Gi, pods: 110 })]
  const probe = pod("d/web", { cpu: 500, memory: Gi })
  const explain = readableScheduler({ nodes, bound: [] }).schedule(probe, { explain: true }).scores ?? []
  const bySeed: Record<string, number> = {}
  for (let seed = 0; seed < 20; seed++) {
    const n = hotScheduler({ nodes, bound: [] }, { seed }).schedule(probe).node ?? "none"
    bySeed[n] = (bySeed[n] ?? 0) + 1
  }
  return { totals: explain.map((e) => ({ node: e.node, total: e.total, plugins: e.plugins })), chosenOver20Seeds: bySeed }
}

/** S11.3 / S11.6: VM constraints and the NUMA lift. */
const vmCheck = () => {
  const cells = [
    { cpus: 4, memoryBytes: 16 * Gi, hugepagesBytes: 0 },
    { cpus: 4, memoryBytes: 16 * Gi, hugepagesBytes: 0 },
  ]
  const labels = (name: string, vmx: boolean): Record<string, string> => ({
    "kubernetes.io/hostname": name,
    ...(vmx ? { "cpu-feature.node.kubevirt.io/vmx": "true" } : {}),
  })
  const nodes = [
    node("novmx", { cpu: 16_000, memory: 64 * Gi, pods: 110, "devices.kubevirt.io/kvm": 1000 }, { labels: labels("novmx", false), numaCells: cells }),
    node("vmx", { cpu: 8000, memory: 32 * Gi, pods: 110, "devices.kubevirt.io/kvm": 1000 }, { labels: labels("vmx", true), numaCells: cells }),
  ]
  const vmi = (key: string, vcpus: number) =>
    pod(key, { cpu: vcpus * 1000, memory: 2 * Gi, "devices.kubevirt.io/kvm": 1 }, {
      requiresKvm: true,
      requiredFeatures: ["vmx"],
      numa: { vcpus, memoryBytes: 2 * Gi, hugepages: false },
    })
  // catcluster's VM filters (KVM / CPU features named, one-cell NUMA fit) are off in kube-scheduler's default profile
  const s = hotScheduler({ nodes, bound: [] }, { profile: vmAwareProfile })
  const results = [vmi("vm/a", 3), vmi("vm/b", 1), vmi("vm/c", 5), vmi("vm/d", 4), vmi("vm/e", 1)].map((p) => {
    const r = s.schedule(p, { explain: true })
    return { pod: p.key, vcpus: p.numa?.vcpus, node: r.node, reasons: r.node === null ? r.reasons : [] }
  })
  const a = s.arrays
  const cellUse = Array.from(a.cellCpuCap, (cap, c) => cap - (a.cellCpuFree[c] ?? 0))
  return { results, cellCpusUsed: cellUse, cellCpusCapacity: [...a.cellCpuCap] }
}

/** S9.2: a full node, a higher-priority pod, the victims. */
const preemptionCheck = () => {
  const priorities = { BestEffort: 0, Development: 1000, Production: 100_000, SystemCritical: 2_000_000_000 }
  const nodes = [node("n1", { cpu: 4000, memory: 8 * Gi, pods: 110 }), node("n2", { cpu: 4000, memory: 8 * Gi, pods: 110 })]
  const rng = random(SEED)
  const tiers = Object.entries(priorities)
  const bound = Array.from({ length: 8 }, (_, i) => {
    const [tier, priority] = tiers[nextInt(rng, 3)] as [string, number]
    return { pod: pod(`w/${tier}-${i}`, { cpu: 1000 }, { priority }), node: i % 2 === 0 ? "n1" : "n2" }
  })
  const s = readableScheduler({ nodes, bound })
  const r = s.schedule(pod("sys/critical", { cpu: 1500 }, { priority: priorities.SystemCritical }))
  const victimPriorities = r.victims.map((v) => bound.find((b) => b.pod.key === v)?.pod.priority)
  return { bound: bound.map((b) => ({ pod: b.pod.key, node: b.node, priority: b.pod.priority })), placement: r, victimPriorities }
}

/** @since 0.1.0 @category claims */
export const claims: ReadonlyArray<ClaimCheck> = [
  {
    id: "S11.1",
    statement: "Sched(p, N) = argmin over nodes of cost(p, n) subject to request(p, r) ≤ available(n, r) for every resource r.",
    source: "src/scheduler/claims.ts argmaxCheck (readableScheduler explain mode)",
    check: () => argminVerdict(argmaxCheck()),
  },
  {
    id: "S11.2",
    statement: "cost = w₁·cpu_fragmentation + w₂·memory_pressure + w₃·network_topology.",
    source: "src/scheduler/claims.ts linearCostCheck (readableScheduler explain mode)",
    check: () => {
      const e = linearCostCheck()
      const fails = e.chosen === "A" && e.weightsMakingAStrictArgmin === 0
      return {
        verdict: fails ? "fails" : "holds",
        summary: `Reading the terms as used fractions (network_topology has no default scorer: 0), no positive weights reproduce kube-scheduler: on nodes A 50/50 %, B 40/60 %, C 60/40 % it strictly picks ${e.chosen} (BalancedAllocation rewards balance, a non-linear term), while cost(A) = (cost(B) + cost(C))/2 makes A the strict argmin for ${e.weightsMakingAStrictArgmin} weight pairs in ${e.weightGrid}.`,
        evidence: e,
      }
    },
  },
  {
    id: "S11.3",
    statement: "VMs additionally need CPU features (VT-x, SR-IOV) and a NUMA fit: all vCPUs on one NUMA node, memory on the same node.",
    source: "src/scheduler/claims.ts vmCheck (hotScheduler, plugins/VmCapabilities.ts, plugins/NumaFit.ts)",
    check: () => {
      const e = vmCheck()
      const novmxUsed = e.results.some((r) => r.node === "novmx")
      const fiveRejected = e.results.find((r) => r.pod === "vm/c")?.node === null
      const ok = !novmxUsed && fiveRejected && e.cellCpusUsed.every((u, i) => u <= (e.cellCpusCapacity[i] ?? 0))
      return {
        verdict: ok ? "holds" : "fails",
        summary: `Modelled as KubeVirt does it (cpu-feature labels, the KVM device) plus a per-cell fit: a VMI requiring vmx never lands on the node without it, and a 5-vCPU dedicated VMI is rejected on an 8-CPU node whose cells hold 4 each ("${e.results.find((r) => r.pod === "vm/c")?.reasons.find((x) => x.includes("NUMA")) ?? ""}"). In real clusters the NUMA fit is enforced by the kubelet's topology manager, not the scheduler.`,
        evidence: e,
      }
    },
  },
  {
    id: "S11.4",
    statement:
      "Phases: filter (PodFitsResources, +VM capacity/KVM), score (LeastRequested, +VM density NUMA), reserve (volume binding, +disk format), bind, preempt (PriorityClass, +eviction; VM graceful shutdown ~30 s).",
    source: "src/scheduler/readable/ReadableScheduler.ts schedule; src/scheduler/preemption/Preemption.ts",
    check: () => {
      const e = preemptionCheck()
      const r = phasesVerdict(seedPhases, e.placement.victims, describeProfile(defaultProfile))
      return { ...r, evidence: { ...(r.evidence as object), preemption: e.placement } }
    },
  },
  {
    id: "S11.5",
    statement: "A unique optimal node exists (a unique limit object).",
    source: "src/scheduler/claims.ts tieCheck (readableScheduler explain, hotScheduler over 20 seeds)",
    check: () => {
      const e = tieCheck()
      const top = Math.max(...e.totals.map((t) => t.total))
      const tied = e.totals.filter((t) => t.total === top)
      return {
        verdict: tied.length > 1 ? "fails" : "holds",
        summary: `Two identical nodes tie at total ${top} (${tied.map((t) => t.node).join(", ")}); kube-scheduler breaks the tie at random, and over 20 seeds the choice splits ${JSON.stringify(e.chosenOver20Seeds)}. The optimum is unique only up to isomorphism, as a limit is.`,
        evidence: e,
      }
    },
  },
  {
    id: "S11.6",
    statement: "Resource fibre bundle: base = nodes, fibre = a node's (CPU, memory) per NUMA cell; placement = a section; VM placement lifts to the nearest NUMA cell (argmin distance).",
    source: "src/scheduler/plugins/NumaFit.ts bestFitCell; src/scheduler/claims.ts vmCheck",
    check: () => {
      const e = vmCheck()
      return fibreVerdict(e.cellCpusUsed, e.cellCpusCapacity)
    },
  },
  {
    id: "S9.2",
    statement: "Priority order SystemCritical > Production > Development > BestEffort; preemption evicts lower-priority victims when capacity is short (findVictims).",
    source: "src/scheduler/preemption/Preemption.ts preempt, selectVictimsOnNode; src/scheduler/claims.ts preemptionCheck",
    check: () => {
      const e = preemptionCheck()
      const lower = e.victimPriorities.every((p) => p !== undefined && p < 2_000_000_000)
      const ok = e.placement.node !== null && e.placement.victims.length > 0 && lower
      return {
        verdict: ok ? "holds" : "fails",
        summary: `Priorities are PriorityClass integers (any four tiers embed in that total order). On a full cluster a SystemCritical pod is placed on ${e.placement.node} by evicting ${e.placement.victims.join(", ")} (priorities ${e.victimPriorities.join(", ")}), all lower; kube-scheduler then reprieves every victim it can, so findVictims is minimal per node, not "all lower".`,
        evidence: e,
      }
    },
  },
]
