/**
 * The user's files decoded once, for the commands that read a whole cluster: a kubectl or API
 * list in JSON is read in chunks and decoded item by item ({@link decodeJsonStream}), so a
 * dump of a million pods never sits in memory as text; anything else (YAML, a single object) is
 * read whole and decoded as YAML or JSON. Every problem of every file is reported together
 * (exit 2).
 *
 * @since 0.1.0
 */
import { closeSync, constants, fstatSync, openSync, realpathSync } from "node:fs"
import * as E from "fp-ts/lib/Either.js"
import type { DecodedModelFile } from "../app/userCluster.ts"
import { decodeFile, decodeJsonStream, manifestPaths, showManifestError, type DecodedFile, type ManifestError } from "../domain/manifest/index.ts"
import { DEFAULT_MAX_FILE_BYTES, readWaiting, regularFileProblem, showBytes, streamProblem, type ReadLimits } from "../domain/manifest/regularFile.ts"
import { STDIN_NAME } from "./input.ts"
import { UserError } from "./UserError.ts"

const errno = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))

/**
 * What {@link decodeModelFiles} reports while it reads: each file as it starts (its size, when
 * known) and the bytes read so far.
 *
 * @since 0.1.0
 * @category model
 */
export interface ReadProgress {
  readonly file: (name: string, bytes: number | undefined) => void
  readonly read: (bytes: number) => void
  readonly done: (name: string, objects: number) => void
}

/** A text that is not a JSON list and is over the per-file limit (it would be read whole). */
class TooLarge {
  constructor(readonly max: number) {}
}

/** A decoded file as the model reads it: its manifests and plain documents, named. */
const asModelFile =
  (file: string) =>
  (d: DecodedFile): DecodedModelFile => ({ file, manifests: d.manifests, raws: d.documents })

/** Reads and decodes the file open at `fd`. */
const decodeOpen = (fd: number, file: string, max: number, progress?: ReadProgress): E.Either<ReadonlyArray<ManifestError>, DecodedModelFile> => {
  let total = 0
  // the bytes read so far, while they fit, so a text that is not a list is decoded without reading it twice
  const start: Buffer[] = []
  let kept = 0
  let replayable = true
  const read = (buffer: Uint8Array, offset: number, length: number): number => {
    const n = readWaiting(fd, buffer, offset, length)
    total += n
    progress?.read(total)
    if (replayable) {
      if (kept + n <= max) {
        start.push(Buffer.from(buffer.subarray(offset, offset + n)))
        kept += n
      } else {
        replayable = false
        start.length = 0
      }
    }
    return n
  }
  const streamed = decodeJsonStream(read, file)
  // too large to read whole: the JSON error is the answer
  if (streamed._tag === "NotJson" && !replayable) return E.left([streamed.error])
  if (streamed._tag === "Decoded") return E.map(asModelFile(file))(streamed.result)
  // not a list: read whole, within the per-file limit (a list streams, so only the heap bounds it)
  if (!replayable) throw new TooLarge(max)
  const chunk = Buffer.allocUnsafe(1024 * 1024)
  for (let n = readWaiting(fd, chunk, 0, chunk.length); n > 0; n = readWaiting(fd, chunk, 0, chunk.length)) {
    kept += n
    if (kept > max) throw new TooLarge(max)
    start.push(Buffer.from(chunk.subarray(0, n)))
  }
  return E.map(asModelFile(file))(decodeFile(Buffer.concat(start).toString("utf8"), file))
}

let stdinDecoded: E.Either<ReadonlyArray<ManifestError>, DecodedModelFile> | undefined

/**
 * Files and directories (`.yaml`, `.yml`, `.json` under a directory, recursively, in name
 * order), and `-` for standard input, decoded; a file named twice (directly and through its
 * directory, or a symlink) is read once. Unreadable paths and every decoding problem are one
 * {@link UserError}.
 *
 * @since 0.1.0
 * @category input
 */
export const decodeModelFiles = (paths: ReadonlyArray<string>, progress?: ReadProgress, limits: ReadLimits = {}): ReadonlyArray<DecodedModelFile> => {
  const max = limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const out: DecodedModelFile[] = []
  const unreadable: string[] = []
  const problems: string[] = []
  const seen = new Set<string>()
  const take = (r: E.Either<ReadonlyArray<ManifestError>, DecodedModelFile>): void => {
    if (E.isLeft(r)) problems.push(...r.left.map(showManifestError))
    else {
      out.push(r.right)
      progress?.done(r.right.file, r.right.manifests.length)
    }
  }
  for (const path of paths) {
    if (path === "-") {
      if (seen.has(STDIN_NAME)) continue
      seen.add(STDIN_NAME)
      if (process.stdin.isTTY === true) throw new UserError("standard input is a terminal: pipe manifests in, e.g. kubectl get nodes,pods,vmis -A -o json | catcluster … --stdin")
      if (stdinDecoded === undefined) progress?.file(STDIN_NAME, undefined)
      const problem = streamProblem(0)
      if (problem !== undefined) {
        unreadable.push(`cannot read standard input: ${problem}`)
        continue
      }
      try {
        stdinDecoded ??= decodeOpen(0, STDIN_NAME, max, progress)
      } catch (error) {
        if (!(error instanceof TooLarge)) throw error
        unreadable.push(`cannot read standard input: more than ${showBytes(max)}, the limit per file (--max-file-size raises it; a JSON list streams past it)`)
        continue
      }
      take(stdinDecoded)
      continue
    }
    let files: ReadonlyArray<string>
    try {
      files = manifestPaths(path)
    } catch (error) {
      unreadable.push(`cannot read ${path}: ${errno(error)}`)
      continue
    }
    if (files.length === 0) unreadable.push(`${path}: a directory with no .yaml, .yml or .json file`)
    for (const file of files) {
      let real = file
      try {
        real = realpathSync(file)
      } catch {
        // reported when opened
      }
      if (seen.has(real)) continue
      seen.add(real)
      // only regular files (a FIFO would block, a device never end); their size bounds only what is read whole
      const problem = regularFileProblem(file, { maxFileBytes: Number.MAX_SAFE_INTEGER })
      if (problem !== undefined) {
        unreadable.push(`cannot read ${file}: ${problem}`)
        continue
      }
      let fd: number
      try {
        fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK)
      } catch (error) {
        unreadable.push(`cannot read ${file}: ${errno(error)}`)
        continue
      }
      try {
        progress?.file(file, fstatSync(fd).size)
        take(decodeOpen(fd, file, max, progress))
      } catch (error) {
        if (error instanceof TooLarge) {
          unreadable.push(`cannot read ${file}: ${showBytes(fstatSync(fd).size)} is over the limit of ${showBytes(max)} per file (--max-file-size raises it; a JSON list streams past it)`)
          continue
        }
        if (!(error instanceof Error && "code" in error)) throw error
        unreadable.push(`cannot read ${file}: ${errno(error)}`)
      } finally {
        closeSync(fd)
      }
    }
  }
  if (unreadable.length > 0) throw new UserError(unreadable.join("\n"))
  if (problems.length > 0) {
    const shown = problems.length > 20 ? [...problems.slice(0, 20), `… and ${problems.length - 20} more`] : problems
    throw new UserError(`the input does not decode (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n  ${shown.join("\n  ")}`)
  }
  return out
}
