import { readFileSync } from "node:fs"
import * as E from "fp-ts/lib/Either.js"
import { readManifestFiles, type ManifestFile } from "../domain/manifest/load.ts"
import { UserError } from "./UserError.ts"

/**
 * Reading what the user names on the command line. Every failure is a {@link UserError}
 * naming the file and the problem (exit 2), never a stack trace.
 *
 * @since 0.1.0
 */

/**
 * The text of one file; `what` says which option it came from ("nodes", "pods", …).
 *
 * @since 0.1.0
 * @category input
 */
export const readUserFile = (file: string, what: string): string => {
  try {
    return readFileSync(file, "utf8")
  } catch (error) {
    throw new UserError(`cannot read ${what} file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
}

/**
 * Files and directories of manifests (`.yaml`, `.yml`, `.json` under a directory, recursively,
 * in name order), read but not decoded.
 *
 * @since 0.1.0
 * @category input
 */
export const readModelFiles = (paths: ReadonlyArray<string>): ReadonlyArray<ManifestFile> => {
  const read = readManifestFiles(paths)
  if (E.isLeft(read)) throw new UserError(read.left.map((e) => `cannot read ${e.file}: ${e.problem.replace(/^cannot read: /, "")}`).join("\n"))
  return read.right
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
