/**
 * `catcluster capacity --nodes PATH… --workloads PATH… --pod FILE [--stdin] [--max N] [--min N] [--json]`
 *
 * How many more copies of a pod fit once the existing workload is placed, as kubernetes-sigs'
 * cluster-capacity answers it, with the project's scheduler (no preemption). FILE holds one
 * Pod, one Deployment, ReplicaSet, StatefulSet or Job (its pod template), one VirtualMachine (its
 * VMI's launcher pod, started or not) or one VirtualMachineInstance. Per node: how many copies it
 * takes and what stops one more (`cpu`, `memory`, `pods`, a device, or the scheduler's reason);
 * which node fills first. `--max` caps the copies (default 1000; said when hit). `--json` prints
 * `{"fits","perNode":[{"node","count","limitedBy","reasons"}],"fillsFirst","fillOrder","capped","max","stoppedBecause","template"}`.
 * Exit 0 once answered; with `--min N`, 1 when fewer than N fit; 2 for bad input.
 */
import type { Command } from "commander"
import { capacity, DEFAULT_MAX_COPIES, type Capacity } from "../../operations/Capacity.ts"
import { baseline } from "../../operations/ClusterState.ts"
import { templateFrom, type Template } from "../../operations/Template.ts"
import { loadInventory, operationsInput, quotaNamespaces, withSchedulerOptions, type OperationFlags } from "../cluster.ts"
import { decodeFiles, maxFileSizeOf, printWarnings, readModelFiles, withSourceOptions } from "../input.ts"
import { UserError } from "../UserError.ts"

interface Options extends OperationFlags {
  readonly pod: string
  readonly max: string
  readonly min?: string
}

const count = (flag: string, text: string): number => {
  const n = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) throw new UserError(`${flag}: expected a positive integer, got ${text}`)
  return n
}

/**
 * The answer as lines for a person.
 *
 * @since 0.1.0
 * @category cli
 */
export const showCapacity = (c: Capacity, t: Template): string => {
  const lines = [`${c.fits}${c.capped ? "+" : ""} more ${t.kind} ${t.namespace}/${t.name} fit${c.capped ? ` (stopped at --max ${c.max}: more may fit)` : ""}`]
  const width = Math.max(4, ...c.perNode.map((n) => n.node.length))
  lines.push(`${"node".padEnd(width)}  copies  limited by`)
  for (const n of c.perNode) lines.push(`${n.node.padEnd(width)}  ${String(n.count).padStart(6)}  ${n.limitedBy ?? "(room left)"}`)
  if (c.fillsFirst !== undefined) lines.push(`fills first: ${c.fillsFirst}${c.fillOrder.length > 1 ? ` (then ${c.fillOrder.slice(1).join(", ")})` : ""}`)
  if (c.stoppedBecause !== undefined) lines.push(`copy ${c.fits + 1}: ${c.stoppedBecause}`)
  return lines.join("\n")
}

/** Registers `catcluster capacity` on the program. @since 0.1.0 @category cli */
export const register = (program: Command): void => {
  withSchedulerOptions(withSourceOptions(program.command("capacity").description("how many more copies of a pod or VM fit, which node fills first, what limits each node (as cluster-capacity)")))
    .requiredOption("--pod <file>", "the template: one Pod, Deployment, ReplicaSet, StatefulSet, Job, VirtualMachine or VirtualMachineInstance")
    .option("--max <n>", "stop after this many copies", String(DEFAULT_MAX_COPIES))
    .option("--min <n>", "exit 1 when fewer than this many copies fit")
    .option("--json", "print the answer as JSON")
    .action((options: Options) => {
      const max = count("--max", options.max)
      const min = options.min === undefined ? undefined : count("--min", options.min)
      if (options.pod === "-" && options.stdin === true) throw new UserError("--pod -: standard input already holds the cluster (--stdin); give the template as a file")
      const { inventory, cluster } = loadInventory(options)
      const templateFiles = readModelFiles([options.pod], maxFileSizeOf(options.maxFileSize))
      decodeFiles(templateFiles)
      const template = operationsInput(() => templateFrom(templateFiles, cluster.manifests))
      // copies are counted against the nodes only: a quota in the template's namespace may admit fewer
      if (quotaNamespaces(cluster.manifests).has(template.namespace)) {
        printWarnings([`ResourceQuota admission is not applied here: the copies of ${template.kind} ${template.namespace}/${template.name} are counted against the nodes only, and namespace ${template.namespace} has a ResourceQuota that may admit fewer (\`catcluster quota\` shows its headroom)`])
      }
      const answer = operationsInput(() => capacity(inventory, baseline(inventory), template.pod, { max }))
      const json = { ...answer, template: { kind: template.kind, name: template.name, namespace: template.namespace } }
      process.stdout.write((options.json === true ? JSON.stringify(json) : showCapacity(answer, template)) + "\n")
      if (min !== undefined && answer.fits < min) process.exitCode = 1
    })
}
