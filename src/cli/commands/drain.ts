/**
 * `catcluster drain NODE… --nodes PATH… --workloads PATH… [--stdin] [--failure] [--json] [--fail-on-pending]`
 *
 * What `kubectl drain --ignore-daemonsets --delete-emptydir-data --force NODE…` would do to the
 * cluster, answered with the project's scheduler: the nodes are cordoned; Pods with a controller
 * are recreated and scheduled on the rest; bare Pods are deleted and not recreated (as `--force`
 * does); DaemonSet and static pods stay; VMIs live-migrate (evictionStrategy LiveMigrate, or the
 * KubeVirt CR's default), else are restarted by a VirtualMachine that keeps them running, else
 * stopped. Evicted members of an OrderedReady StatefulSet are recreated in ordinal order, each once
 * the ones below it are placed (a member above one left pending is not created). PodDisruptionBudgets: which evictions wait and which never happen. `--failure` loses
 * the nodes instead (nothing migrates, nothing stays).
 *
 * `--json` prints `{"drained", "rescheduled": [{"name","from","to",…}], "migrated": [{"name","from","to",…}],
 * "pending": [{"name","kind","reason",…}], "deleted", "stays", "preempted", "budgets",
 * "alreadyPending", "completes"}` (`name` is the object's `metadata.name`). Exit 0 once answered;
 * with `--fail-on-pending`, 1 when something would stay pending or the drain would not finish;
 * 2 for bad input.
 */
import type { Command } from "commander"
import { baseline } from "../../operations/ClusterState.ts"
import { drain, type DrainOutcome } from "../../operations/Drain.ts"
import { loadInventory, operationsInput, withSchedulerOptions, type OperationFlags } from "../cluster.ts"
import { withSourceOptions } from "../input.ts"

interface Options extends OperationFlags {
  readonly failure?: boolean
  readonly failOnPending?: boolean
}

const ns = (x: { readonly namespace: string; readonly name: string }): string => `${x.namespace}/${x.name}`

/**
 * The outcome as lines for a person.
 *
 * @since 0.1.0
 * @category cli
 */
export const showDrain = (o: DrainOutcome): string => {
  const lines: string[] = []
  const verb = o.mode === "drain" ? "drain" : "loss of"
  lines.push(
    o.mode === "drain"
      ? `drain ${o.drained.join(", ")}: cordoned; kubectl drain --ignore-daemonsets --delete-emptydir-data --force`
      : `loss of ${o.drained.join(", ")}: the node${o.drained.length > 1 ? "s and everything on them are" : " and everything on it is"} gone`,
  )
  const width = Math.max(8, ...[...o.rescheduled, ...o.migrated, ...o.pending, ...o.deleted, ...o.stays].map((x) => ns(x).length))
  for (const m of o.rescheduled) lines.push(`  ${m.action.padEnd(10)} ${ns(m).padEnd(width)}  ${m.from} → ${m.to}`)
  for (const m of o.migrated) lines.push(`  ${"migrated".padEnd(10)} ${ns(m).padEnd(width)}  ${m.from} → ${m.to}  (live migration)`)
  for (const p of o.pending) lines.push(`  ${"PENDING".padEnd(10)} ${ns(p).padEnd(width)}  ${p.kind} from ${p.from}: ${p.reason}`)
  for (const d of o.deleted) lines.push(`  ${(d.kind === "Pod" ? "deleted" : "stopped").padEnd(10)} ${ns(d).padEnd(width)}  ${d.why}`)
  for (const d of o.stays) lines.push(`  ${"stays".padEnd(10)} ${ns(d).padEnd(width)}  on ${d.node}: ${d.why}`)
  for (const v of o.preempted) lines.push(`  ${"preempted".padEnd(10)} ${ns(v).padEnd(width)}  on ${v.node} by ${v.by}: ${v.why}`)
  for (const b of o.budgets) {
    const parts = [`allows ${b.allowedAtStart} disruption${b.allowedAtStart === 1 ? "" : "s"} (${b.healthy} healthy, ${b.desiredHealthy} required)`]
    if (b.waits.length > 0) parts.push(`kubectl drain retries ${b.waits.join(", ")} until earlier replacements are Ready`)
    if (b.blocked.length > 0) parts.push(`never evicts ${b.blocked.join(", ")}`)
    lines.push(`  PodDisruptionBudget ${b.namespace}/${b.name}: ${parts.join("; ")}`)
  }
  if (o.alreadyPending.length > 0) lines.push(`  already pending before the ${verb}: ${o.alreadyPending.map(ns).join(", ")}`)
  const moved = o.rescheduled.length + o.migrated.length
  const summary = `${moved} moved (${o.migrated.length} live-migrated), ${o.pending.length} pending, ${o.deleted.length} deleted or stopped, ${o.stays.length} staying`
  lines.push(o.mode === "drain" ? `${summary}; the drain ${o.completes ? "finishes" : "does NOT finish"}` : summary)
  return lines.join("\n")
}

/**
 * The outcome as JSON (the contract's names first; the cluster state left out).
 *
 * @since 0.1.0
 * @category cli
 */
export const drainJson = (o: DrainOutcome): Record<string, unknown> => {
  const { state: _, drained, rescheduled, migrated, pending, ...rest } = o
  return { drained, rescheduled, migrated, pending, ...rest }
}

/** Registers `catcluster drain` on the program. @since 0.1.0 @category cli */
export const register = (program: Command): void => {
  withSchedulerOptions(
    withSourceOptions(
      program
        .command("drain")
        .description("what kubectl drain NODE… would do: replacements scheduled, VMIs migrated or restarted, what stays pending and why")
        .argument("<node...>", "the nodes to drain")
        .addHelpText(
          "after",
          "\nStatefulSets with podManagementPolicy OrderedReady (the default): evicted members are recreated in ordinal\norder, each once the members below it are placed; a member above one that finds no node is not created\n(pending, with the pod it waits for). Members placed before the drain are taken as Running and Ready.",
        ),
    ),
  )
    .option("--failure", "lose the nodes instead of draining them (nothing migrates, PDBs do not apply)")
    .option("--json", "print the outcome as JSON")
    .option("--fail-on-pending", "exit 1 when something would stay pending or the drain would not finish")
    .action((nodes: ReadonlyArray<string>, options: Options) => {
      const { inventory } = loadInventory(options)
      const outcome = operationsInput(() => drain(inventory, baseline(inventory), nodes, { mode: options.failure === true ? "failure" : "drain" }))
      process.stdout.write((options.json === true ? JSON.stringify(drainJson(outcome)) : showDrain(outcome)) + "\n")
      if (options.failOnPending === true && (outcome.pending.length > 0 || !outcome.completes)) process.exitCode = 1
    })
}
