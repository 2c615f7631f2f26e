/**
 * `catcluster resilience --nodes PATH… --workloads PATH… [--stdin] [--mode drain|failure] [--no-zones] [--interleave NODES|worst|none] [--json] [--fail-on-pending]`
 *
 * N−1: each node, and each zone (`topology.kubernetes.io/zone`), drained (or lost) alone, with
 * what would stay pending and why, and the worst node and zone named. The model checker then
 * takes out two to five nodes in every order (`--interleave a,b`; default the two worst nodes)
 * and says whether the order changes what ends up pending, with the shortest order that differs
 * from losing them together. `--json` prints `{"mode","nodes":[row],"zones":[row],"worstNode",
 * "worstZone","interleavings"}` with rows `{"target","nodes","evicted","rescheduled","migrated",
 * "deleted","pending":[{"name","kind","reason",…}],"pendingCpu","pendingMemory","completes"}`.
 * Exit 0 once answered; with `--fail-on-pending`, 1 when some node's loss leaves something
 * pending (or a drain would not finish); 2 for bad input.
 */
import type { Command } from "commander"
import { showAmount } from "../../domain/resources/ResourceVector.ts"
import { baseline, type ClusterState } from "../../operations/ClusterState.ts"
import type { DisruptionMode } from "../../operations/Eviction.ts"
import type { Inventory } from "../../operations/Inventory.ts"
import { interleavings, MAX_INTERLEAVED, type Interleavings } from "../../operations/Interleavings.ts"
import { busiestNodes, resilience, worstNodes, ZONE_LABEL, type Resilience, type ResilienceRow } from "../../operations/Resilience.ts"
import { showTrace } from "../../verification/Trace.ts"
import { makeProgress } from "../Progress.ts"
import { loadInventory, operationsInput, withSchedulerOptions, type OperationFlags } from "../cluster.ts"
import { withSourceOptions } from "../input.ts"
import { UserError } from "../UserError.ts"

interface Options extends OperationFlags {
  readonly mode: string
  readonly busiest?: string
  readonly zones: boolean
  readonly interleave: string
  readonly failOnPending?: boolean
  readonly quiet?: boolean
}

const cpu = (milli: number): string => showAmount("cpu", BigInt(Math.round(milli)))
const memory = (bytes: number): string => showAmount("memory", BigInt(Math.round(bytes)))

const rowLine = (r: ResilienceRow, width: number): string => {
  const head = `${r.target.padEnd(width)}  ${String(r.evicted).padStart(7)}  ${String(r.rescheduled).padStart(11)}  ${String(r.migrated).padStart(8)}  ${String(r.deleted).padStart(7)}  ${String(r.pending.length).padStart(7)}`
  const tail = r.pending.length === 0 ? "" : `  ${cpu(r.pendingCpu)} cpu, ${memory(r.pendingMemory)} pending`
  return `${head}${r.completes ? "" : "  (drain does not finish)"}${tail}`
}

const table = (title: string, rows: ReadonlyArray<ResilienceRow>): ReadonlyArray<string> => {
  if (rows.length === 0) return []
  const width = Math.max(title.length, ...rows.map((r) => r.target.length))
  const lines = [`${title.padEnd(width)}  evicted  rescheduled  migrated  deleted  pending`, ...rows.map((r) => rowLine(r, width))]
  for (const r of rows) for (const p of r.pending) lines.push(`  ${r.target}: ${p.kind} ${p.namespace}/${p.name}: ${p.reason}`)
  return lines
}

/**
 * The N−1 analysis and the interleavings as lines for a person.
 *
 * @since 0.1.0
 * @category cli
 */
export const showResilience = (r: Resilience, inter: Interleavings | undefined): string => {
  const lines: string[] = [`N−1 by ${r.mode === "drain" ? "drain (kubectl drain semantics)" : "node failure"}:`]
  lines.push(...table("node", r.nodes))
  lines.push(r.worstNode === undefined ? "every node can be taken out: nothing stays pending" : `worst node: ${r.worstNode.target} (${r.worstNode.pending.length} pending)`)
  if (r.zones.length > 0) {
    lines.push("", ...table("zone", r.zones))
    lines.push(r.worstZone === undefined ? "every zone can be taken out: nothing stays pending" : `worst zone: ${r.worstZone.target} (${r.worstZone.pending.length} pending)`)
  }
  if (r.unzoned.length > 0 && r.zones.length > 0) lines.push(`nodes without ${ZONE_LABEL}: ${r.unzoned.join(", ")}`)
  if (inter !== undefined) {
    lines.push("", `order of ${inter.mode === "drain" ? "drains" : "failures"} of ${inter.nodes.join(", ")} (model checker, ${inter.check.stats.states} states, ${inter.clusters} distinct clusters):`)
    for (const o of inter.orders) lines.push(`  ${o.order.join(" then ")}: pending ${o.pending.join(", ") || "none"}`)
    lines.push(`  all at once: pending ${inter.together.join(", ") || "none"}`)
    lines.push(`  ${inter.orderMatters ? "the order CHANGES what ends up pending" : "every order leaves the same units pending"}; ${inter.check.formula}: ${inter.check.status}`)
    if (inter.check.trace !== undefined) lines.push(...showTrace(inter.check.trace).split("\n").map((l) => `  ${l}`))
  }
  return lines.join("\n")
}

const interleaveTargets = (spec: string, r: Resilience, state: ClusterState): ReadonlyArray<string> | undefined => {
  if (spec === "none") return undefined
  if (spec === "worst") return state.nodes.length < 2 ? undefined : worstNodes(r, state, 2)
  const names = spec.split(",").map((s) => s.trim()).filter((s) => s !== "")
  if (names.length < 2 || names.length > MAX_INTERLEAVED) throw new UserError(`--interleave: name 2 to ${MAX_INTERLEAVED} nodes (a,b), or worst, or none; got ${spec}`)
  return names
}

/**
 * Resilience and interleavings as JSON.
 *
 * @since 0.1.0
 * @category cli
 */
export const resilienceJson = (r: Resilience, inter: Interleavings | undefined): Record<string, unknown> => ({
  ...r,
  ...(inter === undefined
    ? {}
    : {
        interleavings: {
          mode: inter.mode,
          nodes: inter.nodes,
          orders: inter.orders,
          together: inter.together,
          orderMatters: inter.orderMatters,
          check: { formula: inter.check.formula, status: inter.check.status, states: inter.check.stats.states, ...(inter.check.trace === undefined ? {} : { trace: inter.check.trace }) },
        },
      }),
})

/** Runs both analyses. */
const analyse = (
  inventory: Inventory,
  mode: DisruptionMode,
  options: { readonly zones: boolean; readonly interleave: string; readonly busiest?: number; readonly onProgress?: (done: number, total: number, target: string) => void },
): { readonly resilience: Resilience; readonly interleavings?: Interleavings } => {
  const state = baseline(inventory)
  const only = options.busiest === undefined ? undefined : busiestNodes(inventory, state, options.busiest)
  const r = resilience(inventory, state, { mode, zones: options.zones, ...(only === undefined ? {} : { only }), ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }) })
  const targets = interleaveTargets(options.interleave, r, state)
  return { resilience: r, ...(targets === undefined ? {} : { interleavings: interleavings(inventory, state, targets, { mode }) }) }
}

/** Registers `catcluster resilience` on the program. @since 0.1.0 @category cli */
export const register = (program: Command): void => {
  withSchedulerOptions(withSourceOptions(program.command("resilience").description("N−1: each node and each zone drained or lost alone, what stays pending and why; failure orders model-checked")))
    .option("--mode <mode>", "drain (planned maintenance) or failure (the node is lost)", "drain")
    .option("--no-zones", "skip the per-zone analysis")
    .option("--interleave <nodes>", `2 to ${MAX_INTERLEAVED} nodes taken out in every order (a,b), worst (the two worst nodes) or none`, "worst")
    .option("--busiest <n>", "take out only the n nodes whose movable workload requests the most cpu (large clusters: each node costs one scheduling run)")
    .option("--json", "print the analysis as JSON")
    .option("--fail-on-pending", "exit 1 when some node's (or zone's) loss leaves something pending")
    .option("-q, --quiet", "no progress output")
    .action((options: Options) => {
      if (options.mode !== "drain" && options.mode !== "failure") throw new UserError(`--mode: expected drain or failure, got ${options.mode}`)
      let busiest: number | undefined
      if (options.busiest !== undefined) {
        busiest = Number(options.busiest)
        if (!/^\d+$/.test(options.busiest.trim()) || busiest < 1) throw new UserError(`--busiest: expected a positive integer, got ${options.busiest}`)
      }
      const { inventory } = loadInventory(options)
      const progress = makeProgress({ quiet: options.quiet === true || options.json === true || inventory.nodes.length < 20 })
      const zones = options.zones ? new Set(inventory.nodes.flatMap((n) => (n.labels[ZONE_LABEL] === undefined ? [] : [n.labels[ZONE_LABEL]]))).size : 0
      progress.start("N−1 per node and zone", Math.min(inventory.nodes.length, busiest ?? Infinity) + zones)
      const out = operationsInput(() =>
        analyse(inventory, options.mode as DisruptionMode, { zones: options.zones, interleave: options.interleave, ...(busiest === undefined ? {} : { busiest }), onProgress: (done, _total, target) => progress.update(done, target) }),
      )
      progress.stop(`${out.resilience.nodes.length} nodes, ${out.resilience.zones.length} zones taken out`)
      process.stdout.write((options.json === true ? JSON.stringify(resilienceJson(out.resilience, out.interleavings)) : showResilience(out.resilience, out.interleavings)) + "\n")
      const bad = [...out.resilience.nodes, ...out.resilience.zones].some((r) => r.pending.length > 0 || !r.completes)
      if (options.failOnPending === true && bad) process.exitCode = 1
    })
}
