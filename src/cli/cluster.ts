import type { ManifestFile } from "../domain/manifest/load.ts"
import type { Manifest } from "../domain/manifest/Manifest.ts"
import { modelFromFiles, type Workload } from "../scheduler/adapters/fromManifests.ts"
import type { SchedulingNode } from "../scheduler/model/SchedulingNode.ts"
import { parseSchedulerConfig } from "../scheduler/profile/config.ts"
import { defaultProfile, type Profile } from "../scheduler/profile/Profile.ts"
import { SchedulerInputError } from "../scheduler/SchedulerInputError.ts"
import { asUserError, decodeFiles, inputWarnings, printWarnings, readSourceFiles, readUserFile, skippedNotes, type SourceFlags } from "./input.ts"
import { UserError } from "./UserError.ts"

/**
 * The user's cluster as the scheduler sees it, read the way every subcommand reads it (see
 * `input.ts`): files, directories, several per flag, standard input; nodes told from workloads
 * by kind; what is not modelled named once on stderr.
 *
 * @since 0.1.0
 */

/** A cluster read from the user's files. @since 0.1.0 @category model */
export interface LoadedCluster {
  readonly files: ReadonlyArray<ManifestFile>
  readonly manifests: ReadonlyArray<Manifest>
  readonly nodes: ReadonlyArray<SchedulingNode>
  readonly workload: Workload
}

/** Options of {@link loadCluster}. @since 0.1.0 @category model */
export interface LoadOptions {
  /** Schedule VirtualMachines whose runStrategy is not running as if started. */
  readonly startVms?: boolean
  /** Print nothing on stderr (warnings and notes). */
  readonly quiet?: boolean
}

/**
 * Reads, decodes and models the cluster the flags name. No input, no Node, or anything the
 * scheduler cannot model is a {@link UserError} (exit 2) naming the file.
 *
 * @since 0.1.0
 * @category input
 */
export const loadCluster = (flags: SourceFlags, options: LoadOptions = {}): LoadedCluster => {
  const files = readSourceFiles(flags)
  if (files.length === 0) throw new UserError("no input: name manifests with --nodes and --workloads (files or directories), or pipe them in with --stdin")
  const manifests = decodeFiles(files)
  const model = asUserError((e) => e instanceof SchedulerInputError, () => modelFromFiles(files, { startVms: options.startVms === true }))
  if (model.nodes.length === 0) throw new UserError(`no Node in the input (${files.map((f) => f.file).join(", ")}): nothing to schedule on`)
  if (options.quiet !== true) {
    printWarnings(inputWarnings(manifests))
    printWarnings(skippedNotes(model.workload.skipped), "note")
  }
  return { files, manifests, nodes: model.nodes, workload: model.workload }
}

/**
 * The scheduler profile: the default one, or the one in a KubeSchedulerConfiguration file
 * (its notes printed on stderr).
 *
 * @since 0.1.0
 * @category input
 */
export const loadProfile = (config: string | undefined): Profile => {
  if (config === undefined) return defaultProfile
  const parsed = asUserError((e) => e instanceof SchedulerInputError, () => parseSchedulerConfig(readUserFile(config, "config"), config))
  printWarnings(parsed.warnings, "note")
  return parsed.profile
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
