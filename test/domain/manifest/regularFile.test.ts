/**
 * Reading only regular files, within a size limit, with a dangling symlink named as itself and
 * directories walked in one order everywhere (issue 14: a FIFO blocked forever, /dev/zero grew
 * to 16 GB, a dangling link was reported as its directory).
 */
import { spawnSync } from "node:child_process"
import { closeSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { DEFAULT_MAX_FILE_BYTES, readManifestFiles, readRegularFile, readStreamText, regularFileProblem, showBytes } from "../../../src/domain/manifest/index.ts"

const fresh = () => mkdtempSync(join(tmpdir(), "catcluster-regular-"))
const node = (name: string) => `apiVersion: v1\nkind: Node\nmetadata: {name: ${name}}\n`
const fifo = (path: string): boolean => spawnSync("mkfifo", [path]).status === 0

describe("readRegularFile", () => {
  it("reads a regular file up to the limit inclusive, and refuses one byte more naming the limit and the flag", () => {
    const file = join(fresh(), "n.yaml")
    writeFileSync(file, node("n1"))
    const size = node("n1").length
    expect(readRegularFile(file, { maxFileBytes: size })).toEqual(E.right(node("n1")))
    expect(readRegularFile(file, { maxFileBytes: size - 1 })).toEqual(E.left(`${size} bytes is over the limit of ${size - 1} bytes per file (--max-file-size raises it)`))
    expect(readRegularFile(file)).toEqual(E.right(node("n1")))
    expect(DEFAULT_MAX_FILE_BYTES).toBe(256 * 2 ** 20)
    expect(showBytes(DEFAULT_MAX_FILE_BYTES)).toBe("256Mi (268435456 bytes)")
    expect(showBytes(1536)).toBe("1536 bytes")
  })

  it("an empty file is read (as empty text)", () => {
    const file = join(fresh(), "empty.yaml")
    writeFileSync(file, "")
    expect(readRegularFile(file)).toEqual(E.right(""))
  })

  it("refuses a device, a directory and a FIFO by their kind, without opening or blocking", () => {
    expect(readRegularFile("/dev/zero")).toEqual(E.left("not a regular file: a character device"))
    const dir = fresh()
    expect(readRegularFile(dir)).toEqual(E.left("not a regular file: a directory"))
    const pipe = join(dir, "pipe.yaml")
    if (!fifo(pipe)) return console.warn("skipped: mkfifo is not available")
    // a blocking open of a FIFO with no writer would never return: this test would time out
    expect(readRegularFile(pipe)).toEqual(E.left("not a regular file: a FIFO (named pipe)"))
    expect(regularFileProblem(pipe)).toBe("not a regular file: a FIFO (named pipe)")
  })

  it("a dangling symlink is named as one, with its target; a missing file keeps its error code", () => {
    const dir = fresh()
    symlinkSync(join(dir, "gone.yaml"), join(dir, "link.yaml"))
    expect(readRegularFile(join(dir, "link.yaml"))).toEqual(E.left(`a dangling symlink (to ${join(dir, "gone.yaml")})`))
    expect(readRegularFile(join(dir, "missing.yaml"))).toEqual(E.left("ENOENT"))
  })
})

describe("readStreamText", () => {
  it("reads a redirected file within the limit, refuses one over it and a device", () => {
    const file = join(fresh(), "n.yaml")
    writeFileSync(file, node("n1"))
    const fd = openSync(file, "r")
    try {
      expect(readStreamText(fd)).toEqual(E.right(node("n1")))
    } finally {
      closeSync(fd)
    }
    const again = openSync(file, "r")
    try {
      expect(readStreamText(again, { maxFileBytes: 5 })).toEqual(E.left(`${node("n1").length} bytes is over the limit of 5 bytes per file (--max-file-size raises it)`))
    } finally {
      closeSync(again)
    }
    const zero = openSync("/dev/zero", "r")
    try {
      expect(readStreamText(zero)).toEqual(E.left("not a file or a pipe: a character device"))
    } finally {
      closeSync(zero)
    }
  })
})

describe("readManifestFiles: directories", () => {
  it("a dangling symlink and a FIFO inside a directory are reported as themselves, the other files still read", () => {
    const dir = fresh()
    mkdirSync(join(dir, "sub"))
    writeFileSync(join(dir, "a.yaml"), node("n1"))
    symlinkSync(join(dir, "nowhere.yaml"), join(dir, "sub", "broken.yaml"))
    // a dangling link whose name is not a manifest's is not read, like any other such file
    symlinkSync(join(dir, "nowhere.txt"), join(dir, "sub", "notes.txt"))
    const hasFifo = fifo(join(dir, "sub", "pipe.yaml"))
    const r = readManifestFiles([dir])
    expect(E.isLeft(r) && r.left.map((e) => [e.file, e.problem])).toEqual([
      [join(dir, "sub", "broken.yaml"), `cannot read: a dangling symlink (to ${join(dir, "nowhere.yaml")})`],
      ...(hasFifo ? [[join(dir, "sub", "pipe.yaml"), "cannot read: not a regular file: a FIFO (named pipe)"]] : []),
    ])
  })

  it("files are read in code-unit order of their names, whatever the locale (upper case before lower, then non-ASCII)", () => {
    const dir = fresh()
    for (const name of ["b.yaml", "ä.yaml", "B.yaml", "a.yaml", "10.yaml", "9.yaml"]) writeFileSync(join(dir, name), node(name.replace(".yaml", "").replace("ä", "ae").toLowerCase() + "x"))
    const r = readManifestFiles([dir])
    expect(E.isRight(r) && r.right.map((f) => f.file.slice(dir.length + 1))).toEqual(["10.yaml", "9.yaml", "B.yaml", "a.yaml", "b.yaml", "ä.yaml"])
  })

  it("the per-file limit applies inside directories, naming the file", () => {
    const dir = fresh()
    writeFileSync(join(dir, "a.yaml"), node("n1"))
    writeFileSync(join(dir, "big.yaml"), node("n1") + "#".repeat(100))
    const r = readManifestFiles([dir], { maxFileBytes: 64 })
    expect(E.isLeft(r) && r.left.map((e) => e.file)).toEqual([join(dir, "big.yaml")])
  })
})
