import { realpathSync } from "node:fs"
import * as E from "fp-ts/lib/Either.js"
import { readManifestFiles, type ManifestFile } from "../domain/manifest/load.ts"
import { DEFAULT_MAX_FILE_BYTES, readRegularFile, readStreamText, type ReadLimits, showBytes } from "../domain/manifest/regularFile.ts"
import { value } from "../domain/quantity/decimal.ts"
import { parseQuantity } from "../domain/quantity/parse.ts"
import { decodeManifests } from "../domain/manifest/decode.ts"
import { isKnownKind, type Manifest } from "../domain/manifest/Manifest.ts"
import { showManifestError } from "../domain/manifest/ManifestError.ts"
import { objectKey } from "../domain/manifest/objectKey.ts"
import { where } from "../scheduler/adapters/source.ts"
import { UserError } from "./UserError.ts"

/**
 * Reading what the user names on the command line, the same way for every subcommand: files,
 * directories (their `.yaml`, `.yml` and `.json` files, recursively, in name order), several
 * paths per flag, and standard input (`-` as a path, or `--stdin`), so that
 * `kubectl get nodes,pods,vmis -A -o json | catcluster drain node-a --stdin` works. Nodes and
 * workloads are told apart by kind, not by the flag they came with. Every failure is a
 * {@link UserError} naming the file and the problem (exit 2), never a stack trace.
 *
 * @since 0.1.0
 */

/** The name standard input goes by in messages. @since 0.1.0 @category constants */
export const STDIN_NAME = "<stdin>"

/**
 * The text of one file (`--config`, `hpa --hpa`, a diagram's presentation, …); `-` reads standard
 * input. Only a regular file of at most `limits.maxFileBytes` bytes is read; otherwise the
 * message every reader gives: `cannot read FILE: why`.
 *
 * @since 0.1.0
 * @category input
 */
export const readUserFile = (file: string, limits: ReadLimits = {}): string => {
  if (file === "-") return readStdin(limits)
  const read = readRegularFile(file, limits)
  if (E.isLeft(read)) throw new UserError(`cannot read ${file}: ${read.left.replace(/^cannot read: /, "")}`)
  return read.right
}

let stdinText: string | undefined

const realPath = (file: string): string => {
  try {
    return realpathSync(file)
  } catch {
    return file
  }
}

/**
 * Standard input, read once (a second request gets the same text), at most
 * `limits.maxFileBytes` bytes. A terminal is refused: the command would otherwise wait for input
 * nobody is typing; so is a device (`< /dev/zero`).
 *
 * @since 0.1.0
 * @category input
 */
export const readStdin = (limits: ReadLimits = {}): string => {
  if (stdinText !== undefined) return stdinText
  if (process.stdin.isTTY === true) throw new UserError("standard input is a terminal: pipe manifests in, e.g. kubectl get nodes,pods,vmis -A -o json | catcluster … --stdin")
  const read = readStreamText(0, limits)
  if (E.isLeft(read)) throw new UserError(`cannot read standard input: ${read.left}`)
  stdinText = read.right
  return stdinText
}

/**
 * The per-file limit a `--max-file-size` flag gives: a byte count or a quantity (`512Mi`,
 * `1G`); none gives the default (256Mi).
 *
 * `maxFileSizeOf("1Gi")` is `{ maxFileBytes: 1073741824 }`.
 *
 * @since 0.1.0
 * @category input
 */
export const maxFileSizeOf = (flag: string | undefined): ReadLimits => {
  if (flag === undefined) return { maxFileBytes: DEFAULT_MAX_FILE_BYTES }
  const q = parseQuantity(flag.trim())
  const bytes = E.isRight(q) ? Number(value(q.right)) : NaN
  if (!(Number.isSafeInteger(bytes) && bytes > 0)) throw new UserError(`--max-file-size: expected a positive number of bytes (e.g. 268435456 or 512Mi), got ${flag}`)
  return { maxFileBytes: bytes }
}

/**
 * Files and directories of manifests (`.yaml`, `.yml`, `.json` under a directory, recursively,
 * in name order), read but not decoded; `-` is standard input. A file named twice (directly and
 * through its directory, or through a symlink) is read once.
 *
 * @since 0.1.0
 * @category input
 */
export const readModelFiles = (paths: ReadonlyArray<string>, limits: ReadLimits = {}): ReadonlyArray<ManifestFile> => {
  const out: ManifestFile[] = []
  const problems: string[] = []
  let stdinSeen = false
  const seen = new Set<string>()
  for (const path of paths) {
    if (path === "-") {
      // the same stream twice would count every object twice
      if (!stdinSeen) out.push({ file: STDIN_NAME, text: readStdin(limits) })
      stdinSeen = true
      continue
    }
    const read = readManifestFiles([path], limits)
    if (E.isLeft(read)) problems.push(...read.left.map((e) => `cannot read ${e.file}: ${e.problem.replace(/^cannot read: /, "")}`))
    else {
      if (read.right.length === 0) problems.push(`${path}: a directory with no .yaml, .yml or .json file`)
      // a file named twice (itself and through its directory) is read once: twice would double every object
      for (const f of read.right) {
        const real = realPath(f.file)
        if (seen.has(real)) continue
        seen.add(real)
        out.push(f)
      }
    }
  }
  if (problems.length > 0) throw new UserError(problems.join("\n"))
  return out
}

/**
 * Where a subcommand's cluster comes from: paths given with `--nodes` and `--workloads` (or
 * `--pods`), and `--stdin`.
 *
 * @since 0.1.0
 * @category model
 */
export interface SourceFlags {
  readonly nodes?: ReadonlyArray<string>
  readonly workloads?: ReadonlyArray<string>
  readonly pods?: ReadonlyArray<string>
  readonly stdin?: boolean
  /** `--max-file-size`: the per-file limit (bytes or a quantity). */
  readonly maxFileSize?: string
}

/**
 * Every file the flags name, in flag order (nodes, workloads, pods, then standard input); an
 * empty list when none is given.
 *
 * @since 0.1.0
 * @category input
 */
export const readSourceFiles = (flags: SourceFlags): ReadonlyArray<ManifestFile> =>
  readModelFiles([...(flags.nodes ?? []), ...(flags.workloads ?? []), ...(flags.pods ?? []), ...(flags.stdin === true ? ["-"] : [])], maxFileSizeOf(flags.maxFileSize))

/**
 * Registers `--max-file-size` on a command that reads user files; `streams` says whether a
 * kubectl JSON list of its inputs streams past the limit.
 *
 * @since 0.1.0
 * @category input
 */
export const withMaxFileSize = <C extends { option: (flags: string, description: string) => C }>(command: C, streams = false): C =>
  command.option(
    "--max-file-size <bytes>",
    `the largest file (or standard input) read whole, in bytes or as a quantity such as 1Gi${streams ? " (a kubectl JSON list streams past it)" : ""}; only regular files are read (default ${showBytes(DEFAULT_MAX_FILE_BYTES).split(" ")[0]})`,
  )

/**
 * Registers the input options every cluster-reading subcommand shares.
 *
 * @since 0.1.0
 * @category input
 */
export const withSourceOptions = <C extends { option: (flags: string, description: string) => C }>(command: C): C =>
  withMaxFileSize(
    command
      .option("--nodes <paths...>", "Nodes (and NodeResourceTopology): files or directories, - for standard input")
      .option("--workloads <paths...>", "Pods, Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs, VMs, VMIs, PriorityClasses, quotas, PDBs: files or directories, - for standard input")
      .option("--stdin", "also read manifests from standard input (e.g. kubectl get nodes,pods,vmis -A -o json); kinds tell nodes from workloads"),
    true,
  )

/**
 * Kinds catcluster reads besides the ones its codecs decode fully: NodeResourceTopology (NUMA
 * cells), PodDisruptionBudget and the KubeVirt CR (drain), Namespace (quota: KubeVirt's
 * memory-limit ratio label), read from their raw fields.
 *
 * @since 0.1.0
 * @category constants
 */
export const RAW_KINDS: ReadonlySet<string> = new Set(["NodeResourceTopology", "PodDisruptionBudget", "KubeVirt", "Namespace"])

/**
 * What the input holds that catcluster does not model, as a warning naming each kind once with
 * its count.
 *
 * @since 0.1.0
 * @category input
 */
export const inputWarnings = (manifests: ReadonlyArray<Manifest>): ReadonlyArray<string> => {
  const unmodelled = new Map<string, number>()
  for (const m of manifests) {
    const kind = m.kind === "Unknown" ? m.declaredKind : m.kind
    if (!isKnownKind(kind) && !RAW_KINDS.has(kind)) unmodelled.set(kind, (unmodelled.get(kind) ?? 0) + 1)
  }
  if (unmodelled.size === 0) return []
  const total = [...unmodelled.values()].reduce((a, b) => a + b, 0)
  const kinds = [...unmodelled].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k} ×${n}`)
  return [`${total} object${total === 1 ? "" : "s"} of kinds catcluster does not model, read and left out: ${kinds.join(", ")}`]
}

// the duplicates a message lists before "and N more"
const DUPLICATES_SHOWN = 5

/**
 * Objects given twice, as bad input (exit 2): the API server holds one object of a kind,
 * namespace and name ({@link objectKey}), so a second manifest of it is a mistake in the input,
 * and reading both would answer for a cluster that cannot exist. Each is named with both places.
 * Objects of kinds catcluster does not model are left out (they are not read).
 *
 * @since 0.1.0
 * @category input
 */
export const rejectDuplicateObjects = (manifests: ReadonlyArray<Manifest>): void => {
  const seen = new Map<string, Manifest>()
  const twice: string[] = []
  for (const m of manifests) {
    if (m.kind === "Unknown" && !RAW_KINDS.has(m.declaredKind)) continue
    const key = objectKey(m)
    if (key === undefined) continue
    const first = seen.get(key)
    if (first === undefined) seen.set(key, m)
    else twice.push(`${key} (${where(first, "")} and ${where(m, "")})`)
  }
  if (twice.length === 0) return
  const more = twice.length > DUPLICATES_SHOWN ? [`… and ${twice.length - DUPLICATES_SHOWN} more`] : []
  throw new UserError(
    [`${twice.length} object${twice.length === 1 ? " is" : "s are"} given twice (a cluster holds one object of a kind, namespace and name):`, ...twice.slice(0, DUPLICATES_SHOWN), ...more].join("\n  "),
  )
}

/**
 * Decodes every file (all problems of all files reported together, exit 2) and returns the
 * manifests.
 *
 * @since 0.1.0
 * @category input
 */
export const decodeFiles = (files: ReadonlyArray<ManifestFile>): ReadonlyArray<Manifest> => {
  const manifests: Manifest[] = []
  const errors: string[] = []
  for (const f of files) {
    const r = decodeManifests(f.text, f.file)
    if (E.isLeft(r)) errors.push(...r.left.map(showManifestError))
    else manifests.push(...r.right)
  }
  if (errors.length > 0) {
    const shown = errors.length > 20 ? [...errors.slice(0, 20), `… and ${errors.length - 20} more`] : errors
    throw new UserError(`the input does not decode (${errors.length} problem${errors.length === 1 ? "" : "s"}):\n  ${shown.join("\n  ")}`)
  }
  return manifests
}

/**
 * The manifests of whatever decodes in the files, for {@link inputWarnings} and
 * {@link rejectDuplicateObjects} before any work (files that do not decode are left to the
 * caller's own error report).
 *
 * @since 0.1.0
 * @category input
 */
export const decodedManifests = (files: ReadonlyArray<ManifestFile>): ReadonlyArray<Manifest> =>
  files.flatMap((f) => E.getOrElseW(() => [] as ReadonlyArray<Manifest>)(decodeManifests(f.text, f.file)))

/**
 * Prints warnings on stderr, each as `catcluster: warning: …`.
 *
 * @since 0.1.0
 * @category input
 */
export const printWarnings = (warnings: ReadonlyArray<string>, label = "warning"): void => {
  for (const w of warnings) process.stderr.write(`catcluster: ${label}: ${w}\n`)
}

/**
 * Workloads the scheduler read and left out, one line per reason with how many (a dump of a
 * live cluster holds hundreds of owned objects: one line each would bury the answer). Objects
 * that are not workloads (Services, quotas, PDBs, …) are left out here: other parts read them,
 * and kinds nothing reads are named once by {@link inputWarnings}.
 *
 * @since 0.1.0
 * @category input
 */
export const skippedNotes = (skipped: ReadonlyArray<{ readonly key: string; readonly reason: string }>): ReadonlyArray<string> => {
  const byReason = new Map<string, string[]>()
  // kinds that are not workloads are read by other parts (or warned about once by kind)
  for (const s of skipped) if (!s.reason.endsWith("is not scheduled directly")) {
      const keys = byReason.get(s.reason)
      if (keys === undefined) byReason.set(s.reason, [s.key])
      else keys.push(s.key)
    }
  return [...byReason].map(([reason, keys]) => (keys.length === 1 ? `${keys[0]} not scheduled: ${reason}` : `${keys.length} objects not scheduled (${keys.slice(0, 3).join(", ")}${keys.length > 3 ? ", …" : ""}): ${reason}`))
}

/**
 * Runs `f`, turning the layer's own input errors (recognised by `isInputError`) into a
 * {@link UserError} with the same message; anything else is a bug and propagates.
 *
 * @since 0.1.0
 * @category input
 */
export const asUserError = <A>(isInputError: (error: unknown) => boolean, f: () => A): A => {
  try {
    return f()
  } catch (error) {
    if (isInputError(error)) throw new UserError((error as Error).message)
    throw error
  }
}
