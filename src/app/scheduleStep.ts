import { heatMap } from "../report/Chart.ts"
import { figure, paragraph, table } from "../report/Html.ts"
import { modelFromFiles } from "../scheduler/adapters/fromManifests.ts"
import { scheduleBatch } from "../scheduler/batch.ts"
import { podRequests } from "../scheduler/model/Requests.ts"
import type { Step } from "./Step.ts"
import type { Context } from "./steps.ts"

/**
 * The main job's scheduling step: the model's pods, controller replicas, VMs and VMIs (as
 * virt-launcher pods, Ω′) scheduled as kube-scheduler v1.35 does, by the typed-array hot path,
 * checked against the readable σ on the same input, and the result checked against capacity.
 *
 * @since 0.1.0
 * @category steps
 */
export const scheduleStep: Step<Context> = {
  name: "schedule",
  run: async (ctx) => {
    const { nodes, workload, cluster } = modelFromFiles(ctx.model)
    const hot = scheduleBatch(cluster, workload.pending, { seed: ctx.seed, explain: true })
    const readable = scheduleBatch(cluster, workload.pending, { seed: ctx.seed, explain: true, engine: "readable" })
    const disagreements = hot.flatMap((p, i) => {
      const r = readable[i]!
      return p.node === r.node && JSON.stringify(p.scores) === JSON.stringify(r.scores) ? [] : [`${p.pod}: hot path → ${p.node}, readable σ → ${r.node}`]
    })
    // σ respects capacity: re-add every placed pod's effective request per node and compare.
    const used = new Map<string, Map<string, number>>()
    const all = [...workload.bound.map((b) => ({ pod: b.pod, node: b.node as string | null })), ...hot.map((p, i) => ({ pod: workload.pending[i]!, node: p.node }))]
    for (const { pod, node } of all) {
      if (node === null) continue
      const u = used.get(node) ?? new Map<string, number>()
      for (const [r, v] of Object.entries(podRequests(pod))) u.set(r, (u.get(r) ?? 0) + v)
      u.set("pods", (u.get("pods") ?? 0) + 1)
      used.set(node, u)
    }
    const overcommits = nodes.flatMap((n) =>
      [...(used.get(n.name) ?? new Map<string, number>())].filter(([r, v]) => v > (n.allocatable[r] ?? 0)).map(([r, v]) => `${n.name}: ${r} ${v} > ${n.allocatable[r] ?? 0}`),
    )
    const rows = hot.flatMap((p) =>
      (p.scores ?? []).map((s) => ({ pod: p.pod, node: s.node, total: s.feasible ? s.total : 0 })),
    )
    const svg = await heatMap("Weighted score per pod and node (0 = infeasible)", rows, { x: "node", y: "pod", value: "total" })
    const bound = hot.filter((p) => p.node !== null).length
    const summary = `${bound}/${hot.length} placed, ${workload.skipped.length} documents not scheduled; hot path ≡ readable σ: ${disagreements.length === 0 ? "yes" : `NO (${disagreements.length})`}; overcommitted nodes: ${overcommits.length}`
    return {
      summary,
      sections: [
        {
          id: "scheduling",
          title: "Scheduling (S11)",
          blocks: [
            paragraph(
              "Each pod goes through the filters (NodeResourcesFit, taints, affinity, KVM and CPU features, NUMA fit for dedicated-CPU VMIs), then the default profile's scorers; the feasible set is the pullback of the requests along ≤ available (S11.1), the choice the top weighted total, ties broken by a seeded draw.",
            ),
            figure(svg, "The explain table as a heat map: each cell is a node's weighted total for a pod; 0 marks a node the filters rejected."),
            table(
              ["pod", "node", "victims", "why not elsewhere"],
              hot.map((p) => [p.pod, p.node ?? "pending", p.victims.join(", ") || "–", (p.scores ?? []).filter((s) => !s.feasible).map((s) => `${s.node}: ${s.reasons.join("; ")}`).join(" | ") || "–"]),
            ),
            ...(workload.skipped.length > 0 ? [table(["document", "not scheduled because"], workload.skipped.map((s) => [s.key, s.reason]))] : []),
          ],
        },
      ],
      json: { placements: hot.map(({ pod, node, reasons, victims }) => ({ pod, node, reasons, victims })), disagreements, overcommits, skipped: workload.skipped },
      failures: [...disagreements.map((d) => `hot path and readable σ disagree: ${d}`), ...overcommits.map((o) => `σ overcommits ${o}`)],
    }
  },
}
