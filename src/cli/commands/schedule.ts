/**
 * `catcluster schedule --nodes PATH… --pods PATH… [--stdin] [--config SCHED.yaml] [--explain] [--json] [--seed N]`
 *
 * Schedules the pods of PODS (Pods, VMIs and VMs; pods with `spec.nodeName` are already placed)
 * in queue order (PrioritySort: priority, then creation time, then file order; reported in file
 * order) onto the nodes of NODES (a kubectl NodeList, JSON or YAML, which may also hold the nodes'
 * NodeResourceTopologies and CSINodes; PODS may hold the CSINodes instead) as kube-scheduler v1.35
 * would, with the default profile or the profiles of a KubeSchedulerConfiguration (each pod by
 * the profile its `schedulerName` names; none: left unscheduled). A pod naming its node that has
 * not started there is first admitted or rejected by that node's kubelet (v1.35's admit handler).
 * A StatefulSet's ordinals follow its `podManagementPolicy` as its controller creates them: under
 * OrderedReady (the default) an ordinal is created once the ones below it are placed, and one
 * above an ordinal left pending is printed `(not created)` with the pod it waits for
 * (`"notCreated": true` in `--json`); under Parallel all at once. A rejected pod is listed after
 * the placements as `<pod>  (rejected by the kubelet of <node>)
 * <reason>: <message>`, and in `--json` under `rejected` (present when some pod was rejected).
 * `--json` prints `{"placements":[{"pod","node","reasons","victims","scores"?,"notCreated"?}],
 * "rejected"?:[{"pod","node","reason","message"}]}`; `--explain` adds, per pod, every node's
 * feasibility, reasons, plugin scores and weighted total. Bad input: a message naming the file
 * and JSON path, exit 2.
 */
import type { Command } from "commander"
import { describeProfile } from "../../scheduler/profile/describeProfile.ts"
import { defaultProfile, SCORE_PLUGINS } from "../../scheduler/profile/Profile.ts"
import { storageGaps } from "../../scheduler/adapters/storageGaps.ts"
import { scheduleBatch } from "../../scheduler/batch.ts"
import type { KubeletRejection } from "../../scheduler/KubeletAdmission.ts"
import { noStorage } from "../../scheduler/model/Volumes.ts"
import type { Placement } from "../../scheduler/Placement.ts"
import { SchedulerInputError } from "../../scheduler/SchedulerInputError.ts"
import { loadCluster, loadSchedulerConfig, parseSeed } from "../cluster.ts"
import { asUserError, maxFileSizeOf, printWarnings, withSourceOptions, type SourceFlags } from "../input.ts"
import { checkHeap } from "../heap.ts"
import { makeProgress } from "../Progress.ts"
import { UserError } from "../UserError.ts"

/** Batches this large show a progress bar on a terminal. */
const LARGE_BATCH = 10_000

interface Options extends SourceFlags {
  readonly config?: string
  readonly explain?: boolean
  readonly json?: boolean
  readonly seed: string
  readonly engine: string
  readonly startVms?: boolean
}

const userError = <A>(f: () => A): A => asUserError((error) => error instanceof SchedulerInputError, f)

/** A rejected pod as `--json` prints it. */
const rejectionJson = (r: KubeletRejection) => ({ pod: r.pod.key, node: r.node, reason: r.reason, message: r.message })

const text = (placements: ReadonlyArray<Placement>, rejected: ReadonlyArray<KubeletRejection>, explain: boolean): string => {
  const lines: string[] = []
  const width = Math.max(3, ...placements.map((p) => p.pod.length), ...rejected.map((r) => r.pod.key.length))
  for (const p of placements) {
    const where = p.node ?? (p.notCreated === true ? "(not created)" : "(pending)")
    const victims = p.victims.length > 0 ? `  preempts ${p.victims.join(", ")}` : ""
    // a pending pod's line ends with kube-scheduler's own message, as `kubectl describe pod` shows it
    const why = p.node === null ? `  ${p.message === "" ? p.reasons.join(", ") : p.message}` : ""
    lines.push(`${p.pod.padEnd(width)}  ${where}${victims}${why}`)
    if (explain && p.scores !== undefined) {
      const nodeWidth = Math.max(4, ...p.scores.map((s) => s.node.length))
      const head = ["node".padEnd(nodeWidth), ...SCORE_PLUGINS.map((n) => n.replace("NodeResources", "").padStart(18)), "total".padStart(6)]
      lines.push(`    ${head.join(" ")}`)
      for (const s of p.scores) {
        if (!s.feasible) {
          lines.push(`    ${s.node.padEnd(nodeWidth)} infeasible: ${s.reasons.join("; ")}`)
          continue
        }
        const cells = SCORE_PLUGINS.map((n) => String(s.plugins[n] ?? "-").padStart(18))
        lines.push(`    ${[s.node.padEnd(nodeWidth), ...cells, String(s.total).padStart(6)].join(" ")}`)
      }
    }
  }
  // pods that never reached the scheduler: the kubelet's reason and message, as the pod's status shows them
  for (const r of rejected) lines.push(`${r.pod.key.padEnd(width)}  (rejected by the kubelet of ${r.node})  ${r.reason}: ${r.message}`)
  return lines.join("\n")
}

/** Registers `catcluster schedule` on the program. @since 0.1.0 @category cli */
export const register = (program: Command): void => {
  withSourceOptions(
    program
      .command("schedule")
      .description("schedule Pods, VMIs and VMs onto nodes as kube-scheduler v1.35's default profile does (every plugin, preemption)")
      .addHelpText("after", `\nThe default profile, plugin for plugin (--config changes it as upstream reads a KubeSchedulerConfiguration;\na plugin catcluster does not implement is refused, exit 2):\n  ${describeProfile(defaultProfile).split("; ").join("\n  ")}\nOptional catcluster filters for VMs, enabled in --config: VmCapabilities (KVM, CPU features), NumaFit (one NUMA cell).\n\nStatefulSets: under podManagementPolicy OrderedReady (the default) ordinal k is created only once the\nordinals below it are Running and Ready (here: placed); when one stays pending the ones above it are\nprinted "(not created)" with the pod they wait for ("notCreated": true in --json). In a live dump a member\nnot Running and Ready, or being deleted, holds back the missing ordinals above it; a Failed member is\nrecreated. Parallel creates every ordinal at once; any other policy is bad input (exit 2).`),
  )
    .option("--pods <paths...>", "the same as --workloads")
    .option("--config <file>", "a KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1)")
    .option("--explain", "per node: feasibility, reasons, plugin scores and weighted total")
    .option("--json", "print the placements as JSON")
    .option("--seed <n>", "seed of the tie-breaking PRNG", "0")
    .option("--engine <name>", "hot (typed arrays) or readable (the reference σ)", "hot")
    .option("--start-vms", "schedule VirtualMachines whose runStrategy is not running as if started")
    .action((options: Options) => {
      const seed = parseSeed(options.seed)
      if (options.engine !== "hot" && options.engine !== "readable") throw new UserError(`--engine: expected hot or readable, got ${options.engine}`)
      const config = loadSchedulerConfig(options.config, maxFileSizeOf(options.maxFileSize))
      // a bar on a terminal only: piped output and tests see the answer alone
      const progress = makeProgress({ quiet: process.stderr.isTTY !== true })
      const { cluster, workload } = loadCluster(options, { startVms: options.startVms === true, progress, listsRejections: true, warnsStorageAfterScheduling: true })
      const pods = workload.pending
      const large = pods.length >= LARGE_BATCH
      if (large) progress.start(`scheduling ${pods.length} pods on ${cluster.nodes.length} nodes`, pods.length)
      const started = performance.now()
      const placements = userError(() =>
        scheduleBatch(cluster, pods, {
          profile: config.profile,
          profiles: config.profiles,
          seed,
          explain: options.explain === true,
          engine: options.engine as "hot" | "readable",
          progress: (done: number) => {
            checkHeap("scheduling")
            if (large) progress.update(done)
          },
        }),
      )
      if (large) progress.stop(`${Math.round(pods.length / ((performance.now() - started) / 1000))} pods/s`)
      // only the pods that exist need their storage: an OrderedReady ordinal never created needs none
      printWarnings(storageGaps(pods.filter((_, i) => placements[i]?.notCreated !== true), cluster.storage ?? noStorage))
      const rejected = workload.rejected
      if (options.json === true) process.stdout.write(JSON.stringify(rejected.length === 0 ? { placements } : { placements, rejected: rejected.map(rejectionJson) }) + "\n")
      else {
        // an empty answer is said, not printed as a blank line
        if (placements.length === 0) process.stderr.write(`catcluster: note: nothing to schedule: the input holds no pending pod${workload.bound.length > 0 ? ` (${workload.bound.length} already bound)` : ""}\n`)
        if (placements.length > 0 || rejected.length > 0) process.stdout.write(text(placements, rejected, options.explain === true) + "\n")
      }
    })
}
