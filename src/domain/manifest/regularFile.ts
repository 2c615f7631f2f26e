/**
 * Reading a file the user names, safely: only a regular file (a FIFO, a device, a socket or a
 * directory is refused by name, and nothing blocks: the type is checked before the file is
 * opened, and it is opened non-blocking and checked again), at most a given number of bytes
 * (a file over the limit is refused before it is read), and a dangling symlink is reported as
 * that link. Every problem is a sentence naming the file, never an exception.
 *
 * @since 0.1.0
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, statSync, type Stats } from "node:fs"
import * as E from "fp-ts/lib/Either.js"
import type { Either } from "fp-ts/lib/Either.js"

/** The default per-file limit: 256 MiB. @since 0.1.0 @category constants */
export const DEFAULT_MAX_FILE_BYTES = 256 * 2 ** 20

/** Limits on what is read. @since 0.1.0 @category model */
export interface ReadLimits {
  /** The largest file read, in bytes (default {@link DEFAULT_MAX_FILE_BYTES}). */
  readonly maxFileBytes?: number
}

/** A byte count as people read it: `256Mi (268435456 bytes)`. @since 0.1.0 @category destructors */
export const showBytes = (bytes: number): string => {
  const units = ["Ki", "Mi", "Gi", "Ti", "Pi"] as const
  let shown = `${bytes} bytes`
  for (let i = units.length - 1; i >= 0; i--) {
    const unit = 2 ** (10 * (i + 1))
    if (bytes >= unit && bytes % unit === 0) {
      shown = `${bytes / unit}${units[i]} (${bytes} bytes)`
      break
    }
  }
  return shown
}

const kindOf = (s: Stats): string =>
  s.isFIFO()
    ? "a FIFO (named pipe)"
    : s.isCharacterDevice()
      ? "a character device"
      : s.isBlockDevice()
        ? "a block device"
        : s.isSocket()
          ? "a socket"
          : s.isDirectory()
            ? "a directory"
            : "not a regular file"

const overLimit = (size: number, max: number): string =>
  `${showBytes(size)} is over the limit of ${showBytes(max)} per file (--max-file-size raises it)`

const code = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))

/** Why a path that cannot be stat'ed cannot be read: a dangling symlink is named as one. */
const missing = (path: string, error: unknown): string => {
  try {
    if (lstatSync(path).isSymbolicLink()) return `a dangling symlink (to ${readlinkSync(path)})`
  } catch {
    // not even the link exists: the original error says why
  }
  return code(error)
}

/**
 * Why `path` cannot be read as a manifest file (not a regular file, over the limit, a dangling
 * symlink, missing), or undefined when it can. Nothing is opened: a reader that streams the file
 * itself checks it here first.
 *
 * @example
 * import { regularFileProblem } from "catcluster/domain/manifest"
 * regularFileProblem("/dev/zero") // "not a regular file: a character device"
 *
 * @since 0.1.0
 * @category reading
 */
export const regularFileProblem = (path: string, limits: ReadLimits = {}): string | undefined => {
  let s: Stats
  try {
    s = statSync(path)
  } catch (error) {
    return missing(path, error)
  }
  return problemOf(s, limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)
}

const problemOf = (s: Stats, max: number): string | undefined =>
  !s.isFile() ? `not a regular file: ${kindOf(s)}` : s.size > max ? overLimit(s.size, max) : undefined

/** At most `max + 1` bytes from `fd` (one more than allowed tells a file that grew past it). */
const readUpTo = (fd: number, max: number, expected: number, wait: () => void = () => undefined): Buffer => {
  const chunks: Buffer[] = []
  let total = 0
  let chunk = Buffer.allocUnsafe(Math.min(max + 1, Math.max(expected + 1, 1 << 16)))
  let filled = 0
  for (;;) {
    let n: number
    try {
      n = readSync(fd, chunk, filled, chunk.length - filled, null)
    } catch (error) {
      // a non-blocking pipe with nothing yet
      if ((error as NodeJS.ErrnoException).code === "EAGAIN") {
        wait()
        continue
      }
      throw error
    }
    if (n === 0) break
    filled += n
    total += n
    if (total > max) break
    if (filled === chunk.length) {
      chunks.push(chunk)
      chunk = Buffer.allocUnsafe(Math.min(max + 1 - total, 1 << 20))
      filled = 0
    }
  }
  chunks.push(chunk.subarray(0, filled))
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
}

const text = (buffer: Buffer, max: number): Either<string, string> => {
  if (buffer.length > max) return E.left(`more than ${showBytes(max)}, the limit per file (--max-file-size raises it)`)
  try {
    return E.right(buffer.toString("utf8"))
  } catch (error) {
    // beyond the longest string the engine can hold
    return E.left(`cannot hold it as text: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/**
 * The UTF-8 text of a regular file of at most `limits.maxFileBytes` bytes, or why not (see
 * {@link regularFileProblem}; also a file that changes type or grows past the limit between the
 * check and the read).
 *
 * @example
 * import { readRegularFile } from "catcluster/domain/manifest"
 * // readRegularFile("nodes.yaml") → right(text); readRegularFile("fifo.yaml") → left("not a regular file: a FIFO (named pipe)")
 *
 * @since 0.1.0
 * @category reading
 */
export const readRegularFile = (path: string, limits: ReadLimits = {}): Either<string, string> => {
  const max = limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const before = regularFileProblem(path, limits)
  if (before !== undefined) return E.left(before)
  let fd: number
  try {
    // non-blocking: a file swapped for a FIFO after the check must not block the open
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    return E.left(missing(path, error))
  }
  try {
    const s = fstatSync(fd)
    const problem = problemOf(s, max)
    if (problem !== undefined) return E.left(problem)
    return text(readUpTo(fd, max, s.size), max)
  } catch (error) {
    return E.left(code(error))
  } finally {
    closeSync(fd)
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4))

/**
 * The UTF-8 text of an open stream (standard input: a pipe, or a redirected file) of at most
 * `limits.maxFileBytes` bytes, or why not. A device (`< /dev/zero`) is refused before reading.
 *
 * @since 0.1.0
 * @category reading
 */
export const readStreamText = (fd: number, limits: ReadLimits = {}): Either<string, string> => {
  const max = limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  try {
    const s = fstatSync(fd)
    if (s.isFile() && s.size > max) return E.left(overLimit(s.size, max))
    if (!s.isFile() && !s.isFIFO() && !s.isSocket()) return E.left(`not a file or a pipe: ${kindOf(s)}`)
    // a pipe that is not ready yet: wait a little rather than spin
    return text(readUpTo(fd, max, s.isFile() ? s.size : 0, () => Atomics.wait(pause, 0, 0, 10)), max)
  } catch (error) {
    return E.left(code(error))
  }
}

/**
 * Why an open stream (standard input) cannot be read as manifests, or undefined: only a regular
 * file, a pipe or a socket is read (`< /dev/zero` would never end).
 *
 * @since 0.1.0
 * @category reading
 */
export const streamProblem = (fd: number): string | undefined => {
  try {
    const s = fstatSync(fd)
    return s.isFile() || s.isFIFO() || s.isSocket() ? undefined : `not a file or a pipe: ${kindOf(s)}`
  } catch (error) {
    return code(error)
  }
}

/**
 * Bytes from `fd` into `buffer` as `fs.readSync` reads them, waiting briefly while a
 * non-blocking pipe has nothing yet (standard input opened by Node may be one).
 *
 * @since 0.1.0
 * @category reading
 */
export const readWaiting = (fd: number, buffer: Uint8Array, offset: number, length: number): number => {
  for (;;) {
    try {
      return readSync(fd, buffer, offset, length, null)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error
      Atomics.wait(pause, 0, 0, 10)
    }
  }
}
