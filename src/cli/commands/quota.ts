/**
 * `catcluster quota --nodes PATH… --workloads PATH… [--stdin] [--json] [--fail-on-reject]`
 *
 * ResourceQuota headroom per namespace, and which objects admission would reject when the input
 * is created in order (each controller's pods right after it, each VMI's launcher pod right after
 * the VMI): used (computed from the workload; `status.used` shown beside it when the quota has
 * one), hard and headroom per resource, and each rejection as the API server words it.
 * `--json` prints `{"quotas":[{"namespace","name","scopes","lines":[{"resource","hard","used","headroom","statusUsed","percent"}],"notComputed"}],"rejected":[{"kind","name","namespace","createdBy","quota","message"}],"unlimited"}`.
 * Exit 0 once answered; with `--fail-on-reject`, 1 when admission would reject something;
 * 2 for bad input.
 */
import type { Command } from "commander"
import { quotaHeadroom, type QuotaHeadroom } from "../../operations/QuotaHeadroom.ts"
import { loadInventory, operationsInput, type OperationFlags } from "../cluster.ts"
import { withSourceOptions } from "../input.ts"

interface Options extends OperationFlags {
  readonly failOnReject?: boolean
}

/**
 * The headroom as lines for a person.
 *
 * @since 0.1.0
 * @category cli
 */
export const showQuota = (q: QuotaHeadroom): string => {
  const lines: string[] = []
  if (q.quotas.length === 0) lines.push("no ResourceQuota in the input")
  for (const r of q.quotas) {
    lines.push(`${r.namespace}/${r.name}${r.scopes.length > 0 ? ` (scopes: ${r.scopes.join(", ")})` : ""}`)
    const width = Math.max(8, ...r.lines.map((l) => l.resource.length))
    lines.push(`  ${"resource".padEnd(width)}  ${"used".padStart(9)}  ${"hard".padStart(9)}  ${"headroom".padStart(9)}  used%${r.lines.some((l) => l.statusUsed !== undefined) ? "  status.used" : ""}`)
    for (const l of r.lines) {
      lines.push(`  ${l.resource.padEnd(width)}  ${l.used.padStart(9)}  ${l.hard.padStart(9)}  ${l.headroom.padStart(9)}  ${String(l.percent).padStart(4)}%${l.statusUsed === undefined ? "" : `  ${l.statusUsed}`}`)
    }
    if (r.notComputed.length > 0) lines.push(`  not computed (not in the input): ${r.notComputed.join(", ")}`)
  }
  if (q.rejected.length > 0) {
    lines.push(`admission would reject ${q.rejected.length}:`)
    for (const x of q.rejected) lines.push(`  ${x.message}${x.createdBy === undefined ? "" : `  (created by ${x.createdBy})`}`)
  } else if (q.quotas.length > 0) lines.push("admission rejects nothing")
  if (q.unlimited.length > 0) lines.push(`namespaces without a ResourceQuota: ${q.unlimited.join(", ")}`)
  return lines.join("\n")
}

/** Registers `catcluster quota` on the program. @since 0.1.0 @category cli */
export const register = (program: Command): void => {
  withSourceOptions(program.command("quota").description("ResourceQuota headroom per namespace and which objects admission would reject"))
    .option("--json", "print the answer as JSON")
    .option("--fail-on-reject", "exit 1 when admission would reject something")
    .action((options: Options & { seed?: string }) => {
      const { inventory, cluster } = loadInventory({ ...options, seed: "0" }, { requireNodes: false, appliesQuotas: true })
      const answer = operationsInput(() => quotaHeadroom(inventory, cluster.manifests))
      process.stdout.write((options.json === true ? JSON.stringify(answer) : showQuota(answer)) + "\n")
      if (options.failOnReject === true && answer.rejected.length > 0) process.exitCode = 1
    })
}
