/**
 * `catcluster hpa --hpa HPA.yaml --pods PATH… --metrics PATH… [--now RFC3339] [--history FILE] [--json]`
 *
 * One sync of the HorizontalPodAutoscaler (Kubernetes v1.35) on a real snapshot: the replica
 * calculator's proposal and the normalised desired count. `--json` prints
 * `{"currentReplicas","proposedReplicas","desiredReplicas","metrics":[{"type","name","replicas","utilization","averageValue"}],"reasons"}`
 * (`averageValue` as a Kubernetes quantity, as the HPA's status shows it). Current replicas
 * come from the HPA's `status.currentReplicas`, else the pods that are neither being deleted
 * nor finished. `--pods` and `--metrics` read as every subcommand reads input: files, directories,
 * several paths, `-` for standard input (`kubectl get pods -l app=web -o json | catcluster hpa
 * --hpa hpa.yaml --pods - --metrics metrics.json`). Bad input: a message naming the file and
 * JSON path, exit 2.
 */
import type { Command } from "commander"
import * as E from "fp-ts/lib/Either.js"
import type { History, MetricResult } from "../../dynamics/autoscaling/index.ts"
import { emptyHistory, historyFromValue, hpaFromText, podsFromText, reconcile, SnapshotInputError, usageFromText } from "../../dynamics/autoscaling/index.ts"
import { showYamlValueError, yamlValue } from "../../domain/manifest/yamlValue.ts"
import { canonical, fromNanos } from "../../domain/quantity/index.ts"
import { asUserError, decodedManifests, maxFileSizeOf, readModelFiles, readUserFile, rejectDuplicateObjects, STDIN_NAME, withMaxFileSize } from "../input.ts"
import { UserError } from "../UserError.ts"

interface Options {
  readonly hpa: string
  readonly pods: ReadonlyArray<string>
  readonly metrics: ReadonlyArray<string>
  readonly now?: string
  readonly history?: string
  readonly json?: boolean
  readonly maxFileSize?: string
}

const userError = <A>(f: () => A): A => asUserError((error) => error instanceof SnapshotInputError, f)

const quantity = (milli: number): string => canonical(fromNanos(BigInt(milli) * 1_000_000n))

const metricJson = (m: MetricResult): Record<string, unknown> => ({
  type: m.type,
  name: m.name,
  replicas: m.replicas,
  ...(m.utilization === undefined ? {} : { utilization: m.utilization }),
  ...(m.averageValue === undefined ? {} : { averageValue: quantity(m.averageValue) }),
  ...(m.value === undefined ? {} : { value: quantity(m.value) }),
  ...(m.error === undefined ? {} : { error: m.error }),
})

/** Registers `catcluster hpa` on the program. @since 0.1.0 @category cli */
export const register = (program: Command): void => {
  const command = program
    .command("hpa")
    .description("one HorizontalPodAutoscaler sync (Kubernetes v1.35) on a snapshot: proposal and desired replicas")
    .requiredOption("--hpa <file>", "an autoscaling/v2 HorizontalPodAutoscaler (YAML or JSON)")
    .requiredOption("--pods <paths...>", "the pods the HPA's target selects (PodList, files or directories, - for standard input)")
    .requiredOption("--metrics <paths...>", "metrics.k8s.io/v1beta1 PodMetrics or PodMetricsList (files or directories, - for standard input)")
    .option("--now <time>", "the controller's clock, RFC 3339 (default: now)")
    .option("--history <file>", "recommendations and scale events of earlier syncs (JSON or YAML)")
    .option("--json", "print the result as JSON")
  withMaxFileSize(command)
    .action((options: Options) => {
      const limits = maxFileSizeOf(options.maxFileSize)
      const now = options.now === undefined ? Date.now() : Date.parse(options.now)
      if (options.now !== undefined && (!/^\d{4}-\d\d-\d\dT/.test(options.now) || !Number.isFinite(now))) throw new UserError(`--now: expected an RFC 3339 time, got ${options.now}`)
      if (options.hpa === "-" && [...options.pods, ...options.metrics].includes("-")) throw new UserError("standard input can hold one of --hpa, --pods, --metrics, not two")
      if (options.pods.includes("-") && options.metrics.includes("-")) throw new UserError("standard input can hold one of --hpa, --pods, --metrics, not two")
      const hpa = userError(() => hpaFromText(readUserFile(options.hpa, limits), options.hpa === "-" ? STDIN_NAME : options.hpa))
      const podFiles = readModelFiles(options.pods, limits)
      const pods = podFiles.flatMap((f) => userError(() => podsFromText(f.text, f.file)))
      // the replica calculator would count a pod given twice twice
      rejectDuplicateObjects(decodedManifests(podFiles))
      const usage = readModelFiles(options.metrics, limits).flatMap((f) => userError(() => usageFromText(f.text, f.file)))
      let history: History = emptyHistory
      if (options.history !== undefined) {
        const file = options.history
        const value = yamlValue(readUserFile(file, limits))
        if (E.isLeft(value)) throw new UserError(showYamlValueError(file, value.left))
        history = userError(() => historyFromValue(value.right, file))
      }
      const currentReplicas = hpa.currentReplicas ?? pods.filter((p) => !p.deleting && p.phase !== "Failed" && p.phase !== "Succeeded").length
      const r = reconcile(hpa.spec, { currentReplicas, pods, usage, now }, history)
      const out = {
        currentReplicas: r.currentReplicas,
        proposedReplicas: r.proposedReplicas,
        desiredReplicas: r.desiredReplicas,
        metrics: r.metrics.map(metricJson),
        reasons: r.reasons,
      }
      if (options.json === true) {
        process.stdout.write(JSON.stringify(out) + "\n")
        return
      }
      const lines = [`HPA ${hpa.name}: ${r.currentReplicas} → proposed ${r.proposedReplicas} → desired ${r.desiredReplicas}`]
      for (const m of out.metrics) lines.push(`  ${m.type} ${m.name}: ${m.replicas ?? "invalid"}${m.utilization === undefined ? "" : `  utilization ${String(m.utilization)}%`}${m.averageValue === undefined ? "" : `  average ${String(m.averageValue)}`}${m.error === undefined ? "" : `  (${String(m.error)})`}`)
      lines.push(`  reasons: ${r.reasons.join(", ")}`)
      process.stdout.write(lines.join("\n") + "\n")
    })
}
