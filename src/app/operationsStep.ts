import { showAmount } from "../domain/resources/ResourceVector.ts"
import { capacity } from "../operations/Capacity.ts"
import { baseline } from "../operations/ClusterState.ts"
import { interleavings } from "../operations/Interleavings.ts"
import { inventory, type Inventory, type Unit } from "../operations/Inventory.ts"
import { OperationsError } from "../operations/OperationsError.ts"
import { SchedulerInputError } from "../scheduler/SchedulerInputError.ts"
import { UserError } from "../cli/UserError.ts"
import { quotaHeadroom } from "../operations/QuotaHeadroom.ts"
import { busiestNodes, resilience, worstNodes, type ResilienceRow } from "../operations/Resilience.ts"
import { barChart } from "../report/Chart.ts"
import { figure, paragraph, pre, table, type Block } from "../report/Html.ts"
import { showTrace } from "../verification/Trace.ts"
import { schedulerModelOf } from "./schedulerModel.ts"
import type { Step } from "./Step.ts"
import { userCluster } from "./userCluster.ts"
import type { Context } from "./steps.ts"

/**
 * The main job's operations step: the operator questions of `catcluster drain`, `resilience`,
 * `capacity` and `quota` asked of the model (the user's manifests, or the embedded default):
 * N−1 per node and per zone with the worst named, the order of the two worst failures
 * model-checked, how many more copies of each workload fit, and quota headroom.
 *
 * @since 0.1.0
 */

/** Copies per capacity template, at most. */
const CAPACITY_MAX = 200

/**
 * How many nodes the report drains one by one (the busiest; every zone is always drained) and
 * how many workloads it sizes for capacity. Each drain or capacity question schedules on a fresh
 * snapshot of the whole cluster, which costs about 30 µs per bound pod, so the report spends a
 * fixed budget (about 10⁵ bound pods' worth of snapshots on drains): 25 nodes up to 4,000 units,
 * 10 at 10,000. `catcluster resilience` drains every node, `catcluster capacity` sizes any template.
 *
 * @since 0.1.0
 * @category constants
 */
export const reportBudget = (units: number): { readonly nodeDrains: number; readonly capacityTemplates: number } => ({
  nodeDrains: Math.max(5, Math.min(25, Math.floor(100_000 / Math.max(1, units)))),
  capacityTemplates: Math.max(2, Math.min(6, Math.floor(30_000 / Math.max(1, units)))),
})

const cpu = (milli: number): string => showAmount("cpu", BigInt(Math.round(milli)))
const memory = (bytes: number): string => showAmount("memory", BigInt(Math.round(bytes)))

const row = (r: ResilienceRow): ReadonlyArray<string | number> => [
  r.target,
  r.evicted,
  r.rescheduled,
  r.migrated,
  r.deleted,
  r.pending.length,
  r.pending.length === 0 ? "–" : `${cpu(r.pendingCpu)} cpu, ${memory(r.pendingMemory)}`,
  r.completes ? "yes" : "no",
]
const HEAD = ["taken out", "evicted", "rescheduled", "migrated", "deleted", "pending", "pending requests", "drain finishes"]

/** One unit per workload (a controller's replicas share a template). */
const templates = (units: Iterable<Unit>, count: number): ReadonlyArray<Unit> => {
  const seen = new Set<string>()
  const out: Unit[] = []
  for (const u of units) {
    const id = u.owner === undefined || u.owner.kind === "Node" ? `${u.kind}/${u.key}` : `${u.owner.kind}/${u.namespace}/${u.owner.name}`
    if (seen.has(id) || u.owner?.kind === "DaemonSet" || u.owner?.kind === "Node") continue
    seen.add(id)
    out.push(u)
  }
  return out.slice(0, count)
}

/** The main job's operations step: N−1 per node and zone, failure orders, capacity, quota headroom. @since 0.1.0 @category steps */
export const operationsStep: Step<Context> = {
  name: "operations",
  run: async (ctx, progress) => {
    // the run's decoded files (read once for every step) and the scheduler's reading of them
    const uc = userCluster(ctx)
    const manifests = uc.manifests
    let model: ReturnType<typeof schedulerModelOf>
    let inv: Inventory
    try {
      model = schedulerModelOf(uc.files)
      inv = inventory(model.nodes, model.workload, manifests, { seed: ctx.seed, ...(ctx.scheduler === undefined ? {} : { profile: ctx.scheduler.profile, profiles: ctx.scheduler.profiles }) })
    } catch (error) {
      // a user's mistake (a pod bound to a node not given, a malformed PDB): exit 2, file named
      if (error instanceof SchedulerInputError || error instanceof OperationsError) throw new UserError(error.message)
      throw error
    }
    const { nodes } = model
    const state = baseline(inv)
    const budget = reportBudget(inv.units.size)
    const only = nodes.length > budget.nodeDrains ? busiestNodes(inv, state, budget.nodeDrains) : undefined
    progress.start("N−1 per node and zone", only?.length ?? nodes.length)
    const r = resilience(inv, state, { ...(only === undefined ? {} : { only }), onProgress: (done, _total, target) => progress.update(done, target) })
    const pair = nodes.length >= 2 ? worstNodes(r, state, 2) : []
    const inter = pair.length === 2 ? interleavings(inv, state, pair) : undefined
    const sized = templates(inv.units.values(), budget.capacityTemplates).map((u) => ({ u, c: capacity(inv, state, u.pod, { max: CAPACITY_MAX }) }))
    const quota = quotaHeadroom(inv, manifests)
    const summary = `N−1: ${r.worstNode === undefined ? "every node can be drained, nothing pending" : `worst node ${r.worstNode.target} (${r.worstNode.pending.length} pending)`}${r.zones.length === 0 ? "" : r.worstZone === undefined ? "; every zone can be drained" : `; worst zone ${r.worstZone.target} (${r.worstZone.pending.length} pending)`}${inter === undefined ? "" : `; order of ${inter.nodes.join(", ")} ${inter.orderMatters ? "matters" : "does not matter"}`}; ${quota.rejected.length} admission rejections`
    progress.stop(summary)
    const chart = await barChart(
      "Units left pending when one node (or zone) is drained",
      [...r.nodes, ...r.zones].map((x) => ({ target: x.target, pending: x.pending.length, scope: r.zones.includes(x) ? "zone" : "node" })),
      { category: "target", value: "pending", group: "scope" },
    )
    const pendingRows = [...r.nodes, ...r.zones].flatMap((x) => x.pending.map((p) => [x.target, `${p.kind} ${p.namespace}/${p.name}`, p.from, p.reason] as const))
    const resilienceBlocks: Block[] = [
      paragraph(
        "Each node, then each zone (topology.kubernetes.io/zone), drained as kubectl drain --ignore-daemonsets --delete-emptydir-data --force does it, with the project's scheduler placing the replacements on what is left: pods with a controller are recreated, bare pods deleted, DaemonSet pods stay, VMIs live-migrate (evictionStrategy LiveMigrate) or are restarted by their VirtualMachine, and PodDisruptionBudgets may keep pods in place. `catcluster drain` and `catcluster resilience` give the same answers on the command line.",
      ),
      ...(only === undefined ? [] : [paragraph(`The ${only.length} busiest of ${nodes.length} nodes (by the cpu their movable workload requests) are drained one by one here; \`catcluster resilience\` drains every node.`)]),
      table(HEAD, r.nodes.map(row)),
      paragraph(
        r.worstNode === undefined
          ? `No single ${only === undefined ? "node's" : "drained node's"} drain leaves anything pending.`
          : `Worst node${only === undefined ? "" : " of those drained"}: ${r.worstNode.target} (${r.worstNode.pending.length} pending, ${cpu(r.worstNode.pendingCpu)} cpu).`,
      ),
      ...(r.zones.length > 0
        ? [table(HEAD, r.zones.map(row)), paragraph(r.worstZone === undefined ? "No zone's drain leaves anything pending." : `Worst zone: ${r.worstZone.target} (${r.worstZone.pending.length} pending).`)]
        : [paragraph("No node has a topology.kubernetes.io/zone label: no zone table.")]),
      figure(chart, "Units left pending per node or zone taken out."),
      ...(pendingRows.length > 0 ? [table(["taken out", "pending", "ran on", "the scheduler's reason"], pendingRows)] : []),
    ]
    const interBlocks: Block[] =
      inter === undefined
        ? [paragraph("Fewer than two nodes: no order of failures to check.")]
        : [
            paragraph(
              `The model checker drains ${inter.nodes.join(" and ")} (the two worst nodes) one at a time in every order (${inter.check.stats.states} states, ${inter.clusters} distinct clusters) and checks ${inter.check.formula}: ${inter.check.status}. ${inter.orderMatters ? "The order changes what ends up pending." : "Every order leaves the same units pending."}`,
            ),
            table(["order", "pending afterwards"], [...inter.orders.map((o) => [o.order.join(" then "), o.pending.join(", ") || "none"]), ["all at once", inter.together.join(", ") || "none"]]),
            ...(inter.check.trace === undefined ? [] : [pre(showTrace(inter.check.trace))]),
          ]
    const capacityBlocks: Block[] = [
      paragraph(
        `How many more copies of ${sized.length === 1 ? "the first workload" : `each of the first ${sized.length} workloads`} fit once everything is placed (as kubernetes-sigs' cluster-capacity, no preemption, at most ${CAPACITY_MAX} copies); \`catcluster capacity --pod FILE\` asks it of any template.`,
      ),
      table(
        ["template", "more copies fit", "fills first", "limited by, per node"],
        sized.map(({ u, c }) => [
          `${u.owner?.kind ?? u.kind} ${u.namespace}/${u.owner?.name ?? u.name}`,
          `${c.fits}${c.capped ? "+" : ""}`,
          c.fillsFirst ?? "–",
          c.perNode.map((n) => `${n.node}: ${n.count} (${n.limitedBy ?? "room left"})`).join("; "),
        ]),
      ),
    ]
    const quotaBlocks: Block[] =
      quota.quotas.length === 0
        ? [paragraph("No ResourceQuota in the model.")]
        : [
            table(
              ["quota", "resource", "used", "hard", "headroom", "used %", "status.used"],
              quota.quotas.flatMap((q) => q.lines.map((l) => [`${q.namespace}/${q.name}`, l.resource, l.used, l.hard, l.headroom, l.percent, l.statusUsed ?? "–"])),
            ),
            ...(quota.rejected.length > 0 ? [table(["rejected", "created by", "message"], quota.rejected.map((x) => [`${x.kind} ${x.namespace}/${x.name}`, x.createdBy ?? "–", x.message]))] : [paragraph("Admission rejects nothing.")]),
          ]
    return {
      summary,
      sections: [
        { id: "resilience", title: "Drain and N−1 resilience (S13, S15)", blocks: [...resilienceBlocks, ...interBlocks] },
        { id: "capacity", title: "Capacity", blocks: capacityBlocks },
        { id: "quota", title: "Quota headroom (S9)", blocks: quotaBlocks },
      ],
      json: {
        resilience: { nodes: r.nodes, zones: r.zones, worstNode: r.worstNode?.target ?? null, worstZone: r.worstZone?.target ?? null, nodesDrained: r.nodes.length, nodesTotal: nodes.length },
        interleavings: inter === undefined ? null : { nodes: inter.nodes, orders: inter.orders, together: inter.together, orderMatters: inter.orderMatters, check: inter.check.status },
        capacity: sized.map(({ u, c }) => ({ template: u.key, fits: c.fits, capped: c.capped, fillsFirst: c.fillsFirst ?? null, perNode: c.perNode })),
        quota,
      },
      failures: [],
    }
  },
}
