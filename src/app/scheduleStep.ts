import { UserError } from "../cli/UserError.ts"
import { showAmount } from "../domain/resources/ResourceVector.ts"
import { heatMap } from "../report/Chart.ts"
import { figure, paragraph, table } from "../report/Html.ts"
import { modelFromDecoded, type ModelInput } from "../scheduler/adapters/fromManifests.ts"
import { storageGaps } from "../scheduler/adapters/storageGaps.ts"
import { batchScheduler, runQueue } from "../scheduler/batch.ts"
import { nominationWarnings } from "../scheduler/nominations.ts"
import { noStorage } from "../scheduler/model/Volumes.ts"
import type { SchedulingNode } from "../scheduler/model/SchedulingNode.ts"
import { assignedPodRequests } from "../scheduler/model/Requests.ts"
import type { Placement } from "../scheduler/Placement.ts"
import { describeProfile } from "../scheduler/profile/describeProfile.ts"
import { defaultProfile, SCORE_PLUGINS } from "../scheduler/profile/Profile.ts"
import { SchedulerInputError } from "../scheduler/SchedulerInputError.ts"
import type { Step } from "./Step.ts"
import type { Context } from "./steps.ts"
import { userCluster } from "./userCluster.ts"

/**
 * The main job's scheduling step: the model's pods, controller replicas, VMs and VMIs (as
 * virt-launcher pods, Ω′) scheduled as kube-scheduler v1.35 does, by the typed-array hot path,
 * checked against the readable σ on the same input, and the result checked against capacity.
 *
 * On a large cluster the readable σ (about 30× slower) is run on the first pods only, as many
 * as {@link READABLE_BUDGET} node evaluations allow, and per-node scores are kept for the first
 * {@link EXPLAINED_PODS} pods (the heat map); every pending pod still gets kube-scheduler's
 * reasons.
 *
 * @since 0.1.0
 * @category steps
 */

/** Node evaluations (pods × nodes) the readable σ may spend on the cross-check. @since 0.1.0 @category constants */
export const READABLE_BUDGET = 400_000

/** Below this many node evaluations every pod is explained (scores per node). @since 0.1.0 @category constants */
export const EXPLAIN_ALL_BELOW = 20_000

/** Pods explained on a larger cluster (the heat map's rows). @since 0.1.0 @category constants */
export const EXPLAINED_PODS = 40

const ZONE = "topology.kubernetes.io/zone"

/** Placed pods listed in the table of a large cluster (pending ones are all listed). */
const LISTED_PLACED = 100

/** Per zone: nodes, pods placed there and requested vs allocatable cpu and memory. */
const zoneRows = (nodes: ReadonlyArray<SchedulingNode>, used: ReadonlyMap<string, ReadonlyMap<string, number>>) => {
  const zones = new Map<string, { nodes: number; pods: number; cpu: number; cpuAllocatable: number; memory: number; memoryAllocatable: number }>()
  for (const n of nodes) {
    const zone = n.labels[ZONE] ?? "(no zone label)"
    const z = zones.get(zone) ?? { nodes: 0, pods: 0, cpu: 0, cpuAllocatable: 0, memory: 0, memoryAllocatable: 0 }
    const u = used.get(n.name)
    z.nodes++
    z.pods += u?.get("pods") ?? 0
    z.cpu += u?.get("cpu") ?? 0
    z.memory += u?.get("memory") ?? 0
    z.cpuAllocatable += n.allocatable["cpu"] ?? 0
    z.memoryAllocatable += n.allocatable["memory"] ?? 0
    zones.set(zone, z)
  }
  return [...zones].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([zone, z]) => ({ zone, ...z }))
}

const percent = (a: number, b: number): string => (b === 0 ? "–" : `${((100 * a) / b).toFixed(1)} %`)

/** The main job's scheduling step. @since 0.1.0 @category steps */
export const scheduleStep: Step<Context> = {
  name: "schedule",
  run: async (ctx, progress) => {
    const uc = userCluster(ctx)
    let input: ModelInput
    try {
      input = modelFromDecoded(uc.files)
    } catch (error) {
      if (error instanceof SchedulerInputError) throw new UserError(error.message)
      throw error
    }
    const { nodes, workload, cluster } = input
    const pods = workload.pending
    const config = ctx.scheduler ?? { profile: defaultProfile, profiles: [] }
    const profile = config.profile
    // each pod by the profile its schedulerName names, in the queue's order (PrioritySort); placements kept in input order
    const hot = batchScheduler(cluster, pods, { profile, profiles: config.profiles, seed: ctx.seed })
    const explainAll = pods.length * Math.max(1, nodes.length) <= EXPLAIN_ALL_BELOW
    const explained = (i: number) => explainAll || i < EXPLAINED_PODS
    // when the configuration already runs on the readable σ there is nothing to cross-check
    const checked = hot.engine === "readable" ? 0 : Math.min(pods.length, Math.max(EXPLAINED_PODS, Math.floor(READABLE_BUDGET / Math.max(1, nodes.length))))

    progress.start(`scheduling ${pods.length} pods on ${nodes.length} nodes`, pods.length + checked)
    // the batch's queue (runQueue): a pod whose controller waits for others is created once they are placed
    const { placements, attempted } = runQueue(pods, hot.order, (i) => hot.schedule(i, explained(i)), {
      attempted: (done, i) => (done % 200 === 1 ? progress.update(done - 1, pods[i]!.key) : undefined),
    })
    // The readable σ on the first `checked` pods of its own queue, from the same start: the hot
    // path's first placements are what it would give on that prefix alone (scheduling is sequential).
    const readable = batchScheduler(cluster, pods, { profile, profiles: config.profiles, seed: ctx.seed, engine: "readable" })
    const disagreements: string[] = []
    const cross = runQueue(pods, readable.order, (i) => readable.schedule(i, explained(i)), {
      limit: checked,
      attempted: (k, i) => (k % 50 === 1 ? progress.update(pods.length + k - 1, `readable σ: ${pods[i]!.key}`) : undefined),
    })
    cross.attempted.forEach((i, k) => {
      const r = cross.placements[i]!
      const p = placements[i]!
      if (attempted[k] !== i || p.node !== r.node || JSON.stringify(p.scores) !== JSON.stringify(r.scores)) disagreements.push(`${p.pod}: hot path → ${p.node}, readable σ → ${r.node}`)
    })

    // σ respects capacity: re-add every placed pod's effective request per node (a bound pod's as
    // the scheduler counts it, with a resize in flight) and compare.
    const used = new Map<string, Map<string, number>>()
    const all = [...workload.bound.map((b) => ({ pod: b.pod, node: b.node as string | null })), ...placements.map((p, i) => ({ pod: pods[i]!, node: p.node }))]
    for (const { pod, node } of all) {
      if (node === null) continue
      const u = used.get(node) ?? new Map<string, number>()
      for (const [r, v] of Object.entries(assignedPodRequests(pod).requests)) u.set(r, (u.get(r) ?? 0) + v)
      u.set("pods", (u.get("pods") ?? 0) + 1)
      used.set(node, u)
    }
    const overcommits = nodes.flatMap((n) =>
      [...(used.get(n.name) ?? new Map<string, number>())].filter(([r, v]) => v > (n.allocatable[r] ?? 0)).map(([r, v]) => `${n.name}: ${r} ${showAmount(r, BigInt(Math.round(v)))} > ${showAmount(r, BigInt(Math.round(n.allocatable[r] ?? 0)))}`),
    )
    const zones = zoneRows(nodes, used)
    const shownNodes = new Set(nodes.slice(0, 40).map((n) => n.name))
    const rows = placements.flatMap((p) => (p.scores ?? []).filter((s) => shownNodes.has(s.node)).map((s) => ({ pod: p.pod, node: s.node, total: s.feasible ? s.total : 0 })))
    const bound = placements.filter((p) => p.node !== null).length
    const pending = placements.filter((p) => p.node === null)
    // the pods their controllers never created (OrderedReady) never needed their storage
    const gaps = storageGaps(pods.filter((_, i) => placements[i]?.notCreated !== true), cluster.storage ?? noStorage)
    const nominations = nominationWarnings(pods, profile)
    const summary =
      `${bound}/${placements.length} placed on ${nodes.length} nodes, ${workload.skipped.length} documents not scheduled; ` +
      (gaps.length > 0 ? `${gaps.length} storage warning${gaps.length === 1 ? "" : "s"} (objects the pods need are not in the input); ` : "") +
      (workload.rejected.length > 0 ? `${workload.rejected.length} pods naming their node rejected by its kubelet; ` : "") +
      (hot.engine === "hot"
        ? `hot path ≡ readable σ${checked < pods.length ? ` on the first ${checked}` : ""}: ${disagreements.length === 0 ? "yes" : `NO (${disagreements.length})`}; `
        : "readable σ (the configuration needs it); ") +
      `overcommitted nodes: ${overcommits.length}`
    progress.stop(summary)
    const svg = rows.length > 0 ? await heatMap("Weighted score per pod and node (0 = infeasible)", rows, { x: "node", y: "pod", value: "total" }) : undefined
    // each enabled score plugin's own (normalised, unweighted) score on the chosen node
    const scorers = SCORE_PLUGINS.filter((name) => profile.weights[name] !== undefined)
    const chosen = placements.flatMap((p) => {
      const at = p.node === null ? undefined : (p.scores ?? []).find((s) => s.node === p.node && s.feasible)
      return at === undefined ? [] : [[p.pod, p.node as string, ...scorers.map((name) => at.plugins[name] ?? "skip"), at.total]]
    }).slice(0, EXPLAINED_PODS)
    const why = (p: Placement) =>
      p.node === null ? p.message || p.reasons.join("; ") || "–" : (p.scores ?? []).filter((s) => !s.feasible).map((s) => `${s.node}: ${s.reasons.join("; ")}`).join(" | ") || "–"
    const listed = explainAll ? placements : [...pending, ...placements.filter((p) => p.node !== null).slice(0, LISTED_PLACED)]
    return {
      summary,
      sections: [
        {
          id: "scheduling",
          title: "Scheduling (S11)",
          blocks: [
            paragraph(
              (ctx.scheduler === undefined
                ? `The pending pods are scheduled in queue order by kube-scheduler v1.35's default profile, every plugin of it: ${describeProfile(defaultProfile)}. `
                : `The pending pods are scheduled in queue order by the profiles of ${ctx.scheduler.file ?? "the given KubeSchedulerConfiguration"}, as kube-scheduler v1.35 reads it, each pod by its schedulerName: ${[profile, ...config.profiles].map((p) => `${p.schedulerName}: ${describeProfile(p)}`).join(" — ")}${hot.engine === "readable" ? " (on the readable σ: the hot path runs one profile in the default plugin order)" : ""}. `) +
                "The feasible set is the pullback of the requests along ≤ available (S11.1), the choice the top weighted total, ties broken by a seeded draw (kube-scheduler draws at random). " +
                (checked < pods.length ? `The readable σ re-schedules the first ${checked} of ${pods.length} pods as a cross-check (the hot path's first placements are what it gives on that prefix). ` : "") +
                `${bound} of ${placements.length} pods placed, ${pending.length} pending.` +
                (workload.rejected.length > 0
                  ? ` Before that, the kubelet of each node judged the pods that name it (spec.nodeName) and had not started, one at a time as v1.35's admit handler does: ${workload.rejected.length} were rejected (they end Failed and use nothing; listed below).`
                  : ""),
            ),
            table(
              ["zone", "nodes", "pods", "cpu requested", "memory requested"],
              zones.map((z) => [z.zone, z.nodes, z.pods, `${(z.cpu / 1000).toFixed(1)} of ${(z.cpuAllocatable / 1000).toFixed(1)} cores (${percent(z.cpu, z.cpuAllocatable)})`, `${(z.memory / 2 ** 30).toFixed(1)} of ${(z.memoryAllocatable / 2 ** 30).toFixed(1)} GiB (${percent(z.memory, z.memoryAllocatable)})`]),
            ),
            ...(svg === undefined
              ? []
              : [figure(svg, `The explain table as a heat map: each cell is a node's weighted total for a pod; 0 marks a node the filters rejected${explainAll ? "" : ` (the first ${EXPLAINED_PODS} pods on the first ${shownNodes.size} nodes)`}.`)]),
            ...(chosen.length === 0
              ? []
              : [
                  paragraph(
                    `Where the totals come from: each score plugin's own score (0–100, before its weight; "skip" when its PreScore skips the pod, as PodTopologySpread and InterPodAffinity do for a pod without constraints or terms) on the node chosen${chosen.length < bound ? `, for the first ${chosen.length} placed pods` : ""}. Weights: ${scorers.map((name) => `${name} ×${profile.weights[name]}`).join(", ")}${config.profiles.length > 0 ? ` (profile ${profile.schedulerName})` : ""}.`,
                  ),
                  table(["pod", "node", ...scorers.map((name) => name.replace("NodeResources", "")), "total"], chosen),
                ]),
            ...(nodes.length === 0 ? [paragraph("The input has no node: every pod stays pending.")] : []),
            table(["pod", "node", "victims", "why not elsewhere"], listed.map((p) => [p.pod, p.node ?? "pending", p.victims.join(", ") || "–", why(p)])),
            ...(listed.length < placements.length ? [paragraph(`${placements.length - listed.length} more placed pods are in report.json.`)] : []),
            ...(workload.rejected.length > 0 ? [table(["pod", "node (spec.nodeName)", "kubelet's reason", "message"], workload.rejected.map((r) => [r.pod.key, r.node, r.reason, r.message]))] : []),
            ...(workload.skipped.length > 0 ? [table(["document", "not scheduled because"], workload.skipped.map((s) => [s.key, s.reason]))] : []),
            ...(gaps.length > 0 ? [paragraph(`Storage the pods need and the input does not hold: ${gaps.join(" — ")}`)] : []),
            ...(nominations.length > 0 ? [paragraph(`Nominations not fully modelled: ${nominations.join(" — ")}`)] : []),
          ],
        },
      ],
      json: {
        nodes: nodes.length,
        placed: bound,
        pending: pending.length,
        checkedAgainstReadable: checked,
        zones,
        placements: placements.map(({ pod, node, reasons, victims }) => ({ pod, node, reasons, victims })),
        disagreements,
        overcommits,
        rejected: workload.rejected.map((r) => ({ pod: r.pod.key, node: r.node, reason: r.reason, message: r.message })),
        skipped: workload.skipped,
        storageWarnings: gaps,
      },
      failures: [...disagreements.map((d) => `hot path and readable σ disagree: ${d}`), ...overcommits.map((o) => `σ overcommits ${o}`)],
      warnings: [...gaps, ...nominations],
    }
  },
}
