import type { DecodedModelFile } from "../app/userCluster.ts"
import type { Manifest } from "../domain/manifest/Manifest.ts"
import { modelFromDecoded, type Workload } from "../scheduler/adapters/fromManifests.ts"
import type { ClusterSnapshot } from "../scheduler/model/ClusterSnapshot.ts"
import type { SchedulingNode } from "../scheduler/model/SchedulingNode.ts"
import { assignedPodRequests } from "../scheduler/model/Requests.ts"
import { showAmount } from "../domain/resources/ResourceVector.ts"
import { parseSchedulerConfig } from "../scheduler/profile/config.ts"
import { defaultProfile, type Profile } from "../scheduler/profile/Profile.ts"
import { SchedulerInputError } from "../scheduler/SchedulerInputError.ts"
import { storageGaps } from "../scheduler/adapters/storageGaps.ts"
import { nominationWarnings } from "../scheduler/nominations.ts"
import { noStorage } from "../scheduler/model/Volumes.ts"
import { decodeModelFiles, type ReadProgress } from "./decodeInput.ts"
import { checkHeap } from "./heap.ts"
import { makeProgress, type Progress } from "./Progress.ts"
import type { ReadLimits } from "../domain/manifest/regularFile.ts"
import { asUserError, inputWarnings, maxFileSizeOf, printWarnings, readUserFile, rejectDuplicateObjects, skippedNotes, type SourceFlags } from "./input.ts"
import { UserError } from "./UserError.ts"
import { inventory, type Inventory } from "../operations/Inventory.ts"
import { OperationsError } from "../operations/OperationsError.ts"

/**
 * The user's cluster as the scheduler sees it, read the way every subcommand reads it (see
 * `input.ts`): files, directories, several per flag, standard input; nodes told from workloads
 * by kind; what is not modelled named once on stderr.
 *
 * @since 0.1.0
 */

/** A cluster read from the user's files. @since 0.1.0 @category model */
export interface LoadedCluster {
  readonly files: ReadonlyArray<DecodedModelFile>
  readonly manifests: ReadonlyArray<Manifest>
  readonly nodes: ReadonlyArray<SchedulingNode>
  readonly workload: Workload
  /** Nodes, bindings and every object the scheduler reads (Services, controllers, PDBs, storage, …). */
  readonly cluster: ClusterSnapshot
}

/** Options of {@link loadCluster}. @since 0.1.0 @category model */
export interface LoadOptions {
  /** Schedule VirtualMachines whose runStrategy is not running as if started. */
  readonly startVms?: boolean
  /** Print nothing on stderr (warnings and notes). */
  readonly quiet?: boolean
  /** Refuse an input without a Node (default true). */
  readonly requireNodes?: boolean
  /** Where reading large files shows its progress. */
  readonly progress?: Progress
  /** The command applies ResourceQuota admission itself (`quota`); others say they do not. */
  readonly appliesQuotas?: boolean
  /** The command lists the pods the kubelets rejected in its own output (`schedule`); others warn about each on stderr. */
  readonly listsRejections?: boolean
  /** The command warns about missing storage itself once it knows which pods were created (`schedule`). */
  readonly warnsStorageAfterScheduling?: boolean
}

/**
 * The namespaces that hold a ResourceQuota.
 *
 * @since 0.1.0
 * @category input
 */
export const quotaNamespaces = (manifests: ReadonlyArray<Manifest>): ReadonlySet<string> =>
  new Set(manifests.filter((m) => m.kind === "ResourceQuota").map((q) => q.metadata?.namespace ?? "default"))

/**
 * The warning for pods placed without ResourceQuota admission: the pods to place (keys
 * `namespace/name`) that live in a namespace with a ResourceQuota, or nothing when there are none.
 *
 * @since 0.1.0
 * @category input
 */
export const quotaNotApplied = (manifests: ReadonlyArray<Manifest>, pending: ReadonlyArray<{ readonly key: string }>): ReadonlyArray<string> => {
  const namespaces = quotaNamespaces(manifests)
  const affected = namespaces.size === 0 ? [] : pending.filter((p) => namespaces.has(p.key.slice(0, p.key.indexOf("/"))))
  if (affected.length === 0) return []
  const names = affected.slice(0, 3).map((p) => p.key).join(", ") + (affected.length > 3 ? ", …" : "")
  const one = affected.length === 1
  return [
    `ResourceQuota admission is not applied here: ${affected.length} pod${one ? "" : "s"} to place in a namespace with a ResourceQuota (${names}) ${one ? "is" : "are"} placed as if admitted; \`catcluster quota\` lists what admission would reject`,
  ]
}

/** Files this large show a progress bar while they are read. */
const LARGE_FILE = 16 * 1024 * 1024

/** Reading progress on `progress`, for large files only (a bar per small file would be noise). */
const readProgress = (progress: Progress): ReadProgress => {
  let shown = false
  let started = 0
  let name = ""
  return {
    file: (file, bytes) => {
      name = file
      shown = bytes === undefined || bytes > LARGE_FILE
      started = performance.now()
      if (shown) progress.start(`reading ${file}`, bytes ?? 0)
    },
    read: (bytes) => {
      checkHeap(`reading ${name}`)
      if (shown) progress.update(bytes, `${(bytes / 1e6).toFixed(0)} MB`)
    },
    done: (_name, objects) => {
      if (shown) progress.stop(`${objects} objects in ${((performance.now() - started) / 1000).toFixed(1)} s`)
      shown = false
    },
  }
}

/**
 * Reads, decodes and models the cluster the flags name. No input, no Node, or anything the
 * scheduler cannot model is a {@link UserError} (exit 2) naming the file.
 *
 * @since 0.1.0
 * @category input
 */
export const loadCluster = (flags: SourceFlags, options: LoadOptions = {}): LoadedCluster => {
  const paths = [...(flags.nodes ?? []), ...(flags.workloads ?? []), ...(flags.pods ?? []), ...(flags.stdin === true ? ["-"] : [])]
  if (paths.length === 0) throw new UserError("no input: name manifests with --nodes and --workloads (files or directories), or pipe them in with --stdin")
  // decoded once: the scheduler reads the same manifests and documents the checks read
  const files = decodeModelFiles(paths, readProgress(options.progress ?? makeProgress({ quiet: true })), maxFileSizeOf(flags.maxFileSize))
  const manifests = files.flatMap((f) => f.manifests)
  // said first: without any Node, a pod's binding is not the problem to report
  if (options.requireNodes !== false && !manifests.some((m) => m.kind === "Node")) {
    throw new UserError(`no Node in the input (${files.map((f) => f.file).join(", ")}): nothing to schedule on`)
  }
  // an object given twice is a mistake in the input, named before the model reads either
  rejectDuplicateObjects(manifests)
  const model = asUserError((e) => e instanceof SchedulerInputError, () => modelFromDecoded(files, { startVms: options.startVms === true }))
  if (options.quiet !== true) {
    printWarnings(inputWarnings(manifests))
    if (options.appliesQuotas !== true) printWarnings(quotaNotApplied(manifests, model.workload.pending))
    if (options.listsRejections !== true) printWarnings(kubeletRejections(model.workload))
    printWarnings(boundOvercommits(model.cluster))
    if (options.warnsStorageAfterScheduling !== true) printWarnings(storageGaps(model.workload.pending, model.cluster.storage ?? noStorage))
    printWarnings(nominationWarnings(model.workload.pending))
    printWarnings(skippedNotes(model.workload.skipped), "note")
    printWarnings(skippedNotes(model.workload.notes), "note")
  }
  return { files, manifests, nodes: model.nodes, workload: model.workload, cluster: model.cluster }
}

/**
 * One warning per pod that names its node (`spec.nodeName`) and that node's kubelet refuses:
 * the pod ends Failed with the kubelet's reason and message, and uses nothing there.
 *
 * @since 0.1.0
 * @category input
 */
export const kubeletRejections = (workload: Pick<Workload, "rejected">): ReadonlyArray<string> =>
  workload.rejected.map((r) => `pod ${r.pod.key} names node ${r.node} (spec.nodeName) and the kubelet there rejects it: ${r.reason}: ${r.message}; it ends Failed and uses nothing`)

/**
 * Warnings for nodes whose running pods (bound by `spec.nodeName` and already started there, a
 * VMI's node) request more than the node's allocatable, or are more than its `pods`:
 * kube-scheduler never puts them there and the kubelet would refuse such a pod when it arrives
 * (`OutOf<resource>`, `OutOfpods`), yet these run already (the kubelet admitted them, e.g.
 * before the node shrank), so they are counted as placed and what is left on that node is below
 * zero. Pods still arriving are admitted or rejected first (`kubeletRejections`).
 *
 * @since 0.1.0
 * @category input
 */
export const boundOvercommits = (cluster: ClusterSnapshot): ReadonlyArray<string> => {
  const byNode = new Map<string, Array<ClusterSnapshot["bound"][number]["pod"]>>()
  for (const b of cluster.bound) {
    const list = byNode.get(b.node)
    if (list === undefined) byNode.set(b.node, [b.pod])
    else list.push(b.pod)
  }
  const out: string[] = []
  for (const node of cluster.nodes) {
    const pods = byNode.get(node.name)
    if (pods === undefined) continue
    const used = new Map<string, number>([["pods", pods.length]])
    for (const p of pods) for (const [r, v] of Object.entries(assignedPodRequests(p).requests)) if (r !== "pods") used.set(r, (used.get(r) ?? 0) + v)
    const over = [...used].filter(([r, v]) => v > (node.allocatable[r] ?? 0)).sort(([a], [b]) => (a < b ? -1 : 1))
    if (over.length === 0) continue
    const amounts = over.map(([r, v]) => `${r} ${showAmount(r, BigInt(Math.round(v)))} of ${showAmount(r, BigInt(Math.round(node.allocatable[r] ?? 0)))}`).join(", ")
    const names = pods.slice(0, 3).map((p) => p.key).join(", ") + (pods.length > 3 ? `, … (${pods.length} pods)` : "")
    out.push(
      `node ${node.name}: the pods running on it request more than its allocatable (${amounts}; ${names}): the kubelet refuses a new pod past allocatable (OutOf${over[0]?.[0] ?? ""}), but these started already, so they are counted as placed there`,
    )
  }
  return out
}

/**
 * The scheduler profiles: the default one, or those of a KubeSchedulerConfiguration file (the
 * first one is the default scheduler's; its notes printed on stderr).
 *
 * @since 0.1.0
 * @category input
 */
export const loadSchedulerConfig = (config: string | undefined, limits: ReadLimits = {}): { readonly profile: Profile; readonly profiles: ReadonlyArray<Profile> } => {
  if (config === undefined) return { profile: defaultProfile, profiles: [] }
  const parsed = asUserError((e) => e instanceof SchedulerInputError, () => parseSchedulerConfig(readUserFile(config, limits), config))
  printWarnings(parsed.warnings, "note")
  return { profile: parsed.profile, profiles: parsed.profiles }
}

/**
 * A `--seed` value: an integer.
 *
 * @since 0.1.0
 * @category input
 */
export const parseSeed = (text: string): number => {
  const seed = Number(text)
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(seed)) throw new UserError(`--seed: expected an integer, got ${text}`)
  return seed
}

/**
 * Runs `f`, turning the operations' and the scheduler's input errors into a {@link UserError}
 * (exit 2).
 *
 * @since 0.1.0
 * @category input
 */
export const operationsInput = <A>(f: () => A): A => asUserError((e) => e instanceof OperationsError || e instanceof SchedulerInputError, f)

/** Flags every operator question shares. @since 0.1.0 @category model */
export interface OperationFlags extends SourceFlags {
  readonly config?: string
  readonly seed: string
  readonly json?: boolean
}

/**
 * The inventory of the cluster the flags name (see {@link loadCluster}), with the profile and
 * seed given.
 *
 * @since 0.1.0
 * @category input
 */
export const loadInventory = (flags: OperationFlags, options: LoadOptions = {}): { readonly inventory: Inventory; readonly cluster: LoadedCluster } => {
  const seed = parseSeed(flags.seed)
  const { profile, profiles } = loadSchedulerConfig(flags.config, maxFileSizeOf(flags.maxFileSize))
  const cluster = loadCluster(flags, options)
  const knownNodes = options.requireNodes !== false
  return { inventory: operationsInput(() => inventory(cluster.nodes, cluster.workload, cluster.manifests, { profile, profiles, seed, knownNodes })), cluster }
}

/**
 * Registers `--config` and `--seed` (the scheduler's) on a command.
 *
 * @since 0.1.0
 * @category input
 */
export const withSchedulerOptions = <C extends { option: (flags: string, description: string, value?: string) => C }>(command: C): C =>
  command
    .option("--config <file>", "a KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1) instead of the default profile")
    .option("--seed <n>", "seed of the scheduler's tie-breaking PRNG", "0")
