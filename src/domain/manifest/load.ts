/**
 * Reading manifests from the file system: files, or directories of `.yaml`, `.yml` and
 * `.json` files (recursively, in name order). Problems come back as {@link ManifestError}s,
 * including a file that cannot be read.
 *
 * @since 0.1.0
 */
import { readdirSync, realpathSync, statSync } from "node:fs"
import { join } from "node:path"
import * as E from "fp-ts/lib/Either.js"
import type { Either } from "fp-ts/lib/Either.js"
import { decodeManifests } from "./decode.ts"
import type { Manifest } from "./Manifest.ts"
import type { ManifestError } from "./ManifestError.ts"
import { readRegularFile, type ReadLimits } from "./regularFile.ts"

const MANIFEST_FILE = /\.(ya?ml|json)$/i

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/**
 * The files to read under `path` (itself when it is not a directory), in name order (code-unit
 * order, the same on every machine). `seen` holds the real paths of the directories entered, so a
 * symlink loop is walked once. An entry whose type cannot be told (a dangling symlink) is
 * listed when its name is a manifest's, so that reading it names the link.
 */
const filesUnder = (path: string, seen: Set<string> = new Set()): ReadonlyArray<string> => {
  // a path that cannot be followed is read as a file, whose reader says why (e.g. a dangling link)
  if (!isDirectory(path)) return [path]
  const real = realpathSync(path)
  if (seen.has(real)) return []
  seen.add(real)
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const full = join(path, name)
      // readdir listed it and stat cannot follow it: a link to nothing, named when it is read
      return isDirectory(full) ? filesUnder(full, seen) : MANIFEST_FILE.test(name) ? [full] : []
    })
}

/**
 * The manifest files a path names: itself, or a directory's `.yaml`, `.yml` and `.json` files,
 * recursively, in name order (a symlinked directory loop walked once). Throws the file system's
 * error for a path that cannot be listed.
 *
 * @since 0.1.0
 * @category input
 */
export const manifestPaths = (path: string): ReadonlyArray<string> => filesUnder(path)

/** A manifest file's name and text. @since 0.1.0 @category model */
export interface ManifestFile {
  readonly file: string
  readonly text: string
}

/**
 * Reads the given files, and the `.yaml`, `.yml` and `.json` files under the given directories
 * (recursively, in name order, each directory once even through symlink loops), without
 * decoding them; every file that cannot be read is reported.
 *
 * @example
 * import { readManifestFiles } from "catcluster/domain/manifest"
 * // readManifestFiles(["cluster/nodes.yaml", "workloads/"]) → right([{ file, text }, …]) or left([errors])
 *
 * @since 0.1.0
 * @category reading
 */
export const readManifestFiles = (paths: ReadonlyArray<string>, limits: ReadLimits = {}): Either<ReadonlyArray<ManifestError>, ReadonlyArray<ManifestFile>> => {
  const { files, errors } = readAll(paths, limits)
  return errors.length > 0 ? E.left(errors) : E.right(files)
}

/** Every readable file and every problem, so callers can report both together. */
const readAll = (paths: ReadonlyArray<string>, limits: ReadLimits): { readonly files: ReadonlyArray<ManifestFile>; readonly errors: ReadonlyArray<ManifestError> } => {
  const errors: ManifestError[] = []
  const out: ManifestFile[] = []
  const cannotRead = (file: string, error: unknown): ManifestError => ({
    _tag: "ManifestError",
    file,
    document: 0,
    path: "",
    problem: `cannot read: ${typeof error === "string" ? error : ((error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)))}`,
  })
  for (const path of paths) {
    let files: ReadonlyArray<string>
    try {
      files = filesUnder(path)
    } catch (error) {
      errors.push(cannotRead(path, error))
      continue
    }
    for (const file of files) {
      const read = readRegularFile(file, limits)
      if (E.isLeft(read)) errors.push(cannotRead(file, read.left))
      else out.push({ file, text: read.right })
    }
  }
  return { files: out, errors }
}

/**
 * Decodes every manifest in the given files and directories; all problems of all files are
 * reported together.
 *
 * @example
 * import { loadManifests } from "catcluster/domain/manifest"
 * // loadManifests(["cluster/nodes.yaml", "workloads/"]) → right([...]) or left([errors])
 *
 * @since 0.1.0
 * @category decoding
 */
export const loadManifests = (paths: ReadonlyArray<string>, limits: ReadLimits = {}): Either<ReadonlyArray<ManifestError>, ReadonlyArray<Manifest>> => {
  const read = readAll(paths, limits)
  const errors: ManifestError[] = [...read.errors]
  const manifests: Manifest[] = []
  for (const { file, text } of read.files) {
    const r = decodeManifests(text, file)
    if (E.isLeft(r)) errors.push(...r.left)
    else manifests.push(...r.right)
  }
  return errors.length > 0 ? E.left(errors) : E.right(manifests)
}
